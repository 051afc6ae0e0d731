import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

import { InstantlyTrigger } from '../../../../nodes/Instantly/InstantlyTrigger.node';
import { clearRecentDeliveries } from '../../../../nodes/Instantly/trigger/delivery';
import { VERIFICATION_HEADER } from '../../../../nodes/Instantly/trigger/secret';
import { hookContext, RejectedByN8n, webhookContext, type LoggedMessage } from '../../../harness/context';
import type { Simulator } from '../../../../simulator';
import { apiClient, MINIMAL_CAMPAIGN, useSimulator } from '../../../harness/simulator';

export const KEY = 'trigger-key';
const WORKFLOW = { id: 'wf-42', name: 'Reply router' };
export const trigger = new InstantlyTrigger();
export const lifecycle = trigger.webhookMethods.default;
/** Every shipped version: n8n treats a version-1 start node's request body differently. */
const VERSIONS = [trigger.description.version].flat();
/** The version the workflows of the running test use. */
let typeVersion = trigger.description.defaultVersion ?? 1;

export const FIVE_EVENTS = ['email_sent', 'email_opened', 'email_link_clicked', 'reply_received', 'lead_interested'];
export const campaignLocator = (value: string) => ({ __rl: true, mode: 'list', value });

type Mode = 'trigger' | 'manual';
type NodeParameters = Record<string, unknown>;

/** One n8n workflow holding the trigger: its parameters, its persisted static data, its executions. */
export interface Workflow {
	parameters: NodeParameters;
	staticData: IDataObject;
	executions: INodeExecutionData[][];
	responses: Array<{ status: number; body: unknown }>;
	logs: LoggedMessage[];
	workflow: { id: string; name: string };
	/** The n8n instance is failing: deliveries get a 503 without reaching the trigger. */
	failing?: boolean;
}

let sim: Simulator;
let api: ReturnType<typeof apiClient>;
let receiver: Server;
let receiverUrl: string;
let campaignId: string;
let otherCampaignId: string;
/** Deliveries arriving at the receiver go to the workflow registered under the URL's path. */
const workflows = new Map<string, Workflow>();

const productionUrl = (workflow: Workflow) => `${receiverUrl}/webhook/${workflow.workflow.id}/webhook`;
const testUrl = (workflow: Workflow) => `${receiverUrl}/webhook-test/${workflow.workflow.id}/webhook`;

function newWorkflow(parameters: NodeParameters, workflow = WORKFLOW): Workflow {
	const created: Workflow = { parameters, staticData: {}, executions: [], responses: [], logs: [], workflow };
	workflows.set(workflow.id, created);
	return created;
}

function options(workflow: Workflow, mode: Mode) {
	return {
		nodeType: trigger,
		credentials: { apiKey: KEY, baseUrl: sim.url },
		parameters: workflow.parameters,
		staticData: workflow.staticData,
		webhookUrl: mode === 'manual' ? testUrl(workflow) : productionUrl(workflow),
		mode,
		workflow: workflow.workflow,
		typeVersion,
	};
}

/** Calls a lifecycle method the way n8n does; an n8n restart reloads static data from the database. */
async function hook(method: 'checkExists' | 'create' | 'delete', workflow: Workflow, mode: Mode = 'trigger') {
	workflow.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	const { context, logs } = hookContext(options(workflow, mode));
	try {
		return await lifecycle[method].call(context);
	} finally {
		workflow.logs.push(...logs);
	}
}

/** What n8n does on activation (and, in 1.x, on every restart). */
async function activate(workflow: Workflow, mode: Mode = 'trigger') {
	if (!(await hook('checkExists', workflow, mode))) await hook('create', workflow, mode);
}

async function deliverToTrigger(path: string, headers: Record<string, string>, rawBody: Buffer) {
	const [, kind, workflowId] = path.split('/');
	const workflow = workflows.get(workflowId)!;
	if (workflow.failing) return { status: 503, body: { message: 'Service Unavailable' } };
	const mode: Mode = kind === 'webhook-test' ? 'manual' : 'trigger';
	let prepared: Awaited<ReturnType<typeof webhookContext>>;
	try {
		prepared = await webhookContext(options(workflow, mode), { headers, rawBody });
	} catch (error) {
		if (!(error instanceof RejectedByN8n)) throw error;
		const answer = { status: error.statusCode, body: { message: error.message } };
		workflow.responses.push(answer);
		return answer;
	}
	const { context, response, logs } = prepared;
	const result: IWebhookResponseData = await trigger.webhook.call(context);
	workflow.logs.push(...logs);
	if (result.workflowData) workflow.executions.push(result.workflowData[0]);
	const answer = { status: response.ended ? (response.statusCode ?? 200) : 200, body: response.body };
	workflow.responses.push(answer);
	return answer;
}

