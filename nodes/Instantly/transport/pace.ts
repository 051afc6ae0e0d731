import { sleep } from 'n8n-workflow';

/**
 * Instantly allows 100 requests/s and 6,000/min per workspace. Pacing every request of this n8n
 * process at 92/s with a burst of 5 keeps any one-second window at or under 97 and a minute
 * under 5,525; other processes and tools sharing the workspace are what the 429 retry is for.
 */
export const WORKSPACE_PACE = { requestsPerSecond: 92, burst: 5 } as const;

export interface Pace {
	requestsPerSecond: number;
	burst: number;
}

/** A GCRA limiter: each request is due one interval after the previous, with `burst` allowed early. */
export class Pacer {
	private theoreticalArrival = 0;

	constructor(private readonly pace: Pace) {}

	/** Reserves the next slot and says how long to wait for it. */
	reserve(now: number): number {
		const intervalMs = 1000 / this.pace.requestsPerSecond;
		const due = Math.max(this.theoreticalArrival, now);
		this.theoreticalArrival = due + intervalMs;
		return Math.max(0, due - (this.pace.burst - 1) * intervalMs - now);
	}
}

/** Where pacing reads the time and waits. */
export interface PaceClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: PaceClock = { now: () => Date.now(), sleep };
let clock = systemClock;
const pacers = new Map<string, Pacer>();

/** Tests pace on a clock they control; called without one, pacing is back on real time. Forgets every pacer. */
export function setPaceClock(replacement: PaceClock = systemClock): void {
	clock = replacement;
	pacers.clear();
}

/** Waits until a request under `key` (one per workspace credential and endpoint group) may go. */
export async function waitForTurn(key: string, pace: Pace = WORKSPACE_PACE): Promise<void> {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new Pacer(pace);
		pacers.set(key, pacer);
	}
	const waitMs = pacer.reserve(clock.now());
	if (waitMs > 0) await clock.sleep(waitMs);
}
