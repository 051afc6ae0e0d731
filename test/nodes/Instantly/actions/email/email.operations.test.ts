import * as reply from '../../../../../nodes/Instantly/actions/email/reply.operation';
import { itemsOf, rl } from '../setup';
import { MINIMAL_CAMPAIGN, startReceiver, useSimulator } from '../../../../harness/simulator';

const t = useSimulator();
const ACCOUNT = 'alex@getacme-mail.com';
const LEAD = 'jane@prospect.com';
/** The test's workspace id (the simulator's add* helpers take it). */
const ws = () => t.state.id;

function seedInbox() {
	t.sim.addAccount(ws(), { email: ACCOUNT });
	t.sim.addAccount(ws(), { email: 'sam@getacme-mail.com' });
	const thread = t.sim.addEmail(ws(), { ue_type: 1, lead: LEAD, subject: 'Quick question', eaccount: ACCOUNT });
	const received = t.sim.addEmail(ws(), {
		lead: LEAD,
		subject: 'Re: Quick question',
		eaccount: ACCOUNT,
		thread_id: thread.thread_id ?? undefined,
		body: { text: 'Sounds good' },
	});
	const other = t.sim.addEmail(ws(), { lead: 'bob@else.com', subject: 'Hello', eaccount: 'sam@getacme-mail.com' });
	return { thread, received, other };
}

describe('Email → Get Many', () => {
	it('maps the filters to the query and stops at the limit', async () => {
		const { received } = seedInbox();
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: {
				eaccount: `${ACCOUNT}, `,
				isUnread: true,
				emailType: 'received',
				latestOfThread: true,
				lead: LEAD,
				search: 'Sounds',
				createdAfter: '2020-01-01T00:00:00.000Z',
			},
		});
		expect(t.requests()).toEqual([
			{
				method: 'GET',
				path: '/api/v2/emails',
				query: {
					limit: '5',
					eaccount: ACCOUNT,
					is_unread: 'true',
					email_type: 'received',
					latest_of_thread: 'true',
					lead: LEAD,
					search: 'Sounds',
					min_timestamp_created: '2020-01-01T00:00:00.000Z',
				},
				body: undefined,
			},
		]);
		expect(items.map((item) => item.json.id)).toEqual([received.id]);
	});

	it('filters by campaign through the locator', async () => {
		const campaignId = await t.campaign();
		t.sim.addAccount(ws(), { email: ACCOUNT });
		const inCampaign = t.sim.addEmail(ws(), { lead: LEAD, campaign_id: campaignId });
		t.sim.addEmail(ws(), { lead: 'other@else.com' });
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'getAll',
			returnAll: true,
			filters: { campaignId: rl(campaignId) },
		});
		expect(t.requests()[0].query).toEqual({ limit: '100', campaign_id: campaignId });
		expect(items.map((item) => item.json.id)).toEqual([inCampaign.id]);
	});

	it('filters read emails only, and asks for every email of each thread, sending false', async () => {
		const { thread, received, other } = seedInbox();
		await t.api('PATCH', `/api/v2/emails/${other.id}`, { is_unread: 0 });
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'getAll',
			returnAll: true,
			filters: { isUnread: 'no', latestOfThread: 'no' },
		});
		expect(t.requests()[0].query).toEqual({ limit: '100', is_unread: 'false', latest_of_thread: 'false' });
		expect(items.map((item) => item.json.id).sort()).toEqual([thread.id, other.id].sort());
		expect(items.map((item) => item.json.id)).not.toContain(received.id);
	});

	it.each([
		['Any (the default)', {}, {}],
		['Any, chosen', { isUnread: 'any', latestOfThread: 'any' }, {}],
		['a saved boolean on (old workflows)', { isUnread: true, latestOfThread: true }, { is_unread: 'true', latest_of_thread: 'true' }],
		['a saved boolean off (old workflows: no filter)', { isUnread: false, latestOfThread: false }, {}],
	])('Read Status and Latest of Thread: %s', async (_case, filters, query) => {
		t.reset();
		await t.run({ resource: 'email', operation: 'getAll', returnAll: false, limit: 1, filters });
		expect(t.requests()[0].query).toEqual({ limit: '1', ...query });
	});

	it('takes a saved false as Any only for the two former booleans: Email Type refuses it', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'getAll', returnAll: true, filters: { emailType: false } }),
		).rejects.toThrow('Email Type: expected one of Received (received), Sent (sent), Sent Manually (manual), got boolean false');
		expect(t.requests()).toEqual([]);
	});

	it('refuses a malformed lead email before sending', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'getAll', returnAll: true, filters: { lead: 'jane' } }),
		).rejects.toThrow('Lead Email: "jane" is not a valid email address');
		expect(t.requests()).toEqual([]);
	});
});

