import type { INodeExecutionData } from 'n8n-workflow';

import { VERIFICATION_POLL_MS } from '../../../../../nodes/Instantly/actions/emailVerification/verify.operation';
import { useSimulator } from '../../../../harness/simulator';

/**
 * The wait's sleeps move the simulator's manual clock instead of real time, so a pending
 * verification settles when the wait has slept past it, however fast the machine is.
 */
const sleeps: number[] = [];
let onSleep: (() => Promise<void>) | undefined;
let advanceClock: ((ms: number) => Promise<void>) | undefined;
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		sleeps.push(ms);
		await onSleep?.();
		await advanceClock?.(ms);
	},
}));

const t = useSimulator();
/** The simulator settles an address with `pending` in its local part after this long (its default). */
const SETTLES_AFTER_MS = 30_000;
const VERIFY = '/api/v2/email-verification';
const statusPath = (email: string) => `${VERIFY}/${encodeURIComponent(email)}`;

beforeEach(() => {
	sleeps.length = 0;
	onSleep = undefined;
	advanceClock = async (ms) => await t.clock.advance(ms);
});

const verify = async (email: string, options: Record<string, unknown> = {}) =>
	await t.run({ resource: 'emailVerification', operation: 'verify', email, ...options });

describe('Email Verification › Verify', () => {
	it('sends the address and returns Instantly’s verdict, without waiting when it is not pending', async () => {
		const { items } = await verify('jane@prospect-mail.com');

		expect(t.requests()).toEqual([{ method: 'POST', path: VERIFY, query: {}, body: { email: 'jane@prospect-mail.com' } }]);
		expect(items).toEqual([
			{
				json: {
					status: 'success',
					email: 'jane@prospect-mail.com',
					verification_status: 'verified',
					catch_all: false,
					credits: 999,
					credits_used: 1,
					timedOut: false,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(t.state.emailVerifications.get('jane@prospect-mail.com')).toMatchObject({ verification_status: 'verified' });
		expect(sleeps).toEqual([]);
	});

	it.each([
		['invalid.jane@prospect-mail.com', { verification_status: 'invalid', catch_all: false }],
		['catchall.jane@prospect-mail.com', { verification_status: 'verified', catch_all: true }],
	])('returns %s as Instantly judges it', async (email, verdict) => {
		const { items } = await verify(email);
		expect(items[0].json).toMatchObject({ email, ...verdict, timedOut: false });
	});

	it('one output item per input item, each paired with its own address', async () => {
		const emails = ['ann@prospect-mail.com', 'invalid.bob@prospect-mail.com', 'cy@prospect-mail.com'];
		const { items } = await t.run(
			{ resource: 'emailVerification', operation: 'verify', email: (item: INodeExecutionData) => item.json.address, waitForResult: false },
			{ items: emails.map((address) => ({ json: { address } })) },
		);

		expect(items.map((item) => [item.json.email, item.json.verification_status, item.pairedItem])).toEqual([
			['ann@prospect-mail.com', 'verified', { item: 0 }],
			['invalid.bob@prospect-mail.com', 'invalid', { item: 1 }],
			['cy@prospect-mail.com', 'verified', { item: 2 }],
		]);
		expect(items.map((item) => 'timedOut' in item.json)).toEqual([false, false, false]);
		// Items are sent side by side (Parallel Requests), so the order they arrive in is not fixed.
		expect(t.requests().map((request) => (request.body as { email: string }).email).sort()).toEqual([...emails].sort());
	});

	it.each([
		['', 'Email is required'],
		['jane@', 'Email: "jane@" is not a valid email address'],
		[{ address: 'jane@prospect-mail.com' }, 'Email: expected text, got an object'],
	])('refuses %j naming the field before sending anything', async (email, message) => {
		await expect(verify(email as string)).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});

	it('with Continue On Fail, a bad address becomes its own error item and the others are sent', async () => {
		const { items } = await t.run(
			{ resource: 'emailVerification', operation: 'verify', email: (item: INodeExecutionData) => item.json.address },
			{ items: [{ json: { address: 'ann@prospect-mail.com' } }, { json: { address: 'not an address' } }], continueOnFail: true },
		);

		expect(items[0]).toMatchObject({ json: { email: 'ann@prospect-mail.com', verification_status: 'verified' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { error: 'Email: "not an address" is not a valid email address' }, pairedItem: { item: 1 } });
		expect(t.requests().map((request) => request.body)).toEqual([{ email: 'ann@prospect-mail.com' }]);
	});

	it('refuses a timeout that is not a whole number of seconds before sending anything', async () => {
		await expect(verify('jane@prospect-mail.com', { timeout: 0 })).rejects.toThrow('Timeout (Seconds) must be a whole number from 1 to 3600');
		expect(t.requests()).toEqual([]);
	});

	it('returns a pending verification as it is when Wait for Result is off', async () => {
		const { items } = await verify('pending.jane@prospect-mail.com', { waitForResult: false });

		expect(items[0].json).toEqual(expect.objectContaining({ verification_status: 'pending', catch_all: 'pending' }));
		expect('timedOut' in items[0].json).toBe(false);
		expect(t.requests()).toHaveLength(1);
		expect(sleeps).toEqual([]);
	});

	it('waits on a pending verification, reading its status, until Instantly has the result', async () => {
		const email = 'pending.jane@prospect-mail.com';
		const { items } = await verify(email, { timeout: 60 });

		const polls = Math.ceil(SETTLES_AFTER_MS / VERIFICATION_POLL_MS);
		expect(t.requests()).toEqual([
			{ method: 'POST', path: VERIFY, query: {}, body: { email } },
			...Array.from({ length: polls }, () => ({ method: 'GET', path: statusPath(email), query: {}, body: undefined })),
		]);
		expect(sleeps).toEqual(Array.from({ length: polls }, () => VERIFICATION_POLL_MS));
		expect(items).toEqual([
			{ json: expect.objectContaining({ email, verification_status: 'verified', catch_all: false, timedOut: false }), pairedItem: { item: 0 } },
		]);
	});

	it('past the timeout returns the pending verification with timedOut: true instead of failing', async () => {
		const email = 'pending.jane@prospect-mail.com';
		const { items } = await verify(email, { timeout: 12 });

		// The last sleep is cut to what is left of the timeout; the status is read once more after it.
		expect(sleeps).toEqual([VERIFICATION_POLL_MS, VERIFICATION_POLL_MS, 12_000 - 2 * VERIFICATION_POLL_MS]);
		expect(t.requests().map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${VERIFY}`,
			`GET ${statusPath(email)}`,
			`GET ${statusPath(email)}`,
			`GET ${statusPath(email)}`,
		]);
		expect(items[0]).toEqual({
			json: expect.objectContaining({ email, verification_status: 'pending', timedOut: true }),
			pairedItem: { item: 0 },
		});
		expect(t.state.emailVerifications.get(email)?.verification_status).toBe('pending');
	});

	it('a status it does not know ends the wait, returning what Instantly said', async () => {
		const email = 'pending.jane@prospect-mail.com';
		advanceClock = undefined;
		onSleep = async () => {
			const response = await fetch(`${t.sim.url}/__simulator/workspaces/${t.state.id}/email-verifications/${encodeURIComponent(email)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ verification_status: 'accept_all' }),
			});
			expect(response.status).toBe(200);
		};
		const { items } = await verify(email, { timeout: 60 });

		expect(items[0].json).toMatchObject({ email, verification_status: 'accept_all', timedOut: false });
		expect(t.requests().map(({ method }) => method)).toEqual(['POST', 'GET']);
		expect(sleeps).toEqual([VERIFICATION_POLL_MS]);
		// `accept_all` is outside the document's enum, as a status Instantly added later would be.
		expect(t.sim.responseViolations).toHaveLength(1);
		t.reset();
	});
});
