import { useSimulator } from '../../../../harness/simulator';
import { seedInbox } from './inbox';

const t = useSimulator();

describe('Email → Update', () => {
	it('marks an email read (is_unread as a number) and sets a reminder', async () => {
		const { received } = seedInbox(t);
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
		const { received } = seedInbox(t);
		t.reset();
		await t.run({ resource: 'email', operation: 'update', emailId: received.id, updateFields: { clearReminder: true } });
		expect(t.requests()[0].body).toEqual({ reminder_ts: null });
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'update', emailId: received.id, updateFields: {} }),
		).rejects.toThrow('Update Fields: choose at least one field');
		expect(t.requests()).toEqual([]);
	});
});
