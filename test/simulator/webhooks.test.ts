import { startSimulator, type Simulator } from '../../simulator';
import { apiClient, MINIMAL_CAMPAIGN, startReceiver } from '../harness/simulator';

describe('simulator: webhook delivery', () => {
	let simulator: Simulator;
	let api: ReturnType<typeof apiClient>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let failing = false;
	let campaignId: string;
	const KEY = 'hooks-key';

	beforeAll(async () => {
		simulator = await startSimulator({ clock: 'manual', deliveryRetryDelayMs: 5, disableAfterFailures: 2 });
		receiver = await startReceiver(() => (failing ? 503 : 200));
	});
	afterAll(async () => {
		await simulator.close();
		await receiver.close();
	});
	beforeEach(async () => {
		simulator.reset();
		failing = false;
		receiver.received.length = 0;
		api = apiClient(simulator.url, simulator.createWorkspace({ apiKey: KEY, name: 'Hooks' }).apiKey);
		campaignId = (await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Founders' })).body.id;
		await api('POST', '/api/v2/leads', {
			campaign: campaignId,
			email: 'jane@prospect.com',
			first_name: 'Jane',
			company_name: 'Prospect Inc',
			custom_variables: { my_custom_var: 'value' },
		});
	});

	const createHook = async (fields: Record<string, unknown>) =>
		(await api('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, ...fields })).body;

	it('maskWebhookHeaders masks header values in every webhook read, still delivers them, and reset restores the option', async () => {
		simulator.maskWebhookHeaders = true;
		const hook = await createHook({ event_type: 'reply_received', headers: { 'x-n8n-secret': 's3cret' } });
		const masked = { 'x-n8n-secret': '********' };
		expect(hook.headers).toEqual(masked);
		expect((await api('GET', `/api/v2/webhooks/${hook.id}`)).body.headers).toEqual(masked);
		expect((await api('GET', '/api/v2/webhooks')).body.items[0].headers).toEqual(masked);
		expect((await api('PATCH', `/api/v2/webhooks/${hook.id}`, { name: 'Renamed' })).body.headers).toEqual(masked);
		await simulator.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(receiver.received[0].headers['x-n8n-secret']).toBe('s3cret');
		simulator.reset();
		expect(simulator.maskWebhookHeaders).toBe(false);
	});

	it('delivers a flat payload with the webhook headers, and maps email_link_clicked to link_clicked', async () => {
		const hook = await createHook({ event_type: 'email_link_clicked', headers: { 'x-n8n-secret': 's3cret' } });
		expect(hook.status).toBe(1);
		const [result] = await simulator.triggerEvent(KEY, { event_type: 'email_link_clicked', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(result).toMatchObject({ success: true, statusCode: 200, attempts: 1 });
		const [delivered] = receiver.received;
		expect(delivered.headers).toMatchObject({ 'x-n8n-secret': 's3cret', 'content-type': 'application/json', 'user-agent': 'axios/0.21.4' });
		expect(delivered.body).toMatchObject({
			event_type: 'link_clicked',
			workspace: simulator.workspace(KEY).id,
			campaign_id: campaignId,
			campaign_name: 'Founders',
			lead_email: 'jane@prospect.com',
			email: 'jane@prospect.com',
			firstName: 'Jane',
			companyName: 'Prospect Inc',
			my_custom_var: 'value',
			unibox_url: null,
			is_first: true,
		});
		expect(simulator.workspace(KEY).leads.values().next().value?.email_click_count).toBe(1);
	});

	it('filters by event type and campaign; auto replies only reach all_events hooks', async () => {
		const other = (await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Other' })).body.id;
		await createHook({ event_type: 'reply_received', campaign: other });
		const forCampaign = await createHook({ event_type: 'reply_received', campaign: campaignId });
		const everything = await createHook({ event_type: 'all_events' });
		const replies = await simulator.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(replies.map((result) => result.webhookId).sort()).toEqual([forCampaign.id, everything.id].sort());
		expect(typeof receiver.received[0].body.unibox_url).toBe('string');
		const auto = await simulator.triggerEvent(KEY, { event_type: 'auto_reply_received', campaign_id: campaignId, lead_email: 'jane@prospect.com' });
		expect(auto.map((result) => result.webhookId)).toEqual([everything.id]);
	});

	it('fires lead_* events when the interest status changes through the API, and custom label events', async () => {
		await createHook({ event_type: 'lead_meeting_booked' });
		const label = (await api('POST', '/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive' })).body;
		// The spec's event_type enum has no null, so a custom-label hook leaves event_type out.
		await createHook({ custom_interest_value: label.interest_status });
		await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'jane@prospect.com', interest_value: 2 });
		await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'jane@prospect.com', interest_value: label.interest_status });
		await simulator.waitForIdle();
		expect(receiver.received.map((hook) => hook.body.event_type)).toEqual(['lead_meeting_booked', 'Hot']);
		expect(simulator.invalidRequests).toEqual([]);
	});

	it('retries failed deliveries, disables the webhook after repeated failures, and resumes it', async () => {
		const hook = await createHook({ event_type: 'email_sent' });
		failing = true;
		const event = { event_type: 'email_sent', campaign_id: campaignId, lead_email: 'jane@prospect.com' };
		const [first] = await simulator.triggerEvent(KEY, event);
		expect(first).toMatchObject({ success: false, statusCode: 503, attempts: 3, disabled: false });
		const [second] = await simulator.triggerEvent(KEY, event);
		expect(second.disabled).toBe(true);
		const disabled = (await api('GET', `/api/v2/webhooks/${hook.id}`)).body;
		expect(disabled.status).toBe(-1);
		expect(typeof disabled.timestamp_error).toBe('string');
		expect(await simulator.triggerEvent(KEY, event)).toEqual([]);
		failing = false;
		expect((await api('POST', `/api/v2/webhooks/${hook.id}/resume`)).body).toMatchObject({ status: 1, timestamp_error: null });
		expect((await simulator.triggerEvent(KEY, event))[0].success).toBe(true);
		expect(receiver.received).toHaveLength(7);
		const log = await api('GET', '/api/v2/webhook-events?success=false&limit=100');
		expect(log.body.items).toHaveLength(6);
	});

	it('sends a test_event from POST /webhooks/{id}/test and reports the receiver status', async () => {
		const hook = await createHook({ event_type: 'email_sent' });
		const ok = await api('POST', `/api/v2/webhooks/${hook.id}/test`);
		expect(ok.body).toMatchObject({ success: true, status_code: 200 });
		expect(receiver.received[0].body).toMatchObject({ event_type: 'test_event', is_test: true, webhook_id: hook.id });
		failing = true;
		expect((await api('POST', `/api/v2/webhooks/${hook.id}/test`)).body).toMatchObject({ success: false, status_code: 503 });
		const unreachable = (await api('POST', '/api/v2/webhooks', { target_hook_url: 'http://127.0.0.1:1/hook' })).body;
		expect((await api('POST', `/api/v2/webhooks/${unreachable.id}/test`)).body.success).toBe(false);
		expect(simulator.responseViolations).toEqual([]);
	});

	it('reads the delivery log: webhook events with filters, by id, summary and summary by date', async () => {
		await createHook({ event_type: 'email_sent' });
		await api('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/other`, event_type: 'email_sent' });
		const event = { event_type: 'email_sent', campaign_id: campaignId, lead_email: 'jane@prospect.com' };
		await simulator.triggerEvent(KEY, event);
		failing = true;
		await simulator.triggerEvent(KEY, event);
		const all = (await api('GET', '/api/v2/webhook-events?limit=100')).body.items;
		// The log's own date: a date taken by the test could fall on the other side of midnight.
		const today = all[0].timestamp_created_date;
		// 2 hooks × (1 success) + 2 hooks × (3 failed attempts)
		expect(all).toHaveLength(8);
		expect((await api('GET', '/api/v2/webhook-events?success=true')).body.items).toHaveLength(2);
		expect((await api('GET', `/api/v2/webhook-events?from=${today}&to=${today}&limit=100`)).body.items).toHaveLength(8);
		expect((await api('GET', '/api/v2/webhook-events?to=2000-01-01')).body.items).toEqual([]);
		const other = (await api('GET', '/api/v2/webhook-events?search=%2Fother&success=false&limit=100')).body.items;
		expect(other).toHaveLength(3);
		expect(other.map((item: { retry_count: number }) => item.retry_count)).toEqual([0, 1, 2]);
		const one = await api('GET', `/api/v2/webhook-events/${other[2].id}`);
		expect(one.body).toMatchObject({ success: false, status_code: 503, will_retry: false, lead_email: 'jane@prospect.com', payload: { event_type: 'email_sent' } });
		expect((await api('GET', '/api/v2/webhook-events/nope')).status).toBe(404);
		expect((await api('GET', '/api/v2/webhook-events/summary')).body).toEqual({
			total_events: 8,
			successful_events: 2,
			failed_events: 6,
			success_rate: 25,
			failure_rate: 75,
		});
		expect((await api('GET', '/api/v2/webhook-events/summary?from=2000-01-01&to=2000-01-02')).body).toMatchObject({ total_events: 0, success_rate: 0 });
		expect((await api('GET', `/api/v2/webhook-events/summary-by-date?from=${today}`)).body).toEqual({
			items: [{ date: today, total_events: 8, successful_events: 2, failed_events: 6, success_rate: 25 }],
		});
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
	});

	it('summarises each workspace\'s own delivery log, per day in date order, and refuses parameters the document does not define', async () => {
		await createHook({ event_type: 'email_sent' });
		const event = { event_type: 'email_sent', campaign_id: campaignId, lead_email: 'jane@prospect.com' };
		await simulator.triggerEvent(KEY, event);
		failing = true;
		await simulator.triggerEvent(KEY, event);
		// Deliveries are logged on today's date: move the successful one back a day, the failed ones a week forward.
		for (const entry of simulator.workspace(KEY).webhookEvents.values()) {
			const day = entry.success === true ? '2025-01-14' : '2025-01-21';
			Object.assign(entry, { timestamp_created_date: day, timestamp_created: `${day}T08:00:00.000Z` });
		}
		const other = simulator.createWorkspace({ apiKey: 'other-key', name: 'Other' });
		await simulator.triggerEvent(other.apiKey, event);
		const inOther = apiClient(simulator.url, other.apiKey);
		const [first] = simulator.workspace(KEY).webhookEvents.keys();

		expect((await api('GET', '/api/v2/webhook-events/summary-by-date')).body).toEqual({
			items: [
				{ date: '2025-01-14', total_events: 1, successful_events: 1, failed_events: 0, success_rate: 100 },
				{ date: '2025-01-21', total_events: 3, successful_events: 0, failed_events: 3, success_rate: 0 },
			],
		});
		expect((await api('GET', '/api/v2/webhook-events/summary-by-date?from=2025-01-15&to=2025-01-21')).body.items).toHaveLength(1);
		expect((await api('GET', '/api/v2/webhook-events/summary?to=2025-01-14')).body).toMatchObject({ total_events: 1, success_rate: 100, failure_rate: 0 });
		expect((await inOther('GET', '/api/v2/webhook-events/summary')).body).toMatchObject({ total_events: 0 });
		expect((await inOther('GET', '/api/v2/webhook-events/summary-by-date')).body).toEqual({ items: [] });
		expect((await inOther('GET', `/api/v2/webhook-events/${first}`)).status).toBe(404);
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);

		expect((await api('GET', '/api/v2/webhook-events/summary-by-date?success=true')).status).toBe(400);
		expect((await api('GET', '/api/v2/webhook-events/summary?limit=10')).status).toBe(400);
		expect(simulator.invalidRequests).toHaveLength(2);
	});

	it('keeps a webhook\'s event type when a PATCH names only a label value; a PATCH cannot clear it', async () => {
		const hook = await createHook({ event_type: 'reply_received' });
		const patched = await api('PATCH', `/api/v2/webhooks/${hook.id}`, { custom_interest_value: 7 });
		expect(patched.body).toMatchObject({ event_type: 'reply_received', custom_interest_value: 7 });
		expect((await api('PATCH', `/api/v2/webhooks/${hook.id}`, { event_type: null, custom_interest_value: 7 })).status).toBe(400);
		expect(simulator.invalidRequests).toHaveLength(1);
		simulator.clearRequests();
	});

	it('lists webhooks with campaign and event_type filters', async () => {
		await createHook({ event_type: 'email_sent', campaign: campaignId });
		await createHook({ event_type: 'reply_received' });
		expect((await api('GET', `/api/v2/webhooks?campaign=${campaignId}`)).body.items).toHaveLength(1);
		expect((await api('GET', '/api/v2/webhooks?event_type=reply_received')).body.items).toHaveLength(1);
		expect(simulator.invalidRequests).toEqual([]);
	});
});
