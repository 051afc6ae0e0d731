import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';
import { campaignWithLeads } from './leads';

const t = useSimulator();

describe('Lead → Move', () => {
	it('moves leads to a list and waits for the background job', async () => {
		const listId = await t.list();
		const { campaignId, ids } = await campaignWithLeads(t, 3);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'move',
			from: 'campaign',
			fromCampaignId: rl(campaignId),
			to: 'list',
			toListId: rl(listId),
			leadIds: `${ids[0]},${ids[1]}`,
			waitForCompletion: true,
			timeout: 30,
			options: { checkDuplicates: true },
		});
		const requests = t.requests();
		expect(requests[0]).toEqual({
			method: 'POST',
			path: '/api/v2/leads/move',
			query: {},
			body: { campaign: campaignId, to_list_id: listId, ids: [ids[0], ids[1]], check_duplicates: true },
		});
		expect(requests.slice(1).every((request) => request.method === 'GET' && request.path.startsWith('/api/v2/background-jobs/'))).toBe(true);
		expect(items[0].json).toMatchObject({ status: 'success', progress: 100, timedOut: false });
		expect(t.state.leads.get(ids[0])?.list_id).toBe(listId);
		expect(t.state.leads.get(ids[2])?.campaign).toBe(campaignId);
	});

	it('returns the job at once when not waiting, and refuses the same source and destination', async () => {
		const campaignId = await t.campaign();
		const otherId = await t.campaign('Other');
		t.reset();
		const { items } = await t.run({
			resource: 'lead',
			operation: 'move',
			from: 'campaign',
			fromCampaignId: rl(campaignId),
			to: 'campaign',
			toCampaignId: rl(otherId),
			waitForCompletion: false,
			options: { maxLeads: 10, copyLeads: true },
		});
		expect(items[0].json).toMatchObject({ status: 'pending', type: 'move-leads' });
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/leads/move',
				query: {},
				body: { campaign: campaignId, to_campaign_id: otherId, limit: 10, copy_leads: true },
			},
		]);
		t.reset();
		await expect(
			t.run({
				resource: 'lead',
				operation: 'move',
				from: 'campaign',
				fromCampaignId: rl(campaignId),
				to: 'campaign',
				toCampaignId: rl(campaignId),
			}),
		).rejects.toThrow(/From and To are the same/);
		expect(t.requests()).toEqual([]);
	});
});
