import type { Credentials } from './auth';
import { ManualClock, systemClock, type Clock } from './clock';
import { DEFAULT_DELIVERY_OPTIONS, fireEvent, sendTestEvent, type DeliveryOptions } from './delivery';
import { FaultRegistry, type Fault, type FaultPlan, type FaultSpec } from './faults';
import { listenHttp, type HttpServer, type RequestHandler } from './http';
import { uuidv4 } from './ids';
import { openApiCatalog, type OpenApiCatalog } from './openapi';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitConfig } from './rateLimit';
import { allHandlers } from './resources';
import { createAccountRecord, type NewAccount } from './resources/accounts';
import { createEmailRecord, type NewEmail } from './resources/emailRecords';
import { createLeadRecord } from './resources/leadRecords';
import type { EventInput, SimulatorServices } from './resources/types';
import { createWorkspaceState, type Account, type DeliveryResult, type Email, type Lead, type WorkspaceState } from './state';
import { WorkspaceGroups, type MemberStatus, type WorkspaceGroupMember } from './workspaceGroups';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	latencyMs?: number;
	rateLimits?: RateLimitConfig | false;
	deliveryRetryDelayMs?: number;
	deliveryAttempts?: number;
	disableAfterFailures?: number;
	backgroundJobStepMs?: number;
	/** How long a pending email verification (an address with `pending` in its local part) takes; 30 s by default. */
	emailVerificationMs?: number;
	/**
	 * What drives time: `system` (default) is real time; `manual` stands still until `advanceClock`
	 * or `runAllTimers` (or the control API) moves it, so tests never race the machine's speed.
	 */
	clock?: 'system' | 'manual' | Clock;
	/**
	 * Each read of a background job (`GET /background-jobs/{id}`) first runs its next step, so code
	 * that polls on real time sees the job finish while the clock stands still.
	 */
	jobStepPerRead?: boolean;
	/** Seeds the demo workspace with API key `demo-key` (or the given key). */
	seedDemo?: boolean | { apiKey: string };
	/** Webhook reads show custom header values masked, as Instantly might (it echoes them today). */
	maskWebhookHeaders?: boolean;
}

export interface CreateWorkspaceOptions {
	apiKey?: string;
	/** Defaults to ['all:all']. */
	scopes?: string[];
	/** Defaults to true; false makes every call answer 402. */
	paid?: boolean;
	name?: string;
}

export interface CreatedWorkspace {
	id: string;
	apiKey: string;
}

export interface AgencyClientOptions extends CreateWorkspaceOptions {
	name: string;
	/** Defaults to 'accepted'. */
	status?: MemberStatus;
}

export interface CreateAgencyOptions {
	/** An existing workspace (id or API key) becomes the admin workspace, or a new one is made with these options. */
	admin?: string | CreateWorkspaceOptions;
	clients: AgencyClientOptions[];
}

export interface AgencyClient extends CreatedWorkspace {
	name: string;
	status: MemberStatus;
	/** The workspace group member linking it to the admin workspace. */
	memberId: string;
}

export interface CreatedAgency {
	admin: CreatedWorkspace;
	clients: AgencyClient[];
}

export interface RecordedRequest {
	sequence: number;
	method: string;
	path: string;
	template: string | null;
	operationId: string | null;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	body: unknown;
	status: number | null;
	/** The workspace the request acted in: the key's own, or the sub-workspace named by `x-as-workspace`. */
	workspaceId: string | null;
	/** The workspace the API key belongs to. */
	keyWorkspaceId: string | null;
	/** Wall-clock time of arrival. */
	timestamp: string;
	/** The simulator clock's time of arrival, in ms: what its rate limits saw. */
	at: number;
	invalidReason?: string;
	fault?: Fault['kind'];
	dropped?: boolean;
}

export interface InvalidRequest {
	method: string;
	path: string;
	status: number;
	reason: string;
}

export interface ResponseViolation {
	method: string;
	path: string;
	status: number;
	reason: string;
}

