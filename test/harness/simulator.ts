import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeExecutionData, INodeType } from 'n8n-workflow';

import { setPaceClock } from '../../nodes/Instantly/transport/pace';
import {
	ManualClock,
	startSimulator,
	type CreateWorkspaceOptions,
	type CreatedWorkspace,
	type Simulator,
	type SimulatorOptions,
} from '../../simulator';
import type { runNode } from './context';
import type { InstantlyCredentials } from './http';

/** A node type with no parameters, for exercising the transport on its own. */
export const bareNodeType = {
	description: { displayName: 'Instantly', name: 'instantly', properties: [] },
} as unknown as INodeType;

export interface ApiResponse {
	status: number;
	body: any;
	headers: Headers;
}

/** Calls the simulator the way a careful client does: JSON body and content-type only when there is a body. */
export function apiClient(baseUrl: string, apiKey?: string) {
	return async (method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse> => {
		const headers: Record<string, string> = { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...extraHeaders };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
	};
}

/** A node parameter value, or a function of the item standing in for an expression. */
export type Parameter =
	| string
	| number
	| boolean
	| null
	| object
	| ((item: INodeExecutionData, itemIndex: number) => unknown);

export interface SimulatorFixtureOptions extends CreateWorkspaceOptions {
	/**
	 * Whether to assert that the simulator's answers match the OpenAPI document (default true); false
	 * for a file that makes it answer outside the document on purpose, as Instantly itself does.
	 */
	checkResponses?: boolean;
	/** Anything but the clock, which is always the test's own (see `useSimulator`). */
	simulator?: Omit<SimulatorOptions, 'clock'>;
}

const SCHEDULE = {
	schedules: [
		{
			name: 'Weekdays',
			timing: { from: '09:00', to: '17:00' },
			days: { '1': true, '2': true, '3': true, '4': true, '5': true },
			timezone: 'America/Chicago',
		},
	],
};

/**
 * A simulator for the test file and a fresh workspace for each test (the simulator is reset before
 * it; `options` name the workspace's key, scopes and plan), with helpers bound to that workspace.
 * After each test it asserts that the simulator's OpenAPI validation found nothing wrong in the
 * requests, nor (unless `checkResponses` is false) in its own responses.
 *
 * Time is the test's: the simulator runs on a manual clock, and the transport's pacer reads that
 * clock and moves it on by each wait it needs, so the rate-limit windows, background jobs and
 * added latency see the pacer's schedule however slow the machine is. A job moves one step per
 * read, so code polling it on real time sees it finish.
 */
export function useSimulator(options: SimulatorFixtureOptions = {}) {
	const { simulator: simulatorOptions, checkResponses = true, ...workspaceOptions } = options;
	let sim: Simulator;
	let clock: ManualClock;
	let workspace: CreatedWorkspace;
	let api: ReturnType<typeof apiClient>;
	beforeAll(async () => {
		clock = new ManualClock();
		sim = await startSimulator({ deliveryRetryDelayMs: 10, jobStepPerRead: true, ...simulatorOptions, clock });
		setPaceClock({ now: () => clock.now(), sleep: async (ms) => await clock.advance(ms) });
	});
	afterAll(async () => {
		setPaceClock();
		await sim.close();
	});
	beforeEach(() => {
		sim.reset();
		workspace = sim.createWorkspace(workspaceOptions);
		api = apiClient(sim.url, workspace.apiKey);
	});
	afterEach(() => {
		expect(sim.invalidRequests).toEqual([]);
		if (checkResponses) expect(sim.responseViolations).toEqual([]);
	});

	return {
		get sim() {
			return sim;
		},
		get clock() {
			return clock;
		},
		get apiKey() {
			return workspace.apiKey;
		},
		get workspaceId() {
			return workspace.id;
		},
		get credentials(): InstantlyCredentials {
			return { apiKey: workspace.apiKey, baseUrl: sim.url };
		},
		/** The workspace's live state. */
		get state() {
			return sim.workspace(workspace.id);
		},
		/** Calls the API with the workspace's key. */
		async api(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>) {
			return await api(method, path, body, extraHeaders);
		},
		/** Requests of this test's workspace made since the last `reset()`. */
		requests() {
			return sim.requests
				.filter((request) => request.workspaceId === workspace.id)
				.map(({ method, path, query, body }) => ({ method, path, query, body }));
		},
		/** Forgets the requests recorded so far (the workspace stays as it is). */
		reset() {
			sim.clearRequests();
		},
		/** Runs the Instantly action node against the workspace. */
		async run(
			parameters: Record<string, Parameter>,
			runOptions: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
		): ReturnType<typeof runNode> {
			// Loaded on first use, so the simulator's own tests use this fixture without loading n8n.
			const [{ runNode: run }, { Instantly }] = await Promise.all([import('./context'), import('../../nodes/Instantly/Instantly.node')]);
			return await run({ nodeType: new Instantly(), credentials: { apiKey: workspace.apiKey, baseUrl: sim.url }, parameters, ...runOptions });
		},
		async campaign(name = 'Seed campaign'): Promise<string> {
			const response = await api('POST', '/api/v2/campaigns', { name, campaign_schedule: SCHEDULE });
			return response.body.id as string;
		},
		async list(name = 'Seed list'): Promise<string> {
			const response = await api('POST', '/api/v2/lead-lists', { name });
			return response.body.id as string;
		},
		async leads(count: number, target: { campaign_id?: string; list_id?: string }, prefix = 'lead') {
			const ids: string[] = [];
			for (let start = 0; start < count; start += 1000) {
				const leads = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
					email: `${prefix}${start + i}@example.com`,
					first_name: `First${start + i}`,
				}));
				const response = await api('POST', '/api/v2/leads/add', { ...target, leads });
				ids.push(...(response.body.created_leads as Array<{ id: string }>).map((lead) => lead.id));
			}
			return ids;
		},
	};
}

export interface ReceivedHook {
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

/** A tiny webhook receiver; `respondWith` decides the status of each delivery. */
export async function startReceiver(respondWith: (hook: ReceivedHook) => number = () => 200) {
	const received: ReceivedHook[] = [];
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const hook = { headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
			received.push(hook);
			response.writeHead(respondWith(hook)).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export const MINIMAL_CAMPAIGN = {
	name: 'Test campaign',
	campaign_schedule: {
		schedules: [
			{
				name: 'Weekdays',
				timing: { from: '09:00', to: '17:00' },
				days: { '0': false, '1': true, '2': true, '3': true, '4': true, '5': true, '6': false },
				timezone: 'America/Chicago',
			},
		],
	},
};
