/**
 * What the scenario and `scripts/dev.ts` share: the package tarball, the example workflows with
 * the demo workspace's ids filled in, the credential file, and a small client for the
 * simulator's control API.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { packPackage } from './packages';
import type { N8nRestClient } from './rest';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const DEMO_CREDENTIAL = { id: 'instantlyDemo', name: 'Instantly (demo)' } as const;
export const SECRET_HEADER = 'x-n8n-instantly-secret';
/** The Instantly Trigger's webhook path (its URL is `/webhook/<webhookId>/webhook`). */
const TRIGGER_PATH = 'webhook';
export const PACKAGE_NAME = 'n8n-nodes-instantly-ai';

/** A workflow file as n8n's import:workflow reads it. */
export interface WorkflowFile {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{
		id: string;
		name: string;
		type: string;
		typeVersion: number;
		position: [number, number];
		parameters: Record<string, unknown>;
		webhookId?: string;
		credentials?: Record<string, { id: string; name: string }>;
	}>;
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
}

/** Runs `npm run build` and `npm pack` of the repo; returns the tarball path. */
export function buildAndPack(outDir: string, build = true): string {
	if (build) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	return packPackage(REPO_ROOT, outDir);
}

/** Every example of `examples/`, parsed. */
export function loadExamples(): WorkflowFile[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowFile);
}

/** A resource-locator value by id. */
export function byId(value: string): Record<string, unknown> {
	return { __rl: true, mode: 'id', value };
}

function nodeNamed(workflow: WorkflowFile, nodeName: string): WorkflowFile['nodes'][number] {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`${workflow.id} has no node "${nodeName}"`);
	return node;
}

/** Sets a node parameter (dot path) of a workflow in place. */
export function setParameter(workflow: WorkflowFile, nodeName: string, path: string, value: unknown): void {
	const node = nodeNamed(workflow, nodeName);
	const keys = path.split('.');
	let target = node.parameters as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
	target[keys[keys.length - 1]] = value;
}

/** Sets the typeVersion of a workflow's node in place. */
export function setTypeVersion(workflow: WorkflowFile, nodeName: string, typeVersion: number): void {
	nodeNamed(workflow, nodeName).typeVersion = typeVersion;
}

/**
 * The daily-import example with its Schedule Trigger swapped for a Webhook node, so a test (or a
 * person trying the example) can start the same action chain on demand.
 */
export function webhookVariant(workflow: WorkflowFile, id: string, path: string, webhookId: string): WorkflowFile {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowFile;
	const schedule = copy.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	if (!schedule) throw new Error(`${workflow.id} has no Schedule Trigger`);
	const oldName = schedule.name;
	Object.assign(schedule, {
		name: 'Run Now',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	});
	copy.connections['Run Now'] = copy.connections[oldName];
	delete copy.connections[oldName];
	copy.id = id;
	copy.name = `${workflow.name} (run on demand)`;
	return copy;
}

/** An Instantly credential as the e2e imports it. */
export interface ImportedCredential {
	id: string;
	name: string;
	apiKey: string;
	baseUrl: string;
}

/** Writes an n8n import:credentials file with plain data (the CLI encrypts it). */
export function writeCredentialsFile(file: string, credentials: ImportedCredential[]): void {
	mkdirSync(resolve(file, '..'), { recursive: true });
	const rows = credentials.map(({ id, name, apiKey, baseUrl }) => ({ id, name, type: 'instantlyAiApi', data: { apiKey, baseUrl } }));
	writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
}

/** Writes workflows into one import:workflow file (an array: one CLI boot for all). */
export function writeWorkflowsFile(file: string, workflows: WorkflowFile[]): void {
	mkdirSync(resolve(file, '..'), { recursive: true });
	writeFileSync(file, `${JSON.stringify(workflows, null, 2)}\n`);
}

/** The production URL of an Instantly Trigger node. */
export function triggerUrl(baseUrl: string, workflow: WorkflowFile): string {
	const trigger = workflow.nodes.find((node) => node.type === `${PACKAGE_NAME}.instantlyTrigger`);
	if (!trigger?.webhookId) throw new Error(`${workflow.id} has no Instantly Trigger with a webhookId`);
	return `${baseUrl}/webhook/${trigger.webhookId}/${TRIGGER_PATH}`;
}

/** The trigger's selected events. */
export function triggerEvents(workflow: WorkflowFile): string[] {
	const trigger = workflow.nodes.find((node) => node.type === `${PACKAGE_NAME}.instantlyTrigger`);
	return (trigger?.parameters.events as string[] | undefined) ?? [];
}

