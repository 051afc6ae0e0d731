import { Pacer, setPaceClock, waitForTurn, WORKSPACE_PACE } from '../../../../nodes/Instantly/transport/pace';

describe('Pacer', () => {
	it('lets a burst through at once, then spaces requests at the pace', () => {
		const pacer = new Pacer({ requestsPerSecond: 10, burst: 3 });
		const waits = Array.from({ length: 6 }, () => pacer.reserve(1_000));
		expect(waits).toEqual([0, 0, 0, 100, 200, 300]);
	});

	it('never lets more than the pace through in any second, however requests arrive', () => {
		const pacer = new Pacer(WORKSPACE_PACE);
		const sendTimes = Array.from({ length: 7_000 }, (_, i) => {
			const now = Math.floor(i / 50) * 5; // bursts of 50 requests every 5 ms
			return now + pacer.reserve(now);
		});
		const perSecondWindow = Math.max(
			...sendTimes.map((start) => sendTimes.filter((time) => time >= start && time < start + 1000).length),
		);
		expect(perSecondWindow).toBeLessThan(100);
		const perMinuteWindow = Math.max(
			...sendTimes.map((start) => sendTimes.filter((time) => time >= start && time < start + 60_000).length),
		);
		expect(perMinuteWindow).toBeLessThan(6_000);
	});

	it('forgets idle time: after a pause the burst is available again, not more', () => {
		const pacer = new Pacer({ requestsPerSecond: 10, burst: 2 });
		expect([pacer.reserve(0), pacer.reserve(0), pacer.reserve(0)]).toEqual([0, 0, 100]);
		expect([pacer.reserve(10_000), pacer.reserve(10_000), pacer.reserve(10_000)]).toEqual([0, 0, 100]);
	});
});

describe('waitForTurn on an injected clock', () => {
	/** Virtual time: a wait moves the clock on by exactly what was asked. */
	function virtualClock(start: number) {
		const clock = { time: start, waits: [] as number[] };
		setPaceClock({
			now: () => clock.time,
			sleep: async (ms) => {
				clock.waits.push(ms);
				clock.time += ms;
			},
		});
		return clock;
	}

	afterEach(() => setPaceClock());

	it('sends each request at its scheduled time, and keeps keys apart', async () => {
		const clock = virtualClock(5_000);
		const sent: Array<[key: string, at: number]> = [];
		for (const key of ['a', 'a', 'a', 'a', 'b']) {
			await waitForTurn(key, { requestsPerSecond: 10, burst: 2 });
			sent.push([key, clock.time]);
		}
		expect(sent).toEqual([
			['a', 5_000],
			['a', 5_000],
			['a', 5_100],
			['a', 5_200],
			['b', 5_200],
		]);
		expect(clock.waits).toEqual([100, 100]);
	});

	it('forgets every pacer when the clock is swapped', async () => {
		virtualClock(0);
		for (let call = 0; call < 3; call++) await waitForTurn('a', { requestsPerSecond: 1, burst: 1 });
		const fresh = virtualClock(0);
		await waitForTurn('a', { requestsPerSecond: 1, burst: 1 });
		expect(fresh.waits).toEqual([]);
	});
});
