/**
 * Where the simulator's time comes from: background job steps, webhook delivery retries and
 * timeouts, added latency and the rate-limit windows. The system clock is real time (the
 * interactive simulator, e2e, bench); a manual clock stands still until a test moves it, so no
 * test depends on how fast the machine is.
 */
export interface Clock {
	readonly mode: 'system' | 'manual';
	now(): number;
	/** Runs `callback` after `delayMs` (a background timer); the returned function cancels it. */
	schedule(callback: () => void, delayMs: number): () => void;
	/** Resolves after `ms`: someone is waiting on it (a delivery retry, added latency). */
	sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
	mode: 'system',
	now: () => Date.now(),
	schedule(callback, delayMs) {
		const timer = setTimeout(callback, delayMs);
		return () => clearTimeout(timer);
	},
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Timer {
	due: number;
	/** Timers due at the same time fire in the order they were set. */
	order: number;
	callback: () => void;
	/** A sleep: a caller is blocked on it, which `advanceToNextSleep` looks for. */
	sleeper: boolean;
}

/** Lets the work a fired timer resumed run (promise continuations, then I/O callbacks) before the next one fires. */
const yieldToPendingWork = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock that moves only when told; timers fire in due order as it passes them. */
export class ManualClock implements Clock {
	readonly mode = 'manual';
	private current: number;
	private readonly timers: Timer[] = [];
	private order = 0;
	private readonly sleeperListeners = new Set<() => void>();

	constructor(start = Date.now()) {
		this.current = start;
	}

	now(): number {
		return this.current;
	}

	schedule(callback: () => void, delayMs: number): () => void {
		const timer = this.add(callback, delayMs, false);
		return () => this.remove(timer);
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			this.add(resolve, ms, true);
			for (const listener of [...this.sleeperListeners]) listener();
		});
	}

	/** Delays from now of the timers not yet fired, soonest first. */
	pending(): number[] {
		return this.sorted().map((timer) => timer.due - this.current);
	}

	/** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
	async advance(ms: number): Promise<void> {
		if (!(ms >= 0)) throw new Error(`advance needs a number of milliseconds ≥ 0, got ${ms}`);
		const target = this.current + ms;
		for (let timer = this.sorted()[0]; timer !== undefined && timer.due <= target; timer = this.sorted()[0]) {
			await this.fire(timer);
		}
		this.current = target;
	}

	/** Fires every timer, including those that fired ones set, moving time to each; returns how far it moved. */
	async runAll(maxTimers = 100_000): Promise<number> {
		const start = this.current;
		for (let fired = 0; this.timers.length > 0; fired++) {
			if (fired >= maxTimers) throw new Error(`runAll: still ${this.timers.length} timers after firing ${maxTimers}`);
			await this.fire(this.sorted()[0]);
		}
		return this.current - start;
	}

	/** Resolves once someone sleeps on this clock (at once if someone already does). */
	whenSomeoneSleeps(): Promise<void> {
		if (this.timers.some((timer) => timer.sleeper)) return Promise.resolve();
		return new Promise((resolve) => {
			const listener = () => {
				this.sleeperListeners.delete(listener);
				resolve();
			};
			this.sleeperListeners.add(listener);
		});
	}

	/** Moves time to the soonest sleep's end, firing what falls due before it, and wakes it. */
	async advanceToNextSleep(): Promise<void> {
		const next = this.sorted().find((timer) => timer.sleeper);
		if (next) await this.advance(next.due - this.current);
	}

	private add(callback: () => void, delayMs: number, sleeper: boolean): Timer {
		const timer = { due: this.current + Math.max(0, delayMs), order: this.order++, callback, sleeper };
		this.timers.push(timer);
		return timer;
	}

	private remove(timer: Timer): void {
		const index = this.timers.indexOf(timer);
		if (index >= 0) this.timers.splice(index, 1);
	}

	private async fire(timer: Timer): Promise<void> {
		this.remove(timer);
		this.current = Math.max(this.current, timer.due);
		timer.callback();
		await yieldToPendingWork();
	}

	private sorted(): Timer[] {
		return [...this.timers].sort((a, b) => a.due - b.due || a.order - b.order);
	}
}
