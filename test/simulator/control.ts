import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from './faults';
import type { RateLimitConfig } from './rateLimit';
import { forceBackgroundJob } from './resources/backgroundJobs';
import type { EventInput } from './resources/types';
import { sendJson } from './server';
import type { Simulator } from './simulator';
import { dumpWorkspace } from './state';

/** Instantly never uses this prefix; these routes need no key and are neither validated nor recorded. */
export const CONTROL_PREFIX = '/__simulator/';

type ControlBody = any;
type ControlRoute = (simulator: Simulator, body: ControlBody, params: string[], url: URL) => unknown | Promise<unknown>;

const ok = { ok: true };

const CONTROL_ROUTES: Array<[method: string, pattern: RegExp, route: ControlRoute]> = [
	['POST', /^workspaces$/, (simulator, body) => simulator.createWorkspace(body ?? {})],
	['GET', /^workspaces$/, (simulator) => simulator.listWorkspaces().map((workspace) => ({ id: workspace.id, name: workspace.name, paid: workspace.paid }))],
	[
		'POST',
		/^workspaces\/([^/]+)\/api-keys$/,
		(simulator, body, [id]) => {
			simulator.addApiKey(id, body.apiKey, body.scopes);
			return ok;
		},
	],
	['POST', /^workspaces\/([^/]+)\/accounts$/, (simulator, body, [id]) => simulator.addAccount(id, body)],
	['POST', /^workspaces\/([^/]+)\/emails$/, (simulator, body, [id]) => simulator.addEmail(id, body ?? {})],
	[
		'POST',
		/^workspaces\/([^/]+)\/background-jobs\/([^/]+)$/,
		(simulator, body, [id, jobId]) => forceBackgroundJob(simulator.workspace(id), jobId, body ?? {}),
	],
	['GET', /^workspaces\/([^/]+)\/state$/, (simulator, _body, [id]) => dumpWorkspace(simulator.workspace(id))],
	[
		'GET',
		/^requests$/,
		(simulator, _body, _params, url) => (url.searchParams.get('invalid') === '1' ? simulator.invalidRequests : simulator.requests),
	],
	['GET', /^response-violations$/, (simulator) => simulator.responseViolations],
	['DELETE', /^requests$/, (simulator) => (simulator.clearRequests(), ok)],
	['POST', /^faults$/, (simulator, body: FaultSpec) => simulator.injectFault(body)],
	['GET', /^faults$/, (simulator) => simulator.faults.pending()],
	['DELETE', /^faults$/, (simulator) => (simulator.clearFaults(), ok)],
	['POST', /^latency$/, (simulator, body) => (simulator.setLatency(Number(body.ms ?? 0)), ok)],
	[
		'POST',
		/^rate-limits$/,
		(simulator, body) => {
			const disabled = body === false || body?.disabled === true || body?.enabled === false;
			simulator.setRateLimits(disabled ? false : (body as RateLimitConfig));
			return ok;
		},
	],
	[
		'POST',
		/^events$/,
		(simulator, body: EventInput & { workspaceId?: string; apiKey?: string }) => {
			const { workspaceId, apiKey, ...event } = body;
			return simulator.triggerEvent(workspaceId ?? apiKey ?? '', event);
		},
	],
	['POST', /^idle$/, async (simulator) => (await simulator.waitForIdle(), ok)],
	['POST', /^reset$/, (simulator) => (simulator.reset(), ok)],
];

export async function handleControlRequest(simulator: Simulator, request: IncomingMessage, response: ServerResponse, url: URL, rawBody: string): Promise<void> {
	const method = (request.method ?? 'GET').toUpperCase();
	const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
	for (const [routeMethod, pattern, route] of CONTROL_ROUTES) {
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
