/*
 * Per-item operations (Lead → Update Interest Status, Lead → Delete) over N items at 80 ms: requests
 * per second against Instantly's 100/s per workspace, with the default Parallel Requests and with 1.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { LATENCY_MS, errorSummary, memorySampler, runInstantly } from './lib/measure';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase } from './lib/types';

const CEILING = 100;

function perItemCase(operation: 'updateInterestStatus' | 'deleteLead', n: number, parallel: number | 'default', fullSimulator = false): BenchCase {
	const name = operation === 'updateInterestStatus' ? 'interest' : 'delete';
	return {
		id: `${name}-p${parallel === 'default' ? 'default' : parallel}-${n}${fullSimulator ? '-full-simulator' : ''}`,
		label: `${operation === 'updateInterestStatus' ? 'Update Interest Status' : 'Delete'}, ${n.toLocaleString('en-US')} items, Parallel Requests ${parallel === 'default' ? '10 (default)' : parallel}${fullSimulator ? ", simulator's event bookkeeping on" : ''}`,
		reps: fullSimulator ? 1 : 3,
		async run() {
			const sim = await SimProcess.start({ latencyMs: LATENCY_MS, skipEventBookkeeping: !fullSimulator });
			try {
				const { apiKey } = await sim.call('createWorkspace');
				const campaignId = await sim.call<string>('createCampaign', apiKey);
				const rows = await sim.call<Array<[string, string]>>('seedLeads', apiKey, n, campaignId, 'lead', true);
				const items: INodeExecutionData[] = rows.map(([id, email]) => ({ json: { id, email } }));
				const parameters: Record<string, unknown> =
					operation === 'updateInterestStatus'
						? { resource: 'lead', operation, leadEmail: (item: INodeExecutionData) => item.json.email, interestStatus: 1 }
						: { resource: 'lead', operation, leadId: (item: INodeExecutionData) => item.json.id };
				if (parallel !== 'default') parameters.parallelRequests = parallel;
				await sim.call('clearRequests');
				const memory = memorySampler();
				const started = performance.now();
				let output: INodeExecutionData[] = [];
				let error: unknown;
				try {
					output = (await runInstantly(sim.url, apiKey, parameters, items, true)).items;
				} catch (caught) {
					error = caught;
				}
				const wallMs = performance.now() - started;
				const mem = memory.stop();
				const stats = await sim.call('stats', apiKey);
				const ok = Object.entries(stats.statuses as Record<string, number>).filter(([status]) => /^2/.test(status)).reduce((sum, [, count]) => sum + count, 0);
				const failedItems = output.filter((item) => item.json.error !== undefined).length + (error ? n - output.length : 0);
				const inOrder = output.every((item, index) => {
					const paired = (item.pairedItem as { item: number }).item === index;
					return paired && (operation === 'updateInterestStatus' ? item.json.lead_email === items[index].json.email : item.json.id === items[index].json.id);
				});
				const reqPerSec = ok / (wallMs / 1000);
				return {
					n,
					parallelRequests: parallel === 'default' ? 10 : parallel,
					wallMs: Math.round(wallMs),
					requests: stats.requests,
					successfulRequests: ok,
					reqPerSec: Math.round(reqPerSec * 10) / 10,
					ceiling: CEILING,
					ratio: Math.round((reqPerSec / CEILING) * 1000) / 1000,
					failedItems,
					outputItems: output.length,
					orderAndPairingKept: inOrder,
					simulator429: stats.statuses['429'] ?? 0,
					statuses: stats.statuses,
					invalidRequests: stats.invalid,
					meanServerMs: Math.round((stats.simulatorServerMs / stats.requests) * 10) / 10,
					simulatorHandlerMs: stats.simulatorHandlerMs,
					leadsLeft: stats.leadsInWorkspace,
					error: error ? errorSummary(error) : undefined,
					...mem,
				};
			} finally {
				await sim.close();
			}
		},
	};
}

const bench: Bench = {
	name: 'per-item',
	title: 'Per-item operations (Parallel Requests + workspace pace)',
	cases: [
		perItemCase('updateInterestStatus', 10_000, 'default'),
		perItemCase('deleteLead', 10_000, 'default'),
		perItemCase('updateInterestStatus', 500, 1),
		perItemCase('deleteLead', 500, 1),
		perItemCase('updateInterestStatus', 10_000, 'default', true),
	],
};
export default bench;
