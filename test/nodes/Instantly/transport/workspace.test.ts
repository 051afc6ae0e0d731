import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { InstantlyTrigger } from '../../../../nodes/Instantly/InstantlyTrigger.node';
import type { NodeMap } from '../../../../nodes/Instantly/actions/node.type';
import { resources } from '../../../../nodes/Instantly/actions/router';
import { searchCampaigns, searchClientWorkspaces } from '../../../../nodes/Instantly/methods/listSearch';
import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { setPaceClock } from '../../../../nodes/Instantly/transport/pace';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { retryClock } from '../../../../nodes/Instantly/transport/retry';
import { membershipVerdict } from '../../../../nodes/Instantly/transport/workspace';
import { ANY_ID, CLIENTS, startAgencyFake, WORKSPACE_GROUP_MEMBERS } from '../../../harness/agencyFake';
import { executeContext, hookContext, loadOptionsContext, runNode, type ParameterValue } from '../../../harness/context';
import { failure } from '../../../harness/failure';

/*
 * Agency mode: an admin key acts in a client workspace by sending `x-as-workspace`. These tests run
 * against a local fake of Instantly's workspace group (test/harness/agencyFake.ts), as the
 * simulator does not model workspace groups yet.
 */
const API_KEY = 'agency-admin-key-0123456789';
const EMAIL = 'jane@prospect-mail.com';
const ACCOUNT = 'alex@getacme-mail.com';
const OTHER_ID = '6f6f6f6f-0000-4000-8000-000000000006';
const rl = (value: unknown, mode: 'list' | 'id' = 'id') => ({ __rl: true, mode, value });

/** Enough parameters for each operation to reach its first request; a new operation fails to compile until it is listed. */
const OPERATION_PARAMETERS: { [Resource in keyof NodeMap]: Record<NodeMap[Resource], Record<string, ParameterValue>> } = {
	lead: {
		create: { target: 'campaign', campaignId: rl(ANY_ID), email: EMAIL },
		addMany: { target: 'campaign', campaignId: rl(ANY_ID) },
		get: { leadId: ANY_ID },
		getAll: {},
		update: { leadId: ANY_ID, updateFields: { firstName: 'Jane' } },
		deleteLead: { leadId: ANY_ID },
		deleteMany: { deleteFrom: 'campaign', campaignId: rl(ANY_ID), selectBy: 'ids', leadIds: ANY_ID },
		updateInterestStatus: { leadEmail: EMAIL, interestStatus: 1 },
		move: { from: 'campaign', fromCampaignId: rl(ANY_ID), to: 'list', toListId: rl(OTHER_ID), leadIds: ANY_ID, waitForCompletion: false },
	},
	campaign: {
		create: { name: 'Q3 Outbound', timezone: 'America/Detroit', fromTime: '08:30', toTime: '16:00', days: ['1'] },
		get: { campaignId: rl(ANY_ID) },
		getAll: {},
		update: { campaignId: rl(ANY_ID), updateFields: { name: 'Q4 Outbound' } },
		deleteCampaign: { campaignId: rl(ANY_ID) },
		activate: { campaignId: rl(ANY_ID) },
		pause: { campaignId: rl(ANY_ID) },
		getAnalytics: { campaignId: rl(ANY_ID) },
	},
	blockListEntry: {
		create: { value: 'competitor.com' },
		createMany: { value: 'competitor.com' },
		get: { entryId: ANY_ID },
		getAll: {},
		deleteEntry: { entryId: ANY_ID },
		deleteMany: { entryId: ANY_ID },
	},
	email: {
		getAll: {},
		get: { emailId: ANY_ID },
		update: { emailId: ANY_ID, updateFields: { isUnread: false } },
		deleteEmail: { emailId: ANY_ID },
		countUnread: {},
		markThreadAsRead: { threadId: ANY_ID },
		reply: { replyTo: 'emailId', replyToUuid: ANY_ID, eaccount: ACCOUNT, subject: 'Re: Hi', bodyText: 'Thanks' },
		forward: { emailId: ANY_ID, eaccount: ACCOUNT, to: EMAIL, subject: 'Fwd: Hi', includeOriginalBody: true },
	},
	account: {
		get: { accountEmail: ACCOUNT },
		getAll: {},
		update: { accountEmail: ACCOUNT, updateFields: { firstName: 'Alex' } },
		deleteAccount: { accountEmail: ACCOUNT },
		pause: { accountEmail: ACCOUNT },
		resume: { accountEmail: ACCOUNT },
		enableWarmup: { accountEmails: ACCOUNT, waitForCompletion: false },
		disableWarmup: { accountEmails: ACCOUNT, waitForCompletion: false },
		getWarmupAnalytics: { accountEmails: ACCOUNT },
		getDailyAnalytics: { accountEmails: ACCOUNT },
		testVitals: { accountEmails: ACCOUNT },
	},
	leadList: {
		create: { name: 'Imported' },
		get: { listId: rl(ANY_ID) },
		getAll: {},
		update: { listId: rl(ANY_ID), updateFields: { name: 'Renamed' } },
		deleteList: { listId: rl(ANY_ID) },
		getVerificationStats: { listId: rl(ANY_ID) },
	},
	leadLabel: {
		create: { label: 'Hot', sentiment: 'positive' },
		get: { labelId: ANY_ID },
		getAll: {},
		update: { labelId: ANY_ID, updateFields: { label: 'Warm' } },
		deleteLabel: { labelId: ANY_ID },
	},
	backgroundJob: { get: { jobId: ANY_ID, waitForCompletion: false } },
	webhook: {
		create: { targetUrl: 'https://hooks.example.com/instantly', eventType: 'reply_received' },
		get: { webhookId: ANY_ID },
		getAll: {},
		update: { webhookId: ANY_ID, updateFields: { targetUrl: 'https://hooks.example.com/other' } },
		deleteWebhook: { webhookId: ANY_ID },
		resume: { webhookId: ANY_ID },
		sendTest: { webhookId: ANY_ID },
		getDeliveryLog: {},
	},
	workspace: {
		getCurrent: {},
		getAllClients: {},
		getClient: { memberId: CLIENTS.acme.memberId },
		getAdmin: {},
	},
};

