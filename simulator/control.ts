import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from './faults';
import type { RateLimitConfig } from './rateLimit';
import { forceBackgroundJob } from './resources/backgroundJobs';
import { forceEmailVerification } from './resources/emailVerifications';
import type { EventInput } from './resources/types';
import { sendJson } from './http';
import type { CreateAgencyOptions, Simulator } from './simulator';
import { dumpWorkspace } from './state';

/** Instantly never uses this prefix; these routes need no key and are neither validated nor recorded. */
export const CONTROL_PREFIX = '/__simulator/';

type ControlBody = any;
type ControlRoute = (simulator: Simulator, body: ControlBody, params: string[], url: URL) => unknown | Promise<unknown>;

const ok = { ok: true };

/** `:name` segments are parameters, passed to the route in order. */
const CONTROL_ROUTES: Array<[method: string, path: string, summary: string, route: ControlRoute]> = [
	['GET', '', 'this list of control routes', () => listRoutes()],
	['POST', 'workspaces', 'create a workspace: {apiKey?, scopes?, paid?, name?}', (simulator, body) => simulator.createWorkspace(body ?? {})],
	[
		'GET',
		'workspaces',
		'list workspaces',
		(simulator) => simulator.listWorkspaces().map((workspace) => ({ id: workspace.id, name: workspace.name, paid: workspace.paid })),
	],
	[
		'POST',
		'workspaces/:id/api-keys',
		'add an API key: {apiKey, scopes}',
		(simulator, body, [id]) => {
			simulator.addApiKey(id, body.apiKey, body.scopes);
			return ok;
		},
	],
	[
		'POST',
		'agencies',
		'an admin workspace and its clients: {admin?: idOrApiKey | {apiKey?, name?…}, clients: [{name, status? = accepted, apiKey?…}]}',
		(simulator, body: CreateAgencyOptions) => simulator.createAgency(body),
	],
	[
		'POST',
		'workspace-group-members',
		"put a workspace in an admin's group: {adminWorkspaceId, subWorkspaceId, status? = accepted}",
		(simulator, body) => simulator.addWorkspaceGroupMember(body.adminWorkspaceId, body.subWorkspaceId, body.status),
	],
	[
		'POST',
		'workspace-group-members/:id',
		'change a member: {status: pending | accepted | rejected}',
		(simulator, body, [id]) => simulator.setWorkspaceGroupMemberStatus(id, body.status),
	],
	['POST', 'workspaces/:id/accounts', 'connect a sending account (addAccount input)', (simulator, body, [id]) => simulator.addAccount(id, body)],
	['POST', 'workspaces/:id/emails', 'put an email in the unibox (addEmail input)', (simulator, body, [id]) => simulator.addEmail(id, body ?? {})],
	[
		'POST',
		'workspaces/:id/background-jobs/:jobId',
		"make a job report the given fields (status, progress, error…), as Instantly's jobs can",
		(simulator, body, [id, jobId]) => forceBackgroundJob(simulator.workspace(id), jobId, body ?? {}),
	],
	[
		'POST',
		'workspaces/:id/email-verifications/:email',
		'settle a pending verification now, then make it report the given fields (verification_status…)',
		(simulator, body, [id, email]) => forceEmailVerification(simulator.workspace(id), email, body ?? {}),
	],
	['GET', 'workspaces/:id/state', "the workspace's live state", (simulator, _body, [id]) => dumpWorkspace(simulator.workspace(id))],
	[
		'GET',
		'requests',
		'recorded API requests (?invalid=1: invalid ones only)',
		(simulator, _body, _params, url) => (url.searchParams.get('invalid') === '1' ? simulator.invalidRequests : simulator.requests),
	],
	['GET', 'response-violations', 'simulator responses that break the spec', (simulator) => simulator.responseViolations],
	['DELETE', 'requests', 'forget recorded requests', (simulator) => (simulator.clearRequests(), ok)],
	['POST', 'faults', 'inject a fault: {method, path, count?, skip?, status?, retryAfter?, kind?}', (simulator, body: FaultSpec) => simulator.injectFault(body)],
	['GET', 'faults', 'pending faults', (simulator) => simulator.faults.pending()],
	['DELETE', 'faults', 'clear faults', (simulator) => (simulator.clearFaults(), ok)],
	['POST', 'latency', 'add latency to every API call: {ms}', (simulator, body) => (simulator.setLatency(Number(body.ms ?? 0)), ok)],
	[
		'POST',
		'rate-limits',
		'set rate limits: {perSecond, perMinute, endpointsPerMinute?} or {disabled: true}',
		(simulator, body) => {
			const disabled = body === false || body?.disabled === true || body?.enabled === false;
			simulator.setRateLimits(disabled ? false : (body as RateLimitConfig));
			return ok;
		},
	],
	[
		'POST',
		'events',
		'make an event happen and deliver it: {workspaceId | apiKey, event_type, campaign_id?, lead_email?, data?}',
		(simulator, body: EventInput & { workspaceId?: string; apiKey?: string }) => {
			const { workspaceId, apiKey, ...event } = body;
			return simulator.triggerEvent(workspaceId ?? apiKey ?? '', event);
		},
	],
	['POST', 'idle', 'wait for background deliveries', async (simulator) => (await simulator.waitForIdle(), ok)],
	[
		'GET',
		'clock',
		"the clock's mode, time and number of pending background timers",
		(simulator) => ({ mode: simulator.clock.mode, now: simulator.clock.now(), pending: simulator.pendingTimers() }),
	],
	[
		'POST',
		'clock/advance',
		'manual clock: move time forward {ms}, firing what falls due',
		async (simulator, body) => (await simulator.advanceClock(Number(body?.ms)), ok),
	],
	['POST', 'clock/run-all', 'manual clock: fire every pending timer (background jobs finish)', async (simulator) => ({ advancedMs: await simulator.runAllTimers() })],
	['POST', 'reset', 'forget every workspace, key, request, fault and timer', (simulator) => (simulator.reset(), ok)],
];

const COMPILED_ROUTES = CONTROL_ROUTES.map(([method, path, , route]) => ({
	method,
	pattern: new RegExp(`^${path.replace(/:[a-z]+/gi, '([^/]+)')}$`),
	route,
}));

function listRoutes() {
	return CONTROL_ROUTES.map(([method, path, summary]) => ({ method, path: CONTROL_PREFIX + path, summary }));
}

export async function handleControlRequest(simulator: Simulator, request: IncomingMessage, response: ServerResponse, url: URL, rawBody: string): Promise<void> {
	const method = (request.method ?? 'GET').toUpperCase();
	const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
	for (const { method: routeMethod, pattern, route } of COMPILED_ROUTES) {
		const match = pattern.exec(path);
		if (!match || routeMethod !== method) continue;
		try {
			const body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
			return sendJson(response, 200, await route(simulator, body, match.slice(1).map(decodeURIComponent), url));
		} catch (error) {
			return sendJson(response, 400, { error: (error as Error).message });
		}
	}
	sendJson(response, 404, { error: `No control route ${method} ${url.pathname}` });
}