export class Simulator {
	url = '';
	readonly catalog: OpenApiCatalog = openApiCatalog();
	readonly faults = new FaultRegistry();
	readonly rateLimiter: RateLimiter;
	readonly handlers = allHandlers;
	readonly requests: RecordedRequest[] = [];
	/** Our own responses that do not match the spec's response schema (a simulator bug). */
	readonly responseViolations: ResponseViolation[] = [];
	readonly deliveryOptions: DeliveryOptions;
	latencyMs: number;
	/** See `SimulatorOptions.maskWebhookHeaders`; `reset()` goes back to the option. */
	maskWebhookHeaders: boolean;
	/** The most API requests handled at once since the last `clearRequests()`. */
	peakConcurrentRequests = 0;
	/**
	 * Real milliseconds the API requests since the last `clearRequests()` spent in the simulator, each
	 * from its arrival to the end of its answer (latency, validation, handler, serialising); requests
	 * handled at the same time add up.
	 */
	answerMs = 0;
	readonly services: SimulatorServices;
	readonly clock: Clock;
	private readonly workspaces = new Map<string, WorkspaceState>();
	readonly workspaceGroups = new WorkspaceGroups((id) => this.workspaces.get(id));
	private readonly apiKeys = new Map<string, string>();
	private readonly timers = new Set<() => void>();
	private readonly inFlight = new Set<Promise<unknown>>();
	private server?: HttpServer;
	private concurrentRequests = 0;
	private held?: { count: number; listeners: Array<() => boolean>; released: Promise<void>; release(): void };

	constructor(readonly options: SimulatorOptions = {}) {
		this.clock = options.clock === 'manual' ? new ManualClock() : options.clock === 'system' || options.clock === undefined ? systemClock : options.clock;
		this.latencyMs = options.latencyMs ?? 0;
		this.maskWebhookHeaders = options.maskWebhookHeaders ?? false;
		this.rateLimiter = new RateLimiter(options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits);
		this.deliveryOptions = {
			...DEFAULT_DELIVERY_OPTIONS,
			clock: this.clock,
			...(options.deliveryRetryDelayMs === undefined ? {} : { retryDelayMs: options.deliveryRetryDelayMs }),
			...(options.deliveryAttempts === undefined ? {} : { maxAttempts: options.deliveryAttempts }),
			...(options.disableAfterFailures === undefined ? {} : { disableAfterFailures: options.disableAfterFailures }),
		};
		this.services = {
			emitEvent: (workspace, event) => void this.track(fireEvent(workspace, event, this.deliveryOptions)),
			testWebhook: (workspace, webhookId) =>
				this.track(sendTestEvent(workspace, workspace.webhooks.get(webhookId)!, this.deliveryOptions)),
			schedule: (callback, delayMs) => {
				const cancelTimer = this.clock.schedule(() => {
					this.timers.delete(cancel);
					callback();
				}, delayMs);
				const cancel = () => {
					this.timers.delete(cancel);
					cancelTimer();
				};
				this.timers.add(cancel);
				return cancel;
			},
			backgroundJobStepMs: options.backgroundJobStepMs ?? 100,
			emailVerificationMs: options.emailVerificationMs ?? 30_000,
			webhookHeadersMasked: () => this.maskWebhookHeaders,
			jobStepPerRead: options.jobStepPerRead ?? false,
			workspaceGroups: this.workspaceGroups,
		};
	}

	/** Serves `handle` (the HTTP front, which knows this simulator) on the configured host and port. */
	async listen(handle: RequestHandler): Promise<this> {
		this.server = await listenHttp(handle, this.options.port ?? 0, this.options.host ?? '127.0.0.1');
		this.url = this.server.url;
		return this;
	}

	async close(): Promise<void> {
		this.cancelTimers();
		await this.waitForIdle();
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		await server.close();
	}

	createWorkspace(options: CreateWorkspaceOptions = {}): CreatedWorkspace {
		const workspace = createWorkspaceState(options);
		this.workspaces.set(workspace.id, workspace);
		const apiKey = options.apiKey ?? `sim_${uuidv4().replace(/-/g, '')}`;
		this.addApiKey(workspace.id, apiKey, options.scopes ?? ['all:all']);
		return { id: workspace.id, apiKey };
	}

	/** Adds a key to a workspace, or gives one of its keys new scopes. */
	addApiKey(workspaceId: string, apiKey: string, scopes: string[] = ['all:all']): void {
		const workspace = this.workspace(workspaceId);
		const owner = this.apiKeys.get(apiKey);
		if (owner && owner !== workspaceId) throw new Error(`API key ${apiKey} already belongs to workspace ${owner}`);
		workspace.apiKeys.set(apiKey, scopes);
		this.apiKeys.set(apiKey, workspace.id);
	}

	/**
	 * An admin workspace and its client sub-workspaces, each with its own API key; the admin's key
	 * acts in the accepted ones with `x-as-workspace`.
	 */
	createAgency(options: CreateAgencyOptions): CreatedAgency {
		const admin = typeof options.admin === 'string' ? this.existingWorkspace(options.admin) : this.createWorkspace({ name: 'Agency', ...options.admin });
		const clients = options.clients.map(({ status = 'accepted', ...client }) => {
			const created = this.createWorkspace(client);
			const member = this.addWorkspaceGroupMember(admin.id, created.id, status);
			return { ...created, name: client.name, status, memberId: member.id };
		});
		return { admin, clients };
	}

