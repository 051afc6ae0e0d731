import { seedDemoWorkspace, startSimulator, type Simulator } from '../../simulator';
import { apiClient, MINIMAL_CAMPAIGN, startReceiver } from '../harness/simulator';

describe('simulator: emails (unibox)', () => {
	let simulator: Simulator;
	let api: ReturnType<typeof apiClient>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let campaignId: string;
	const KEY = 'emails-key';
	const LEAD = 'jane@prospect.com';

	beforeAll(async () => {
		simulator = await startSimulator({ clock: 'manual', rateLimits: false, deliveryRetryDelayMs: 5 });
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await simulator.close();
		await receiver.close();
	});
	beforeEach(async () => {
		simulator.reset();
		receiver.received.length = 0;
		api = apiClient(simulator.url, simulator.createWorkspace({ apiKey: KEY }).apiKey);
		simulator.addAccount(KEY, { email: 'alex@getacme-mail.com', first_name: 'Alex' });
		campaignId = (await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, email_list: ['alex@getacme-mail.com'] })).body.id;
		await api('POST', '/api/v2/leads', { campaign: campaignId, email: LEAD, first_name: 'Jane' });
	});
	afterEach(() => {
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
	});

	const event = (event_type: string) => simulator.triggerEvent(KEY, { event_type, campaign_id: campaignId, lead_email: LEAD });

	it('stores the email of email_sent and reply_received events; the reply is in the same thread', async () => {
		await api('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, event_type: 'all_events' });
		await event('email_sent');
		await event('email_opened');
		await event('reply_received');
		const [sent, opened, reply] = receiver.received.map((hook) => hook.body);
		expect(opened.email_id).toBe(sent.email_id);
		const sentEmail = (await api('GET', `/api/v2/emails/${sent.email_id}`)).body;
		expect(sentEmail).toMatchObject({ ue_type: 1, eaccount: 'alex@getacme-mail.com', lead: LEAD, to_address_email_list: LEAD, campaign_id: campaignId, is_unread: 0 });
		const received = (await api('GET', `/api/v2/emails/${reply.email_id}`)).body;
		expect(received).toMatchObject({ ue_type: 2, from_address_email: LEAD, is_unread: 1, subject: 'Re: Quick question', thread_id: sentEmail.thread_id });
		expect(reply.unibox_url).toContain(`thread_search=thread:${sentEmail.thread_id}`);
		const thread = await api('GET', `/api/v2/emails?search=${encodeURIComponent(`thread:${sentEmail.thread_id}`)}`);
		expect(thread.body.items.map((email: { id: string }) => email.id)).toEqual([reply.email_id, sent.email_id]);
		expect((await api('GET', '/api/v2/emails/unread/count')).body).toEqual({ count: 1 });
	});

	it('replies to the email_id of a delivered reply_received event', async () => {
		await api('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, event_type: 'reply_received' });
		await event('email_sent');
		await event('reply_received');
		const [delivered] = receiver.received.map((hook) => hook.body);
		const reply = await api('POST', '/api/v2/emails/reply', {
			eaccount: delivered.email_account,
			reply_to_uuid: delivered.email_id,
			subject: 'Re: Quick question',
			body: { html: 'Great, how about Thursday?<br/><br/>Alex', text: 'Great, how about Thursday?' },
			additional_recipients: ['boss@prospect.com'],
		});
		expect(reply.status).toBe(200);
		const original = (await api('GET', `/api/v2/emails/${delivered.email_id}`)).body;
		expect(reply.body).toMatchObject({
			ue_type: 3,
			eaccount: 'alex@getacme-mail.com',
			from_address_email: 'alex@getacme-mail.com',
			to_address_email_list: `${LEAD},boss@prospect.com`,
			thread_id: original.thread_id,
			lead: LEAD,
			campaign_id: campaignId,
		});
		const missing = await api('POST', '/api/v2/emails/reply', { eaccount: 'alex@getacme-mail.com', reply_to_uuid: 'nope', subject: 'x', body: { text: 'x' } });
		expect(missing.status).toBe(404);
		const stranger = await api('POST', '/api/v2/emails/reply', { eaccount: 'who@x.io', reply_to_uuid: delivered.email_id, subject: 'x', body: { text: 'x' } });
		expect(stranger.status).toBe(404);
		expect((await api('POST', '/api/v2/emails/reply', { eaccount: 'alex@getacme-mail.com', reply_to_uuid: delivered.email_id })).status).toBe(400);
		expect(simulator.invalidRequests).toHaveLength(1);
		simulator.requests.length = 0;
	});

	it('filters the unibox, marks threads read, patches, deletes and forwards', async () => {
		const question = simulator.addEmail(KEY, { lead: 'ann@acme.com', subject: 'Pricing?', body: { text: 'How much?' } });
		simulator.addEmail(KEY, { ue_type: 3, lead: 'ann@acme.com', thread_id: question.thread_id!, subject: 'Re: Pricing?', body: { text: '$10' } });
		const followUp = simulator.addEmail(KEY, { lead: 'ann@acme.com', thread_id: question.thread_id!, subject: 'Re: Pricing?', body: { text: 'Deal' } });
		await event('email_sent');
		const ids = async (query: string) => (await api('GET', `/api/v2/emails${query}`)).body.items.map((email: { subject: string }) => email.subject);
		expect(await ids('?email_type=received')).toEqual(['Re: Pricing?', 'Pricing?']);
		expect(await ids('?email_type=sent&lead=ANN@acme.com')).toEqual(['Re: Pricing?']);
		expect(await ids(`?campaign_id=${campaignId}`)).toEqual(['Quick question for you']);
		expect(await ids('?latest_of_thread=true&sort_order=asc')).toEqual(['Re: Pricing?', 'Quick question for you']);
		expect(await ids('?is_unread=true&eaccount=alex@getacme-mail.com')).toEqual(['Re: Pricing?', 'Pricing?']);
		expect(await ids('?search=deal')).toEqual(['Re: Pricing?']);
		expect(await ids('?search=pricing&company_domain=acme.com&limit=1')).toEqual(['Re: Pricing?']);
		const page = await api('GET', '/api/v2/emails?limit=2');
		const rest = await api('GET', `/api/v2/emails?limit=2&starting_after=${page.body.next_starting_after}`);
		expect([...page.body.items, ...rest.body.items]).toHaveLength(4);
		expect(rest.body.next_starting_after).toBeDefined();

		expect((await api('POST', `/api/v2/emails/threads/${question.thread_id}/mark-as-read`)).body).toEqual({ success: true });
		expect((await api('GET', '/api/v2/emails/unread/count')).body.count).toBe(0);
		expect((await api('POST', '/api/v2/emails/threads/unknown-thread/mark-as-read')).status).toBe(404);
		const patched = await api('PATCH', `/api/v2/emails/${followUp.id}`, { is_unread: 1, reminder_ts: '2030-01-01T09:00:00.000Z' });
		expect(patched.body).toMatchObject({ is_unread: 1, reminder_ts: '2030-01-01T09:00:00.000Z' });
		expect(await ids('?has_reminder=true')).toEqual(['Re: Pricing?']);

		const forward = await api('POST', '/api/v2/emails/forward', {
			eaccount: 'alex@getacme-mail.com',
			reply_to_uuid: question.id,
			to_address_email_list: 'sales@getacme-mail.com',
			subject: 'Fwd: Pricing?',
			include_original_body: true,
		});
		expect(forward.body).toMatchObject({ ue_type: 3, to_address_email_list: 'sales@getacme-mail.com', subject: 'Fwd: Pricing?' });
		expect(forward.body.body.text).toContain('How much?');
		expect(forward.body.thread_id).not.toBe(question.thread_id);
		expect((await api('DELETE', `/api/v2/emails/${followUp.id}`)).body.id).toBe(followUp.id);
		expect((await api('GET', `/api/v2/emails/${followUp.id}`)).status).toBe(404);
	});

	it('refuses a forward with neither a body nor include_original_body: true, as the document\'s anyOf says', async () => {
		const question = simulator.addEmail(KEY, { lead: 'ann@acme.com', subject: 'Pricing?', body: { text: 'How much?' } });
		const forward = { eaccount: 'alex@getacme-mail.com', reply_to_uuid: question.id, to_address_email_list: 'ae@getacme-mail.com', subject: 'Fwd' };
		for (const body of [forward, { ...forward, include_original_body: false }, { ...forward, body: { text: '' } }]) {
			const response = await api('POST', '/api/v2/emails/forward', body);
			expect(response.status).toBe(400);
		}
		expect(simulator.invalidRequests).toHaveLength(3);
		simulator.clearRequests();
		expect((await api('POST', '/api/v2/emails/forward', { ...forward, body: { text: 'FYI' } })).status).toBe(200);
	});

	it('refuses the 21st GET /emails within a minute with a 429 envelope, per workspace', async () => {
		simulator.setRateLimits({ perSecond: 100, perMinute: 6000 });
		const statuses: number[] = [];
		for (let call = 0; call < 21; call++) statuses.push((await api('GET', '/api/v2/emails?limit=1')).status);
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
		const limited = await api('GET', '/api/v2/emails?limit=1');
		expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' });
		expect(statuses[20]).toBe(429);
		// Other endpoints and other workspaces keep their own budget.
		expect((await api('GET', '/api/v2/emails/unread/count')).status).toBe(200);
		const other = apiClient(simulator.url, simulator.createWorkspace().apiKey);
		expect((await other('GET', '/api/v2/emails')).status).toBe(200);
		simulator.setRateLimits(false);
		expect((await api('GET', '/api/v2/emails')).status).toBe(200);
	});

	it('seeds unibox threads in the demo workspace and creates emails through the control API', async () => {
		const demo = seedDemoWorkspace(simulator, 'demo-emails');
		const demoApi = apiClient(simulator.url, demo.apiKey);
		const received = (await demoApi('GET', '/api/v2/emails?email_type=received&limit=100')).body.items;
		expect(received.length).toBeGreaterThanOrEqual(3);
		const reply = received.find((email: { campaign_id: string | null }) => email.campaign_id !== null);
		const thread = await demoApi('GET', `/api/v2/emails?search=thread:${reply.thread_id}`);
		expect(thread.body.items.map((email: { ue_type: number }) => email.ue_type)).toEqual([2, 1]);
		const answered = await demoApi('POST', '/api/v2/emails/reply', { eaccount: reply.eaccount, reply_to_uuid: reply.id, subject: `Re: ${reply.subject}`, body: { text: 'Thanks!' } });
		expect(answered.body.to_address_email_list).toBe(reply.lead);

		const control = apiClient(simulator.url);
		const email = await control('POST', `/__simulator/workspaces/${demo.id}/emails`, { lead: 'new@lead.io', eaccount: 'sam@getacme-mail.com', subject: 'Hello' });
		expect(email.body).toMatchObject({ ue_type: 2, from_address_email: 'new@lead.io', to_address_email_list: 'sam@getacme-mail.com', is_unread: 1 });
		expect((await demoApi('GET', `/api/v2/emails/${email.body.id}`)).status).toBe(200);
	});
});
