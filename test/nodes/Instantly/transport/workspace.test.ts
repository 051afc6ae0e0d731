import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { InstantlyTrigger } from '../../../../nodes/Instantly/InstantlyTrigger.node';
import type { NodeMap } from '../../../../nodes/Instantly/actions/node.type';
import { resources } from '../../../../nodes/Instantly/actions/router';
import { searchCampaigns, searchClientWorkspaces } from '../../../../nodes/Instantly/methods/listSearch';
import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { retryClock } from '../../../../nodes/Instantly/transport/retry';
import { membershipVerdict } from '../../../../nodes/Instantly/transport/workspace';
import { AS_WORKSPACE_HEADER, type AgencyClient, type RecordedRequest } from '../../../../simulator';
import { executeContext, hookContext, loadOptionsContext } from '../../../harness/context';
import { failure } from '../../../harness/failure';
import { apiClient, MINIMAL_CAMPAIGN, startReceiver, useSimulator, type Parameter } from '../../../harness/simulator';

/*
 * Agency mode: an admin key acts in a client workspace by sending `x-as-workspace`. The test's
 * workspace is the admin of Acme and Globex (accepted), Initech (pending) and Umbrella (rejected);
 * the simulator honours the header only for accepted members and keeps every resource, request and
 * rate limit in the workspace a request acted in.
 */
const t = useSimulator({ name: 'Agency' });
const EMAIL = 'jane@prospect-mail.com';
const ACCOUNT = 'alex@getacme-mail.com';
const UNKNOWN_ID = '5e5e5e5e-0000-4000-8000-000000000005';
const WORKSPACE_GROUP_MEMBERS = '/api/v2/workspace-group-members';
const rl = (value: unknown, mode: 'list' | 'id' | 'name' = 'id') => ({ __rl: true, mode, value });

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
	receiver = await startReceiver();
});
afterAll(async () => await receiver.close());

const CLIENT_NAMES = { acme: 'Acme', globex: 'Globex', initech: 'Initech', umbrella: 'Umbrella', hooli: 'Hooli' } as const;
let clients: Record<keyof typeof CLIENT_NAMES, AgencyClient>;
beforeEach(() => {
	const { clients: created } = t.sim.createAgency({
		admin: t.workspaceId,
		clients: [
			{ name: CLIENT_NAMES.acme },
			{ name: CLIENT_NAMES.globex },
			{ name: CLIENT_NAMES.initech, status: 'pending' },
			{ name: CLIENT_NAMES.umbrella, status: 'rejected' },
			{ name: CLIENT_NAMES.hooli },
		],
	});
	const [acme, globex, initech, umbrella, hooli] = created;
	clients = { acme, globex, initech, umbrella, hooli };
});

/** What a request the node sent looks like from the simulator: where it acted and with which header. */
const seen = (request: RecordedRequest) => ({
	method: request.method,
	path: request.path,
	status: request.status,
	workspaceId: request.workspaceId,
	header: request.headers[AS_WORKSPACE_HEADER],
});
const sent = () => t.sim.requests.map(seen);
const lookups = () => sent().filter((request) => request.path === WORKSPACE_GROUP_MEMBERS);
const actions = () => sent().filter((request) => request.path !== WORKSPACE_GROUP_MEMBERS);

/** Everything a workspace holds and every webhook delivery it sent, to compare before and after a run. */
const snapshot = (workspaceId: string) =>
	JSON.stringify(
		{ state: t.sim.workspace(workspaceId), delivered: receiver.received.filter((hook) => hook.body.workspace === workspaceId).map((hook) => hook.body) },
		(_key, value: unknown) => (value instanceof Map ? [...value] : value),
	);

interface Seed {
	campaign: string;
	list: string;
	lead: string;
	entry: string;
	label: string;
	hook: string;
	delivery: string;
	job: string;
	emailId: string;
	threadId: string;
}

