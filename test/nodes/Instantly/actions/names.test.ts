import type { INodeExecutionData } from 'n8n-workflow';

import { AS_WORKSPACE_HEADER, type AgencyClient } from '../../../../simulator';
import { failure } from '../../../harness/failure';
import { MINIMAL_CAMPAIGN, useSimulator, type Parameter } from '../../../harness/simulator';

/*
 * By Name: a picker given a name finds the one record of that name in the workspace the item acts
 * in, listing each workspace's records once per execution.
 */
const t = useSimulator({ name: 'Agency' });
const byName = (value: Parameter) => ({ __rl: true, mode: 'name', value });
const CAMPAIGNS = '/api/v2/campaigns';
const LEAD_LISTS = '/api/v2/lead-lists';
const MEMBERS = '/api/v2/workspace-group-members';

let acme: AgencyClient;
let globex: AgencyClient;
beforeEach(() => {
	[acme, globex] = t.sim.createAgency({ admin: t.workspaceId, clients: [{ name: 'Acme' }, { name: 'Globex' }] }).clients;
});

/** Makes a campaign (or lead list) in a workspace through the admin's key acting there. */
async function make(path: string, name: string, workspaceId = t.workspaceId): Promise<string> {
	const headers: Record<string, string> = workspaceId === t.workspaceId ? {} : { [AS_WORKSPACE_HEADER]: workspaceId };
	const body = path === CAMPAIGNS ? { ...MINIMAL_CAMPAIGN, name } : { name };
	return ((await t.api('POST', path, body, headers)).body as { id: string }).id;
}

/** The list requests the node sent, by path and the workspace they acted in. */
const listings = () =>
	t.sim.requests
		.filter((request) => request.method === 'GET' && (request.path === CAMPAIGNS || request.path === LEAD_LISTS))
		.map((request) => ({ path: request.path, workspaceId: request.workspaceId }));

const getCampaign = async (campaignId: Parameter, items?: INodeExecutionData[]) =>
	await t.run({ resource: 'campaign', operation: 'get', campaignId }, { items });

describe('By Name', () => {
	it('finds the one campaign of that name, ignoring case and surrounding spaces', async () => {
		await make(CAMPAIGNS, 'Q2 Outbound');
		const id = await make(CAMPAIGNS, 'Q3 Outbound');
		const { items } = await getCampaign(byName('  q3 OUTBOUND '));
		expect(items.map((item) => item.json.id)).toEqual([id]);
	});

	it('finds a lead list by name', async () => {
		const id = await make(LEAD_LISTS, 'Signups');
		const { items } = await t.run({ resource: 'leadList', operation: 'get', listId: byName('signups') });
		expect(items.map((item) => item.json.id)).toEqual([id]);
	});

	it('finds a lead label by name', async () => {
		const { id } = (await t.api('POST', '/api/v2/lead-labels', { label: 'Meeting Booked', interest_status_label: 'positive' })).body as { id: string };
		const { items } = await t.run({ resource: 'leadLabel', operation: 'get', labelId: byName('meeting booked') });
		expect(items.map((item) => item.json.id)).toEqual([id]);
	});

	it('names the field, the name and the workspace when no record has the name, and the names there', async () => {
		await make(CAMPAIGNS, 'Q2 Outbound');
		await make(CAMPAIGNS, 'Q4 Outbound');
		const error = await failure(getCampaign(byName('Q3 Outbound')));
		expect(error.message).toBe(`Campaign: no campaign named "Q3 Outbound" in the API key's own workspace`);
		expect(error.description).toBe('Names are compared ignoring case and surrounding spaces. Its campaigns are "Q2 Outbound", "Q4 Outbound".');
	});

	it('lists the IDs of every record when several have the name', async () => {
		const first = await make(CAMPAIGNS, 'Q3 Outbound');
		const second = await make(CAMPAIGNS, 'q3 outbound');
		const error = await failure(getCampaign(byName('Q3 Outbound')));
		expect(error.message).toBe(`Campaign: 2 campaigns are named "Q3 Outbound" in the API key's own workspace: ${first}, ${second}`);
	});

	it('lists the records once per execution and workspace, however many items name them', async () => {
		const id = await make(CAMPAIGNS, 'Q3 Outbound');
		await make(CAMPAIGNS, 'Q2 Outbound');
		const input = ['Q3 Outbound', 'q3 outbound', 'Q2 Outbound', 'Q3 Outbound'].map((name) => ({ json: { name } }));
		const { items } = await getCampaign(byName((item: INodeExecutionData) => item.json.name), input);
		expect(items).toHaveLength(4);
		expect(items[0].json.id).toBe(id);
		expect(listings()).toEqual([{ path: CAMPAIGNS, workspaceId: t.workspaceId }]);
	});

	it('finds the same template name as a different campaign in each client workspace', async () => {
		const acmeId = await make(CAMPAIGNS, 'Q3 Outbound', acme.id);
		const globexId = await make(CAMPAIGNS, 'Q3 Outbound', globex.id);
		const input = [acme.id, globex.id, acme.id, globex.id].map((sub_workspace_id) => ({ json: { sub_workspace_id } }));
		t.reset();
		const { items } = await t.run(
			{
				resource: 'campaign',
				operation: 'get',
				campaignId: byName('Q3 Outbound'),
				workspace: 'client',
				clientWorkspace: { __rl: true, mode: 'id', value: (item: INodeExecutionData) => item.json.sub_workspace_id },
			},
			{ items: input },
		);
		expect(items.map((item) => item.json.id)).toEqual([acmeId, globexId, acmeId, globexId]);
		expect(listings()).toEqual([
			{ path: CAMPAIGNS, workspaceId: acme.id },
			{ path: CAMPAIGNS, workspaceId: globex.id },
		]);
	});

	it('says which client workspace lacks the name', async () => {
		await make(CAMPAIGNS, 'Q3 Outbound', acme.id);
		const error = await failure(
			t.run({
				resource: 'campaign',
				operation: 'get',
				campaignId: byName('Q3 Outbound'),
				workspace: 'client',
				clientWorkspace: { __rl: true, mode: 'id', value: globex.id },
			}),
		);
		expect(error.message).toBe(`Campaign: no campaign named "Q3 Outbound" in client workspace ${globex.id}`);
	});
});

