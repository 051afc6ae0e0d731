import type { useSimulator } from '../../../../harness/simulator';

type Instantly = ReturnType<typeof useSimulator>;

export const ACCOUNT = 'alex@getacme-mail.com';
export const LEAD = 'jane@prospect.com';

/** Two accounts; a thread with the lead's answer in it, and an email from another lead. */
export function seedInbox(t: Instantly) {
	const ws = t.state.id;
	t.sim.addAccount(ws, { email: ACCOUNT });
	t.sim.addAccount(ws, { email: 'sam@getacme-mail.com' });
	const thread = t.sim.addEmail(ws, { ue_type: 1, lead: LEAD, subject: 'Quick question', eaccount: ACCOUNT });
	const received = t.sim.addEmail(ws, {
		lead: LEAD,
		subject: 'Re: Quick question',
		eaccount: ACCOUNT,
		thread_id: thread.thread_id ?? undefined,
		body: { text: 'Sounds good' },
	});
	const other = t.sim.addEmail(ws, { lead: 'bob@else.com', subject: 'Hello', eaccount: 'sam@getacme-mail.com' });
	return { thread, received, other };
}