/** One of everything the operations act on, made in a workspace through the API (the admin's key, acting there). */
async function seed(workspaceId: string): Promise<Seed> {
	const headers: Record<string, string> = workspaceId === t.workspaceId ? {} : { [AS_WORKSPACE_HEADER]: workspaceId };
	const create = async (path: string, body: unknown) => ((await t.api('POST', path, body, headers)).body as { id: string }).id;
	const campaign = await create('/api/v2/campaigns', MINIMAL_CAMPAIGN);
	const made = {
		campaign,
		list: await create('/api/v2/lead-lists', { name: 'Signups' }),
		lead: await create('/api/v2/leads', { campaign, email: EMAIL }),
		entry: await create('/api/v2/block-lists-entries', { bl_value: 'blocked.com' }),
		label: await create('/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive' }),
		hook: await create('/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, event_type: 'reply_received' }),
		job: await create('/api/v2/leads/move', { campaign, to_campaign_id: campaign }),
	};
	// Logged through a webhook of its own: a delivery to `hook` would start its failure count, and Resume would change nothing.
	await create('/api/v2/webhooks', { target_hook_url: `${receiver.url}/log`, event_type: 'email_sent' });
	await t.sim.triggerEvent(workspaceId, { event_type: 'email_sent', campaign_id: campaign, lead_email: EMAIL });
	const [delivery] = t.sim.workspace(workspaceId).webhookEvents.keys();
	await t.api('POST', '/api/v2/email-verification', { email: EMAIL }, headers);
	t.sim.addAccount(workspaceId, { email: ACCOUNT });
	const email = t.sim.addEmail(workspaceId, { lead: EMAIL, eaccount: ACCOUNT, subject: 'Hello' });
	return { ...made, delivery, emailId: email.id, threadId: email.thread_id as string };
}

