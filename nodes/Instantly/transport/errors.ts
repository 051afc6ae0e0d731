import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Endpoint } from './endpoints';
import { acceptedScopes, resourceName } from './endpoints';

export interface FailedResponse {
	statusCode: number;
	body: unknown;
	endpoint: Endpoint;
	pathParams?: Record<string, string>;
	itemIndex?: number;
}

export const RATE_LIMIT_HINT =
	"Instantly's rate limit for this workspace was hit: 100 requests per second and 6,000 per minute, shared by every API key of the workspace (other workflows and tools count too). The node backed off and retried; run it again later or spread the work out.";

/** Turns Instantly's error envelope `{statusCode, error, message}` into a NodeApiError with a hint. */
export function instantlyApiError(node: INode, failure: FailedResponse): NodeApiError {
	const instantlyMessage = messageOf(failure.body);
	const { statusCode } = failure;
	return new NodeApiError(node, errorResponse(failure.body, statusCode), {
		httpCode: String(statusCode),
		message: `Instantly: ${instantlyMessage ?? `request failed with status ${statusCode}`}`,
		description: hintFor(failure),
		itemIndex: failure.itemIndex,
	});
}

function hintFor({ statusCode, endpoint, pathParams, body }: FailedResponse): string {
	switch (statusCode) {
		case 400:
			return 'Instantly rejected the request. The message above names the field it did not accept.';
		case 401:
			return 'Instantly did not accept the API key. Check the key in the Instantly.ai API credential: it must be an API v2 key (Instantly → Settings → Integrations → API Keys) that has not been revoked.';
		case 402:
			return 'This Instantly workspace has no active paid plan, which the API requires.';
		case 403:
			return forbiddenHint(endpoint, body);
		case 404:
			return notFoundHint(endpoint, pathParams);
		case 429:
			return RATE_LIMIT_HINT;
		default:
			return statusCode >= 500
				? 'Instantly had a server error. Requests that could have been applied already were not sent again, to avoid duplicates; check Instantly before re-running.'
				: `${endpoint.method} ${endpoint.path} failed with status ${statusCode}.`;
	}
}

/**
 * Only Instantly's own JSON error envelope means a missing scope; a 403 page from a proxy or
 * firewall, or an empty answer, says nothing about the key, so the hint reports what came back.
 */
function forbiddenHint(endpoint: Endpoint, body: unknown): string {
	if (isInstantlyEnvelope(body)) {
		return `The API key lacks the scope this action needs: ${acceptedScopes(endpoint.scope).join(
			' or ',
		)}. Add it to the key in Instantly → Settings → Integrations → API Keys.`;
	}
	const seen =
		typeof body === 'string' && body.trim() !== ''
			? `a non-JSON answer starting "${body.trim().slice(0, 80)}"`
			: 'an empty answer';
	return `The request was refused (403) with ${seen}, not Instantly's JSON error, so something between n8n and Instantly (a proxy, firewall or a wrong Base URL in the credential) may have refused it. Check the credential's Base URL and the network path to api.instantly.ai.`;
}

function isInstantlyEnvelope(body: unknown): boolean {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
	const { message, error } = body as { message?: unknown; error?: unknown };
	return typeof message === 'string' || typeof error === 'string';
}

function notFoundHint(endpoint: Endpoint, pathParams: Record<string, string> = {}): string {
	const resource = resourceName(endpoint) ?? 'resource';
	const [[parameter, value] = []] = Object.entries(pathParams);
	if (value === undefined) return `Instantly found no ${resource} matching the request.`;
	const named = parameter === 'email' ? `"${value}"` : `with ID "${value}"`;
	return `Instantly found no ${resource} ${named} in this workspace. Check the ${parameter === 'email' ? 'address' : 'ID'} and that the credential belongs to the right workspace.`;
}

function messageOf(body: unknown): string | undefined {
	if (typeof body === 'string' && body.trim() !== '') return body.trim();
	if (body !== null && typeof body === 'object' && 'message' in body) {
		const message = (body as { message: unknown }).message;
		if (typeof message === 'string') return message;
	}
	return undefined;
}

function errorResponse(body: unknown, statusCode: number): JsonObject {
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as JsonObject;
	return { statusCode, message: typeof body === 'string' ? body : null };
}