const everyOperation = Object.entries(resources).flatMap(([resource, operations]) =>
	Object.keys(operations).map((operation) => [resource, operation] as const),
);

const inClient = (id: unknown) => ({ workspace: 'client', clientWorkspace: rl(id) });

let fake: Awaited<ReturnType<typeof startAgencyFake>>;
const paceWaits: number[] = [];

/**
 * Forgets the recorded requests and the pacers. The pacer's clock stands still and records each
 * wait it asks for, so pacing is asserted, not timed.
 */
function resetFakeAndPace() {
	fake.clear();
	paceWaits.length = 0;
	setPaceClock({ now: () => 0, sleep: async (ms) => void paceWaits.push(ms) });
}

beforeAll(async () => {
	fake = await startAgencyFake();
});
afterAll(async () => {
	setPaceClock();
	await fake.close();
});
beforeEach(resetFakeAndPace);

async function run(
	parameters: Record<string, ParameterValue>,
	{ items, continueOnFail = false, baseUrl = fake.url }: { items?: INodeExecutionData[]; continueOnFail?: boolean; baseUrl?: string } = {},
) {
	return await runNode({
		nodeType: new Instantly(),
		credentials: { apiKey: API_KEY, baseUrl },
		parameters,
		items,
		continueOnFail,
	});
}

function parametersOf(resource: string, operation: string): Record<string, ParameterValue> {
	const forResource: Partial<Record<string, Record<string, ParameterValue>>> =
		OPERATION_PARAMETERS[resource as keyof NodeMap];
	const parameters = forResource[operation];
	if (parameters === undefined) throw new Error(`No test parameters for ${resource} › ${operation}`);
	return { resource, operation, ...parameters };
}

