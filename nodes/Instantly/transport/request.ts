import { createHash } from 'node:crypto';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Page } from './cursor';
import { cursorItems } from './cursor';
import { PerRunCache } from '../helpers/perRun';
import type { InstantlyContext } from './context';
import type { Endpoint } from './endpoints';
import { endpoints, resolvePath } from './endpoints';
import { instantlyApiError, RATE_LIMIT_HINT } from './errors';
import { waitForTurn } from './pace';
import { backoffMs, RETRY_POLICY, retryClock, shouldRetry } from './retry';
import { requestTimeoutMs } from './timeout';
import { USER_AGENT } from './version';
import { foldName } from '../helpers/locator';
import type { MembershipVerdict, NameMatch, WorkspaceGroupMember, WorkspaceOfRequest, WorkspaceRef } from './workspace';
import {
	ACTING_WORKSPACE_HEADER,
	actingWorkspace,
	directoryRefused,
	memberByName,
	membershipVerdict,
	workspaceUnavailable,
} from './workspace';

export interface InstantlyRequest extends WorkspaceOfRequest {
	pathParams?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject;
}

const DEFAULT_BASE_URL = 'https://api.instantly.ai';

const NETWORK_FAILURE =
	/ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|socket hang up|timeout/i;

/**
 * Sends one request to Instantly API v2, in the workspace its item (or the editor's choice) acts
 * in: a client workspace is checked to be an accepted member before anything is sent to it.
 */
export async function instantlyApiRequest(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: InstantlyRequest = {},
): Promise<unknown> {
	const workspace = actingWorkspace(this, endpoint, request);
	const workspaceId = workspace === undefined ? undefined : await clientWorkspaceId(this, workspace, request.itemIndex);
	if (workspaceId !== undefined) await assertAcceptedMember(this, workspaceId, request.itemIndex);
	return await send(this, endpoint, request, workspaceId);
}

/** The id of a client workspace given by id or by name. */
export async function clientWorkspaceId(context: InstantlyContext, workspace: WorkspaceRef, itemIndex?: number): Promise<string> {
	if ('id' in workspace) return workspace.id;
	const match = await namedWorkspaces.get(context, foldName(workspace.name), () =>
		inWorkspaceGroup<NameMatch>(context, itemIndex, {
			read: (members) => memberByName(workspace.name, members),
			refused: (problem) => ({ problem, description: 'Nothing was sent to any client workspace.' }),
		}),
	);
	if (match.id !== undefined) return match.id;
	throw new NodeOperationError(context.getNode(), `Client Workspace: ${match.problem}`, { description: match.description, itemIndex });
}

/** Statuses with which Instantly may refuse a key that cannot list or act in a workspace group. */
const REFUSALS = new Set(['400', '401', '403', '404']);

/** Verdicts per execution and client workspace. */
const verdicts = new PerRunCache<MembershipVerdict>();

/** Client workspaces given by name, per execution and folded name. */
const namedWorkspaces = new PerRunCache<NameMatch>();

/**
 * Refuses a client workspace that is not an accepted member of the key's group, asking Instantly
 * once per execution and workspace however many items act in it. A failed lookup is not kept.
 */
export async function assertAcceptedMember(context: InstantlyContext, workspaceId: string, itemIndex?: number): Promise<void> {
	const outcome = await verdicts.get(context, workspaceId.toLowerCase(), () =>
		inWorkspaceGroup<MembershipVerdict>(context, itemIndex, {
			read: (members) => membershipVerdict(workspaceId, members),
			refused: (reason) => ({ available: false, reason }),
		}),
	);
	if (!outcome.available) throw workspaceUnavailable(context.getNode(), workspaceId, outcome, itemIndex);
}

/**
 * Reads the members of the key's workspace group (from the key's own workspace). A key Instantly
 * refuses the list to gets `refused` with the reason; other failures are thrown.
 */
async function inWorkspaceGroup<T>(
	context: InstantlyContext,
	itemIndex: number | undefined,
	{ read, refused }: { read: (members: AsyncIterable<WorkspaceGroupMember>) => Promise<T>; refused: (reason: string) => T },
): Promise<T> {
	const members = cursorItems(
		async (pageParams) =>
			(await send(context, endpoints.listWorkspaceGroupMembers, { qs: pageParams, itemIndex }, undefined)) as Page<WorkspaceGroupMember>,
	);
	let failure: unknown;
	try {
		return await read(members);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError && REFUSALS.has(String(failure.httpCode))) {
		return refused(directoryRefused(failure.httpCode ?? undefined, failure.message.replace(/^Instantly: /, '')));
	}
	throw failure instanceof NodeApiError || failure instanceof NodeOperationError
		? failure
		: new NodeOperationError(context.getNode(), failure as Error, { itemIndex });
}

/**
 * Pacing is per API key and workspace acted in, as Instantly's limits are. The key is known only
 * by its SHA-256 digest, so no key is held as a map key.
 */
function paceKey(baseURL: string, apiKey: string | undefined, workspaceId: string | undefined): string {
	const keyDigest = createHash('sha256').update(`${baseURL} ${apiKey ?? ''}`, 'utf8').digest('hex');
	return workspaceId === undefined ? keyDigest : `${keyDigest} ${workspaceId.toLowerCase()}`;
}

