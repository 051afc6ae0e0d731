import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IHookFunctions, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

import { getEventTypes } from '../../../nodes/Instantly/methods/eventTypes';
import { InstantlyTrigger } from '../../../nodes/Instantly/InstantlyTrigger.node';
import { clearRecentDeliveries } from '../../../nodes/Instantly/trigger/delivery';
import { EVENT_TYPES, deliveredName } from '../../../nodes/Instantly/trigger/events';
import { secretDigest, VERIFICATION_HEADER } from '../../../nodes/Instantly/trigger/secret';
import { hookContext, loadOptionsContext, RejectedByN8n, webhookContext, type LoggedMessage } from '../../harness/context';
import { startSimulator, type Simulator } from '../../../simulator';
import { apiClient, MINIMAL_CAMPAIGN } from '../../harness/simulator';

const KEY = 'trigger-key';
const WORKFLOW = { id: 'wf-42', name: 'Reply router' };
const trigger = new InstantlyTrigger();
const lifecycle = trigger.webhookMethods.default;
/** Every shipped version: n8n treats a version-1 start node's request body differently. */
const VERSIONS = [trigger.description.version].flat();
/** The version the workflows of the running test use. */
let typeVersion = trigger.description.defaultVersion ?? 1;

type Mode = 'trigger' | 'manual';
type Parameters = Record<string, unknown>;

