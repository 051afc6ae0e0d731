import { useSimulator } from '../../../../harness/simulator';
import { seedInbox } from './inbox';

const t = useSimulator();

describe('Email → Get', () => {
	it('gets an email by id', async () => {
		const { received } = seedInbox(t);
		const { items } = await t.run({ resource: 'email', operation: 'get', emailId: received.id });
		expect(items[0].json).toMatchObject({ id: received.id, subject: 'Re: Quick question', is_unread: 1 });
	});

	it('refuses an email id that is not a UUID', async () => {
		t.reset();
		await expect(t.run({ resource: 'email', operation: 'get', emailId: '42' })).rejects.toThrow(
			'Email ID: "42" is not a valid Instantly ID',
		);
		expect(t.requests()).toEqual([]);
	});
});