/** The only caller of httpRequestWithAuthentication: one request, retried under the policy. */
async function send(
	context: InstantlyContext,
	endpoint: Endpoint,
	request: InstantlyRequest,
	workspaceId: string | undefined,
): Promise<unknown> {
	const credentials = await context.getCredentials<{ apiKey?: string; baseUrl?: string }>('instantlyAiApi');
	const baseURL = (credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	const workspace = paceKey(baseURL, credentials.apiKey, workspaceId);
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		baseURL,
		url: resolvePath(endpoint.path, request.pathParams),
		headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
		json: true,
		arrayFormat: 'repeat',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: requestTimeoutMs(context, request.itemIndex),
	};
	if (workspaceId !== undefined) options.headers![ACTING_WORKSPACE_HEADER] = workspaceId;
	if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (endpoint.hasBody && request.body !== undefined && Object.keys(request.body).length > 0) {
		options.body = request.body;
	} else if (endpoint.method !== 'GET' && endpoint.method !== 'DELETE') {
		// Instantly rejects a Content-Type on a body-less request (a JSON one with 400), and axios,
		// under n8n's request helper, would otherwise stamp x-www-form-urlencoded on every POST.
		options.headers!['Content-Type'] = false;
	}

	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		await waitForTurn(workspace);
		if (endpoint.pace) await waitForTurn(`${workspace} ${endpoint.path}`, endpoint.pace);
		let response: IN8nHttpFullResponse | undefined;
		let networkFailure: string | undefined;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				'instantlyAiApi',
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			networkFailure = networkFailureOf(error, credentials.apiKey);
			if (networkFailure === undefined) throw requestFailed(context, error, endpoint, { secret: credentials.apiKey, itemIndex: request.itemIndex });
		}

		const statusCode = response?.statusCode;
		if (statusCode !== undefined && statusCode < 400) return response!.body;

		const delayMs = backoffMs(attempt, retryAfterOf(response));
		const canWait =
			attempt < RETRY_POLICY.maxRetries && waitedMs + delayMs <= RETRY_POLICY.maxTotalWaitMs;
		if (canWait && shouldRetry({ statusCode }, endpoint.safeToRepeat)) {
			waitedMs += delayMs;
			await retryClock.sleep(delayMs);
			continue;
		}

		if (response === undefined) throw connectionLost(context, endpoint, { networkFailure, attempts: attempt + 1, itemIndex: request.itemIndex });
		const error = instantlyApiError(context.getNode(), {
			statusCode: response.statusCode,
			body: response.body,
			endpoint,
			pathParams: request.pathParams,
			itemIndex: request.itemIndex,
		});
		if (statusCode === 429) error.description = `${RATE_LIMIT_HINT} Gave up after ${attempt + 1} attempts over ${Math.round(waitedMs / 1000)} s.`;
		if (workspaceId !== undefined) error.description = `${error.description ?? ''} It was sent to client workspace ${workspaceId}.`.trim();
		throw error;
	}
}

/**
 * The network error (code or message) behind a failed request, if that is what it was. n8n 2.x
 * wraps it in a NodeApiError whose `cause` is axios's error; n8n 1.x leaves `cause` empty and keeps
 * only the code (`httpCode`) and axios's message (`messages`), under a message of its own.
 */
function networkFailureOf(error: unknown, secret: string | undefined): string | undefined {
	if (error === null || typeof error !== 'object') return undefined;
	const { cause, code, httpCode, message, messages } = error as Record<string, unknown>;
	const causeFields = cause !== null && typeof cause === 'object' ? (cause as Record<string, unknown>) : {};
	const candidates = [code, httpCode, causeFields.code, message, causeFields.message];
	if (Array.isArray(messages)) candidates.push(...messages);
	const failure = candidates.find(
		(candidate): candidate is string => typeof candidate === 'string' && NETWORK_FAILURE.test(candidate),
	);
	return failure === undefined ? undefined : withoutSecret(failure, secret);
}

/**
 * n8n's error for a request that got no usable answer, rebuilt from its plain facts (message, code,
 * description). n8n 2.x keeps axios's error as `cause`, and with it the request's Authorization
 * header, where n8n's logs and anything inspecting the error would show it.
 */
function requestFailed(
	context: InstantlyContext,
	error: unknown,
	endpoint: Endpoint,
	{ secret, itemIndex }: { secret?: string; itemIndex?: number },
): NodeApiError {
	const facts = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
	const text = (value: unknown) =>
		typeof value === 'string' && value.trim() !== '' ? withoutSecret(value, secret) : undefined;
	const message = text(facts.message) ?? text(String(error)) ?? 'The request failed';
	return new NodeApiError(
		context.getNode(),
		{ message },
		{
			message,
			description:
				text(facts.description) ?? `${endpoint.method} ${endpoint.path} failed before Instantly's answer could be read.`,
			httpCode: text(facts.httpCode),
			itemIndex,
		},
	);
}

/** Text from outside (an error message) with the API key cut out, should it ever carry it. */
function withoutSecret(text: string, secret: string | undefined): string {
	return secret ? text.split(secret).join('***') : text;
}

function retryAfterOf(response: IN8nHttpFullResponse | undefined): string | undefined {
	const value = response?.headers?.['retry-after'];
	return typeof value === 'string' ? value : undefined;
}

function connectionLost(
	context: InstantlyContext,
	endpoint: Endpoint,
	{ networkFailure, attempts, itemIndex }: { networkFailure?: string; attempts: number; itemIndex?: number },
) {
	return new NodeApiError(
		context.getNode(),
		{ message: 'connection lost' },
		{
			message: 'Instantly could not be reached, or the connection dropped before it answered',
			description: endpoint.safeToRepeat
				? `${endpoint.method} ${endpoint.path} was sent ${attempts} times without an answer (${networkFailure}).`
				: `${endpoint.method} ${endpoint.path} may or may not have been applied (${networkFailure}), so it was not sent again (Instantly has no idempotency keys). Check Instantly before running it again; do not repeat it blindly.`,
			itemIndex,
		},
	);
}
