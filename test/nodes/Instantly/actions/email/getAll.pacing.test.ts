import { EMAILS_PACE } from '../../../../../nodes/Instantly/transport/endpoints';
import { useSimulator } from '../../../../harness/simulator';

/*
 * GET /emails allows 20 requests per minute. Proving that Return All stays under it needs more than
 * a minute of requests, so the transport's pacer and the simulator's sliding windows share the
 * test's clock (see useSimulator): each wait the pacer asks for moves that clock on by exactly that
 * much, and the simulator records each request's time on that clock. What is asserted is the
 * pacer's schedule, not how fast this machine ran it.
 */
const t = useSimulator();
const PACED_GAP_MS = 1000 / EMAILS_PACE.requestsPerSecond;

function emailCallTimes(): number[] {
	return t.sim.requests
		.filter((request) => request.workspaceId === t.state.id && request.path === '/api/v2/emails')
		.map((request) => request.at);
}

describe('Email → Get Many: Return All under 20 requests per minute', () => {
	it('the simulator enforces the limit in this setup (the 21st call within a minute is refused)', async () => {
		const statuses: number[] = [];
		for (let call = 0; call < 21; call++) statuses.push((await t.api('GET', '/api/v2/emails?limit=1')).status);
		expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
		expect(statuses[20]).toBe(429);
		await t.clock.advance(60_000);
		expect((await t.api('GET', '/api/v2/emails?limit=1')).status).toBe(200);
	});

	it('fetches 25 pages (over a minute and a quarter) without one 429, each page 60/19 s after the last', async () => {
		expect(EMAILS_PACE).toEqual({ requestsPerSecond: 19 / 60, burst: 1 });
		t.sim.addAccount(t.state.id, { email: 'alex@getacme-mail.com' });
		for (let index = 0; index < 2450; index++) {
			t.sim.addEmail(t.state.id, { lead: `lead${index}@prospect.com`, subject: `Hello ${index}` });
		}
		t.reset();
		const { items } = await t.run({ resource: 'email', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(2450);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(2450);
		expect(t.sim.requests.filter((request) => request.status !== 200)).toEqual([]);
		const times = emailCallTimes();
		expect(times).toHaveLength(25);
		// Request k goes out k paced gaps after the first (to 0.005 ms: epoch-sized floats round).
		const offsets = times.map((time) => time - times[0]);
		offsets.forEach((offset, k) => expect(offset).toBeCloseTo(k * PACED_GAP_MS, 2));
		// Any 21 consecutive calls span more than a minute: no sliding minute ever holds more than 20.
		for (let index = 0; index + 20 < times.length; index++) expect(times[index + 20] - times[index]).toBeGreaterThan(60_000);
	});
});
