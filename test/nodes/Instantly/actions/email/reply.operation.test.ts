import * as reply from '../../../../../nodes/Instantly/actions/email/reply.operation';
import { itemsOf } from '../setup';
import { MINIMAL_CAMPAIGN, startReceiver, useSimulator } from '../../../../harness/simulator';
import { ACCOUNT, LEAD, seedInbox } from './inbox';

const t = useSimulator();
/** The test's workspace id (the simulator's add* helpers take it). */
const ws = () => t.state.id;

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
		const { received } = seedInbox(t);
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
