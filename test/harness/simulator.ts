import type { INodeType } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import type { ContextOptions } from './context';

/** A node type with no parameters, for exercising the transport on its own. */
export const bareNodeType = {
	description: { displayName: 'Instantly', name: 'instantly', properties: [] },
} as unknown as INodeType;

/**
 * Starts a simulator for a test file with one workspace and returns helpers bound to it. Every
 * test file using it asserts, after each test, that no request failed the OpenAPI validation.
 */
export function useSimulator(workspace: { apiKey?: string; scopes?: string[]; paid?: boolean } = {}) {
	const handle = {} as { sim: Simulator; apiKey: string; credentials: ContextOptions['credentials'] };
	beforeAll(async () => {
		handle.sim = await startSimulator({ port: 0, deliveryRetryDelayMs: 10 });
		handle.apiKey = handle.sim.createWorkspace({ apiKey: 'test-key', ...workspace }).apiKey;
		handle.credentials = { apiKey: handle.apiKey, baseUrl: handle.sim.url };
	});
	afterAll(async () => await handle.sim.close());
	return handle;
}