const bulkInput = [{ json: { email: EMAIL } }];

/** Lead › Get once per entry of `workspaces`, each item acting in its own client workspace by `{{ $json.sub_workspace_id }}`. */
async function getLeadsIn(
	workspaces: string[],
	{ parallelRequests = 1, baseUrl = fake.url, continueOnFail = false } = {},
) {
	return await run(
		{
			resource: 'lead',
			operation: 'get',
			leadId: ANY_ID,
			workspace: 'client',
			clientWorkspace: rl((item: INodeExecutionData) => item.json.sub_workspace_id),
			parallelRequests,
		},
		{ items: workspaces.map((id) => ({ json: { sub_workspace_id: id } })), baseUrl, continueOnFail },
	);
}

describe('Workspace choice on every operation', () => {
	it('covers every operation of the router', () => {
		expect(everyOperation.length).toBeGreaterThan(60);
	});

	it.each(everyOperation)('%s › %s: a client workspace sends x-as-workspace on every request', async (resource, operation) => {
		await run({ ...parametersOf(resource, operation), ...inClient(CLIENTS.acme.id) }, { items: bulkInput, continueOnFail: true });

		// First the membership check, in the key's own workspace; then only requests acting in the client's.
		const [check, ...sent] = fake.requests;
		expect(check).toMatchObject({ path: WORKSPACE_GROUP_MEMBERS, actingWorkspace: undefined });
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.map((request) => request.actingWorkspace)).toEqual(sent.map(() => CLIENTS.acme.id));
	});

	it.each(everyOperation)("%s › %s: the key's own workspace (the default) sends no header and no check", async (resource, operation) => {
		await run(parametersOf(resource, operation), { items: bulkInput, continueOnFail: true });

		expect(fake.requests.length).toBeGreaterThan(0);
		expect(fake.requests.filter((request) => request.actingWorkspace !== undefined)).toEqual([]);
		if (operation !== 'getAllClients') expect(fake.lookups()).toEqual([]);
	});
});

describe('per item', () => {
	it('an expression gives each item its own client workspace; each is checked once per execution', async () => {
		const clients = [CLIENTS.acme.id, CLIENTS.globex.id, CLIENTS.acme.id, CLIENTS.globex.id];
		const { items } = await getLeadsIn(clients);

		expect(items).toHaveLength(4);
		expect(fake.actions().map((request) => request.actingWorkspace)).toEqual(clients);
		expect(fake.lookups()).toHaveLength(2);
	});

	it('bulk operations never mix client workspaces in one batch', async () => {
		const input = [CLIENTS.acme.id, CLIENTS.globex.id, CLIENTS.acme.id].map((id, index) => ({
			json: { sub_workspace_id: id, domain: `blocked${index}.com` },
		}));
		await run(
			{
				resource: 'blockListEntry',
				operation: 'createMany',
				value: (item: INodeExecutionData) => item.json.domain,
				workspace: 'client',
				clientWorkspace: rl((item: INodeExecutionData) => item.json.sub_workspace_id),
			},
			{ items: input, continueOnFail: true },
		);

		expect(fake.actions().map((request) => [request.actingWorkspace, request.body])).toEqual([
			[CLIENTS.acme.id, { bl_values: ['blocked0.com', 'blocked2.com'] }],
			[CLIENTS.globex.id, { bl_values: ['blocked1.com'] }],
		]);
	});
});

