import { EMAILS_PACE } from '../../../../../nodes/Instantly/transport/endpoints';
import { useInstantly } from '../setup';

/*
 * GET /emails allows 20 requests per minute. Proving that Return All stays under it needs more than
 * a minute of requests, so this file runs the whole world — transport pacer, retry backoff and the
 * simulator's sliding windows — on one clock going SPEED times faster: Date.now() is scaled and
 * n8n's sleep() waits 1/SPEED of what it is asked. The endpoint's real pace is what gets tested.
 */
// The factory below cannot read this constant (jest hoists it), so it repeats the 10.
const SPEED = 10;
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return { ...actual, sleep: async (ms: number) => await actual.sleep(ms / 10) };
});

const t = useInstantly();
const realNow = Date.now.bind(Date);

function fastClock() {
	const origin = realNow();
	return jest.spyOn(Date, 'now').mockImplementation(() => origin + (realNow() - origin) * SPEED);
}

afterEach(() => jest.restoreAllMocks());

function emailCalls() {
	return t.sim.requests.filter((request) => request.workspaceId === t.state.id && request.path === '/api/v2/emails');
}

describe('Email → Get Many: Return All under 20 requests per minute', () => {
	it('the simulator enforces the limit in this setup (the 21st call within a minute is refused)', async () => {
		fastClock();
		const statuses: number[] = [];
		for (let call = 0; call < 21; call++) statuses.push((await t.api('GET', '/api/v2/emails?limit=1')).status);
		expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
		expect(statuses[20]).toBe(429);
	});

	it('fetches 25 pages (over a simulated minute and a quarter) without one 429, spaced by the pace', async () => {
		expect(EMAILS_PACE).toEqual({ requestsPerSecond: 19 / 60, burst: 1 });
		t.sim.addAccount(t.state.id, { email: 'alex@getacme-mail.com' });
		for (let index = 0; index < 2450; index++) {
			t.sim.addEmail(t.state.id, { lead: `lead${index}@prospect.com`, subject: `Hello ${index}` });
		}
		fastClock();
		const { items } = await t.run({ resource: 'email', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(2450);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(2450);
		const calls = emailCalls();
		expect(calls).toHaveLength(25);
		expect(calls.filter((call) => call.status !== 200)).toEqual([]);
		const simulatedMs = calls.map((call) => Date.parse(call.timestamp) * SPEED);
		// 60 s / 19 ≈ 3,158 ms between calls on average. Single gaps are not bounded: under CPU load a
		// late dispatch followed by an on-time one shortens one gap, while the schedule stays the pacer's.
		expect((simulatedMs[24] - simulatedMs[0]) / 24).toBeGreaterThan(3100);
		// Any 21 consecutive calls span more than a minute: no sliding minute ever holds more than 20.
		for (let index = 0; index + 20 < simulatedMs.length; index++) {
			expect(simulatedMs[index + 20] - simulatedMs[index]).toBeGreaterThan(60_000);
		}
	}, 30_000);
});
