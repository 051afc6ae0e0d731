import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();

async function startWarmupJob() {
	t.sim.addAccount(t.state.id, { email: 'alex@getacme-mail.com', warmup_status: 0 });
	const response = await t.api('POST', '/api/v2/accounts/warmup/enable', { emails: ['alex@getacme-mail.com'] });
	return response.body as { id: string; status: string };
}

describe('Background Job → Get', () => {
	it('returns the job as it is now', async () => {
		const job = await startWarmupJob();
		// A copy the simulator's timers do not advance, so "now" is the same however loaded the machine is.
		t.state.backgroundJobs.set(job.id, { ...t.state.backgroundJobs.get(job.id)!, status: 'pending', progress: 0 });
		t.reset();
		const { items } = await t.run({ resource: 'backgroundJob', operation: 'get', jobId: job.id, waitForCompletion: false });
		expect(t.requests()).toEqual([{ method: 'GET', path: `/api/v2/background-jobs/${job.id}`, query: {}, body: undefined }]);
		expect(items[0].json).toMatchObject({ id: job.id, type: 'update-warmup-accounts', status: 'pending' });
	});

	it('waits until the job is done', async () => {
		const job = await startWarmupJob();
		t.reset();
		const { items } = await t.run({ resource: 'backgroundJob', operation: 'get', jobId: job.id, waitForCompletion: true, timeout: 30 });
		expect(items[0].json).toMatchObject({ id: job.id, status: 'success', progress: 100, timedOut: false });
		expect(t.requests().length).toBeGreaterThan(1);
		expect(t.state.accounts.get('alex@getacme-mail.com')?.warmup_status).toBe(1);
	});

	it('returns the current state with timedOut when the timeout passes first', async () => {
		const job = await startWarmupJob();
		// Swap in a copy the simulator's timers do not touch, so this job never finishes.
		const stored = t.state.backgroundJobs.get(job.id)!;
		t.state.backgroundJobs.set(job.id, { ...stored, status: 'in-progress', progress: 50 });
		t.reset();
		const { items } = await t.run({ resource: 'backgroundJob', operation: 'get', jobId: job.id, waitForCompletion: true, timeout: 1 });
		expect(items[0].json).toMatchObject({ id: job.id, status: 'in-progress', timedOut: true });
		// Polls back off 250 → 500 ms and stop at the timeout.
		expect(t.requests()).toHaveLength(4);
	});

	it('refuses a timeout that is not a whole number of seconds', async () => {
		await expect(
			t.run({ resource: 'backgroundJob', operation: 'get', jobId: 'abc', waitForCompletion: true, timeout: 0.5 }),
		).rejects.toThrow('Timeout (Seconds) must be a whole number from 1 to 3600');
	});

	it('reports an unknown job with Instantly’s 404', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'backgroundJob', operation: 'get', jobId: '0123456789abcdef01234567', waitForCompletion: false }),
		).rejects.toThrow();
		expect(t.requests()).toHaveLength(1);
	});
});
