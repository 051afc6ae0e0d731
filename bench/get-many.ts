/*
 * Lead → Get Many, Return All over N leads: wall time against N/100 sequential cursor round trips,
 * and memory: of the node alone (through the test harness), and of a real n8n 2.41.1 server process
 * running the node in a workflow.
 */
import type { WorkflowFile } from '../scripts/e2e/lib/instantly';
import { N8N_VERSIONS } from '../scripts/e2e/lib/n8n';
import { stopAllProcesses } from '../scripts/e2e/lib/processes';
import { LATENCY_MS, memorySampler, runInstantly, timeAgainstBound } from './lib/measure';
import { BENCH_CREDENTIAL, sleep, startBenchN8n, type BenchN8n } from './lib/n8nHost';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase } from './lib/types';

function getManyCase(n: number): BenchCase {
	return {
		id: `get-many-${n}`,
		label: `Get Many (Return All), ${n.toLocaleString('en-US')} leads`,
		async run() {
			const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
			try {
				const { apiKey } = await sim.call('createWorkspace');
				const campaignId = await sim.call<string>('createCampaign', apiKey);
				await sim.call('seedLeads', apiKey, n, campaignId);
				await sim.call('clearRequests');
				(globalThis as { gc?: () => void }).gc?.();
				const memory = memorySampler();
				const started = performance.now();
				const { items } = await runInstantly(sim.url, apiKey, { resource: 'lead', operation: 'getAll', returnAll: true, filters: {} }, [{ json: {} }]);
				const wallMs = performance.now() - started;
				const mem = memory.stop();
				const stats = await sim.call('stats', apiKey);
				const unique = new Set(items.map((item) => item.json.id)).size;
				const boundRequests = n / 100;
				const boundMs = boundRequests * LATENCY_MS;
				return {
					n,
					outputItems: items.length,
					uniqueIds: unique,
					requests: stats.requests,
					boundRequests,
					...timeAgainstBound(wallMs, boundMs, stats),
					statuses: stats.statuses,
					invalidRequests: stats.invalid,
					...mem,
					heapGrowthMb: Math.round((mem.peakHeapMb - mem.baselineHeapMb) * 10) / 10,
					rssGrowthMb: Math.round((mem.peakRssMb - mem.baselineRssMb) * 10) / 10,
				};
			} finally {
				await sim.close();
			}
		},
	};
}

const PORT = Number(process.env.BENCH_N8N_PORT ?? 5791);
const N8N_API_KEY = 'bench-get-many-key';

const getAllWorkflow: WorkflowFile = {
	id: 'benchGetAllLeads',
	name: 'Bench Get Many Return All',
	active: false,
	nodes: [
		{ id: 'gm-hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '5c1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e777', parameters: { httpMethod: 'POST', path: 'bench-get-many', responseMode: 'lastNode', responseData: 'noData', options: {} } },
		{ id: 'gm-leads', name: 'Get Leads', type: 'n8n-nodes-instantly-ai.instantly', typeVersion: 1, position: [240, 0], parameters: { resource: 'lead', operation: 'getAll', returnAll: true, filters: {} }, credentials: { instantlyAiApi: BENCH_CREDENTIAL } },
	],
	connections: { Webhook: { main: [[{ node: 'Get Leads', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

/**
 * The same Get Many inside an n8n server, started by a webhook that answers when the workflow ends.
 * By default n8n saves a successful execution's data; the second case turns that off to show how
 * much of the server's peak is the saving rather than the items themselves.
 */
function getManyInN8nCase(n: number, saveExecutionData: boolean): BenchCase {
	return {
		id: `get-many-${n}-n8n${saveExecutionData ? '' : '-no-save'}`,
		label: `Get Many (Return All), ${n.toLocaleString('en-US')} leads, in n8n ${N8N_VERSIONS.current}${saveExecutionData ? '' : ' with EXECUTIONS_DATA_SAVE_ON_SUCCESS=none'}`,
		async run() {
			const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
			let host: BenchN8n | undefined;
			try {
				await sim.call('createWorkspace', { apiKey: N8N_API_KEY });
				const campaignId = await sim.call<string>('createCampaign', N8N_API_KEY);
				await sim.call('seedLeads', N8N_API_KEY, n, campaignId);
				host = await startBenchN8n({ version: N8N_VERSIONS.current, name: 'get-many', port: PORT, apiKey: N8N_API_KEY, simulatorUrl: sim.url, workflows: [getAllWorkflow], extraEnv: saveExecutionData ? {} : { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' } });
				const { n8n, rest } = host;
				await rest.activateWorkflow(getAllWorkflow.id);
				const url = n8n.webhookUrl('bench-get-many');
				// Activation returns once the webhook is registered; the pause lets n8n's start-up work settle before the baseline.
				await sleep(5000);
				await sim.call('clearRequests');
				const before = host.memoryMb();
				const started = performance.now();
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
				if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
				const wallMs = performance.now() - started;
				const stats = await sim.call('stats', N8N_API_KEY);
				const boundMs = (n / 100) * LATENCY_MS;
				let saved: Record<string, unknown> = {};
				let after: ReturnType<BenchN8n['memoryMb']>;
				if (saveExecutionData) {
					const [execution] = await rest.waitForExecutions(getAllWorkflow.id, 1, 5 * 60_000);
					// Listed as finished once its data is stored: the run's peak, before reading it back costs more.
					after = host.memoryMb();
					const full = await rest.getExecution(execution.id);
					const items = full.data.resultData.runData['Get Leads']?.[0]?.data?.main?.[0] ?? [];
					saved = {
						status: execution.status,
						outputItems: items.length,
						uniqueIds: new Set(items.map((item) => item.json.id)).size,
						executionMs: new Date(execution.stoppedAt ?? execution.startedAt).getTime() - new Date(execution.startedAt).getTime(),
						n8nPeakRssAfterReadingExecutionMb: host.memoryMb().peakRssMb,
					};
				} else {
					await sleep(5000);
					after = host.memoryMb();
				}
				return {
					n,
					n8nVersion: N8N_VERSIONS.current,
					...saved,
					requests: stats.requests,
					boundRequests: n / 100,
					...timeAgainstBound(wallMs, boundMs, stats),
					statuses: stats.statuses,
					invalidRequests: stats.invalid,
					n8nBaselineRssMb: before.rssMb,
					n8nPeakRssBeforeMb: before.peakRssMb,
					n8nPeakRssMb: after.peakRssMb,
					n8nRssAfterMb: after.rssMb,
					n8nRssGrowthMb: after.peakRssMb - before.rssMb,
				};
			} finally {
				await host?.stop();
				await sim.close();
				await stopAllProcesses();
			}
		},
	};
}

const bench: Bench = { name: 'get-many', title: 'Get Many, Return All (Lead → Get Many)', cases: [getManyCase(100_000), getManyInN8nCase(100_000, true), getManyInN8nCase(100_000, false)] };
export default bench;
