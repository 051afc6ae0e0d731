/* Lead → Get Many, Return All over N leads: wall time against N/100 sequential cursor round trips, and memory. */
import { LATENCY_MS, memorySampler, runInstantly, timeAgainstBound } from './lib/measure';
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

const bench: Bench = { name: 'get-many', title: 'Get Many, Return All (Lead → Get Many)', cases: [getManyCase(100_000)] };
export default bench;
