import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { runNode } from '../../../harness/context';
import { useSimulator } from '../../../harness/simulator';
import { apiClient } from '../../../simulator/testClient';

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
 * One simulator per test file, a fresh workspace per test, and after every test the check that
 * the simulator's OpenAPI validation rejected nothing.
 */
export function useInstantly() {
	const env = useSimulator();
	const t = {} as {
		apiKey: string;
		workspaceId: string;
		api: ReturnType<typeof apiClient>;
	};
	beforeEach(() => {
		const workspace = env.sim.createWorkspace();
		t.apiKey = workspace.apiKey;
		t.workspaceId = workspace.id;
		t.api = apiClient(env.sim.url, workspace.apiKey);
	});
	afterEach(() => {
		expect(env.sim.invalidRequests).toEqual([]);
	});

	const helpers = {
		get sim() {
			return env.sim;
		},
		get clock() {
			return env.clock;
		},
		get state() {
			return env.sim.workspace(t.apiKey);
		},
		/** Requests of this test's workspace made after the last `reset()`. */
		requests() {
			return env.sim.requests
				.filter((request) => request.workspaceId === t.workspaceId)
				.map(({ method, path, query, body }) => ({ method, path, query, body }));
		},
		async api(method: string, path: string, body?: unknown) {
			return await t.api(method, path, body);
		},
		reset() {
			env.sim.clearRequests();
		},
		async run(
			parameters: Record<string, Parameter>,
			options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
		) {
			return await runNode({
				nodeType: new Instantly(),
				credentials: { apiKey: t.apiKey, baseUrl: env.sim.url },
				parameters,
				...options,
			});
		},
		async campaign(name = 'Seed campaign'): Promise<string> {
			const response = await t.api('POST', '/api/v2/campaigns', { name, campaign_schedule: SCHEDULE });
			return response.body.id as string;
		},
		async list(name = 'Seed list'): Promise<string> {
			const response = await t.api('POST', '/api/v2/lead-lists', { name });
			return response.body.id as string;
		},
		async leads(count: number, target: { campaign_id?: string; list_id?: string }, prefix = 'lead') {
			const ids: string[] = [];
			for (let start = 0; start < count; start += 1000) {
				const leads = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
					email: `${prefix}${start + i}@example.com`,
					first_name: `First${start + i}`,
				}));
				const response = await t.api('POST', '/api/v2/leads/add', { ...target, leads });
				ids.push(...(response.body.created_leads as Array<{ id: string }>).map((lead) => lead.id));
			}
			return ids;
		},
	};
	return helpers;
}

/** A parameter value, or a function of the item standing in for an expression. */
export type Parameter =
	| string
	| number
	| boolean
	| null
	| object
	| ((item: INodeExecutionData, itemIndex: number) => unknown);

export const rl = (value: string, mode: 'list' | 'id' | 'url' = 'id') => ({ __rl: true, mode, value });

/** n8n items from plain JSON objects. */
export const itemsOf = (...json: IDataObject[]): INodeExecutionData[] => json.map((j) => ({ json: j }));