describe('Email → Get, Update, Delete, Count Unread, Mark Thread as Read', () => {
	it('gets an email by id', async () => {
		const { received } = seedInbox();
		const { items } = await t.run({ resource: 'email', operation: 'get', emailId: received.id });
		expect(items[0].json).toMatchObject({ id: received.id, subject: 'Re: Quick question', is_unread: 1 });
	});

	it('marks an email read (is_unread as a number) and sets a reminder', async () => {
		const { received } = seedInbox();
		t.reset();
		await t.run({
			resource: 'email',
			operation: 'update',
			emailId: received.id,
			updateFields: { isUnread: false, reminder: '2030-05-01T09:00:00.000Z' },
		});
		expect(t.requests()[0]).toMatchObject({
			method: 'PATCH',
			path: `/api/v2/emails/${received.id}`,
			body: { is_unread: 0, reminder_ts: '2030-05-01T09:00:00.000Z' },
		});
		expect(t.state.emails.get(received.id)).toMatchObject({ is_unread: 0, reminder_ts: '2030-05-01T09:00:00.000Z' });
	});

	it('clears a reminder with null and refuses an empty update', async () => {
		const { received } = seedInbox();
		t.reset();
		await t.run({ resource: 'email', operation: 'update', emailId: received.id, updateFields: { clearReminder: true } });
		expect(t.requests()[0].body).toEqual({ reminder_ts: null });
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'update', emailId: received.id, updateFields: {} }),
		).rejects.toThrow('Update Fields: choose at least one field');
		expect(t.requests()).toEqual([]);
	});

	it('deletes an email', async () => {
		const { other } = seedInbox();
		t.reset();
		await t.run({ resource: 'email', operation: 'deleteEmail', emailId: other.id });
		expect(t.requests()).toEqual([{ method: 'DELETE', path: `/api/v2/emails/${other.id}`, query: {}, body: undefined }]);
		expect(t.state.emails.has(other.id)).toBe(false);
	});

	it('refuses an email id that is not a UUID', async () => {
		t.reset();
		await expect(t.run({ resource: 'email', operation: 'get', emailId: '42' })).rejects.toThrow(
			'Email ID: "42" is not a valid Instantly ID',
		);
		expect(t.requests()).toEqual([]);
	});

	it('counts unread emails, then marks a thread as read', async () => {
		const { received } = seedInbox();
		const before = await t.run({ resource: 'email', operation: 'countUnread' });
		expect(before.items[0].json).toEqual({ count: 2 });
		t.reset();
		await t.run({ resource: 'email', operation: 'markThreadAsRead', threadId: received.thread_id as string });
		expect(t.requests()).toEqual([
			{ method: 'POST', path: `/api/v2/emails/threads/${received.thread_id as string}/mark-as-read`, query: {}, body: undefined },
		]);
		const after = await t.run({ resource: 'email', operation: 'countUnread' });
		expect(after.items[0].json).toEqual({ count: 1 });
	});
});

