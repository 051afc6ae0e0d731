/**
 * What the scenario and `scripts/dev.ts` share: the package tarball, the example workflows with
 * the demo workspace's ids filled in, the credential file, and a small client for the
 * simulator's control API.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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
/** The agency examples' workflow ids. */
export const AGENCY_EXAMPLES = { report: 'instAgencyReport', clientTemplate: 'instAgencyClient', onboard: 'instAgencyOnbrd1' } as const;

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

/** A workflow's node by name. */
export function nodeNamed(workflow: WorkflowFile, nodeName: string): WorkflowFile['nodes'][number] {
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

/** Start nodes a person fires by hand or by the clock; `webhookVariant` swaps either for a Webhook node. */
const ON_DEMAND_STARTS = new Set(['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.manualTrigger']);

/**
 * An example with its Schedule or Manual Trigger swapped for a Webhook node, so a test (or a
 * person trying the example) can start the same action chain on demand.
 */
export function webhookVariant(workflow: WorkflowFile, id: string, path: string, webhookId: string): WorkflowFile {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowFile;
	const start = copy.nodes.find((node) => ON_DEMAND_STARTS.has(node.type));
	if (!start) throw new Error(`${workflow.id} has no Schedule or Manual Trigger`);
	const oldName = start.name;
	Object.assign(start, {
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
	campaigns: Array<{
		id: string;
		name: string;
		status: number;
		campaign_schedule?: { schedules: Array<{ timing: { from: string; to: string }; days: Record<string, boolean>; timezone: string }> };
	}>;
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

/** Where the simulator delivered an event, and how that went. */
export interface SimulatorDelivery {
	url: string;
	eventType: string;
	success: boolean;
	statusCode: number | null;
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

	/** Every workspace the simulator holds. */
	async workspaces(): Promise<Array<{ id: string; name: string }>> {
		return await this.call('GET', '/workspaces');
	}

	/** Makes an event happen in the workspace of `apiKey`; answers once its deliveries are done. */
	async event(apiKey: string, event: { event_type: string; campaign_id?: string; lead_email?: string }): Promise<SimulatorDelivery[]> {
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

/** A data table in n8n, for reading its rows back. */
export interface DataTableRef {
	projectId: string;
	tableId: string;
}

/** The part of an example's Data Table node that says which table it writes and with which columns. */
interface DataTableNodeParameters {
	dataTableId: { cachedResultName?: string };
	columns: { schema: Array<{ id: string; type: string }> };
}

/**
 * Creates the data table a workflow's Data Table node names (`cachedResultName`), with the columns
 * and types of the node's mapping, in the owner's personal project (`POST
 * /rest/projects/:id/data-tables`, same on 1.x and 2.x), and points the node at it by id (1.x's node
 * can only address a table by id).
 */
export async function wireDataTable(rest: N8nRestClient, workflowId: string): Promise<DataTableRef> {
	const stored = await rest.getWorkflow(workflowId);
	const node = stored.nodes.find((candidate) => candidate.type === 'n8n-nodes-base.dataTable');
	if (!node) throw new Error(`${workflowId} has no Data Table node`);
	const { dataTableId, columns } = node.parameters as unknown as DataTableNodeParameters;
	if (!dataTableId.cachedResultName) throw new Error(`${workflowId}: the Data Table node names no table`);
	const project = await rest.request<{ id: string }>('GET', '/rest/projects/personal');
	const table = await rest.request<{ id: string; name: string }>('POST', `/rest/projects/${project.id}/data-tables`, {
		name: dataTableId.cachedResultName,
		columns: columns.schema.map(({ id, type }) => ({ name: id, type })),
	});
	node.parameters.dataTableId = { __rl: true, mode: 'id', value: table.id, cachedResultName: table.name };
	await rest.request('PATCH', `/rest/workflows/${workflowId}`, {
		name: stored.name,
		nodes: stored.nodes,
		connections: (stored as unknown as { connections: unknown }).connections,
		versionId: stored.versionId,
	});
	return { projectId: project.id, tableId: table.id };
}

/** The first 100 rows of a data table. */
export async function dataTableRows(rest: N8nRestClient, { projectId, tableId }: DataTableRef): Promise<Array<Record<string, unknown>>> {
	const page = await rest.request<{ data: Array<Record<string, unknown>> } | Array<Record<string, unknown>>>(
		'GET',
		`/rest/projects/${projectId}/data-tables/${tableId}/rows?take=100&skip=0`,
	);
	return Array.isArray(page) ? page : page.data;
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

/** A client workspace as the agency examples are pointed at it. */
export interface ClientWorkspace {
	id: string;
	name: string;
}

/** Points the client template's trigger at a client workspace, as picking it from the list stores it. */
export function setTriggerWorkspace(workflow: WorkflowFile, client: ClientWorkspace): void {
	setParameter(workflow, 'Instantly Trigger', 'clientWorkspace', { __rl: true, mode: 'list', value: client.id, cachedResultName: client.name });
}

/**
 * The client template set up for one client, as an agency makes it: duplicated (a new id and name,
 * and, as n8n gives a duplicate, a new webhook id, since two live triggers cannot share a path),
 * then only the trigger's Workspace changed.
 */
export function clientTemplateCopy(template: WorkflowFile, client: ClientWorkspace, id: string): WorkflowFile {
	const copy = JSON.parse(JSON.stringify(template)) as WorkflowFile;
	copy.id = id;
	copy.name = `${template.name} · ${client.name}`;
	nodeNamed(copy, 'Instantly Trigger').webhookId = randomUUID();
	setTriggerWorkspace(copy, client);
	return copy;
}

/** One field a Set node assigns, as stored (an expression stays unevaluated). */
export function setNodeField(workflow: WorkflowFile, nodeName: string, field: string): { name: string; type: string; value: unknown } {
	const { assignments } = nodeNamed(workflow, nodeName).parameters.assignments as { assignments: Array<{ name: string; type: string; value: unknown }> };
	const found = assignments.find((assignment) => assignment.name === field);
	if (!found) throw new Error(`${workflow.id}: "${nodeName}" sets no ${field}`);
	return found;
}

/** Sets the one value of the onboarding example: the client workspace it acts in. */
export function fillOnboarding(workflow: WorkflowFile, clientWorkspaceId: string): void {
	setNodeField(workflow, 'Client to Onboard', 'client_workspace_id').value = clientWorkspaceId;
}