/** Enough parameters for each operation to succeed on a seeded workspace; a new operation fails to compile until it is listed. */
const OPERATION_PARAMETERS: {
	[Resource in keyof NodeMap]: Record<NodeMap[Resource], (seeded: Seed) => Record<string, Parameter>>;
} = {
	lead: {
		create: (s) => ({ target: 'campaign', campaignId: rl(s.campaign), email: 'new@prospect-mail.com' }),
		addMany: (s) => ({ target: 'campaign', campaignId: rl(s.campaign) }),
		get: (s) => ({ leadId: s.lead }),
		getAll: () => ({}),
		update: (s) => ({ leadId: s.lead, updateFields: { firstName: 'Jane' } }),
		deleteLead: (s) => ({ leadId: s.lead }),
		deleteMany: (s) => ({ deleteFrom: 'campaign', campaignId: rl(s.campaign), selectBy: 'ids', leadIds: s.lead }),
		updateInterestStatus: () => ({ leadEmail: EMAIL, interestStatus: 1 }),
		move: (s) => ({ from: 'campaign', fromCampaignId: rl(s.campaign), to: 'list', toListId: rl(s.list), leadIds: s.lead, waitForCompletion: false }),
	},
	campaign: {
		create: () => ({ name: 'Q3 Outbound', timezone: 'America/Detroit', fromTime: '08:30', toTime: '16:00', days: ['1'] }),
		get: (s) => ({ campaignId: rl(s.campaign) }),
		getAll: () => ({}),
		update: (s) => ({ campaignId: rl(s.campaign), updateFields: { name: 'Q4 Outbound' } }),
		deleteCampaign: (s) => ({ campaignId: rl(s.campaign) }),
		activate: (s) => ({ campaignId: rl(s.campaign) }),
		pause: (s) => ({ campaignId: rl(s.campaign) }),
		getAnalytics: (s) => ({ campaignId: rl(s.campaign) }),
	},
	blockListEntry: {
		create: () => ({ value: 'competitor.com' }),
		createMany: () => ({ value: 'competitor.com' }),
		get: (s) => ({ entryId: s.entry }),
		getAll: () => ({}),
		deleteEntry: (s) => ({ entryId: s.entry }),
		deleteMany: (s) => ({ entryId: s.entry }),
	},
	email: {
		getAll: () => ({}),
		get: (s) => ({ emailId: s.emailId }),
		update: (s) => ({ emailId: s.emailId, updateFields: { isUnread: false } }),
		deleteEmail: (s) => ({ emailId: s.emailId }),
		countUnread: () => ({}),
		markThreadAsRead: (s) => ({ threadId: s.threadId }),
		reply: (s) => ({ replyTo: 'emailId', replyToUuid: s.emailId, eaccount: ACCOUNT, subject: 'Re: Hello', bodyText: 'Thanks' }),
		forward: (s) => ({ emailId: s.emailId, eaccount: ACCOUNT, to: 'boss@prospect-mail.com', subject: 'Fwd: Hello', includeOriginalBody: true }),
	},
	account: {
		get: () => ({ accountEmail: ACCOUNT }),
		getAll: () => ({}),
		update: () => ({ accountEmail: ACCOUNT, updateFields: { firstName: 'Alex' } }),
		deleteAccount: () => ({ accountEmail: ACCOUNT }),
		pause: () => ({ accountEmail: ACCOUNT }),
		resume: () => ({ accountEmail: ACCOUNT }),
		enableWarmup: () => ({ accountEmails: ACCOUNT, waitForCompletion: false }),
		disableWarmup: () => ({ accountEmails: ACCOUNT, waitForCompletion: false }),
		getWarmupAnalytics: () => ({ accountEmails: ACCOUNT }),
		getDailyAnalytics: () => ({ accountEmails: ACCOUNT }),
		testVitals: () => ({ accountEmails: ACCOUNT }),
	},
	leadList: {
		create: () => ({ name: 'Imported' }),
		get: (s) => ({ listId: rl(s.list) }),
		getAll: () => ({}),
		update: (s) => ({ listId: rl(s.list), updateFields: { name: 'Renamed' } }),
		deleteList: (s) => ({ listId: rl(s.list) }),
		getVerificationStats: (s) => ({ listId: rl(s.list) }),
	},
	leadLabel: {
		create: () => ({ label: 'Warm', sentiment: 'positive' }),
		get: (s) => ({ labelId: s.label }),
		getAll: () => ({}),
		update: (s) => ({ labelId: s.label, updateFields: { label: 'Cold' } }),
		deleteLabel: (s) => ({ labelId: s.label }),
	},
	backgroundJob: { get: (s) => ({ jobId: s.job, waitForCompletion: false }) },
	emailVerification: {
		verify: () => ({ email: 'new@prospect-mail.com', waitForResult: false }),
		getStatus: () => ({ email: EMAIL }),
	},
	webhook: {
		create: () => ({ targetUrl: 'https://hooks.example.com/instantly', eventType: 'reply_received' }),
		get: (s) => ({ webhookId: s.hook }),
		getAll: () => ({}),
		update: (s) => ({ webhookId: s.hook, updateFields: { targetUrl: 'https://hooks.example.com/other' } }),
		deleteWebhook: (s) => ({ webhookId: s.hook }),
		resume: (s) => ({ webhookId: s.hook }),
		sendTest: (s) => ({ webhookId: s.hook }),
		getDelivery: (s) => ({ deliveryId: s.delivery }),
		getDeliveryLog: () => ({}),
	},
	workspace: {
		getCurrent: () => ({}),
		getAllClients: () => ({}),
		getClient: () => ({ memberId: clients.acme.memberId }),
		getAdmin: () => ({}),
	},
};

const everyOperation = Object.entries(resources).flatMap(([resource, operations]) =>
	Object.keys(operations).map((operation) => [resource, operation] as const),
);

function parametersOf(resource: string, operation: string, seeded: Seed): Record<string, Parameter> {
	const forResource: Partial<Record<string, (seeded: Seed) => Record<string, Parameter>>> =
		OPERATION_PARAMETERS[resource as keyof NodeMap];
	const parameters = forResource[operation];
	if (parameters === undefined) throw new Error(`No test parameters for ${resource} › ${operation}`);
	return { resource, operation, ...parameters(seeded) };
}

/** Whether a request changes what a workspace holds: its endpoint needs more than a read scope. */
const writes = (request: RecordedRequest) =>
	Object.values(endpoints).some((endpoint) => endpoint.method === request.method && endpoint.path === request.template && !endpoint.scope.endsWith(':read'));

const inClient = (id: unknown) => ({ workspace: 'client', clientWorkspace: rl(id) });
const bulkInput = [{ json: { email: 'bulk@prospect-mail.com' } }];

