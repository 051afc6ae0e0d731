import { retryClock } from '../../nodes/Instantly/transport/retry';

/**
 * Replaces the transport's wait between retries, for every test of the calling file, by one that
 * records the delay asked for and returns at once: retry tests assert the delays, not the clock.
 */
export function useRetryClock() {
	const requestedDelays: number[] = [];
	const realSleep = retryClock.sleep;
	beforeEach(() => {
		requestedDelays.length = 0;
		retryClock.sleep = async (ms: number) => {
			requestedDelays.push(ms);
		};
	});
	afterEach(() => {
		retryClock.sleep = realSleep;
	});
	return requestedDelays;
}
