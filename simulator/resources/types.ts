import type { WorkspaceState } from '../state';
import type { WorkspaceGroups } from '../workspaceGroups';

export interface EventInput {
	event_type: string;
	campaign_id?: string | null;
	lead_email?: string | null;
	data?: Record<string, unknown>;
}

/** What handlers may ask of the simulator besides their workspace. */
export interface SimulatorServices {
	/** Fires an event in the background (deliveries run after the response). */
	emitEvent(workspace: WorkspaceState, event: EventInput): void;
	/** Delivers the `test_event` payload to one webhook, once. */
	testWebhook(workspace: WorkspaceState, webhookId: string): Promise<Record<string, unknown>>;
	/** A timer on the simulator's clock that `close()` and `reset()` cancel; returns its cancel. */
	schedule(callback: () => void, delayMs: number): () => void;
	backgroundJobStepMs: number;
	/** How long a pending email verification takes to settle, on the simulator's clock. */
	emailVerificationMs: number;
	/** Whether webhook reads mask custom header values. */
	webhookHeadersMasked(): boolean;
	/** Each read of a background job runs its next step first. */
	jobStepPerRead: boolean;
	/** Which admin workspace groups which sub-workspaces. */
	workspaceGroups: WorkspaceGroups;
}

export interface RequestContext {
	workspace: WorkspaceState;
	services: SimulatorServices;
	params: Record<string, string>;
	// Both were validated against the OpenAPI document before the handler runs, hence `any`.
	query: Record<string, any>;
	body: any;
}

/** Lets a handler answer with a status other than 200. */
export class Reply {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {}
}

export type Handler = (context: RequestContext) => unknown | Promise<unknown>;

/** Keyed by `METHOD /api/v2/template`, exactly as in the OpenAPI document. */
export type HandlerTable = Record<string, Handler>;
