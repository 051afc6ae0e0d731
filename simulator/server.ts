import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './auth';
import { handleControlRequest, CONTROL_PREFIX } from './control';
import { ApiError, envelope } from './errors';
import type { Fault } from './faults';
import { readBody, sendJson, type RequestHandler } from './http';
import { nowIso } from './ids';
import type { Operation } from './openapi';
import { Reply } from './resources/types';
import type { RecordedRequest, Simulator } from './simulator';

const EMPTY_JSON_BODY = "Body cannot be empty when content-type is set to 'application/json'";

/** A request refused by validation: answered with a 400/404/415 and listed in `invalidRequests`. */
class InvalidRequestError extends ApiError {}

function parseQuery(url: URL): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		query[key] = values.length === 1 ? values[0] : values;
	}
	return query;
}

function parseBody(rawBody: string, contentType: string | undefined): unknown {
	const isJson = contentType !== undefined && /^application\/json\b/i.test(contentType);
	if (isJson && rawBody.trim() === '') throw new InvalidRequestError(400, EMPTY_JSON_BODY);
	// Fastify hands a request that names a content type to that type's parser even when the body is
	// empty, and Instantly parses only JSON: a bare x-www-form-urlencoded header is refused too.
	if (contentType !== undefined && !isJson) throw new InvalidRequestError(415, `Unsupported Media Type: ${contentType}`);
	if (rawBody === '') return undefined;
	try {
		return JSON.parse(rawBody);
	} catch (error) {
		throw new InvalidRequestError(400, (error as Error).message);
	}
}

function validate(simulator: Simulator, operation: Operation, params: Record<string, string>, query: Record<string, unknown>, body: unknown): void {
	const { catalog } = simulator;
	const problem =
		catalog.validateParameters(operation, 'path', params) ??
		catalog.validateParameters(operation, 'query', query) ??
		(body === undefined
			? catalog.bodyIsRequired(operation)
				? catalog.validateBody(operation, undefined)
				: undefined
			: catalog.validateBody(operation, body));
	if (problem) throw new InvalidRequestError(400, problem);
}

function failWith(response: ServerResponse, fault: Fault): void {
	const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
	sendJson(response, fault.status, envelope(fault.status, fault.message ?? 'Injected fault'), headers);
}

async function respondToApi(simulator: Simulator, request: IncomingMessage, response: ServerResponse, record: RecordedRequest, url: URL): Promise<void> {
	const { match, pathExists } = simulator.catalog.match(record.method, url.pathname);
	if (!match) throw new InvalidRequestError(404, `Route ${record.method}:${url.pathname} not found${pathExists ? ' (method not allowed)' : ''}`);
	const { operation, params } = match;
	record.template = operation.template;
	record.operationId = operation.operationId;
	const { workspace, keyWorkspace } = authorize(request.headers, operation, {
		findKey: (apiKey) => simulator.findCredentials(apiKey),
		acceptedMember: (adminWorkspaceId, subWorkspaceId) => simulator.workspaceGroups.acceptedMember(adminWorkspaceId, subWorkspaceId),
	});
	record.workspaceId = workspace.id;
	record.keyWorkspaceId = keyWorkspace.id;
	const operationKey = `${operation.method} ${operation.template}`;
	if (!simulator.rateLimiter.allow(workspace.id, operationKey, simulator.clock.now())) throw new ApiError(429, 'Rate limit exceeded');
	const body = parseBody(record.rawBody, request.headers['content-type']);
	record.body = body;
	const query: Record<string, unknown> = { ...record.query };
	validate(simulator, operation, params, query, body);

	const fault = simulator.faults.take(operation.method, url.pathname, operation.template);
	if (fault) record.fault = fault.kind;
	if (fault?.kind === 'drop') return dropConnection(request, record);
	if (fault?.kind === 'status') return void (record.status = fault.status, failWith(response, fault));
	if (fault?.kind === 'hang') return;

	const handler = simulator.handlers[operationKey];
	if (!handler) throw new ApiError(501, `${operationKey} is not implemented by the simulator`);
	const result = await handler({ workspace, services: simulator.services, params, query, body });
	const reply = result instanceof Reply ? result : new Reply(200, result);
	// The write happened; only the answer is lost, as when a network drops mid-response.
	if (fault?.kind === 'applyThenDrop') return dropConnection(request, record);
	if (fault?.kind === 'applyThenStatus') return void (record.status = fault.status, failWith(response, fault));
	if (fault?.kind === 'answer') return void (record.status = fault.status, answerRaw(response, fault));

	const violation = simulator.catalog.validateResponse(operation, reply.status, JSON.parse(JSON.stringify(reply.body ?? null)));
	if (violation) simulator.responseViolations.push({ method: record.method, path: url.pathname, status: reply.status, reason: violation });
	record.status = reply.status;
	sendJson(response, reply.status, reply.body);
}

function answerRaw(response: ServerResponse, fault: Fault): void {
	const text = fault.text ?? '';
	response.writeHead(fault.status, text === '' ? {} : { 'content-type': fault.contentType ?? 'text/plain; charset=utf-8' });
	response.end(text);
}

function dropConnection(request: IncomingMessage, record: RecordedRequest): void {
	record.dropped = true;
	request.socket.destroy();
}

/**
 * The simulator's HTTP front: the control API, or the simulated Instantly API v2. It also adds up
 * the real time each API request spends here, from its arrival to the end of its answer.
 */
export function simulatorRequestHandler(simulator: Simulator): RequestHandler {
	return async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://simulator.local');
		if (url.pathname.startsWith(CONTROL_PREFIX)) return handleControlRequest(simulator, request, response, url, await readBody(request));
		timeAnswer(simulator, response);
		const rawBody = await readBody(request);
		const done = await simulator.admitRequest();
		try {
			await handleApiRequest(simulator, request, response, url, rawBody);
		} finally {
			done();
		}
	};
}

function timeAnswer(simulator: Simulator, response: ServerResponse): void {
	const arrived = performance.now();
	let counted = false;
	const answered = () => {
		if (counted) return;
		counted = true;
		simulator.answerMs += performance.now() - arrived;
	};
	response.once('finish', answered);
	response.once('close', answered);
}

async function handleApiRequest(simulator: Simulator, request: IncomingMessage, response: ServerResponse, url: URL, rawBody: string): Promise<void> {
	if (simulator.latencyMs > 0) await simulator.clock.sleep(simulator.latencyMs);
	const record: RecordedRequest = {
		sequence: simulator.requests.length + 1,
		method: (request.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		template: null,
		operationId: null,
		query: parseQuery(url),
		headers: { ...request.headers },
		rawBody,
		body: undefined,
		status: null,
		workspaceId: null,
		keyWorkspaceId: null,
		timestamp: nowIso(),
		at: simulator.clock.now(),
	};
	simulator.requests.push(record);
	try {
		await respondToApi(simulator, request, response, record, url);
	} catch (error) {
		const apiError = error instanceof ApiError ? error : new ApiError(500, (error as Error).message);
		if (apiError instanceof InvalidRequestError) record.invalidReason = apiError.message;
		record.status = apiError.statusCode;
		if (!response.headersSent && !request.socket.destroyed) sendJson(response, apiError.statusCode, envelope(apiError.statusCode, apiError.message));
	}
}
