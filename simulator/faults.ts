/**
 * `answer`: the call is applied, then answered with `status` and the raw `text` (empty by default,
 * e.g. a 204) as `contentType`, for answers that are not Instantly's JSON. `hang`: the call is
 * neither applied nor answered until the client gives up or the simulator closes.
 */
export type FaultKind = 'status' | 'drop' | 'applyThenDrop' | 'applyThenStatus' | 'answer' | 'hang';

export interface FaultSpec {
	/** HTTP method, or `*` for any. */
	method: string;
	/** An OpenAPI template (`/api/v2/webhooks/{id}`) or a concrete path. */
	path: string;
	/** How many matching calls fail; defaults to 1. */
	count?: number;
	/** How many matching calls go through untouched before the failures start; defaults to 0. */
	skip?: number;
	kind?: FaultKind;
	/** For the status kinds; defaults to 500. */
	status?: number;
	/** Seconds, sent as the Retry-After header. */
	retryAfter?: number;
	message?: string;
	/** For `answer`: the body, sent as is; defaults to none. */
	text?: string;
	/** For `answer`: the Content-Type sent with a non-empty text; defaults to text/plain. */
	contentType?: string;
}

export interface Fault extends Required<Pick<FaultSpec, 'method' | 'path' | 'kind' | 'status'>> {
	remaining: number;
	skip: number;
	retryAfter?: number;
	message?: string;
	text?: string;
	contentType?: string;
}

/** Asked at every API call, before the queued faults: how this call fails, or undefined to let it be. */
export type FaultPlan = (call: { method: string; path: string; template: string }) => Omit<FaultSpec, 'method' | 'path' | 'count' | 'skip'> | undefined;

function toFault(spec: FaultSpec): Fault {
	return {
		method: spec.method.toUpperCase(),
		path: spec.path,
		kind: spec.kind ?? 'status',
		status: spec.status ?? (spec.kind === 'answer' ? 200 : 500),
		remaining: spec.count ?? 1,
		skip: spec.skip ?? 0,
		retryAfter: spec.retryAfter,
		message: spec.message,
		text: spec.text,
		contentType: spec.contentType,
	};
}

export class FaultRegistry {
	private faults: Fault[] = [];
	private plan?: FaultPlan;

	add(spec: FaultSpec): Fault {
		const fault = toFault(spec);
		this.faults.push(fault);
		return fault;
	}

	/** Replaces the plan (none: only queued faults apply); `clear()` removes it. */
	setPlan(plan?: FaultPlan): void {
		this.plan = plan;
	}

	/** Uses up one failure of the first fault matching this call. */
	take(method: string, path: string, template: string): Fault | undefined {
		const planned = this.plan?.({ method, path, template });
		if (planned) return toFault({ ...planned, method, path });
		const fault = this.faults.find(
			(candidate) => (candidate.method === '*' || candidate.method === method) && (candidate.path === path || candidate.path === template),
		);
		if (!fault) return undefined;
		if (fault.skip > 0) {
			fault.skip--;
			return undefined;
		}
		fault.remaining--;
		if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
		return { ...fault };
	}

	pending(): Fault[] {
		return this.faults.map((fault) => ({ ...fault }));
	}

	clear(): void {
		this.faults = [];
		this.plan = undefined;
	}
}