describe('Client Workspace by name', () => {
	const inClientNamed = (name: Parameter) => ({ workspace: 'client', clientWorkspace: byName(name) });
	const memberListings = () => t.sim.requests.filter((request) => request.path === MEMBERS).length;

	it('acts in the member of that name, read once per execution however many items name it', async () => {
		const acmeId = await make(CAMPAIGNS, 'Q3 Outbound', acme.id);
		const globexId = await make(CAMPAIGNS, 'Q3 Outbound', globex.id);
		t.reset();
		const input = [' acme', 'GLOBEX', 'Acme', 'globex '].map((client) => ({ json: { client } }));
		const { items } = await t.run(
			{ resource: 'campaign', operation: 'get', campaignId: byName('Q3 Outbound'), ...inClientNamed((item: INodeExecutionData) => item.json.client) },
			{ items: input },
		);
		expect(items.map((item) => item.json.id)).toEqual([acmeId, globexId, acmeId, globexId]);
		const acting = t.sim.requests.filter((request) => request.path !== MEMBERS);
		expect(acting.every((request) => request.headers[AS_WORKSPACE_HEADER] === request.workspaceId)).toBe(true);
		expect(new Set(acting.map((request) => request.workspaceId))).toEqual(new Set([acme.id, globex.id]));
		// One listing to find each name, one for each membership verdict; none per item.
		expect(memberListings()).toBe(4);
	});

	it('bulk operations batch per client given by name', async () => {
		t.reset();
		const input = ['Acme', 'Globex', 'acme'].map((client, index) => ({ json: { client, email: `lead${index}@prospect.com` } }));
		const { items } = await t.run(
			{ resource: 'blockListEntry', operation: 'createMany', value: (item: INodeExecutionData) => item.json.email, ...inClientNamed((item: INodeExecutionData) => item.json.client) },
			{ items: input },
		);
		expect(items).toHaveLength(3);
		const writes = t.sim.requests.filter((request) => request.method === 'POST');
		expect(writes.map((request) => [request.workspaceId, (request.body as { bl_values: string[] }).bl_values])).toEqual([
			[acme.id, ['lead0@prospect.com', 'lead2@prospect.com']],
			[globex.id, ['lead1@prospect.com']],
		]);
	});

	it('no member of that name: an error naming the name and the members; nothing sent', async () => {
		t.reset();
		const error = await failure(t.run({ resource: 'campaign', operation: 'getAll', ...inClientNamed('Initech') }));
		expect(error.message).toBe(`Client Workspace: no client workspace named "Initech" in the API key's workspace group`);
		expect(error.description).toBe('Names are compared ignoring case and surrounding spaces. Its members are "Acme", "Globex".');
		expect(t.sim.requests.map((request) => request.path)).toEqual([MEMBERS]);
	});

	it('several members of that name: an error listing their IDs and statuses; nothing sent', async () => {
		const twin = t.sim.createAgency({ admin: t.workspaceId, clients: [{ name: 'acme ', status: 'pending' }] }).clients[0];
		t.reset();
		const error = await failure(t.run({ resource: 'campaign', operation: 'getAll', ...inClientNamed('Acme') }));
		expect(error.message).toBe(`Client Workspace: 2 client workspaces are named "Acme": ${acme.id} (accepted), ${twin.id} (pending)`);
		expect(t.sim.requests.map((request) => request.path)).toEqual([MEMBERS]);
	});

	it('with Continue On Fail, an item naming no member fails alone; the others act in theirs', async () => {
		await make(CAMPAIGNS, 'Q3 Outbound', acme.id);
		t.reset();
		const input = ['Acme', 'Initech'].map((client) => ({ json: { client } }));
		const { items } = await t.run(
			{ resource: 'campaign', operation: 'getAll', ...inClientNamed((item: INodeExecutionData) => item.json.client) },
			{ items: input, continueOnFail: true },
		);
		expect(items.map((item) => item.json.error ?? 'ok')).toEqual(['ok', `Client Workspace: no client workspace named "Initech" in the API key's workspace group`]);
	});
});