const webhooks = () => [...sim.workspace(KEY).webhooks.values()];
const requestsTo = (method: string, template: string) =>
	sim.requests.filter((request) => request.method === method && request.template === template);
const registration = (workflow: Workflow, slot = 'production') => workflow.staticData[slot] as IDataObject & { secretDigest: string; webhooks: Array<{ id: string; event: string }> };
/** The secret as Instantly holds it (and sends it back): the node keeps only its digest. */
const secretAt = (url: string) => String(webhooks().find((webhook) => webhook.target_hook_url === url)?.headers?.[VERIFICATION_HEADER]);

/** Sends a request to the receiver as a third party would; a null content-type sends none. */
async function post(url: string, body: string, headers: Record<string, string | null> = {}) {
	const sent = Object.entries({ 'content-type': 'application/json', ...headers }).filter((entry): entry is [string, string] => entry[1] !== null);
	// fetch adds text/plain to a string body without a content type; bytes go without one.
	const response = await fetch(url, { method: 'POST', headers: sent, body: Buffer.from(body, 'utf8') });
	return { status: response.status, text: await response.text() };
}

/**
 * The one simulator fixture (`useSimulator`: a simulator per file on the test's clock, a fresh
 * workspace per test) plus a receiver standing in for n8n's webhook server, and two campaigns and
 * a lead in each test's workspace. After every test: no request failed the
 * OpenAPI validation, and no secret Instantly holds appears in what n8n would keep.
 */
export function useTriggerHarness() {
	const fixture = useSimulator({ apiKey: KEY, name: 'Trigger tests', simulator: { deliveryRetryDelayMs: 5 } });
	beforeAll(async () => {
		sim = fixture.sim;
		receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
				deliverToTrigger(request.url ?? '', headers, Buffer.concat(chunks)).then(
					(answer) => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body === undefined ? '' : JSON.stringify(answer.body)),
					(error: Error) => response.writeHead(500).end(error.message),
				);
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		receiver.closeAllConnections();
		await new Promise<void>((resolve) => receiver.close(() => resolve()));
	});

	beforeEach(async () => {
		workflows.clear();
		clearRecentDeliveries();
		api = apiClient(sim.url, KEY);
		campaignId = (await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Founders' })).body.id;
		otherCampaignId = (await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Other' })).body.id;
		await api('POST', '/api/v2/leads', {
			campaign: campaignId,
			email: 'jane@prospect.com',
			first_name: 'Jane',
			company_name: 'Prospect Inc',
			custom_variables: { my_custom_var: 'value', tier: 'gold' },
		});
		sim.clearRequests();
	});

	afterEach(() => {
		for (const workflow of workflows.values()) {
			const secrets = webhooks().map((webhook) => webhook.headers?.[VERIFICATION_HEADER]).filter((secret): secret is string => typeof secret === 'string');
			// Static data too: n8n 1.x saves it with every execution.
			const kept = [workflow.logs, workflow.executions, workflow.responses, workflow.staticData].map((part) => JSON.stringify(part)).join('');
			for (const secret of secrets) expect(kept).not.toContain(secret);
		}
	});

	return {
		get sim() {
			return sim;
		},
		get campaignId() {
			return campaignId;
		},
		get otherCampaignId() {
			return otherCampaignId;
		},
		api: (...request: Parameters<typeof api>) => api(...request),
		workflows,
		newWorkflow,
		options,
		hook,
		activate,
		webhooks,
		requestsTo,
		registration,
		secretAt,
		post,
		productionUrl,
		testUrl,
	};
}

/** Runs the tests once per shipped version of the trigger. */
export function describeEachVersion(tests: () => void) {
	describe.each(VERSIONS)('Instantly Trigger version %i', (version) => {
		beforeEach(() => {
			typeVersion = version;
		});
		tests();
	});
}

/** Runs the tests with header values read back in clear and masked. */
export function describeEachHeaderEcho(name: string, tests: () => void) {
	// Instantly echoes header values in webhook reads today; the trigger must also work if it masks them.
	describe.each(['clear', 'masked'])(`${name}, header values read back %s`, (echo) => {
		beforeEach(() => {
			sim.maskWebhookHeaders = echo === 'masked';
		});
		tests();
	});
}
