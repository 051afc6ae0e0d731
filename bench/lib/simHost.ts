/*
 * The Instantly simulator in its own process, driven over IPC by a benchmark. Keeping it out of
 * the process that runs the node means the node's memory and CPU are measured alone.
 *
 * Two things are added for benchmarking, neither changing what an API call answers:
 * - an email index for `POST /leads/add`: the simulator's duplicate check scans every lead of the
 *   workspace for every lead added (O(N²): minutes at 100,000 leads). The wrapper hands the
 *   original handler a view of the workspace holding only the leads with the batch's emails, the
 *   only ones that check can match, so the answer is the same and the time is the node's.
 * - fault schedules: a fault at the k-th matching call, a seeded random fault rate, or a change of
 *   the key/plan/scopes at the k-th call (a real 401/402/403 afterwards).
 */
import { startSimulator, type FaultKind, type Lead, type Simulator, type WorkspaceState } from '../../simulator';

let sim: Simulator;
const handlerMs: Record<string, { calls: number; ms: number }> = {};
const emailIndex = new WeakMap<WorkspaceState, Map<string, Lead[]>>();

type FaultKindSpec = { kind: FaultKind; status?: number; retryAfter?: number; message?: string };
type Schedule =
	| { type: 'at'; method: string; path: string; at: number[]; fault: FaultKindSpec }
	| { type: 'random'; method: string; path: string; rate: number; seed: number; faults: FaultKindSpec[] }
	| { type: 'revoke'; method: string; path: string; at: number; apiKey: string; change: 401 | 402 | 403 };

let schedules: Array<Schedule & { seen: number; rng?: () => number }> = [];
const injected: Record<string, number> = {};

function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function faultLabel(fault: FaultKindSpec): string {
	const status = fault.status ?? 500;
	return fault.kind === 'status' ? String(status) : fault.kind === 'applyThenStatus' ? `applyThen${status}` : fault.kind;
}

function installHooks(): void {
	sim.planFaults(({ method, path, template }) => {
		for (const schedule of schedules) {
			if (schedule.method !== method || (schedule.path !== path && schedule.path !== template)) continue;
			schedule.seen++;
			let fault: FaultKindSpec | undefined;
			if (schedule.type === 'at' && schedule.at.includes(schedule.seen)) fault = schedule.fault;
			if (schedule.type === 'random' && schedule.rng!() < schedule.rate) {
				fault = schedule.faults[Math.floor(schedule.rng!() * schedule.faults.length)];
			}
			if (schedule.type === 'revoke' && schedule.seen === schedule.at) revoke(schedule.apiKey, schedule.change);
			if (fault) {
				injected[faultLabel(fault)] = (injected[faultLabel(fault)] ?? 0) + 1;
				return fault;
			}
		}
		return undefined;
	});
	for (const [key, handler] of Object.entries(sim.handlers)) {
		(sim.handlers as Record<string, typeof handler>)[key] = async (input) => {
			const started = performance.now();
			try {
				return await handler(input);
			} finally {
				const entry = (handlerMs[key] ??= { calls: 0, ms: 0 });
				entry.calls++;
				entry.ms += performance.now() - started;
			}
		};
	}
}

/** From this call on the key is unknown (401), the plan unpaid (402) or the key lacks the scope (403). */
function revoke(apiKey: string, change: 401 | 402 | 403): void {
	if (change === 401) sim.revokeApiKey(apiKey);
	if (change === 402) sim.setPaid(apiKey, false);
	if (change === 403) sim.addApiKey(sim.workspace(apiKey).id, apiKey, ['campaigns:read']);
}

function indexOf(workspace: WorkspaceState): Map<string, Lead[]> {
	let index = emailIndex.get(workspace);
	if (!index) {
		index = new Map();
		for (const lead of workspace.leads.values()) addToIndex(index, lead);
		emailIndex.set(workspace, index);
	}
	return index;
}

function addToIndex(index: Map<string, Lead[]>, lead: Lead): void {
	if (typeof lead.email !== 'string') return;
	const key = lead.email.toLowerCase();
	const list = index.get(key);
	if (list) list.push(lead);
	else index.set(key, [lead]);
}

/** See the header: same answers, without the O(N²) scan. Only valid while leads are only added. */
function installEmailIndex(): void {
	const key = 'POST /api/v2/leads/add';
	const original = sim.handlers[key];
	(sim.handlers as Record<string, typeof original>)[key] = async (input) => {
		const { workspace } = input;
		const index = indexOf(workspace);
		const body = input.body as { leads?: Array<Record<string, unknown>> };
		const view = new Map<string, Lead>();
		for (const lead of body.leads ?? []) {
			if (typeof lead.email !== 'string') continue;
			for (const existing of index.get(lead.email.toLowerCase()) ?? []) view.set(existing.id, existing);
		}
		const realLeads = workspace.leads;
		const proxyLeads = new (class extends Map<string, Lead> {
			override set(id: string, lead: Lead) {
				realLeads.set(id, lead);
				addToIndex(index, lead);
				return super.set(id, lead);
			}
			override get size() {
				return realLeads.size;
			}
		})(view);
		return original({ ...input, workspace: new Proxy(workspace, { get: (target, prop) => (prop === 'leads' ? proxyLeads : Reflect.get(target, prop)) }) });
	};
}

const SCHEDULE = {
	schedules: [{ name: 'Weekdays', timing: { from: '09:00', to: '17:00' }, days: { '1': true, '2': true, '3': true, '4': true, '5': true }, timezone: 'America/Chicago' }],
};

