export interface RateLimitConfig {
	perSecond: number;
	perMinute: number;
	/** Stricter per-endpoint limits per minute, keyed `METHOD /api/v2/template`. */
	endpointsPerMinute?: Record<string, number>;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
	perSecond: 100,
	perMinute: 6000,
	endpointsPerMinute: { 'GET /api/v2/emails': 20 },
};

const SECOND = 1000;
const MINUTE = 60_000;

/** Sliding windows per workspace (Instantly's limits are shared by every key of a workspace). */
export class RateLimiter {
	private readonly windows = new Map<string, number[]>();
	private config: RateLimitConfig | false = DEFAULT_RATE_LIMITS;

	constructor(config: RateLimitConfig | false = DEFAULT_RATE_LIMITS) {
		this.configure(config);
	}

	/** `false` turns every limit off; a config keeps the default per-endpoint limits unless it names its own. */
	configure(config: RateLimitConfig | false): void {
		this.config = config === false ? false : { ...DEFAULT_RATE_LIMITS, ...config };
		this.windows.clear();
	}

	/** Counts the request when it is allowed; refused requests do not use up the budget. */
	allow(workspaceId: string, operationKey: string, now: number): boolean {
		if (this.config === false) return true;
		const workspaceWindow = this.recent(workspaceId, now);
		const endpointLimit = this.config.endpointsPerMinute?.[operationKey];
		const endpointWindow = endpointLimit === undefined ? undefined : this.recent(`${workspaceId} ${operationKey}`, now);
		const lastSecond = workspaceWindow.filter((time) => time > now - SECOND).length;
		if (lastSecond >= this.config.perSecond || workspaceWindow.length >= this.config.perMinute) return false;
		if (endpointWindow && endpointLimit !== undefined && endpointWindow.length >= endpointLimit) return false;
		workspaceWindow.push(now);
		endpointWindow?.push(now);
		return true;
	}

	reset(): void {
		this.windows.clear();
	}

	private recent(key: string, now: number): number[] {
		const times = (this.windows.get(key) ?? []).filter((time) => time > now - MINUTE);
		this.windows.set(key, times);
		return times;
	}
}