/** One n8n workflow holding the trigger: its parameters, its persisted static data, its executions. */
interface Workflow {
	parameters: Parameters;
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

function newWorkflow(parameters: Parameters, workflow = WORKFLOW): Workflow {
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

beforeAll(async () => {
	sim = await startSimulator({ clock: 'manual', deliveryRetryDelayMs: 5 });
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
	await sim.close();
	receiver.closeAllConnections();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(async () => {
	sim.reset();
	workflows.clear();
	clearRecentDeliveries();
	sim.createWorkspace({ apiKey: KEY, name: 'Trigger tests' });
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
	expect(sim.invalidRequests).toEqual([]);
	for (const workflow of workflows.values()) {
		const secrets = webhooks().map((webhook) => webhook.headers?.[VERIFICATION_HEADER]).filter((secret): secret is string => typeof secret === 'string');
		// Static data too: n8n 1.x saves it with every execution.
		const kept = [workflow.logs, workflow.executions, workflow.responses, workflow.staticData].map((part) => JSON.stringify(part)).join('');
		for (const secret of secrets) expect(kept).not.toContain(secret);
	}
});

const FIVE_EVENTS = ['email_sent', 'email_opened', 'email_link_clicked', 'reply_received', 'lead_interested'];
const campaignLocator = (value: string) => ({ __rl: true, mode: 'list', value });

describe.each(VERSIONS)('Instantly Trigger version %i', (version) => {
beforeEach(() => {
	typeVersion = version;
});

// Instantly echoes header values in webhook reads today; the trigger must also work if it masks them.
describe.each(['clear', 'masked'])('lifecycle, header values read back %s', (echo) => {
	beforeEach(() => {
		sim.maskWebhookHeaders = echo === 'masked';
	});

	it('activation creates one webhook per event with the secret header, URL, campaign and name; deactivation leaves zero', async () => {
		const workflow = newWorkflow({ events: ['reply_received', 'email_link_clicked'], campaign: campaignLocator(campaignId) });
		expect(await hook('checkExists', workflow)).toBe(false);
		expect(await hook('create', workflow)).toBe(true);

		const stored = registration(workflow);
		const secret = secretAt(productionUrl(workflow));
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.secretDigest).toBe(secretDigest(secret));
		expect(stored).not.toHaveProperty('secret');
		expect(stored).toMatchObject({ events: ['reply_received', 'email_link_clicked'], campaign: campaignId, url: productionUrl(workflow) });
		const bodies = requestsTo('POST', '/api/v2/webhooks').map((request) => request.body);
		expect(bodies).toEqual(
			['reply_received', 'email_link_clicked'].map((event_type, index) => ({
				target_hook_url: productionUrl(workflow),
				event_type,
				campaign: campaignId,
				headers: { [VERIFICATION_HEADER]: secret },
				name: `n8n · Reply router (workflow wf-42) · ${['Reply Received', 'Email Link Clicked'][index]}`,
			})),
		);
		expect(webhooks().map((webhook) => webhook.id).sort()).toEqual(stored.webhooks.map((webhook) => webhook.id).sort());

		expect(await hook('delete', workflow)).toBe(true);
		expect(webhooks()).toEqual([]);
		expect(workflow.staticData).toEqual({});
		const deletes = requestsTo('DELETE', '/api/v2/webhooks/{id}');
		expect(deletes).toHaveLength(2);
		for (const request of deletes) {
			expect(request.rawBody).toBe('');
			expect(request.headers['content-type']).toBeUndefined();
		}
	});

	it('registers all_events alone when it is chosen with other events, for every campaign when none is set', async () => {
		const workflow = newWorkflow({ events: ['email_sent', 'all_events', 'reply_received'] });
		await activate(workflow);
		expect(webhooks()).toHaveLength(1);
		expect(webhooks()[0]).toMatchObject({ event_type: 'all_events', campaign: null });
		expect(requestsTo('POST', '/api/v2/webhooks')[0].body).not.toHaveProperty('campaign');
	});

	it('sends nothing when the parameters are unusable', async () => {
		await expect(hook('create', newWorkflow({ events: [] }))).rejects.toThrow('Choose at least one event');
		await expect(hook('create', newWorkflow({ events: ['email.sent'] }))).rejects.toThrow('Unknown Instantly event');
		await expect(hook('create', newWorkflow({ events: ['email_sent'], campaign: campaignLocator('not-a-uuid') }))).rejects.toThrow(
			'Campaign: "not-a-uuid" is not a valid Instantly ID',
		);
		expect(sim.requests).toEqual([]);
	});

	it('says a well-formed campaign ID is not in the workspace, and creates nothing', async () => {
		const missing = '0199e9d9-0000-7000-8000-00000000beef';
		const workflow = newWorkflow({ events: ['reply_received'], campaign: campaignLocator(missing) });
		await expect(hook('create', workflow)).rejects.toThrow(`Campaign: campaign ${missing} not found in this workspace`);
		expect(sim.requests.map((request) => `${request.method} ${request.template}`)).toEqual(['GET /api/v2/campaigns/{id}']);
		expect(webhooks()).toEqual([]);
		expect(workflow.staticData).toEqual({});
	});

	it('activates with a campaign when the key may not read campaigns', async () => {
		sim.injectFault({ method: 'GET', path: `/api/v2/campaigns/${campaignId}`, status: 403, message: 'Forbidden' });
		const workflow = newWorkflow({ events: ['reply_received'], campaign: campaignLocator(campaignId) });
		await activate(workflow);
		expect(webhooks().map((webhook) => webhook.campaign)).toEqual([campaignId]);
	});

	it('accepts the campaign by URL', async () => {
		const workflow = newWorkflow({
			events: ['email_sent'],
			campaign: { __rl: true, mode: 'url', value: `https://app.instantly.ai/app/campaign/${campaignId}/analytics` },
		});
		await activate(workflow);
		expect(webhooks()[0].campaign).toBe(campaignId);
	});

	it('a restart with everything intact creates nothing', async () => {
		const workflow = newWorkflow({ events: FIVE_EVENTS });
		await activate(workflow);
		const before = JSON.stringify(workflow.staticData);
		sim.clearRequests();
		expect(await hook('checkExists', workflow)).toBe(true);
		expect(sim.requests.map((request) => `${request.method} ${request.template}`)).toEqual(Array(5).fill('GET /api/v2/webhooks/{id}'));
		expect(JSON.stringify(workflow.staticData)).toBe(before);
		expect(webhooks()).toHaveLength(5);
	});

	it('a restart after a webhook was deleted in Instantly repairs the set with no duplicates', async () => {
		const workflow = newWorkflow({ events: FIVE_EVENTS });
		await activate(workflow);
		const oldIds = registration(workflow).webhooks.map((webhook) => webhook.id);
		await api('DELETE', `/api/v2/webhooks/${oldIds[2]}`);

		await activate(workflow);
		expect(webhooks()).toHaveLength(5);
		expect(webhooks().map((webhook) => webhook.event_type).sort()).toEqual([...FIVE_EVENTS].sort());
		expect(webhooks().some((webhook) => oldIds.includes(webhook.id))).toBe(false);
		expect(registration(workflow).webhooks.map((webhook) => webhook.id).sort()).toEqual(webhooks().map((webhook) => webhook.id).sort());
		// A second restart finds the repaired set intact.
		expect(await hook('checkExists', workflow)).toBe(true);
	});

	it('a restart after Instantly disabled a webhook resumes it, and deliveries flow again', async () => {
		const workflow = newWorkflow({ events: ['reply_received', 'email_sent'] });
		await activate(workflow);
		const [first] = registration(workflow).webhooks;
		Object.assign(sim.workspace(KEY).webhooks.get(first.id)!, { status: -1, timestamp_error: new Date().toISOString() });
		sim.clearRequests();

		expect(await hook('checkExists', workflow)).toBe(true);
		const resumes = requestsTo('POST', '/api/v2/webhooks/{id}/resume');
		expect(resumes.map((request) => request.path)).toEqual([`/api/v2/webhooks/${first.id}`.concat('/resume')]);
		expect(resumes[0].rawBody).toBe('');
		expect(resumes[0].headers['content-type']).toBeUndefined();
		expect(webhooks().map((webhook) => webhook.status)).toEqual([1, 1]);
		expect(requestsTo('POST', '/api/v2/webhooks')).toEqual([]);
		expect(workflow.logs.some((log) => log.message.includes(`resumed Instantly webhook ${first.id}`))).toBe(true);

		await sim.triggerEvent(KEY, { event_type: first.event, campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(workflow.executions).toHaveLength(1);
	});

	it('a webhook Instantly disabled after real failed deliveries is resumed on restart, without recreating anything', async () => {
		const workflow = newWorkflow({ events: ['reply_received'] });
		await activate(workflow);
		workflow.failing = true;
		const event = { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' };
		for (let attempt = 0; attempt < 3; attempt++) await sim.triggerEvent(KEY, event);
		expect(webhooks()[0].status).toBe(-1);
		expect(await sim.triggerEvent(KEY, event)).toEqual([]);

		workflow.failing = false;
		sim.clearRequests();
		await activate(workflow);
		expect(requestsTo('POST', '/api/v2/webhooks/{id}/resume')).toHaveLength(1);
		expect(requestsTo('POST', '/api/v2/webhooks')).toEqual([]);
		expect(webhooks()).toHaveLength(1);
		await sim.triggerEvent(KEY, event);
		expect(workflow.executions).toHaveLength(1);
	});

	it('a webhook changed in Instantly (other URL, lost secret) is replaced, with the rest of the set', async () => {
		const workflow = newWorkflow({ events: ['reply_received', 'email_sent'] });
		await activate(workflow);
		const [first] = registration(workflow).webhooks;
		await api('PATCH', `/api/v2/webhooks/${first.id}`, { headers: { other: 'x' } });
		await activate(workflow);
		expect(webhooks()).toHaveLength(2);
		expect(webhooks().every((webhook) => secretDigest(String(webhook.headers?.[VERIFICATION_HEADER])) === registration(workflow).secretDigest)).toBe(true);
	});

	it('changed parameters replace the old set: other events, another campaign, a new URL', async () => {
		const workflow = newWorkflow({ events: ['reply_received'] });
		await activate(workflow);
		workflow.parameters = { events: ['reply_received', 'lead_interested'], campaign: campaignLocator(otherCampaignId) };
		await activate(workflow);
		expect(webhooks().map((webhook) => [webhook.event_type, webhook.campaign]).sort()).toEqual([
			['lead_interested', otherCampaignId],
			['reply_received', otherCampaignId],
		]);
		workflows.delete(workflow.workflow.id);
		workflow.workflow = { id: 'wf-moved', name: 'Reply router' };
		workflows.set('wf-moved', workflow);
		await activate(workflow);
		expect(webhooks()).toHaveLength(2);
		expect(webhooks().every((webhook) => webhook.target_hook_url === productionUrl(workflow))).toBe(true);
	});

	it('a failure in the third of five creations leaves zero webhooks, nothing stored, and a clear error', async () => {
		const workflow = newWorkflow({ events: FIVE_EVENTS });
		const { context, logs } = hookContext(options(workflow, 'trigger'));
		const send = context.helpers.httpRequestWithAuthentication;
		let creations = 0;
		context.helpers.httpRequestWithAuthentication = async function (this: IHookFunctions, type, request) {
			if (request.method === 'POST' && request.url === '/api/v2/webhooks' && ++creations === 3) {
				sim.injectFault({ method: 'POST', path: '/api/v2/webhooks', status: 500, message: 'Internal Server Error' });
			}
			return await send.call(this, type, request);
		};
		const error = await lifecycle.create.call(context).then(
			() => undefined,
			(thrown: Error & { description?: string }) => thrown,
		);
		expect(error?.message).toBe('Could not create the Instantly webhook for "Email Link Clicked" (3 of 5): Instantly: Internal Server Error');
		expect(error?.description).toContain('The 2 webhook(s) already created for this trigger were deleted again');
		expect(webhooks()).toEqual([]);
		expect(workflow.staticData).toEqual({});
		expect(requestsTo('POST', '/api/v2/webhooks')).toHaveLength(3);
		expect(requestsTo('DELETE', '/api/v2/webhooks/{id}')).toHaveLength(2);
		expect(logs.filter((log) => log.level === 'error')).toEqual([]);
	});

	it('a creation applied in Instantly whose answer was lost is found (by its secret, or by URL and name) and deleted', async () => {
		const workflow = newWorkflow({ events: FIVE_EVENTS });
		const { context } = hookContext(options(workflow, 'trigger'));
		const send = context.helpers.httpRequestWithAuthentication;
		let creations = 0;
		context.helpers.httpRequestWithAuthentication = async function (this: IHookFunctions, type, request) {
			if (request.method === 'POST' && request.url === '/api/v2/webhooks' && ++creations === 3) {
				sim.injectFault({ method: 'POST', path: '/api/v2/webhooks', kind: 'applyThenDrop' });
			}
			return await send.call(this, type, request);
		};
		await expect(lifecycle.create.call(context)).rejects.toThrow('(3 of 5)');
		expect(webhooks()).toEqual([]);
		expect(workflow.staticData).toEqual({});
	});

	it('delete counts a 404 as deleted', async () => {
		const workflow = newWorkflow({ events: ['email_sent', 'reply_received'] });
		await activate(workflow);
		await api('DELETE', `/api/v2/webhooks/${registration(workflow).webhooks[0].id}`);
		expect(await hook('delete', workflow)).toBe(true);
		expect(webhooks()).toEqual([]);
		expect(workflow.staticData).toEqual({});
		expect(workflow.logs.filter((log) => log.level === 'error')).toEqual([]);
	});

	it('delete logs a failure with the webhook id, keeps that id, and the next activation removes it', async () => {
		const workflow = newWorkflow({ events: ['email_sent', 'reply_received'] });
		await activate(workflow);
		const [first, second] = registration(workflow).webhooks;
		sim.injectFault({ method: 'DELETE', path: `/api/v2/webhooks/${first.id}`, status: 403, message: 'Forbidden' });

		expect(await hook('delete', workflow)).toBe(false);
		const errors = workflow.logs.filter((log) => log.level === 'error');
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toContain(first.id);
		expect(registration(workflow).webhooks).toEqual([first]);
		expect(webhooks().map((webhook) => webhook.id)).toEqual([first.id]);
		expect(second).toBeDefined();

		await activate(workflow);
		expect(webhooks()).toHaveLength(2);
		expect(webhooks().some((webhook) => webhook.id === first.id)).toBe(false);
	});

	it('"Listen for test event" registers on the test URL beside the production set and removes only its own', async () => {
		const workflow = newWorkflow({ events: ['reply_received'] });
		await activate(workflow);
		const production = registration(workflow);

		await activate(workflow, 'manual');
		const test = registration(workflow, 'test');
		expect(test.url).toBe(testUrl(workflow));
		expect(test.secretDigest).not.toBe(production.secretDigest);
		expect(secretAt(testUrl(workflow))).not.toBe(secretAt(productionUrl(workflow)));
		expect(webhooks().map((webhook) => webhook.target_hook_url).sort()).toEqual([productionUrl(workflow), testUrl(workflow)].sort());
		expect(webhooks().find((webhook) => webhook.target_hook_url === testUrl(workflow))?.name).toBe(
			'n8n (test) · Reply router (workflow wf-42) · Reply Received',
		);

		await sim.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(workflow.executions).toHaveLength(2);

		await hook('delete', workflow, 'manual');
		expect(webhooks().map((webhook) => webhook.target_hook_url)).toEqual([productionUrl(workflow)]);
		expect(registration(workflow)).toEqual(production);
		expect(await hook('checkExists', workflow)).toBe(true);
	});
});

describe('deliveries', () => {
	let workflow: Workflow;
	let secret: string;
	beforeEach(async () => {
		workflow = newWorkflow({ events: ['reply_received', 'email_link_clicked'] });
		await activate(workflow);
		secret = secretAt(productionUrl(workflow));
	});

	it('emits the payload exactly as delivered, plus the event as subscribed and when it was received', async () => {
		const [result] = await sim.triggerEvent(KEY, { event_type: 'email_link_clicked', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(result).toMatchObject({ success: true, statusCode: 200 });
		expect(workflow.executions).toHaveLength(1);
		const [item] = workflow.executions[0];
		const { event, received_at: receivedAt, ...payload } = item.json;
		expect(payload).toEqual(result.payload);
		expect(payload).toMatchObject({ event_type: 'link_clicked', my_custom_var: 'value', tier: 'gold', firstName: 'Jane' });
		expect(event).toBe('email_link_clicked');
		expect(Date.parse(String(receivedAt))).not.toBeNaN();
		expect(workflow.responses).toEqual([{ status: 200, body: undefined }]);
	});

	it.each([
		['no secret header', {}],
		['a wrong secret', { [VERIFICATION_HEADER]: 'f'.repeat(64) }],
		['an empty secret', { [VERIFICATION_HEADER]: '' }],
	])('answers 401 and runs nothing for %s', async (_case, headers) => {
		const response = await post(productionUrl(workflow), JSON.stringify({ event_type: 'reply_received' }), headers);
		expect(response.status).toBe(401);
		expect(workflow.executions).toEqual([]);
	});

	it("answers 401 to another workflow's secret", async () => {
		const other = newWorkflow({ events: ['reply_received'] }, { id: 'wf-other', name: 'Other' });
		await activate(other);
		const response = await post(productionUrl(workflow), JSON.stringify({ event_type: 'reply_received' }), {
			[VERIFICATION_HEADER]: secretAt(productionUrl(other)),
		});
		expect(response.status).toBe(401);
		expect(workflow.executions).toEqual([]);
		// Instantly delivers each workflow its own events only.
		await sim.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(workflow.executions).toHaveLength(1);
		expect(other.executions).toHaveLength(1);
	});

	const NOT_AN_EVENT = [
		['an array', '[{"event_type":"reply_received"}]'],
		['no event_type', '{"lead_email":"jane@prospect.com"}'],
		['a non-string event_type', '{"event_type":7}'],
		['a JSON string that is no object', JSON.stringify('reply_received')],
		['empty', ''],
	];
	const CONTENT_TYPES = ['application/json', 'text/plain', null, 'application/octet-stream'];

	it.each(NOT_AN_EVENT.flatMap(([name, body]) => CONTENT_TYPES.map((type) => [name, body, type])))(
		'answers 400 and runs nothing for a body that is %s, sent as %s',
		async (_case, body, contentType) => {
			const response = await post(productionUrl(workflow), body!, { [VERIFICATION_HEADER]: secret, 'content-type': contentType });
			expect(response.status).toBe(400);
			expect(workflow.executions).toEqual([]);
		},
	);

	it.each(['text/plain', null, 'application/octet-stream'])('answers 400 to text that is not JSON, sent as %s', async (contentType) => {
		const response = await post(productionUrl(workflow), 'event_type=reply_received', { [VERIFICATION_HEADER]: secret, 'content-type': contentType });
		expect(response.status).toBe(400);
		expect(workflow.executions).toEqual([]);
	});

	it('leaves invalid JSON sent as application/json to n8n, which answers 422 before the trigger runs', async () => {
		const response = await post(productionUrl(workflow), '{"event_type":', { [VERIFICATION_HEADER]: secret });
		expect(response.status).toBe(422);
		expect(workflow.executions).toEqual([]);
	});

	const event = { event_type: 'reply_received', campaign_id: '', lead_email: 'jane@prospect.com', email_id: '0199e9d9-0000-7000-8000-000000000000' };
	const asObject = (json: string) => json;
	const asJsonString = (json: string) => JSON.stringify(json);
	it.each([
		['application/json', 'object', asObject],
		['application/json; charset=utf-8', 'object', asObject],
		['text/plain', 'object', asObject],
		['text/plain; charset=utf-8', 'object', asObject],
		[null, 'object', asObject],
		['application/octet-stream', 'object', asObject],
		['application/x-www-form-urlencoded', 'object', asObject],
		['application/json', 'JSON string', asJsonString],
		['text/plain', 'JSON string', asJsonString],
		['text/plain', 'object after a byte order mark', (json: string) => `\uFEFF${json}`],
		['application/json', 'object after a byte order mark', (json: string) => `\uFEFF${json}`],
	])('runs the workflow for an authenticated event sent as %s (%s)', async (contentType, _shape, encode) => {
		const payload = { ...event, campaign_id: campaignId };
		const response = await post(productionUrl(workflow), encode(JSON.stringify(payload)), { [VERIFICATION_HEADER]: secret, 'content-type': contentType });
		expect(response.status).toBe(200);
		expect(workflow.executions).toHaveLength(1);
		const { event: reported, received_at: _receivedAt, ...delivered } = workflow.executions[0][0].json;
		expect(reported).toBe('reply_received');
		expect(delivered).toEqual(payload);
	});

	it("answers 200 and runs nothing for another campaign's event carrying the right secret", async () => {
		const filtered = newWorkflow({ events: ['all_events'], campaign: campaignLocator(campaignId) }, { id: 'wf-filtered', name: 'Filtered' });
		await activate(filtered);
		const send = (payload: IDataObject) => post(productionUrl(filtered), JSON.stringify(payload), { [VERIFICATION_HEADER]: secretAt(productionUrl(filtered)) });
		for (const eventType of ['reply_received', 'lead_interested', 'Hot Lead']) {
			const response = await send({ ...event, event_type: eventType, campaign_id: otherCampaignId });
			expect(response.status).toBe(200);
		}
		expect(filtered.executions).toEqual([]);
		expect((await send({ ...event, campaign_id: campaignId.toUpperCase() })).status).toBe(200);
		// Workspace events carry no campaign: Instantly sent them to this campaign's webhook.
		expect((await send({ event_type: 'account_error', email_account: 'sales@example.com' })).status).toBe(200);
		expect(filtered.executions.map(([item]) => item.json.event)).toEqual(['reply_received', 'account_error']);
	});

	it('answers 200 and runs nothing for an event not selected', async () => {
		for (const eventType of ['email_opened', 'auto_reply_received', 'lead_interested']) {
			const response = await post(productionUrl(workflow), JSON.stringify({ event_type: eventType }), { [VERIFICATION_HEADER]: secret });
			expect(response.status).toBe(200);
		}
		expect(workflow.executions).toEqual([]);
	});

	it("ignores Instantly's test deliveries unless they are passed through", async () => {
		const [hookId] = registration(workflow).webhooks.map((webhook) => webhook.id);
		expect((await api('POST', `/api/v2/webhooks/${hookId}/test`)).body).toMatchObject({ success: true, status_code: 200 });
		expect(workflow.executions).toEqual([]);

		workflow.parameters = { ...workflow.parameters, options: { passTestEvents: true } };
		await api('POST', `/api/v2/webhooks/${hookId}/test`);
		expect(workflow.executions).toHaveLength(1);
		expect(workflow.executions[0][0].json).toMatchObject({ event: 'test_event', event_type: 'test_event', is_test: true, webhook_id: hookId });
	});

	it('drops a duplicate delivery within the window when asked to', async () => {
		const payload = { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com', step: 1, variant: 1, timestamp: '2025-10-15T21:49:49.188Z' };
		const send = () => post(productionUrl(workflow), JSON.stringify(payload), { [VERIFICATION_HEADER]: secret });
		await send();
		await send();
		expect(workflow.executions).toHaveLength(2);
		workflow.parameters = { ...workflow.parameters, options: { duplicateWindowMinutes: 10 } };
		clearRecentDeliveries();
		expect((await send()).status).toBe(200);
		expect((await send()).status).toBe(200);
		expect(workflow.executions).toHaveLength(3);
	});

	it('includes the request headers when asked to, never the secret', async () => {
		workflow.parameters = { ...workflow.parameters, options: { includeHeaders: true } };
		await sim.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		const headers = workflow.executions[0][0].json.headers as IDataObject;
		expect(headers).toMatchObject({ 'user-agent': 'axios/0.21.4', 'content-type': 'application/json' });
		expect(headers).not.toHaveProperty(VERIFICATION_HEADER);
	});
});

describe('every event type round-trips', () => {
	it.each(EVENT_TYPES.filter((type) => type !== 'all_events'))('%s', async (eventType) => {
		const workflow = newWorkflow({ events: [eventType], campaign: campaignLocator(campaignId) });
		await activate(workflow);
		const [result] = await sim.triggerEvent(KEY, { event_type: eventType, campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(result).toMatchObject({ success: true, statusCode: 200 });
		// Another campaign's event does not reach a campaign-filtered trigger.
		expect(await sim.triggerEvent(KEY, { event_type: eventType, campaign_id: otherCampaignId, lead_email: 'jane@prospect.com' })).toEqual([]);
		expect(workflow.executions).toHaveLength(1);
		const [item] = workflow.executions[0];
		expect(item.json).toMatchObject({ ...result.payload, event: eventType, event_type: deliveredName(eventType) });
		await hook('delete', workflow);
		expect(webhooks()).toEqual([]);
	});

	it('all_events: standard events, auto replies and custom label events, each named as subscribed', async () => {
		const label = (await api('POST', '/api/v2/lead-labels', { label: 'Hot Lead', interest_status_label: 'positive' })).body;
		const workflow = newWorkflow({ events: ['all_events'] });
		await activate(workflow);
		for (const eventType of ['email_link_clicked', 'auto_reply_received', 'Hot Lead', 'lead_no_show']) {
			await sim.triggerEvent(KEY, { event_type: eventType, campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		}
		await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'jane@prospect.com', interest_value: label.interest_status });
		await sim.waitForIdle();
		expect(workflow.executions.map(([item]) => [item.json.event, item.json.event_type])).toEqual([
			['email_link_clicked', 'link_clicked'],
			['auto_reply_received', 'auto_reply_received'],
			['Hot Lead', 'Hot Lead'],
			['lead_no_show', 'lead_no_show'],
			['Hot Lead', 'Hot Lead'],
		]);
	});

	it('a custom lead label picked from the list subscribes with its interest value and round-trips', async () => {
		const label = (await api('POST', '/api/v2/lead-labels', { label: 'Hot Lead', interest_status_label: 'positive' })).body;
		const { context } = loadOptionsContext({ nodeType: trigger, credentials: { apiKey: KEY, baseUrl: sim.url }, parameters: {} });
		const option = (await getEventTypes.call(context)).find((entry) => entry.name === 'Custom Label: Hot Lead');
		expect(option?.value).toBe(`custom:${label.interest_status}:Hot Lead`);

		const workflow = newWorkflow({ events: [option!.value, 'reply_received'] });
		await activate(workflow);
		const custom = webhooks().find((webhook) => webhook.custom_interest_value != null);
		expect(custom?.custom_interest_value).toBe(label.interest_status);
		expect(custom?.event_type ?? null).toBeNull();
		expect(requestsTo('POST', '/api/v2/webhooks')[0].body).not.toHaveProperty('event_type');
		expect(await hook('checkExists', workflow)).toBe(true);

		await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'jane@prospect.com', interest_value: label.interest_status });
		await sim.waitForIdle();
		expect(workflow.executions.map(([item]) => item.json.event)).toEqual(['Hot Lead']);
	});
});

});

describe('Instantly Trigger: event list', () => {
	const load = async () => {
		const { context, logs } = loadOptionsContext({ nodeType: trigger, credentials: { apiKey: KEY, baseUrl: sim.url }, parameters: {} });
		return { options: await getEventTypes.call(context), logs };
	};

	it("offers the 19 standard events, then the workspace's custom labels", async () => {
		await api('POST', '/api/v2/lead-labels', { label: 'Warm', interest_status_label: 'positive' });
		const { options: list } = await load();
		expect(list.slice(0, 19).map((option) => option.value)).toEqual([...EVENT_TYPES]);
		expect(list.slice(19).map((option) => option.name)).toEqual(['Custom Label: Warm']);
	});

	it('falls back to the standard events when the call fails', async () => {
		sim.injectFault({ method: 'GET', path: '/api/v2/webhooks/event-types', status: 403, message: 'Forbidden' });
		const { options: list, logs } = await load();
		expect(list.map((option) => option.value)).toEqual([...EVENT_TYPES]);
		expect(logs.some((log) => log.level === 'warn')).toBe(true);
	});
});
