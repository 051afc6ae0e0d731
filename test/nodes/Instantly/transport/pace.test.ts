import { Pacer, WORKSPACE_PACE } from '../../../../nodes/Instantly/transport/pace';

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
