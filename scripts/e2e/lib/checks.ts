/** Named e2e checks: each assertion's outcome is recorded (and printed) instead of ending the run. */

/** One named assertion's outcome. */
export interface CheckResult {
	line: string;
	name: string;
	/** `skipped` when what the check needs is absent; `error` then says what and how to provide it. */
	status: 'passed' | 'failed' | 'skipped';
	durationMs: number;
	error?: string;
}

/** What a line's run writes to its JSON file. */
export interface LineResult {
	version: string;
	checks: CheckResult[];
	/** Set when the run stopped before its end (a crash, not a failed check). */
	runtimeError?: string;
	timings: Record<string, number>;
}

export class Checks {
	readonly results: CheckResult[] = [];

	constructor(
		private readonly line: string,
		private readonly label = 'scenario',
	) {}

	/** Runs one check; a failure is recorded (and printed), not thrown, unless `critical`. */
	async run<T>(name: string, body: () => Promise<T>, critical = false): Promise<T | undefined> {
		const started = Date.now();
		try {
			const value = await body();
			this.results.push({ line: this.line, name, status: 'passed', durationMs: Date.now() - started });
			console.log(`[${this.label} ${this.line}] ✓ ${name} (${Date.now() - started} ms)`);
			return value;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.results.push({ line: this.line, name, status: 'failed', durationMs: Date.now() - started, error: message });
			console.log(`[${this.label} ${this.line}] ✗ ${name}: ${message}`);
			if (critical) throw error;
			return undefined;
		}
	}
}

/** Throws `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}
