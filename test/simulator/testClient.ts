import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';

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

/**
 * One simulator for a test file, a fresh workspace under `apiKey` before each test, and after each
 * the check that nothing failed the OpenAPI validation, requests or responses.
 */
export function useSimulatorWorkspace(apiKey: string, options: SimulatorOptions = {}) {
	const env = {} as { simulator: Simulator; api: ReturnType<typeof apiClient> };
	beforeAll(async () => {
		env.simulator = await startSimulator(options);
	});
	afterAll(() => env.simulator.close());
	beforeEach(() => {
		env.simulator.reset();
		env.api = apiClient(env.simulator.url, env.simulator.createWorkspace({ apiKey }).apiKey);
	});
	afterEach(() => {
		expect(env.simulator.invalidRequests).toEqual([]);
		expect(env.simulator.responseViolations).toEqual([]);
	});
	return env;
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
