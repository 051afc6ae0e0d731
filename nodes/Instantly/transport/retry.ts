import { sleep } from 'n8n-workflow';

/*
 * Instantly has no idempotency keys. A 429 is refused before anything runs, so any request may be
 * sent again. A 5xx or a dropped connection can come after the write was applied, so only requests
 * that cannot apply twice (reads, deletes by id, writes that set a value) are sent again. Other 4xx
 * answers (400, 401, 402, 403, 404, 409, 422) would only repeat themselves and are never retried.
 */
export const RETRY_POLICY = {
	maxRetries: 6,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
	/** Waiting longer than this turns into an error: the workspace limit (6,000/min) resets within a minute. */
	maxTotalWaitMs: 75_000,
} as const;

/** How the transport waits between attempts: n8n's `sleep`, replaced in tests by a clock they control. */
export const retryClock = {
	sleep: async (ms: number): Promise<void> => await sleep(ms),
};

const TRANSIENT_SERVER_STATUSES = new Set([500, 502, 503, 504]);

export interface AttemptOutcome {
	/** HTTP status, or undefined when no response arrived (connection refused, reset, timed out). */
	statusCode?: number;
}

/** Whether a failed attempt may be sent again under the policy above. */
export function shouldRetry(outcome: AttemptOutcome, safeToRepeat: boolean): boolean {
	if (outcome.statusCode === 429) return true;
	if (outcome.statusCode === undefined) return safeToRepeat;
	return safeToRepeat && TRANSIENT_SERVER_STATUSES.has(outcome.statusCode);
}

/**
 * Delay before retry number `attempt` (0-based): exponential with equal jitter, capped, or the
 * server's `Retry-After` (seconds or an HTTP date) when it asks for longer.
 */
export function backoffMs(
	attempt: number,
	retryAfter?: string,
	random: () => number = Math.random,
	now: number = Date.now(),
): number {
	const exponential = Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** attempt);
	const jittered = exponential / 2 + random() * (exponential / 2);
	const requested = parseRetryAfter(retryAfter, now);
	return Math.round(requested === undefined ? jittered : Math.max(requested, jittered));
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
