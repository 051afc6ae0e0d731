import { UNKNOWN_STATUS_LIMIT_MS } from '../../../../../nodes/Instantly/actions/backgroundJob/wait';
import { useSimulator } from '../../../../harness/simulator';

/** The wait's sleeps, recorded instead of slept: the tests move the job with the simulator's control, not its clock. */
const sleeps: number[] = [];
let onSleep: (() => Promise<void>) | undefined;
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		sleeps.push(ms);
		await onSleep?.();
		await new Promise((resolve) => setImmediate(resolve));
	},
}));

/** Time the wait slept between polls; the transport's pacing sleeps (~11 ms at most here) are left out. */
const waited = () => sleeps.filter((ms) => ms >= 250).reduce((sum, ms) => sum + ms, 0);

// The jobs are made to report statuses Instantly's jobs do report but its OpenAPI document does not list.
const t = useSimulator({ checkResponses: false });
const ACCOUNT = 'alex@getacme-mail.com';

beforeEach(() => {
	sleeps.length = 0;
	onSleep = undefined;
});

/** Makes a job report the given fields through the simulator's control API, as real Instantly might. */
async function force(jobId: string, fields: Record<string, unknown>) {
	const response = await fetch(`${t.sim.url}/__simulator/workspaces/${t.state.id}/background-jobs/${jobId}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(fields),
	});
	expect(response.status).toBe(200);
}

async function jobReporting(fields: Record<string, unknown>): Promise<string> {
	t.sim.addAccount(t.state.id, { email: ACCOUNT, warmup_status: 0 });
	const job = (await t.api('POST', '/api/v2/accounts/warmup/enable', { emails: [ACCOUNT] })).body as { id: string };
	await force(job.id, fields);
	t.reset();
	return job.id;
}

const waitFor = async (jobId: string) =>
	await t.run({ resource: 'backgroundJob', operation: 'get', jobId, waitForCompletion: true, timeout: 120 });

async function failureOf(run: Promise<unknown>): Promise<{ message: string; description: string }> {
	const error = (await run.then(
		() => undefined,
		(thrown: Error & { description?: string }) => thrown,
	)) as (Error & { description?: string }) | undefined;
	if (!error) throw new Error('expected the run to fail');
	return { message: error.message, description: String(error.description) };
}

describe('waiting for a background job', () => {
	it.each(['success', 'completed'])('ends on "%s" with the job', async (status) => {
		const jobId = await jobReporting({ status, progress: 100 });
		const { items } = await waitFor(jobId);
		expect(items[0].json).toMatchObject({ id: jobId, status, timedOut: false });
		expect(waited()).toBe(0);
	});

	it.each([
		['failed', 'failed'],
		['error', 'failed'],
		['cancelled', 'was cancelled'],
	])('ends on "%s" with an error carrying the job’s message', async (status, verb) => {
		const jobId = await jobReporting({ status, progress: 40, data: { error: 'Mailbox provider refused the change' } });
		const failure = await failureOf(waitFor(jobId));
		expect(failure.message).toBe(`The background job ${verb} (status "${status}")`);
		expect(failure.description).toBe(
			`Item 1: job ${jobId} (update-warmup-accounts), progress 40%. Instantly says: Mailbox provider refused the change`,
		);
		expect(waited()).toBe(0);
	});

	it('gives up on a status it does not know after a bounded wait, saying what it saw', async () => {
		const jobId = await jobReporting({ status: 'queued-for-review' });
		const failure = await failureOf(waitFor(jobId));
		expect(failure.message).toBe(
			'The background job reports status "queued-for-review", which this node does not know; stopped waiting after 33 s',
		);
		// Polls back off 250 ms → 5 s: the first poll at or past the limit ends the wait, long before the timeout.
		expect(waited()).toBeGreaterThanOrEqual(UNKNOWN_STATUS_LIMIT_MS);
		expect(waited()).toBeLessThan(UNKNOWN_STATUS_LIMIT_MS + 5_000);
	});

	it('keeps waiting on a known status until the timeout', async () => {
		const jobId = await jobReporting({ status: 'paused', progress: 10 });
		const { items } = await waitFor(jobId);
		expect(items[0].json).toMatchObject({ id: jobId, status: 'paused', timedOut: true });
		expect(waited()).toBe(120_000);
	});

	it('Account › Enable Warmup stops waiting when its job reports an error', async () => {
		t.sim.addAccount(t.state.id, { email: ACCOUNT, warmup_status: 0 });
		t.reset();
		onSleep = async () => {
			const [job] = [...t.state.backgroundJobs.values()];
			if (job) await force(job.id, { status: 'error', data: { message: 'Warmup is not available for this account' } });
		};
		const failure = await failureOf(t.run({ resource: 'account', operation: 'enableWarmup', accountEmails: ACCOUNT, waitForCompletion: true, timeout: 120 }));
		expect(failure.message).toBe('The background job failed (status "error")');
		expect(failure.description).toContain('Instantly says: Warmup is not available for this account');
		expect(t.requests().map(({ method, path }) => `${method} ${path}`)).toEqual([
			'POST /api/v2/accounts/warmup/enable',
			expect.stringMatching(/^GET \/api\/v2\/background-jobs\//),
		]);
	});
});