/** The parts of the simulator's workspace state the e2e reads. */
export interface SimulatorState {
	id: string;
	campaigns: Array<{ id: string; name: string; status: number }>;
	leads: Array<{ id: string; email: string; campaign: string | null; list_id: string | null; lt_interest_status?: number | null; first_name?: string }>;
	leadLists: Array<{ id: string; name: string }>;
	blockListEntries: Array<{ id: string; bl_value: string }>;
	webhooks: Array<{ id: string; target_hook_url: string; event_type?: string | null; headers: Record<string, string> | null; status: number }>;
	emails: Array<{ id: string; ue_type: number; eaccount: string; subject: string; lead: string | null }>;
}

/** A request the simulator answered (or dropped), from `GET /__simulator/requests`. */
export interface SimulatorRequest {
	sequence: number;
	method: string;
	path: string;
	status: number | null;
	fault?: string;
	dropped?: boolean;
}

/** `POST /__simulator/faults`: the next matching calls fail this way. */
export interface SimulatorFault {
	method: string;
	path: string;
	kind: 'status' | 'drop' | 'applyThenDrop' | 'applyThenStatus';
	count?: number;
	status?: number;
}

/** The simulator's control API (`/__simulator/*`), over HTTP as any other process would use it. */
export class SimulatorControl {
	constructor(readonly url: string) {}

	async createWorkspace(options: { apiKey: string; scopes?: string[]; paid?: boolean; name?: string }): Promise<{ id: string; apiKey: string }> {
		return await this.call('POST', '/workspaces', options);
	}

	async state(workspaceId: string): Promise<SimulatorState> {
		return await this.call('GET', `/workspaces/${workspaceId}/state`);
	}

	async invalidRequests(): Promise<unknown[]> {
		return await this.call('GET', '/requests?invalid=1');
	}

	async requests(): Promise<SimulatorRequest[]> {
		return await this.call('GET', '/requests');
	}

	async injectFault(fault: SimulatorFault): Promise<void> {
		await this.call('POST', '/faults', fault);
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/faults');
	}

	async event(apiKey: string, event: { event_type: string; campaign_id?: string; lead_email?: string }): Promise<unknown> {
		return await this.call('POST', '/events', { apiKey, ...event });
	}

	async idle(): Promise<void> {
		await this.call('POST', '/idle');
	}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/__simulator${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`simulator ${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}
}

/** Name of the data table the interested-to-table example writes to. */
const INTERESTED_TABLE = 'Interested leads';

/** Where the interested leads table lives, for reading its rows back. */
export interface DataTableRef {
	projectId: string;
	tableId: string;
}

/**
 * Creates the data table of the interested-to-table example in the owner's personal project
 * (`POST /rest/projects/:id/data-tables`, same on 1.x and 2.x) and points the workflow's Data
 * Table node at it (1.x's node can only address a table by id).
 */
export async function wireInterestedTable(rest: N8nRestClient, workflowId: string): Promise<DataTableRef> {
	const project = await rest.request<{ id: string }>('GET', '/rest/projects/personal');
	const table = await rest.request<{ id: string; name: string }>('POST', `/rest/projects/${project.id}/data-tables`, {
		name: INTERESTED_TABLE,
		columns: ['email', 'first_name', 'company', 'campaign', 'received_at'].map((name) => ({ name, type: 'string' })),
	});
	const stored = await rest.getWorkflow(workflowId);
	const node = stored.nodes.find((candidate) => candidate.type === 'n8n-nodes-base.dataTable');
	if (!node) throw new Error(`${workflowId} has no Data Table node`);
	node.parameters.dataTableId = { __rl: true, mode: 'id', value: table.id, cachedResultName: table.name };
	await rest.request('PATCH', `/rest/workflows/${workflowId}`, {
		name: stored.name,
		nodes: stored.nodes,
		connections: (stored as unknown as { connections: unknown }).connections,
		versionId: stored.versionId,
	});
	return { projectId: project.id, tableId: table.id };
}

/** Points the daily-import example at a lead list and a campaign. */
export function fillDailyImport(
	workflow: WorkflowFile,
	list: { id: string; name: string },
	campaign: { id: string; name: string },
): void {
	setParameter(workflow, 'Get Leads of List', 'filters.listId', { ...byId(list.id), cachedResultName: list.name });
	setParameter(workflow, 'Add Leads to Campaign', 'campaignId', { ...byId(campaign.id), cachedResultName: campaign.name });
}
