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

	it('names the field, the name and the workspace when no record has the name', async () => {
		await make(CAMPAIGNS, 'Q2 Outbound');
		const error = await failure(getCampaign(byName('Q3 Outbound')));
		expect(error.message).toBe(`Campaign: no campaign named "Q3 Outbound" in the API key's own workspace`);
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
