import { useSimulator } from '../../../../harness/simulator';
import { seedInbox } from './inbox';

const t = useSimulator();

describe('Email → Count Unread, Mark Thread as Read', () => {
	it('counts unread emails, then marks a thread as read', async () => {
		const { received } = seedInbox(t);
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
