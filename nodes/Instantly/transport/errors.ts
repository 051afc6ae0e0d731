import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Endpoint } from './endpoints';
import { acceptedScopes } from './endpoints';

export interface FailedResponse {
	statusCode: number;
	body: unknown;
	endpoint: Endpoint;
	pathParams?: Record<string, string>;
	itemIndex?: number;
}

const RESOURCE_NAMES: Record<string, string> = {
	leads: 'lead',
	campaigns: 'campaign',
	'block-lists-entries': 'block list entry',
	webhooks: 'webhook',
	'background-jobs': 'background job',
	'lead-labels': 'lead label',
	'lead-lists': 'lead list',
};

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

function hintFor({ statusCode, endpoint, pathParams }: FailedResponse): string {
	switch (statusCode) {
		case 400:
			return 'Instantly rejected the request. The message above names the field it did not accept.';
		case 401:
			return 'Instantly did not accept the API key. Check the key in the Instantly API credential: it must be an API v2 key (Instantly → Settings → Integrations → API Keys) that has not been revoked.';
		case 402:
			return 'This Instantly workspace has no active paid plan, which the API requires.';
		case 403:
			return `The API key lacks the scope this action needs: ${acceptedScopes(endpoint.scope).join(
				' or ',
			)}. Add it to the key in Instantly → Settings → Integrations → API Keys.`;
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

function notFoundHint(endpoint: Endpoint, pathParams: Record<string, string> = {}): string {
	const resource = RESOURCE_NAMES[endpoint.path.split('/')[3]] ?? 'resource';
	const id = pathParams.id;
	return id === undefined
		? `Instantly found no ${resource} matching the request.`
		: `Instantly found no ${resource} with ID "${id}" in this workspace. Check the ID and that the credential belongs to the right workspace.`;
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