describe('Email → Reply', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeAll(async () => {
		receiver = await startReceiver();
	});
	afterAll(async () => await receiver.close());

	it('answers a reply_received delivery with only a body mapped', async () => {
		t.sim.addAccount(ws(), { email: ACCOUNT });
		const campaign = (await t.api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, email_list: [ACCOUNT] })).body;
		await t.api('POST', '/api/v2/leads', { campaign: campaign.id, email: LEAD, first_name: 'Jane' });
		await t.api('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, event_type: 'reply_received' });
		receiver.received.length = 0;
		await t.sim.triggerEvent(ws(), { event_type: 'email_sent', campaign_id: campaign.id, lead_email: LEAD });
		await t.sim.triggerEvent(ws(), { event_type: 'reply_received', campaign_id: campaign.id, lead_email: LEAD });
		const delivery = receiver.received[0].body as Record<string, unknown>;
		expect(delivery.event_type).toBe('reply_received');

		// The operation's defaults are expressions over the trigger item; the harness does not evaluate
		// expressions, so each one stands in as the function it evaluates to.
		const defaults = Object.fromEntries(reply.description.map((property) => [property.name, property.default]));
		expect(defaults).toMatchObject({
			replyToUuid: '={{ $json.email_id }}',
			eaccount: '={{ $json.email_account }}',
			subject: '={{ $json.reply_subject }}',
		});
		const fromJson = (key: string) => (item: { json: Record<string, unknown> }) => item.json[key];
		t.reset();
		const { items } = await t.run(
			{
				resource: 'email',
				operation: 'reply',
				replyToUuid: fromJson('email_id'),
				eaccount: fromJson('email_account'),
				subject: fromJson('reply_subject'),
				bodyText: 'Great, talk Tuesday?',
			},
			{ items: itemsOf(delivery as never) },
		);
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/emails/reply',
				query: {},
				body: {
					eaccount: ACCOUNT,
					reply_to_uuid: delivery.email_id,
					subject: delivery.reply_subject,
					body: { text: 'Great, talk Tuesday?' },
				},
			},
		]);
		const received = t.state.emails.get(delivery.email_id as string)!;
		expect(items[0].json).toMatchObject({ thread_id: received.thread_id, to_address_email_list: LEAD, eaccount: ACCOUNT });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	// An older reply_received delivery: no email_id (older captured deliveries have none; see docs/decisions.md).
	const olderDelivery = (campaignId: string) => ({
		event_type: 'reply_received',
		campaign_id: campaignId,
		lead_email: LEAD,
		email_account: ACCOUNT,
		reply_subject: 'Re: Quick question',
	});
	const fromJson = (key: string) => (item: { json: Record<string, unknown> }) => item.json[key];
	const replyParameters = {
		resource: 'email',
		operation: 'reply',
		eaccount: fromJson('email_account'),
		subject: fromJson('reply_subject'),
		bodyText: 'Tuesday works',
	};

	it('says the incoming item has no email_id, and what to do, before sending anything', async () => {
		t.reset();
		const run = t.run({ ...replyParameters, replyToUuid: fromJson('email_id') }, { items: itemsOf(olderDelivery('c')) });
		await expect(run).rejects.toThrow('Reply To Email ID is empty: the incoming item has no email_id');
		await expect(t.run({ ...replyParameters, replyToUuid: fromJson('email_id') }, { items: itemsOf(olderDelivery('c')) })).rejects.toMatchObject({
			description: expect.stringContaining('Latest Email Received From Lead'),
		});
		expect(t.requests()).toEqual([]);
	});

	it("answers the lead's latest received email of the campaign when the item has no email_id", async () => {
		t.sim.addAccount(ws(), { email: ACCOUNT });
		const campaign = (await t.api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'A' })).body.id as string;
		const other = (await t.api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'B' })).body.id as string;
		const email = (at: string, fields: Record<string, unknown>) =>
			t.sim.addEmail(ws(), { lead: LEAD, eaccount: ACCOUNT, campaign_id: campaign, timestamp_created: at, ...fields });
		email('2025-10-01T10:00:00.000Z', { subject: 'Older reply' });
		const latest = email('2025-10-02T10:00:00.000Z', { subject: 'Latest reply' });
		email('2025-10-03T10:00:00.000Z', { ue_type: 3, subject: 'Our answer' });
		email('2025-10-04T10:00:00.000Z', { campaign_id: other, subject: 'Reply in another campaign' });
		t.sim.addEmail(ws(), { lead: 'bob@else.com', eaccount: ACCOUNT, campaign_id: campaign, timestamp_created: '2025-10-05T10:00:00.000Z' });
		t.reset();

		const { items } = await t.run(
			{ ...replyParameters, replyTo: 'latestReceived', leadEmail: fromJson('lead_email'), leadCampaignId: fromJson('campaign_id') },
			{ items: itemsOf(olderDelivery(campaign)) },
		);
		expect(t.requests()).toEqual([
			{
				method: 'GET',
				path: '/api/v2/emails',
				query: { lead: LEAD, campaign_id: campaign, email_type: 'received', mode: 'emode_all', sort_order: 'desc', limit: '100' },
				body: undefined,
			},
			{
				method: 'POST',
				path: '/api/v2/emails/reply',
				query: {},
				body: { eaccount: ACCOUNT, reply_to_uuid: latest.id, subject: 'Re: Quick question', body: { text: 'Tuesday works' } },
			},
		]);
		expect(items[0].json).toMatchObject({ thread_id: latest.thread_id, to_address_email_list: LEAD });
	});

	it('says so when the lead has no received email, and when the item has no lead_email', async () => {
		t.sim.addAccount(ws(), { email: ACCOUNT });
		t.reset();
		await expect(
			t.run({ ...replyParameters, replyTo: 'latestReceived', leadEmail: fromJson('lead_email'), leadCampaignId: fromJson('campaign_id') }, { items: itemsOf(olderDelivery('')) }),
		).rejects.toThrow(`No email received from ${LEAD} was found in this workspace`);
		expect(t.requests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/v2/emails']);
		t.reset();
		await expect(
			t.run({ ...replyParameters, replyTo: 'latestReceived', leadEmail: fromJson('lead_email'), leadCampaignId: fromJson('campaign_id') }, { items: itemsOf({ email_account: ACCOUNT, reply_subject: 'Re' }) }),
		).rejects.toThrow('Lead Email is empty: the incoming item has no lead_email');
		expect(t.requests()).toEqual([]);
	});

	it('sends cc, bcc and extra recipients in Instantly’s shapes', async () => {
		const { received } = seedInbox();
		t.reset();
		await t.run({
			resource: 'email',
			operation: 'reply',
			replyToUuid: received.id,
			eaccount: ACCOUNT,
			subject: 'Re: Quick question',
			bodyHtml: '<p>Hi</p>',
			bodyText: 'Hi',
			options: { cc: 'a@x.com; b@x.com', bcc: 'c@x.com', additionalRecipients: 'd@x.com' },
		});
		expect(t.requests()[0].body).toEqual({
			eaccount: ACCOUNT,
			reply_to_uuid: received.id,
			subject: 'Re: Quick question',
			body: { html: '<p>Hi</p>', text: 'Hi' },
			additional_recipients: ['d@x.com'],
			cc_address_email_list: 'a@x.com,b@x.com',
			bcc_address_email_list: 'c@x.com',
		});
	});

	it.each([
		[{ bodyText: '' }, 'Give an HTML Body or a Text Body'],
		[{ eaccount: '' }, 'Sending Account is required'],
		[{ replyToUuid: 'abc' }, 'Reply To Email ID: "abc" is not a valid Instantly ID'],
		[{ options: { cc: 'nope' } }, 'CC: "nope" is not a valid email address'],
	])('refuses %o before sending', async (override, message) => {
		t.reset();
		await expect(
			t.run({
				resource: 'email',
				operation: 'reply',
				replyToUuid: '0199e9d9-0000-7000-8000-000000000000',
				eaccount: ACCOUNT,
				subject: 'Re: x',
				bodyText: 'Hi',
				...override,
			}),
		).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});
});

