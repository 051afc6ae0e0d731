import { VERIFICATION_HEADER } from '../../../../../nodes/Instantly/trigger/secret';
import { MINIMAL_CAMPAIGN, useSimulator } from '../../../../harness/simulator';
import { useReceiver } from './receiver';

const t = useSimulator();
const receiver = useReceiver();

const SECRET = 'b'.repeat(64);

/** One successful delivery, then a failed one with its retries, to a webhook carrying the trigger's secret header. */
async function deliveries() {
	const campaign = (await t.api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body;
	await t.api('POST', '/api/v2/webhooks', {
		target_hook_url: `${receiver.url}/hook`,
		event_type: 'email_sent',
		headers: { [VERIFICATION_HEADER]: SECRET },
	});
	const event = { event_type: 'email_sent', campaign_id: campaign.id, lead_email: 'jane@prospect.com' };
	await t.sim.triggerEvent(t.state.id, event);
	receiver.failing = true;
	await t.sim.triggerEvent(t.state.id, event);
	const log = [...t.state.webhookEvents.values()];
	return { succeeded: log.find((entry) => entry.success === true)!, failed: log.find((entry) => entry.success === false)! };
}

describe('Webhook → Get Delivery', () => {
	it('gets each item\'s delivery attempt, paired with its item', async () => {
		const { succeeded, failed } = await deliveries();
		t.reset();
		const { items } = await t.run(
			{ resource: 'webhook', operation: 'getDelivery', deliveryId: (item) => item.json.delivery },
			{ items: [{ json: { delivery: failed.id } }, { json: { delivery: ` ${succeeded.id} ` } }] },
		);
		expect(t.requests()).toEqual([
			{ method: 'GET', path: `/api/v2/webhook-events/${failed.id}`, query: {}, body: undefined },
			{ method: 'GET', path: `/api/v2/webhook-events/${succeeded.id}`, query: {}, body: undefined },
		]);
		expect(items).toEqual([
			{ json: failed, pairedItem: { item: 0 } },
			{ json: succeeded, pairedItem: { item: 1 } },
		]);
		expect(items[0].json).toMatchObject({ success: false, status_code: 500, lead_email: 'jane@prospect.com', payload: { event_type: 'email_sent' } });
	});

	it("never outputs the trigger's secret the webhook sends with each delivery", async () => {
		const { succeeded } = await deliveries();
		expect(receiver.received.some((hook) => JSON.stringify(hook).includes(SECRET))).toBe(true);
		const { items } = await t.run({ resource: 'webhook', operation: 'getDelivery', deliveryId: succeeded.id as string });
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});

	it.each([
		['', 'Delivery ID is required'],
		['not-a-delivery', 'Delivery ID: "not-a-delivery" is not a valid Instantly ID'],
		['../webhooks', 'Delivery ID: "../webhooks" is not a valid Instantly ID'],
	])('refuses Delivery ID %j before sending', async (deliveryId, message) => {
		t.reset();
		await expect(t.run({ resource: 'webhook', operation: 'getDelivery', deliveryId })).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});

	it('an unknown delivery becomes an error item with continueOnFail', async () => {
		const { items } = await t.run(
			{ resource: 'webhook', operation: 'getDelivery', deliveryId: '5e5e5e5e-0000-4000-8000-000000000005' },
			{ continueOnFail: true },
		);
		expect(items).toEqual([{ json: expect.objectContaining({ error: expect.any(String), statusCode: 404 }), pairedItem: { item: 0 } }]);
	});
});