describe('an invalid client workspace is refused before any request', () => {
	it.each([
		['not a UUID', 'acme', /^Client Workspace: "acme" is not a valid Instantly ID/],
		['empty', '', /^Client Workspace is required/],
	])('%s', async (_case, value, message) => {
		const error = await failure(run({ resource: 'lead', operation: 'get', leadId: ANY_ID, ...inClient(value) }));
		expect(error.message).toMatch(message);
		expect(fake.requests).toEqual([]);
	});

	it('a request that names no item is refused when a client workspace was chosen', async () => {
		const { context } = executeContext({
			nodeType: new Instantly(),
			credentials: { apiKey: API_KEY, baseUrl: fake.url },
			parameters: { resource: 'campaign', operation: 'getAll', ...inClient(CLIENTS.acme.id) },
		});
		const error = await failure(instantlyApiRequest.call(context, endpoints.listCampaigns, {}));
		expect(error.message).toBe('GET /api/v2/campaigns was about to be sent without its item, so the client workspace it acts in is unknown');
		expect(fake.requests).toEqual([]);
	});

	it("a request from outside an execution (the trigger's hooks) acts where it says, and is refused when it says nothing", async () => {
		const { context } = hookContext({
			nodeType: new InstantlyTrigger(),
			credentials: { apiKey: API_KEY, baseUrl: fake.url },
			parameters: { events: ['reply_received'], ...inClient(CLIENTS.acme.id) },
		});
		const error = await failure(instantlyApiRequest.call(context, endpoints.listWebhooks, {}));
		expect(error.message).toBe('GET /api/v2/webhooks was about to be sent without naming the workspace it acts in');
		expect(fake.requests).toEqual([]);

		await instantlyApiRequest.call(context, endpoints.listWebhooks, { actingIn: CLIENTS.globex.id });
		await instantlyApiRequest.call(context, endpoints.listWebhooks, { actingIn: null });
		expect(fake.actions().map((request) => request.actingWorkspace)).toEqual([CLIENTS.globex.id, undefined]);
	});

	it("an item's invalid workspace fails that item only; the others still act in theirs", async () => {
		const { items } = await getLeadsIn([CLIENTS.acme.id, '12'], { continueOnFail: true });
		expect(items[1].json.error).toMatch(/Client Workspace: "12" is not a valid Instantly ID/);
		expect(fake.actions().map((request) => request.actingWorkspace)).toEqual([CLIENTS.acme.id]);
	});
});

describe('a workspace the key may not act in: a clear error, nothing sent to it', () => {
	it.each([
		['pending', CLIENTS.initech.id, `Client workspace "Initech" (${CLIENTS.initech.id}) is not available: its invitation to the API key's workspace group is still pending`],
		['rejected', CLIENTS.umbrella.id, `Client workspace "Umbrella" (${CLIENTS.umbrella.id}) is not available: it rejected the invitation to the API key's workspace group`],
		['unknown', ANY_ID, `Client workspace ${ANY_ID} is not available: it is not a member of the API key's workspace group`],
		['a membership ID', CLIENTS.acme.memberId, `Client workspace "Acme" (${CLIENTS.acme.memberId}) is not available: that is the ID of a membership record, not of a workspace: use its sub_workspace_id ${CLIENTS.acme.id}`],
	])('%s', async (_case, id, message) => {
		const error = await failure(run({ resource: 'lead', operation: 'create', target: 'campaign', campaignId: rl(ANY_ID), email: EMAIL, ...inClient(id) }));
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Nothing was sent to it\./);
		expect(fake.actions()).toEqual([]);
	});

	it.each([400, 401, 403, 404])('a key that cannot list its workspace group (%i)', async (status) => {
		const refusing = await startAgencyFake({ directoryStatus: status });
		try {
			const error = await failure(
				run({ resource: 'lead', operation: 'deleteLead', leadId: ANY_ID, ...inClient(CLIENTS.acme.id) }, { baseUrl: refusing.url }),
			);
			expect(error.message).toMatch(
				new RegExp(`^Client workspace ${CLIENTS.acme.id} is not available: the API key could not list its workspace group \\(Instantly answered ${status}: Not an admin workspace\\), so it is not the key of an admin workspace or lacks the workspace_group_members:read scope$`),
			);
			expect(`${error.message} ${error.description}`).not.toContain(API_KEY);
			expect(refusing.actions()).toEqual([]);
		} finally {
			await refusing.close();
		}
	});

	it('membershipVerdict reads statuses whatever their case', async () => {
		async function* members() {
			yield { sub_workspace_id: CLIENTS.acme.id.toUpperCase(), status: 'ACCEPTED' };
		}
		expect(await membershipVerdict(CLIENTS.acme.id, members())).toEqual({ available: true });
	});
});

