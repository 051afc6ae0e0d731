import { MASKED_SECRET, VERIFICATION_HEADER } from '../../../../../nodes/Instantly/trigger/secret';
import { MINIMAL_CAMPAIGN, useSimulator, type Parameter } from '../../../../harness/simulator';
import { rl } from '../setup';
import { useReceiver } from './receiver';

const t = useSimulator();
const receiver = useReceiver();

async function webhook(body: Record<string, unknown> = {}) {
	const response = await t.api('POST', '/api/v2/webhooks', {
		target_hook_url: `${receiver.url}/hook`,
		event_type: 'reply_received',
		...body,
	});
	return response.body as { id: string };
}

describe('Webhook → Create, Get, Get Many, Update, Delete', () => {
	it('creates a webhook with campaign, name and headers', async () => {
		const campaignId = await t.campaign();
		t.reset();
		const { items } = await t.run({
			resource: 'webhook',
			operation: 'create',
			targetUrl: 'https://example.com/hooks/instantly',
			eventType: 'lead_interested',
			additionalFields: {
				campaignId: rl(campaignId),
				name: 'CRM sync',
				headers: { header: [{ name: 'x-secret', value: 's3cr3t' }] },
			},
		});
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/webhooks',
				query: {},
				body: {
					target_hook_url: 'https://example.com/hooks/instantly',
					event_type: 'lead_interested',
					campaign: campaignId,
					name: 'CRM sync',
					headers: { 'x-secret': 's3cr3t' },
				},
			},
		]);
		expect(t.state.webhooks.get(items[0].json.id as string)).toMatchObject({ event_type: 'lead_interested', campaign: campaignId });
	});

	it('creates a custom lead label webhook without an event type', async () => {
		const label = (await t.api('POST', '/api/v2/lead-labels', { label: 'Champion', interest_status_label: 'positive' })).body;
		t.reset();
		await t.run({
			resource: 'webhook',
			operation: 'create',
			targetUrl: 'https://example.com/hooks/instantly',
			eventType: 'customLabel',
			additionalFields: { customInterestValue: label.interest_status },
		});
		expect(t.requests()[0].body).toEqual({
			target_hook_url: 'https://example.com/hooks/instantly',
			custom_interest_value: label.interest_status,
		});
	});

	it.each([
		[{ targetUrl: 'example.com/hook' }, 'Target URL: "example.com/hook" is not an http(s) URL'],
		[{ eventType: 'customLabel' }, 'Custom Label Interest Value is required'],
	])('refuses %o before sending', async (override, message) => {
		t.reset();
		await expect(
			t.run({ resource: 'webhook', operation: 'create', targetUrl: 'https://example.com/h', eventType: 'email_sent', ...override }),
		).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});

	it('gets and lists webhooks, filtered by event', async () => {
		const hook = await webhook();
		await webhook({ event_type: 'email_sent' });
		t.reset();
		const got = await t.run({ resource: 'webhook', operation: 'get', webhookId: hook.id });
		expect(got.items[0].json).toMatchObject({ id: hook.id, event_type: 'reply_received', status: 1 });
		const listed = await t.run({ resource: 'webhook', operation: 'getAll', returnAll: true, filters: { eventType: 'reply_received' } });
		expect(t.requests()[1].query).toEqual({ limit: '100', event_type: 'reply_received' });
		expect(listed.items.map((item) => item.json.id)).toEqual([hook.id]);
	});

	it("never outputs the Instantly Trigger's secret header value; other headers stay as they are", async () => {
		const secret = 'a'.repeat(64);
		const hook = await webhook({ headers: { [VERIFICATION_HEADER]: secret, 'x-team': 'sales' } });
		const runs: Array<Record<string, Parameter>> = [
			{ operation: 'get', webhookId: hook.id },
			{ operation: 'getAll', returnAll: true },
			{ operation: 'update', webhookId: hook.id, updateFields: { name: 'Renamed' } },
			{ operation: 'resume', webhookId: hook.id },
			{ operation: 'deleteWebhook', webhookId: hook.id },
		];
		for (const parameters of runs) {
			const { items } = await t.run({ resource: 'webhook', ...parameters });
			expect({ operation: parameters.operation, headers: items[0].json.headers }).toEqual({
				operation: parameters.operation,
				headers: { [VERIFICATION_HEADER]: MASKED_SECRET, 'x-team': 'sales' },
			});
			expect(JSON.stringify(items)).not.toContain(secret);
		}
		const created = await t.run({
			resource: 'webhook',
			operation: 'create',
			targetUrl: `${receiver.url}/hook`,
			eventType: 'reply_received',
			additionalFields: { headers: { header: [{ name: 'X-N8N-Instantly-Secret', value: secret }] } },
		});
		expect(JSON.stringify(created.items)).not.toContain(secret);
	});

	it('updates the URL and clears the headers, then deletes', async () => {
		const hook = await webhook({ headers: { 'x-old': '1' } });
		t.reset();
		await t.run({
			resource: 'webhook',
			operation: 'update',
			webhookId: hook.id,
			updateFields: { targetUrl: 'https://example.com/new', headers: {} },
		});
		expect(t.requests()[0]).toMatchObject({
			method: 'PATCH',
			path: `/api/v2/webhooks/${hook.id}`,
			body: { target_hook_url: 'https://example.com/new', headers: null },
		});
		expect(t.state.webhooks.get(hook.id)).toMatchObject({ target_hook_url: 'https://example.com/new', headers: null });
		await t.run({ resource: 'webhook', operation: 'deleteWebhook', webhookId: hook.id });
		expect(t.state.webhooks.has(hook.id)).toBe(false);
		t.reset();
		await expect(
			t.run({ resource: 'webhook', operation: 'update', webhookId: hook.id, updateFields: {} }),
		).rejects.toThrow('choose at least one field');
		expect(t.requests()).toEqual([]);
	});
});