/**
 * Seeds the admin workspace and two clients alike, runs the operation in `actingIn` (`inClient` or
 * not), and says which workspaces changed.
 */
async function runSeeded(resource: string, operation: string, actingIn: string) {
	const workspaces = [t.workspaceId, clients.acme.id, clients.globex.id];
	const seeds = new Map<string, Seed>();
	for (const id of workspaces) seeds.set(id, await seed(id));
	await t.sim.runAllTimers();
	const before = workspaces.map(snapshot);
	t.reset();
	const choice = actingIn === t.workspaceId ? {} : inClient(actingIn);
	const { items } = await t.run({ ...parametersOf(resource, operation, seeds.get(actingIn)!), ...choice }, { items: bulkInput, continueOnFail: true });
	const changed = workspaces.filter((id, index) => snapshot(id) !== before[index]);
	return { items, changed, wrote: t.sim.requests.some(writes) };
}

describe('Workspace choice on every operation', () => {
	it('covers every operation of the router', () => {
		expect(everyOperation.length).toBeGreaterThan(60);
	});

	it.each(everyOperation)(
		"%s › %s: a client workspace sends x-as-workspace on every request, and acts there only",
		async (resource, operation) => {
			const { items, changed, wrote } = await runSeeded(resource, operation, clients.acme.id);

			expect(items.map((item) => item.json.error)).toEqual(items.map(() => undefined));
			// First the membership check, in the key's own workspace; then only requests acting in the client's.
			const [check, ...rest] = sent();
			expect(check).toMatchObject({ method: 'GET', path: WORKSPACE_GROUP_MEMBERS, workspaceId: t.workspaceId, header: undefined });
			expect(rest.length).toBeGreaterThan(0);
			expect(rest.map(({ header, workspaceId }) => ({ header, workspaceId }))).toEqual(
				rest.map(() => ({ header: clients.acme.id, workspaceId: clients.acme.id })),
			);
			expect(changed).toEqual(wrote ? [clients.acme.id] : []);
		},
	);

	it.each(everyOperation)("%s › %s: the key's own workspace (the default) sends no header and no check", async (resource, operation) => {
		const { items, changed, wrote } = await runSeeded(resource, operation, t.workspaceId);

		expect(items.map((item) => item.json.error)).toEqual(items.map(() => undefined));
		expect(sent().length).toBeGreaterThan(0);
		expect(sent().filter((request) => request.header !== undefined || request.workspaceId !== t.workspaceId)).toEqual([]);
		if (operation !== 'getAllClients') expect(lookups()).toEqual([]);
		expect(changed).toEqual(wrote ? [t.workspaceId] : []);
	});
});

/** Lead › Get once per entry of `workspaces`, each item acting in its own client workspace by `{{ $json.sub_workspace_id }}`. */
async function getLeadsIn(workspaces: string[], { parallelRequests = 1, continueOnFail = false } = {}) {
	return await t.run(
		{
			resource: 'lead',
			operation: 'get',
			leadId: (item: INodeExecutionData) => item.json.lead_id,
			workspace: 'client',
			clientWorkspace: rl((item: INodeExecutionData) => item.json.sub_workspace_id),
			parallelRequests,
		},
		{ items: workspaces.map((id) => ({ json: { sub_workspace_id: id, lead_id: leadOf.get(id) ?? UNKNOWN_ID } })), continueOnFail },
	);
}

/** The lead each client workspace holds for `getLeadsIn`. */
const leadOf = new Map<string, string>();
async function seedLeads(...workspaceIds: string[]) {
	for (const id of workspaceIds) {
		const lead = await t.api('POST', '/api/v2/leads', { email: `lead@${id}.example.com` }, { [AS_WORKSPACE_HEADER]: id });
		leadOf.set(id, lead.body.id as string);
	}
	t.reset();
}