	/** Puts a sub-workspace in an admin workspace's group (either given by id or API key), as an invitation answered with `status`. */
	addWorkspaceGroupMember(adminIdOrApiKey: string, subIdOrApiKey: string, status: MemberStatus = 'accepted'): WorkspaceGroupMember {
		return this.workspaceGroups.add(this.workspace(adminIdOrApiKey).id, this.workspace(subIdOrApiKey).id, status);
	}

	/** A sub-workspace accepts, rejects or is invited again. */
	setWorkspaceGroupMemberStatus(memberId: string, status: MemberStatus): WorkspaceGroupMember {
		return this.workspaceGroups.setStatus(memberId, status);
	}

	/** From now on the key is unknown: every call with it answers 401. */
	revokeApiKey(apiKey: string): void {
		this.workspace(apiKey).apiKeys.delete(apiKey);
		this.apiKeys.delete(apiKey);
	}

	/** Turns a workspace's paid plan on or off; without one, every call answers 402. */
	setPaid(workspaceIdOrApiKey: string, paid: boolean): void {
		this.workspace(workspaceIdOrApiKey).paid = paid;
	}

	/** Direct access to a workspace's state, by workspace id or by one of its API keys. */
	workspace(idOrApiKey: string): WorkspaceState {
		const workspace = this.workspaces.get(idOrApiKey) ?? this.workspaces.get(this.apiKeys.get(idOrApiKey) ?? '');
		if (!workspace) throw new Error(`Unknown workspace or API key: ${idOrApiKey}`);
		return workspace;
	}

	hasWorkspace(idOrApiKey: string): boolean {
		return this.workspaces.has(idOrApiKey) || this.apiKeys.has(idOrApiKey);
	}

	listWorkspaces(): WorkspaceState[] {
		return [...this.workspaces.values()];
	}

	findCredentials(apiKey: string): Credentials | undefined {
		const workspaceId = this.apiKeys.get(apiKey);
		const workspace = workspaceId ? this.workspaces.get(workspaceId) : undefined;
		const scopes = workspace?.apiKeys.get(apiKey);
		return workspace && scopes ? { workspace, scopes } : undefined;
	}

	/** Connects a sending account directly (the real create flow is OAuth or IMAP credentials). */
	addAccount(workspaceIdOrApiKey: string, account: NewAccount): Account {
		return createAccountRecord(this.workspace(workspaceIdOrApiKey), account);
	}

	/**
	 * Puts a lead straight into a campaign or list, as `POST /leads/add` would create it but without
	 * its duplicate and block-list checks: for seeding large workspaces quickly.
	 */
	addLead(workspaceIdOrApiKey: string, lead: Record<string, unknown>, placement: { campaign: string | null; list_id: string | null }): Lead {
		return createLeadRecord(this.workspace(workspaceIdOrApiKey), lead, placement);
	}

	/** How many leads the workspace holds, or how many have every field of `where` equal to the given value. */
	countLeads(workspaceIdOrApiKey: string, where: Record<string, unknown> = {}): number {
		const conditions = Object.entries(where);
		let count = 0;
		for (const lead of this.workspace(workspaceIdOrApiKey).leads.values()) {
			if (conditions.every(([field, value]) => lead[field] === value)) count++;
		}
		return count;
	}

	/** How many leads of the workspace have each email address (lower-cased); leads without one are left out. */
	countLeadsByEmail(workspaceIdOrApiKey: string): Map<string, number> {
		const counts = new Map<string, number>();
		for (const { email } of this.workspace(workspaceIdOrApiKey).leads.values()) {
			if (email) counts.set(email.toLowerCase(), (counts.get(email.toLowerCase()) ?? 0) + 1);
		}
		return counts;
	}

	/** Puts an email in the workspace's unibox; received (`ue_type` 2) and unread unless told otherwise. */
	addEmail(workspaceIdOrApiKey: string, email: NewEmail): Email {
		return createEmailRecord(this.workspace(workspaceIdOrApiKey), email);
	}

	get invalidRequests(): InvalidRequest[] {
		return this.requests
			.filter((request) => request.invalidReason !== undefined)
			.map((request) => ({ method: request.method, path: request.path, status: request.status ?? 0, reason: request.invalidReason! }));
	}

	clearRequests(): void {
		this.requests.length = 0;
		this.responseViolations.length = 0;
		this.peakConcurrentRequests = this.concurrentRequests;
		this.answerMs = 0;
	}

