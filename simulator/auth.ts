import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors';
import type { Operation } from './openapi';
import type { WorkspaceState } from './state';

export interface Credentials {
	workspace: WorkspaceState;
	scopes: string[];
}

export interface Authorization extends Credentials {
	/** The workspace the key belongs to; `workspace` is where the request acts. */
	keyWorkspace: WorkspaceState;
}

export interface KeyDirectory {
	findKey(apiKey: string): Credentials | undefined;
	/** The sub-workspace, when it is an accepted member of the admin workspace's group. */
	acceptedMember(adminWorkspaceId: string, subWorkspaceId: string): WorkspaceState | undefined;
}

/** Instantly's starter kit and SDK send it; the OpenAPI document does not mention it. */
export const AS_WORKSPACE_HEADER = 'x-as-workspace';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Nobody knows what Instantly answers when the header names a workspace the key may not act in
 * (pending, rejected, unknown, the key's own, or any workspace for a key without a group): one
 * 403 for all of them is our guess, recorded in docs/decisions.md.
 */
const notAllowedToActAs = (workspaceId: string) => new ApiError(403, `You do not have access to workspace ${workspaceId}`);

function actingWorkspace(keyWorkspace: WorkspaceState, header: string | string[] | undefined, directory: KeyDirectory): WorkspaceState {
	const requested = (Array.isArray(header) ? header.join(', ') : (header ?? '')).trim();
	// An empty header is read as no header, as a truthiness check would: the request acts in the key's workspace.
	if (requested === '') return keyWorkspace;
	const member = directory.acceptedMember(keyWorkspace.id, requested);
	if (!member) throw notAllowedToActAs(requested);
	return member;
}

/**
 * 401 for a missing or unknown key, 403 for an `x-as-workspace` the key may not act in, 402 when the
 * key's or the acted-in workspace has no paid plan, 403 when no scope of the key is accepted.
 */
export function authorize(headers: IncomingHttpHeaders, operation: Operation, directory: KeyDirectory): Authorization {
	const apiKey = BEARER.exec(headers.authorization ?? '')?.[1];
	const credentials = apiKey ? directory.findKey(apiKey) : undefined;
	if (!credentials) throw new ApiError(401, 'Invalid API key');
	const workspace = actingWorkspace(credentials.workspace, headers[AS_WORKSPACE_HEADER], directory);
	if (!credentials.workspace.paid || !workspace.paid) throw new ApiError(402, 'Workspace does not have an active paid plan');
	if (!credentials.scopes.some((scope) => operation.scopes.includes(scope))) {
		throw new ApiError(403, `API key does not have the required scope. Requires one of: ${operation.scopes.join(', ')}`);
	}
	return { keyWorkspace: credentials.workspace, workspace, scopes: credentials.scopes };
}