describe('per item', () => {
	it('an expression gives each item its own client workspace; each is checked once per execution', async () => {
		await seedLeads(clients.acme.id, clients.globex.id);
		const order = [clients.acme.id, clients.globex.id, clients.acme.id, clients.globex.id];
		const { items } = await getLeadsIn(order);

		expect(items.map((item) => item.json.id)).toEqual(order.map((id) => leadOf.get(id)));
		expect(actions().map((request) => [request.header, request.workspaceId, request.status])).toEqual(order.map((id) => [id, id, 200]));
		expect(lookups()).toHaveLength(2);
	});

	it('bulk operations never mix client workspaces in one batch', async () => {
		const input = [clients.acme.id, clients.globex.id, clients.acme.id].map((id, index) => ({
			json: { sub_workspace_id: id, domain: `blocked${index}.com` },
		}));
		const { items } = await t.run(
			{
				resource: 'blockListEntry',
				operation: 'createMany',
				value: (item: INodeExecutionData) => item.json.domain,
				workspace: 'client',
				clientWorkspace: rl((item: INodeExecutionData) => item.json.sub_workspace_id),
			},
			{ items: input, continueOnFail: true },
		);

		expect(items.map((item) => item.json.error)).toEqual(items.map(() => undefined));
		expect(t.sim.requests.filter((request) => request.path !== WORKSPACE_GROUP_MEMBERS).map((request) => [request.workspaceId, request.body])).toEqual([
			[clients.acme.id, { bl_values: ['blocked0.com', 'blocked2.com'] }],
			[clients.globex.id, { bl_values: ['blocked1.com'] }],
		]);
		const blocked = (id: string) => [...t.sim.workspace(id).blockListEntries.values()].map((entry) => entry.bl_value).sort();
		expect([blocked(clients.acme.id), blocked(clients.globex.id), blocked(t.workspaceId)]).toEqual([['blocked0.com', 'blocked2.com'], ['blocked1.com'], []]);
	});
});

describe('an invalid client workspace is refused before any request', () => {
	it.each([
		['not a UUID', 'acme', /^Client Workspace: "acme" is not a valid Instantly ID/],
		['empty', '', /^Client Workspace is required/],
	])('%s', async (_case, value, message) => {
		const error = await failure(t.run({ resource: 'lead', operation: 'get', leadId: UNKNOWN_ID, ...inClient(value) }));
		expect(error.message).toMatch(message);
		expect(sent()).toEqual([]);
	});

	// The transport refuses this itself: no answer from any server is involved.
	it('a request that names no item is refused when a client workspace was chosen', async () => {
		const { context } = executeContext({
			nodeType: new Instantly(),
			credentials: t.credentials,
			parameters: { resource: 'campaign', operation: 'getAll', ...inClient(clients.acme.id) },
		});
		const error = await failure(instantlyApiRequest.call(context, endpoints.listCampaigns, {}));
		expect(error.message).toBe('GET /api/v2/campaigns was about to be sent without its item, so the client workspace it acts in is unknown');
		expect(sent()).toEqual([]);
	});

	it("a request from outside an execution (the trigger's hooks) acts where it says, and is refused when it says nothing", async () => {
		const { context } = hookContext({
			nodeType: new InstantlyTrigger(),
			credentials: t.credentials,
			parameters: { events: ['reply_received'], ...inClient(clients.acme.id) },
		});
		const error = await failure(instantlyApiRequest.call(context, endpoints.listWebhooks, {}));
		expect(error.message).toBe('GET /api/v2/webhooks was about to be sent without naming the workspace it acts in');
		expect(sent()).toEqual([]);

		await instantlyApiRequest.call(context, endpoints.listWebhooks, { actingIn: clients.globex.id });
		await instantlyApiRequest.call(context, endpoints.listWebhooks, { actingIn: null });
		expect(actions().map((request) => [request.workspaceId, request.header])).toEqual([
			[clients.globex.id, clients.globex.id],
			[t.workspaceId, undefined],
		]);
	});

	it("an item's invalid workspace fails that item only; the others still act in theirs", async () => {
		await seedLeads(clients.acme.id);
		const { items } = await getLeadsIn([clients.acme.id, '12'], { continueOnFail: true });
		expect(items[0].json.id).toBe(leadOf.get(clients.acme.id));
		expect(items[1].json.error).toMatch(/Client Workspace: "12" is not a valid Instantly ID/);
		expect(actions().map((request) => request.workspaceId)).toEqual([clients.acme.id]);
	});
});