const commands: Record<string, (...args: any[]) => unknown> = {
	async start(options: { latencyMs?: number; rateLimits?: false; skipEventBookkeeping?: boolean }) {
		sim = await startSimulator({ port: 0, host: '127.0.0.1', latencyMs: options.latencyMs ?? 80, rateLimits: options.rateLimits, deliveryRetryDelayMs: 5 });
		installHooks();
		// An interest change makes the simulator build an event payload (scans of every lead, email
		// and activity entry: O(N) per call, growing through a run) and log it, even with no webhook
		// to deliver to. With no webhooks registered nothing observable is lost by skipping it, and
		// the simulator's CPU no longer caps the node's throughput.
		if (options.skipEventBookkeeping) sim.services.emitEvent = () => undefined;
		if (options.rateLimits !== false) installEmailIndex();
		return sim.url;
	},
	createWorkspace(options: { scopes?: string[] } = {}) {
		return sim.createWorkspace(options);
	},
	/** An admin workspace with `clientCount` accepted client workspaces: `{ admin: {id, apiKey}, clients: [{id, apiKey, name, …}] }`. */
	createAgency(clientCount: number) {
		return sim.createAgency({ clients: Array.from({ length: clientCount }, (_, index) => ({ name: `Client ${index + 1}` })) });
	},
	async createCampaign(apiKey: string, name = 'Bench campaign') {
		const workspace = sim.workspace(apiKey);
		const campaign = (await sim.handlers['POST /api/v2/campaigns']({ workspace, services: sim.services, params: {}, query: {}, body: { name, campaign_schedule: SCHEDULE } } as never)) as { id: string };
		return campaign.id;
	},
	/** Leads straight into the state (as `/leads/add` would create them), returned as [id, email]. */
	seedLeads(apiKey: string, count: number, campaignId: string, prefix = 'lead', returnRows = false) {
		const rows: Array<[string, string]> = [];
		for (let i = 0; i < count; i++) {
			const lead = sim.addLead(apiKey, { email: `${prefix}${i}@example.com`, first_name: `First${i}`, last_name: `Last${i}`, company_name: 'Acme' }, { campaign: campaignId, list_id: null });
			if (returnRows) rows.push([lead.id, lead.email!]);
		}
		return returnRows ? rows : count;
	},
	countLeads(apiKey: string, field: string, value: unknown) {
		return sim.countLeads(apiKey, { [field]: value });
	},
	webhooks(apiKey: string) {
		return [...sim.workspace(apiKey).webhooks.values()].map((webhook) => ({ id: webhook.id, event_type: webhook.event_type, target_hook_url: webhook.target_hook_url, headers: webhook.headers, status: webhook.status }));
	},
	setLatency(ms: number) {
		sim.setLatency(ms);
	},
	schedule(schedule: Schedule) {
		schedules.push({ ...schedule, seen: 0, rng: schedule.type === 'random' ? mulberry32(schedule.seed) : undefined });
	},
	clearSchedules() {
		schedules = [];
	},
	clearRequests() {
		sim.clearRequests();
		for (const key of Object.keys(handlerMs)) delete handlerMs[key];
		for (const key of Object.keys(injected)) delete injected[key];
	},
	/** Status counts, injected faults, simulator time, and how often each expected email is in the workspace. */
	stats(apiKey: string, expect?: { prefix: string; count: number }) {
		const statuses: Record<string, number> = {};
		let dropped = 0;
		for (const request of sim.requests) {
			const label = request.dropped ? 'dropped' : String(request.status);
			statuses[label] = (statuses[label] ?? 0) + 1;
			if (request.dropped) dropped++;
		}
		let emails: Record<string, number> | undefined;
		if (expect) {
			const counts = sim.countLeadsByEmail(apiKey);
			let once = 0, missing = 0, duplicated = 0, extra = 0;
			for (let i = 0; i < expect.count; i++) {
				const n = counts.get(`${expect.prefix}${i}@example.com`) ?? 0;
				if (n === 0) missing++;
				else if (n === 1) once++;
				else { duplicated++; extra += n - 1; }
			}
			emails = { expected: expect.count, exactlyOnce: once, missing, duplicated, extraCopies: extra };
		}
		const simulatorMs = Object.values(handlerMs).reduce((sum, entry) => sum + entry.ms, 0);
		return {
			requests: sim.requests.length,
			statuses,
			dropped,
			injected: { ...injected },
			invalid: sim.invalidRequests.length,
			invalidSample: sim.invalidRequests.slice(0, 3),
			leadsInWorkspace: sim.countLeads(apiKey),
			emails,
			simulatorHandlerMs: Math.round(simulatorMs),
			simulatorServerMs: Math.round(sim.answerMs),
			handlerMs: Object.fromEntries(Object.entries(handlerMs).map(([key, entry]) => [key, { calls: entry.calls, ms: Math.round(entry.ms) }])),
			firstRequestAt: sim.requests[0]?.timestamp,
			lastRequestAt: sim.requests.at(-1)?.timestamp,
			simulatorRssMb: Math.round(process.memoryUsage().rss / 1048576),
		};
	},
	async close() {
		await sim.close();
		setTimeout(() => process.exit(0), 10);
	},
};

process.on('message', async (message: { id: number; command: string; args: unknown[] }) => {
	try {
		const result = await commands[message.command](...message.args);
		process.send!({ id: message.id, result });
	} catch (error) {
		process.send!({ id: message.id, error: (error as Error).stack ?? String(error) });
	}
});
process.on('disconnect', () => process.exit(0));
