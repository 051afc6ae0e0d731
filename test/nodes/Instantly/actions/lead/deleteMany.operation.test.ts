import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';
import { campaignWithLeads, listWithLeads } from './leads';

const t = useSimulator();

describe('Lead → Delete Many', () => {
	it('deletes the given ids from a campaign', async () => {
		const { campaignId, ids } = await campaignWithLeads(t, 3);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'deleteMany',
			deleteFrom: 'campaign',
			campaignId: rl(campaignId),
			selectBy: 'ids',
			leadIds: `${ids[0]}, ${ids[2]}`,
		});
		expect(t.requests()).toEqual([
			{ method: 'DELETE', path: '/api/v2/leads', query: {}, body: { campaign_id: campaignId, ids: [ids[0], ids[2]] } },
		]);
		expect(items[0].json).toMatchObject({ count: 2 });
		expect([...t.state.leads.keys()]).toEqual([ids[1]]);
	});

	it('deletes up to a limit of leads with a status from a list', async () => {
		const { listId } = await listWithLeads(t, 5);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'deleteMany',
			deleteFrom: 'list',
			listId: rl(listId),
			selectBy: 'limit',
			maxLeads: 2,
			leadStatus: 1,
		});
		expect(t.requests()[0].body).toEqual({ list_id: listId, limit: 2, status: 1 });
		expect(items[0].json.count).toBe(2);
		expect(t.state.leads.size).toBe(3);
	});

	it('refuses a filter that would delete everything, sending nothing', async () => {
		const { campaignId } = await campaignWithLeads(t, 3);
		const base = { resource: 'lead', operation: 'deleteMany', deleteFrom: 'campaign', campaignId: rl(campaignId) };
		await expect(t.run({ ...base, selectBy: 'ids', leadIds: ' , ' })).rejects.toThrow(/give at least one lead ID/);
		await expect(t.run({ ...base, selectBy: 'limit', maxLeads: 0 })).rejects.toThrow(/from 1 to 10000/);
		await expect(
			t.run({ ...base, campaignId: rl('', 'list'), selectBy: 'limit', maxLeads: 5 }),
		).rejects.toThrow(/Campaign is required/);
		expect(t.requests()).toEqual([]);
		expect(t.state.leads.size).toBe(3);
	});
});