describe('a workspace the key may not act in: a clear error, nothing sent to it', () => {
	/** Lead › Create in `workspaceId`; afterwards no workspace holds anything new and only the member list was read. */
	async function refusedCreate(workspaceId: string, credentials = t.credentials) {
		const before = t.sim.listWorkspaces().map((workspace) => snapshot(workspace.id));
		t.reset();
		const { context } = executeContext({
			nodeType: new Instantly(),
			credentials,
			parameters: { resource: 'lead', operation: 'create', target: 'list', listId: rl(UNKNOWN_ID), email: EMAIL, ...inClient(workspaceId) },
		});
		const error = await failure(new Instantly().execute.call(context));
		expect(t.sim.listWorkspaces().map((workspace) => snapshot(workspace.id))).toEqual(before);
		expect(sent().filter((request) => request.method !== 'GET' || request.path !== WORKSPACE_GROUP_MEMBERS || request.header !== undefined)).toEqual([]);
		expect(error.description).toMatch(/^Nothing was sent to it\./);
		return error;
	}

	it.each([
		['pending', 'initech', () => `Client workspace "Initech" (${clients.initech.id}) is not available: its invitation to the API key's workspace group is still pending`],
		['rejected', 'umbrella', () => `Client workspace "Umbrella" (${clients.umbrella.id}) is not available: it rejected the invitation to the API key's workspace group`],
		['a membership ID', 'acme', () => `Client workspace "Acme" (${clients.acme.memberId}) is not available: that is the ID of a membership record, not of a workspace: use its sub_workspace_id ${clients.acme.id}`],
	] as const)('%s', async (kind, name, message) => {
		const id = kind === 'a membership ID' ? clients[name].memberId : clients[name].id;
		expect((await refusedCreate(id)).message).toBe(message());
		expect(lookups()).toEqual([{ method: 'GET', path: WORKSPACE_GROUP_MEMBERS, status: 200, workspaceId: t.workspaceId, header: undefined }]);
	});

	it.each([
		['unknown', () => UNKNOWN_ID],
		["the key's own workspace", () => t.workspaceId],
		["another agency's client", () => t.sim.createAgency({ clients: [{ name: 'Elsewhere' }] }).clients[0].id],
	])('%s', async (_case, idOf) => {
		const id = idOf();
		expect((await refusedCreate(id)).message).toBe(`Client workspace ${id} is not available: it is not a member of the API key's workspace group`);
	});

	it('a key whose workspace groups nobody (not an admin key)', async () => {
		const loner = t.sim.createWorkspace({ name: 'Loner' });
		const error = await refusedCreate(clients.acme.id, { apiKey: loner.apiKey, baseUrl: t.sim.url });
		expect(error.message).toBe(`Client workspace ${clients.acme.id} is not available: it is not a member of the API key's workspace group`);
		expect(sent()).toEqual([{ method: 'GET', path: WORKSPACE_GROUP_MEMBERS, status: 200, workspaceId: loner.id, header: undefined }]);
	});

	it('a key without the workspace_group_members:read scope', async () => {
		t.sim.addApiKey(t.workspaceId, 'agency-leads-only', ['leads:all']);
		const error = await refusedCreate(clients.acme.id, { apiKey: 'agency-leads-only', baseUrl: t.sim.url });
		expect(error.message).toMatch(
			new RegExp(`^Client workspace ${clients.acme.id} is not available: the API key could not list its workspace group \\(Instantly answered 403: .+\\), so it is not the key of an admin workspace or lacks the workspace_group_members:read scope$`),
		);
		expect(`${error.message} ${error.description}`).not.toContain('agency-leads-only');
	});

	it.each([400, 401, 403, 404])('a key that cannot list its workspace group (%i)', async (status) => {
		t.sim.injectFault({ method: 'GET', path: WORKSPACE_GROUP_MEMBERS, status });
		const error = await refusedCreate(clients.acme.id);
		expect(error.message).toMatch(
			new RegExp(`^Client workspace ${clients.acme.id} is not available: the API key could not list its workspace group \\(Instantly answered ${status}: .+\\), so it is not the key of an admin workspace or lacks the workspace_group_members:read scope$`),
		);
		expect(`${error.message} ${error.description}`).not.toContain(t.apiKey);
		expect(lookups().map((request) => request.status)).toEqual([status]);
	});

	it('membershipVerdict reads statuses whatever their case', async () => {
		async function* members() {
			yield { sub_workspace_id: clients.acme.id.toUpperCase(), status: 'ACCEPTED' };
		}
		expect(await membershipVerdict(clients.acme.id, members())).toEqual({ available: true });
	});
});

