import { useSimulator } from '../../../../harness/simulator';
import { seedInbox } from './inbox';

const t = useSimulator();

describe('Email → Delete', () => {
	it('deletes an email', async () => {
		const { other } = seedInbox(t);
		t.reset();
		await t.run({ resource: 'email', operation: 'deleteEmail', emailId: other.id });
		expect(t.requests()).toEqual([{ method: 'DELETE', path: `/api/v2/emails/${other.id}`, query: {}, body: undefined }]);
		expect(t.state.emails.has(other.id)).toBe(false);
	});
});
