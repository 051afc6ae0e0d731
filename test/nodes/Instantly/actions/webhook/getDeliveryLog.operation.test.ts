import type { INodeExecutionData } from 'n8n-workflow';

import { AS_WORKSPACE_HEADER } from '../../../../../simulator';
import { MINIMAL_CAMPAIGN, useSimulator } from '../../../../harness/simulator';
import { rl } from '../setup';
import { useReceiver } from './receiver';

const t = useSimulator();
const receiver = useReceiver();

/**
 * A delivery log over two days: one successful delivery on 2025-01-14, then one failed delivery
 * (three attempts) on 2025-01-15. The simulator logs on today's date, so the test moves them.
 */
async function twoDaysOfDeliveries(workspaceId = t.state.id) {
	const headers: Record<string, string> = workspaceId === t.state.id ? {} : { [AS_WORKSPACE_HEADER]: workspaceId };
	const campaign = (await t.api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN, headers)).body;
	await t.api('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, event_type: 'email_sent' }, headers);
	const event = { event_type: 'email_sent', campaign_id: campaign.id, lead_email: 'jane@prospect.com' };
	await t.sim.triggerEvent(workspaceId, event);
	receiver.failing = true;
	await t.sim.triggerEvent(workspaceId, event);
	receiver.failing = false;
	for (const entry of t.sim.workspace(workspaceId).webhookEvents.values()) {
		const day = entry.success === true ? '2025-01-14' : '2025-01-15';
		Object.assign(entry, { timestamp_created_date: day, timestamp_created: `${day}T12:00:00.000Z` });
	}
}

describe('Webhook → Get Delivery Log, Output: Summary by Day', () => {
	it('sends the range as calendar days and outputs one item per day, counted from the log', async () => {
		await twoDaysOfDeliveries();
		t.reset();
		const { items } = await t.run({
			resource: 'webhook',
			operation: 'getDeliveryLog',
			output: 'summaryByDate',
			// The picker's wall time, and a JS Date (an expression's) that is still the 15th on the workflow's clock (New York).
			filters: { from: '2025-01-14T00:00:00', to: () => new Date('2025-01-16T03:00:00Z') },
		});
		expect(t.requests()).toEqual([
			{ method: 'GET', path: '/api/v2/webhook-events/summary-by-date', query: { from: '2025-01-14', to: '2025-01-15' }, body: undefined },
		]);
		expect(items).toEqual([
			{
				json: { date: '2025-01-14', total_events: 1, successful_events: 1, failed_events: 0, success_rate: 100 },
				pairedItem: { item: 0 },
			},
			{
				json: { date: '2025-01-15', total_events: 3, successful_events: 0, failed_events: 3, success_rate: 0 },
				pairedItem: { item: 0 },
			},
		]);

		const summary = await t.run({ resource: 'webhook', operation: 'getDeliveryLog', output: 'summary', filters: { from: '2025-01-14', to: '2025-01-15' } });
		expect(summary.items[0].json.total_events).toBe(items.reduce((total, item) => total + Number(item.json.total_events), 0));
	});

	it("pairs each item's days with that item; a range without deliveries gives none", async () => {
		await twoDaysOfDeliveries();
		t.reset();
		const { items } = await t.run(
			{ resource: 'webhook', operation: 'getDeliveryLog', output: 'summaryByDate', filters: { from: (item: INodeExecutionData) => item.json.from } },
			{ items: [{ json: { from: '2025-01-15' } }, { json: { from: '2030-01-01' } }, { json: { from: '2025-01-01' } }] },
		);
		expect(t.requests().map((request) => request.query)).toEqual([{ from: '2025-01-15' }, { from: '2030-01-01' }, { from: '2025-01-01' }]);
		expect(items.map((item) => [item.json.date, item.pairedItem])).toEqual([
			['2025-01-15', { item: 0 }],
			['2025-01-14', { item: 2 }],
			['2025-01-15', { item: 2 }],
		]);
	});

	it("counts a client workspace's log only, acting there", async () => {
		const [client] = t.sim.createAgency({ admin: t.state.id, clients: [{ name: 'Acme' }] }).clients;
		await twoDaysOfDeliveries(client.id);
		await twoDaysOfDeliveries();
		await twoDaysOfDeliveries();
		t.sim.clearRequests();
		const { items } = await t.run({
			resource: 'webhook',
			operation: 'getDeliveryLog',
			output: 'summaryByDate',
			filters: { from: '2025-01-14' },
			workspace: 'client',
			clientWorkspace: rl(client.id),
		});
		const acting = t.sim.requests.filter((request) => request.template === '/api/v2/webhook-events/summary-by-date');
		expect(acting.map((request) => [request.headers[AS_WORKSPACE_HEADER], request.workspaceId])).toEqual([[client.id, client.id]]);
		expect(items.map((item) => [item.json.date, item.json.total_events])).toEqual([
			['2025-01-14', 1],
			['2025-01-15', 3],
		]);
	});

	it.each([
		[{ from: '2025-02-01', to: '2025-01-01' }, 'From must not be after To'],
		[{ from: 'last week' }, 'From: "last week" is not a date'],
		[{ to: '2025-02-30' }, 'To: "2025-02-30" is not a date'],
	])('refuses %o before sending', async (filters, message) => {
		t.reset();
		await expect(t.run({ resource: 'webhook', operation: 'getDeliveryLog', output: 'summaryByDate', filters })).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});
});