describe('pacing and 429s are per workspace', () => {
	it('a fan-out over two clients waits exactly as each client alone would', async () => {
		await getLeadsIn(Array(12).fill(CLIENTS.acme.id));
		const alone = [...paceWaits].sort((a, b) => a - b);
		expect(alone.length).toBeGreaterThan(0);

		resetFakeAndPace();
		await getLeadsIn([...Array(12).fill(CLIENTS.acme.id), ...Array(12).fill(CLIENTS.globex.id)]);
		expect([...paceWaits].sort((a, b) => a - b)).toEqual([...alone, ...alone].sort((a, b) => a - b));
	});

	it("one client's 429 does not hold back another client's requests", async () => {
		let release!: () => void;
		const globexDone = new Promise<void>((resolve) => (release = resolve));
		let refused = 0;
		const limited = await startAgencyFake({
			answer: (request) => {
				if (request.actingWorkspace === CLIENTS.acme.id && refused++ === 0) {
					return { status: 429, body: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit' } };
				}
				return undefined;
			},
		});
		const realSleep = retryClock.sleep;
		// Acme's retry waits until every Globex item has been answered: were Globex held behind Acme's 429, this would never end.
		retryClock.sleep = async () => await globexDone;
		try {
			const run2 = getLeadsIn([CLIENTS.acme.id, ...Array(4).fill(CLIENTS.globex.id)], { parallelRequests: 2, baseUrl: limited.url });
			const waitForGlobex = async () => {
				while (limited.actions().filter((request) => request.actingWorkspace === CLIENTS.globex.id).length < 4) {
					await new Promise((resolve) => setImmediate(resolve));
				}
				release();
			};
			const [{ items }] = await Promise.all([run2, waitForGlobex()]);
			expect(items).toHaveLength(5);
			expect(limited.actions().map((request) => request.actingWorkspace)).toEqual([
				CLIENTS.acme.id,
				...Array(4).fill(CLIENTS.globex.id),
				CLIENTS.acme.id,
			]);
		} finally {
			retryClock.sleep = realSleep;
			await limited.close();
		}
	});
});

describe('pickers in the editor', () => {
	const editor = (parameters: IDataObject) =>
		loadOptionsContext({ nodeType: new Instantly(), credentials: { apiKey: API_KEY, baseUrl: fake.url }, parameters: {} }, parameters).context;

	it('Client Workspace lists the accepted members by name, from the key\'s own workspace, searchable', async () => {
		const all = await searchClientWorkspaces.call(editor({ workspace: 'client' }));
		expect(all.results).toEqual([
			{ name: 'Acme', value: CLIENTS.acme.id },
			{ name: 'Globex', value: CLIENTS.globex.id },
		]);
		const filtered = await searchClientWorkspaces.call(editor({ workspace: 'client' }), 'glob');
		expect(filtered.results).toEqual([{ name: 'Globex', value: CLIENTS.globex.id }]);
		expect(fake.requests.map((request) => request.actingWorkspace)).toEqual([undefined, undefined]);
	});

	it('other pickers list from the chosen client workspace', async () => {
		await searchCampaigns.call(editor({ workspace: 'client', clientWorkspace: rl(CLIENTS.globex.id, 'list') }));
		expect(fake.actions().map((request) => [request.path, request.actingWorkspace])).toEqual([['/api/v2/campaigns', CLIENTS.globex.id]]);
	});

	it('a client workspace given by expression cannot be browsed: an error, and nothing sent', async () => {
		const error = await failure(searchCampaigns.call(editor({ workspace: 'client', clientWorkspace: rl('={{ $json.sub_workspace_id }}') })));
		expect(error.message).toBe('Client Workspace is an expression, known only when the workflow runs');
		expect(fake.requests).toEqual([]);
	});
});
