import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';
import { campaignWithLeads, listWithLeads } from './leads';

const t = useSimulator();

describe('Lead → Get Many', () => {
	it('Return All over 250 leads makes 3 page requests with `campaign` in the body', async () => {
		const { campaignId } = await campaignWithLeads(t, 250);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'getAll',
			returnAll: true,
			filters: { campaignId: rl(campaignId), emails: '', search: '' },
		});
		const requests = t.requests();
		expect(requests).toHaveLength(3);
		expect(requests[0]).toEqual({
			method: 'POST',
			path: '/api/v2/leads/list',
			query: {},
			body: { campaign: campaignId, limit: 100 },
		});
		expect(requests[1].body).toEqual({ campaign: campaignId, limit: 100, starting_after: expect.any(String) });
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(items[0].json).not.toHaveProperty('items');
	});

	it('Limit 30 makes one request with limit 30', async () => {
		await campaignWithLeads(t, 250);
		const { items } = await t.run({ resource: 'lead', operation: 'getAll', returnAll: false, limit: 30 });
		expect(t.requests()).toEqual([{ method: 'POST', path: '/api/v2/leads/list', query: {}, body: { limit: 30 } }]);
		expect(items).toHaveLength(30);
	});

	it('filters by list, status, search and emails', async () => {
		const { listId } = await listWithLeads(t, 5);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'getAll',
			returnAll: true,
			filters: {
				listId: rl(listId),
				status: 'FILTER_VAL_ACTIVE',
				search: 'lead1',
				emails: 'lead1@example.com, lead2@example.com',
			},
		});
		expect(t.requests()[0].body).toEqual({
			list_id: listId,
			search: 'lead1',
			filter: 'FILTER_VAL_ACTIVE',
			contacts: ['lead1@example.com', 'lead2@example.com'],
			limit: 100,
		});
		expect(items.map((item) => item.json.email)).toEqual(['lead1@example.com']);
	});
});