describe('pacing and 429s are per workspace', () => {
	// Ends the wait for Globex should the test time out, so a regression fails instead of hanging the run.
	let testEnded = false;
	beforeEach(() => (testEnded = false));
	afterEach(() => (testEnded = true));
	/** Offsets on the simulator's clock of the requests acting in `workspaceId`, from the first of them. */
	const schedule = (workspaceId: string) => {
		const times = t.sim.requests.filter((request) => request.workspaceId === workspaceId).map((request) => request.at);
		return times.map((time) => time - times[0]);
	};

	it('a fan-out over two clients keeps, for each, the schedule it has alone', async () => {
		await seedLeads(clients.acme.id, clients.globex.id, clients.hooli.id);
		await getLeadsIn(Array(12).fill(clients.acme.id));
		const alone = schedule(clients.acme.id);
		expect(alone).toHaveLength(12);
		// The pacer's burst goes at once; after it, requests are spaced.
		expect(alone.filter((offset) => offset > 0).length).toBeGreaterThan(0);

		t.reset();
		await getLeadsIn([...Array(12).fill(clients.globex.id), ...Array(12).fill(clients.hooli.id)]);
		// Both lanes run at once on one test clock, so a request may start a moment after its slot
		// when the other lane's wait moved the clock; what must hold is that neither client waits for
		// the other: each is done when it would be done alone.
		for (const client of [clients.globex.id, clients.hooli.id]) {
			const together = schedule(client);
			expect(together).toHaveLength(alone.length);
			// Never faster than its own pace allows…
			together.forEach((offset, index) => expect(offset).toBeGreaterThanOrEqual(alone[index] - 0.001));
			// …and never slowed by the other client.
			expect(Math.max(...together)).toBeCloseTo(Math.max(...alone), 3);
		}
	});

	it("interleaved clients together pass one workspace's ceiling, each staying under its own: no 429", async () => {
		await seedLeads(clients.acme.id, clients.globex.id);
		const order = Array.from({ length: 300 }, (_, index) => (index % 2 === 0 ? clients.acme.id : clients.globex.id));
		const { items } = await getLeadsIn(order);

		expect(items.map((item) => item.json.id)).toEqual(order.map((id) => leadOf.get(id)));
		expect(t.sim.requests.filter((request) => request.status !== 200)).toEqual([]);
		const times = t.sim.requests.filter((request) => request.path !== WORKSPACE_GROUP_MEMBERS).map((request) => request.at);
		const busiestSecond = Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length));
		expect(busiestSecond).toBeGreaterThan(100);
	});

	it("one client's 429 does not hold back another client's requests", async () => {
		await seedLeads(clients.acme.id, clients.globex.id);
		t.sim.setRateLimits({ perSecond: 5, perMinute: 100 });
		// Acme's own second is used up, by calls acting there; Globex's is untouched.
		const asAcme = apiClient(t.sim.url, t.apiKey);
		for (let call = 0; call < 5; call++) await asAcme('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: clients.acme.id });
		t.reset();

		let release!: () => void;
		const globexDone = new Promise<void>((resolve) => (release = resolve));
		const realSleep = retryClock.sleep;
		// Acme's retry waits until every Globex item has been answered: were Globex held behind Acme's 429, this would never end.
		retryClock.sleep = async (ms) => {
			await globexDone;
			await t.clock.advance(ms);
		};
		const globexAnswered = () => t.sim.requests.filter((request) => request.workspaceId === clients.globex.id && request.status === 200).length;
		try {
			const run = getLeadsIn([clients.acme.id, ...Array(4).fill(clients.globex.id)], { parallelRequests: 2 });
			const waitForGlobex = async () => {
				while (globexAnswered() < 4 && !testEnded) await new Promise((resolve) => setImmediate(resolve));
				release();
			};
			const [{ items }] = await Promise.all([run, waitForGlobex()]);
			expect(items.map((item) => item.json.id)).toEqual([leadOf.get(clients.acme.id), ...Array(4).fill(leadOf.get(clients.globex.id))]);
			const acted = actions().map((request) => [request.workspaceId, request.status]);
			const firstRetry = acted.findIndex(([workspaceId], index) => index > 0 && workspaceId === clients.acme.id);
			expect(acted.slice(0, firstRetry)).toEqual([[clients.acme.id, 429], ...Array(4).fill([clients.globex.id, 200])]);
			const acmeAfter = acted.slice(firstRetry);
			expect(acmeAfter.map(([workspaceId]) => workspaceId)).toEqual(acmeAfter.map(() => clients.acme.id));
			expect(acmeAfter[acmeAfter.length - 1]).toEqual([clients.acme.id, 200]);
		} finally {
			retryClock.sleep = realSleep;
		}
	});
});