	/**
	 * Holds every API request at the door until `release()`, so a test sees how many a client has
	 * in flight at once without timing anything; `whenHeld(n)` resolves once n are waiting.
	 */
	holdRequests(): { whenHeld(count: number): Promise<void>; release(): void } {
		let open!: () => void;
		const released = new Promise<void>((resolve) => (open = resolve));
		const held = {
			count: 0,
			listeners: [] as Array<() => boolean>,
			released,
			release: () => {
				if (this.held === held) this.held = undefined;
				open();
			},
		};
		this.held = held;
		return {
			whenHeld: (count) =>
				new Promise<void>((resolve) => {
					const check = () => {
						if (held.count < count) return false;
						resolve();
						return true;
					};
					if (!check()) held.listeners.push(check);
				}),
			release: held.release,
		};
	}

	/** Server side of every API request: counts it in flight and waits while requests are held. */
	async admitRequest(): Promise<() => void> {
		this.concurrentRequests++;
		this.peakConcurrentRequests = Math.max(this.peakConcurrentRequests, this.concurrentRequests);
		const held = this.held;
		if (held) {
			held.count++;
			held.listeners = held.listeners.filter((check) => !check());
			await held.released;
		}
		return () => void this.concurrentRequests--;
	}

	injectFault(spec: FaultSpec): Fault {
		return this.faults.add(spec);
	}

	/**
	 * Asks `plan` at every API call, before the injected faults, whether that call fails: for fault
	 * schedules that a count and a skip cannot say (a seeded random rate). `clearFaults()` drops it.
	 */
	planFaults(plan: FaultPlan): void {
		this.faults.setPlan(plan);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	setRateLimits(config: RateLimitConfig | false): void {
		this.rateLimiter.configure(config);
	}

	/**
	 * Makes an event happen in a workspace and waits for every delivery (with retries) to finish; on
	 * a manual clock, time moves on as far as the retries wait.
	 */
	async triggerEvent(workspaceIdOrApiKey: string, event: EventInput): Promise<DeliveryResult[]> {
		const deliveries = this.track(fireEvent(this.workspace(workspaceIdOrApiKey), event, this.deliveryOptions));
		await this.drive(deliveries);
		return await deliveries;
	}

	/**
	 * Resolves when deliveries started by API calls (interest status changes) are done; on a manual
	 * clock, time moves on as far as their retries wait.
	 */
	async waitForIdle(): Promise<void> {
		while (this.inFlight.size > 0) await this.drive(Promise.allSettled([...this.inFlight]));
	}

	/** Background timers not yet fired (background job steps), on either clock. */
	pendingTimers(): number {
		return this.timers.size;
	}

	/** Manual clock only: moves time forward by `ms`, running the jobs, retries and timeouts that fall due. */
	async advanceClock(ms: number): Promise<void> {
		await this.manualClock('advanceClock').advance(ms);
	}

	/** Manual clock only: runs every pending timer (background jobs finish); returns the milliseconds it moved. */
	async runAllTimers(): Promise<number> {
		return await this.manualClock('runAllTimers').runAll();
	}

	/** Forgets every workspace, key, request, fault, timer and hold; limits and latency go back to the options. */
	reset(): void {
		this.cancelTimers();
		this.held?.release();
		this.workspaces.clear();
		this.apiKeys.clear();
		this.workspaceGroups.clear();
		this.clearRequests();
		this.faults.clear();
		this.latencyMs = this.options.latencyMs ?? 0;
		this.maskWebhookHeaders = this.options.maskWebhookHeaders ?? false;
		this.rateLimiter.configure(this.options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : this.options.rateLimits);
	}

	/** A workspace by id or API key, with that key (or its first one). */
	private existingWorkspace(idOrApiKey: string): CreatedWorkspace {
		const { id, apiKeys } = this.workspace(idOrApiKey);
		return { id, apiKey: apiKeys.has(idOrApiKey) ? idOrApiKey : [...apiKeys.keys()][0] };
	}

	/** Waits for `work`; on a manual clock, wakes each sleep it blocks on (delivery retries) in turn. */
	private async drive(work: Promise<unknown>): Promise<void> {
		const clock = this.clock;
		if (!(clock instanceof ManualClock)) return void (await work.catch(() => undefined));
		const finished = work.then(
			() => true,
			() => true,
		);
		while (!(await Promise.race([finished, clock.whenSomeoneSleeps().then(() => false)]))) await clock.advanceToNextSleep();
	}

	private manualClock(caller: string): ManualClock {
		if (this.clock instanceof ManualClock) return this.clock;
		throw new Error(`${caller} needs a simulator started with clock: 'manual'`);
	}

	private track<T>(promise: Promise<T>): Promise<T> {
		this.inFlight.add(promise);
		void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
		return promise;
	}

	private cancelTimers(): void {
		for (const cancel of this.timers) cancel();
		this.timers.clear();
	}
}