describe('Webhook → Update to a custom lead label', () => {
	const label = async () => (await t.api('POST', '/api/v2/lead-labels', { label: 'Champion', interest_status_label: 'positive' })).body;

	it('refuses to turn a standard webhook into a custom-label one, leaving it unchanged', async () => {
		const hook = await webhook();
		const { interest_status } = await label();
		t.reset();
		await expect(
			t.run({
				resource: 'webhook',
				operation: 'update',
				webhookId: hook.id,
				updateFields: { eventType: 'customLabel', customInterestValue: interest_status },
			}),
		).rejects.toThrow('Event: an update cannot turn this webhook into a custom lead label webhook');
		expect(t.requests().map(({ method }) => method)).toEqual(['GET']);
		expect(t.state.webhooks.get(hook.id)).toMatchObject({ event_type: 'reply_received', custom_interest_value: null });
	});

	it('changes the label of a custom-label webhook', async () => {
		const [first, second] = [await label(), (await t.api('POST', '/api/v2/lead-labels', { label: 'Ghost', interest_status_label: 'negative' })).body];
		const hook = await webhook({ event_type: undefined, custom_interest_value: first.interest_status });
		t.reset();
		await t.run({ resource: 'webhook', operation: 'update', webhookId: hook.id, updateFields: { customInterestValue: second.interest_status } });
		expect(t.requests()[1]).toMatchObject({ method: 'PATCH', body: { custom_interest_value: second.interest_status } });
		expect(t.state.webhooks.get(hook.id)?.event_type).toBeUndefined();
		expect(t.state.webhooks.get(hook.id)?.custom_interest_value).toBe(second.interest_status);
	});
});

describe('Webhook → Send Test, Resume, Get Delivery Log (audit and repair)', () => {
	it('sends a test and reports whether the target answered', async () => {
		const hook = await webhook();
		const ok = await t.run({ resource: 'webhook', operation: 'sendTest', webhookId: hook.id });
		expect(ok.items[0].json).toMatchObject({ success: true, status_code: 200 });
		expect(receiver.received).toHaveLength(1);
		receiver.failing = true;
		const broken = await t.run({ resource: 'webhook', operation: 'sendTest', webhookId: hook.id });
		expect(broken.items[0].json).toMatchObject({ success: false, status_code: 500 });
	});

	it('finds failed deliveries in the log, and resumes a disabled webhook', async () => {
		const campaign = (await t.api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body;
		await t.api('POST', '/api/v2/leads', { campaign: campaign.id, email: 'jane@prospect.com' });
		const hook = await webhook({ event_type: 'email_sent' });
		await t.sim.triggerEvent(t.state.id, { event_type: 'email_sent', campaign_id: campaign.id, lead_email: 'jane@prospect.com' });
		receiver.failing = true;
		await t.sim.triggerEvent(t.state.id, { event_type: 'email_sent', campaign_id: campaign.id, lead_email: 'jane@prospect.com' });
		await t.sim.waitForIdle();
		// The log's own date: a date taken here could fall on the other side of midnight.
		const today = [...t.state.webhookEvents.values()][0].timestamp_created_date;

		t.reset();
		const failed = await t.run({
			resource: 'webhook',
			operation: 'getDeliveryLog',
			output: 'events',
			returnAll: true,
			filters: { success: false, from: today, to: today, search: `${receiver.url}/hook` },
		});
		expect(t.requests()[0].query).toEqual({ limit: '100', from: today, to: today, success: 'false', search: `${receiver.url}/hook` });
		expect(failed.items.length).toBeGreaterThan(0);
		expect(failed.items.every((item) => item.json.success === false)).toBe(true);

		const summary = await t.run({ resource: 'webhook', operation: 'getDeliveryLog', output: 'summary', filters: { from: today } });
		expect(t.requests()[1]).toMatchObject({ path: '/api/v2/webhook-events/summary', query: { from: today } });
		expect(summary.items).toHaveLength(1);
		expect(summary.items[0].json).toMatchObject({ total_events: failed.items.length + 1, successful_events: 1 });

		t.state.webhooks.get(hook.id)!.status = -1;
		const resumed = await t.run({ resource: 'webhook', operation: 'resume', webhookId: hook.id });
		expect(resumed.items[0].json).toMatchObject({ id: hook.id, status: 1 });
		expect(t.state.webhooks.get(hook.id)?.status).toBe(1);
	});

	it('refuses From after To before sending', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'webhook', operation: 'getDeliveryLog', output: 'summary', filters: { from: '2025-02-01', to: '2025-01-01' } }),
		).rejects.toThrow('From must not be after To');
		expect(t.requests()).toEqual([]);
	});
});
