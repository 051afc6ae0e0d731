import { useSimulator } from '../../../../harness/simulator';
import { ACCOUNT, seedInbox } from './inbox';

const t = useSimulator();

describe('Email → Forward', () => {
	it('forwards with the recipients as one comma-separated string', async () => {
		const { received } = seedInbox(t);
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
		const { received } = seedInbox(t);
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
		const { received } = seedInbox(t);
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'forward', emailId: received.id, eaccount: ACCOUNT, to: ' ', subject: 'Fwd' }),
		).rejects.toThrow('To is required');
		expect(t.requests()).toEqual([]);
	});
});
