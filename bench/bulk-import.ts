/* Bulk import: Lead → Add Many of N leads at 80 ms round trip, against ceil(N/1000) requests. */
import { LATENCY_MS, memorySampler, rl, runInstantly, timeAgainstBound } from './lib/measure';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase } from './lib/types';

function bulkCase(n: number): BenchCase {
	return {
		id: `add-many-${n}`,
		label: `Add Many, ${n.toLocaleString('en-US')} leads`,
		async run() {
			const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
			try {
				const { apiKey } = await sim.call('createWorkspace');
				const campaignId = await sim.call<string>('createCampaign', apiKey);
				const items = Array.from({ length: n }, (_, i) => ({ json: { email: `lead${i}@example.com`, first_name: `First${i}`, company: 'Acme' } }));
				await sim.call('clearRequests');
				const memory = memorySampler();
				const started = performance.now();
				const { items: output } = await runInstantly(sim.url, apiKey, { resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto' }, items);
				const wallMs = performance.now() - started;
				const mem = memory.stop();
				const stats = await sim.call('stats', apiKey, { prefix: 'lead', count: n });
				const created = output.filter((item) => item.json.status === 'created').length;
				const boundRequests = Math.ceil(n / 1000);
				const boundMs = boundRequests * LATENCY_MS;
				return {
					n,
					requests: stats.requests,
					boundRequests,
					requestRatio: stats.requests / boundRequests,
					...timeAgainstBound(wallMs, boundMs, stats),
					created,
					outputItems: output.length,
					exactlyOnce: stats.emails.exactlyOnce,
					statuses: stats.statuses,
					invalidRequests: stats.invalid,
					...mem,
				};
			} finally {
				await sim.close();
			}
		},
	};
}

const bench: Bench = { name: 'bulk-import', title: 'Bulk import (Lead → Add Many)', cases: [bulkCase(10_000), bulkCase(100_000)] };
export default bench;
