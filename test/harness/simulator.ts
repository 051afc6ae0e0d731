import type { INodeType } from 'n8n-workflow';

import { setPaceClock } from '../../nodes/Instantly/transport/pace';
import { ManualClock, startSimulator, type Simulator } from '../../simulator';
import type { ContextOptions } from './context';

/** A node type with no parameters, for exercising the transport on its own. */
export const bareNodeType = {
	description: { displayName: 'Instantly', name: 'instantly', properties: [] },
} as unknown as INodeType;

/**
 * Starts a simulator for a test file with one workspace and returns helpers bound to it. Every
 * test file using it asserts, after each test, that no request failed the OpenAPI validation.
 *
 * Time is the test's: the simulator runs on a manual clock, and the transport's pacer reads that
 * clock and moves it on by each wait it needs, so the rate-limit windows, background jobs and
 * added latency see the pacer's schedule however slow the machine is. A job moves one step per
 * read, so code polling it on real time sees it finish.
 */
export function useSimulator(workspace: { apiKey?: string; scopes?: string[]; paid?: boolean } = {}) {
	const handle = {} as { sim: Simulator; clock: ManualClock; apiKey: string; credentials: ContextOptions['credentials'] };
	beforeAll(async () => {
		handle.clock = new ManualClock();
		handle.sim = await startSimulator({ port: 0, deliveryRetryDelayMs: 10, clock: handle.clock, jobStepPerRead: true });
		setPaceClock({ now: () => handle.clock.now(), sleep: async (ms) => await handle.clock.advance(ms) });
		handle.apiKey = handle.sim.createWorkspace({ apiKey: 'test-key', ...workspace }).apiKey;
		handle.credentials = { apiKey: handle.apiKey, baseUrl: handle.sim.url };
	});
	afterAll(async () => {
		setPaceClock();
		await handle.sim.close();
	});
	return handle;
}