describe('Email → Forward', () => {
	it('forwards with the recipients as one comma-separated string', async () => {
		const { received } = seedInbox();
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'forward',
			emailId: received.id,
			eaccount: ACCOUNT,
			to: 'ae@getacme.com, sdr@getacme.com',
			subject: 'Fwd: Quick question',
			includeOriginalBody: true,
			bodyText: 'Hot lead, take it from here',
		});
		expect(t.requests()[0]).toEqual({
			method: 'POST',
			path: '/api/v2/emails/forward',
			query: {},
			body: {
				eaccount: ACCOUNT,
				reply_to_uuid: received.id,
				to_address_email_list: 'ae@getacme.com,sdr@getacme.com',
				subject: 'Fwd: Quick question',
				body: { text: 'Hot lead, take it from here' },
				include_original_body: true,
			},
		});
		expect(items[0].json).toMatchObject({ to_address_email_list: 'ae@getacme.com,sdr@getacme.com' });
		expect(items[0].json.thread_id).not.toBe(received.thread_id);
	});

	it('refuses a forward with no note and Include Original Email off, naming the fields, before sending', async () => {
		const { received } = seedInbox();
		t.reset();
		const forward = { resource: 'email', operation: 'forward', emailId: received.id, eaccount: ACCOUNT, to: 'ae@getacme.com', subject: 'Fwd' };
		await expect(t.run({ ...forward, includeOriginalBody: false, bodyText: '  ' })).rejects.toThrow(
			'HTML Body or Text Body is required when Include Original Email is off',
		);
		expect(t.requests()).toEqual([]);

		const { items } = await t.run({ ...forward, includeOriginalBody: true });
		expect(t.requests()[0].body).toEqual({
			eaccount: ACCOUNT,
			reply_to_uuid: received.id,
			to_address_email_list: 'ae@getacme.com',
			subject: 'Fwd',
			include_original_body: true,
		});
		expect(String(items[0].json.body && (items[0].json.body as { text?: string }).text)).toContain('Sounds good');
	});

	it('refuses a forward without recipients', async () => {
		const { received } = seedInbox();
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'forward', emailId: received.id, eaccount: ACCOUNT, to: ' ', subject: 'Fwd' }),
		).rejects.toThrow('To is required');
		expect(t.requests()).toEqual([]);
	});
});