describe('pickers in the editor', () => {
	const editor = (parameters: IDataObject) =>
		loadOptionsContext({ nodeType: new Instantly(), credentials: t.credentials, parameters: {} }, parameters).context;

	it("Client Workspace lists the accepted members by name, from the key's own workspace, searchable", async () => {
		const all = await searchClientWorkspaces.call(editor({ workspace: 'client' }));
		expect(all.results).toEqual([
			{ name: 'Acme', value: clients.acme.id },
			{ name: 'Globex', value: clients.globex.id },
			{ name: 'Hooli', value: clients.hooli.id },
		]);
		const filtered = await searchClientWorkspaces.call(editor({ workspace: 'client' }), 'glob');
		expect(filtered.results).toEqual([{ name: 'Globex', value: clients.globex.id }]);
		expect(sent().map(({ path, header, workspaceId }) => [path, header, workspaceId])).toEqual([
			[WORKSPACE_GROUP_MEMBERS, undefined, t.workspaceId],
			[WORKSPACE_GROUP_MEMBERS, undefined, t.workspaceId],
		]);
	});

	it('other pickers list from the chosen client workspace', async () => {
		const created = await t.api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Globex launch' }, { [AS_WORKSPACE_HEADER]: clients.globex.id });
		await t.campaign('Agency own');
		t.reset();
		const found = await searchCampaigns.call(editor({ workspace: 'client', clientWorkspace: rl(clients.globex.id, 'list') }));
		expect(found.results).toEqual([expect.objectContaining({ name: 'Globex launch', value: created.body.id })]);
		expect(sent().map(({ path, header, workspaceId }) => [path, header, workspaceId])).toEqual([
			[WORKSPACE_GROUP_MEMBERS, undefined, t.workspaceId],
			['/api/v2/campaigns', clients.globex.id, clients.globex.id],
		]);
	});

	it('other pickers list from a client workspace chosen by name', async () => {
		const created = await t.api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Globex launch' }, { [AS_WORKSPACE_HEADER]: clients.globex.id });
		t.reset();
		const found = await searchCampaigns.call(editor({ workspace: 'client', clientWorkspace: rl(' globex', 'name') }));
		expect(found.results).toEqual([expect.objectContaining({ name: 'Globex launch', value: created.body.id })]);
		expect(sent().map(({ path, header }) => [path, header])).toEqual([
			[WORKSPACE_GROUP_MEMBERS, undefined],
			[WORKSPACE_GROUP_MEMBERS, undefined],
			['/api/v2/campaigns', clients.globex.id],
		]);
	});

	it('a client workspace given by expression cannot be browsed: an error, and nothing sent', async () => {
		const error = await failure(searchCampaigns.call(editor({ workspace: 'client', clientWorkspace: rl('={{ $json.sub_workspace_id }}') })));
		expect(error.message).toBe('Client Workspace is an expression, known only when the workflow runs');
		expect(sent()).toEqual([]);
	});
});
