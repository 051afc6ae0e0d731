import { ApiError } from './errors';
import type { Operation } from './openapi';
import type { WorkspaceState } from './state';

export interface Credentials {
	workspace: WorkspaceState;
	scopes: string[];
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** 401 for a missing or unknown key, 402 without a paid plan, 403 when no scope of the key is accepted. */
export function authorize(
	authorization: string | undefined,
	operation: Operation,
	findKey: (apiKey: string) => Credentials | undefined,
): Credentials {
	const apiKey = BEARER.exec(authorization ?? '')?.[1];
	const credentials = apiKey ? findKey(apiKey) : undefined;
	if (!credentials) throw new ApiError(401, 'Invalid API key');
	if (!credentials.workspace.paid) throw new ApiError(402, 'Workspace does not have an active paid plan');
	if (!credentials.scopes.some((scope) => operation.scopes.includes(scope))) {
		throw new ApiError(403, `API key does not have the required scope. Requires one of: ${operation.scopes.join(', ')}`);
	}
	return credentials;
}
