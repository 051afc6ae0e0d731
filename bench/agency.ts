/*
 * Agency mode: Lead → Update Interest Status over 5 client workspaces × 2,000 items in one
 * execution, one admin key acting in each client with `x-as-workspace`, against the same
 * operation over 2,000 items in one workspace, measured in the same run (same process, same
 * simulator). Each workspace is its own lane of Parallel Requests (10) and its own 92/s pace, so
 * the agency run should reach ~5× the single workspace's throughput with 0 × 429.
 *
 * The single-workspace case has 2,000 items, as many as each client: both runs then take the
 * same time, so the start (first burst, membership lookups) weighs the same in both and the
 * ratio shows only what running the workspaces side by side gives. The 10,000-item single
 * workspace figure (per-item bench) is the same pace over five times as long.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { LATENCY_MS, errorSummary, memorySampler, runInstantly } from './lib/measure';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase } from './lib/types';

const CEILING_PER_WORKSPACE = 100;
const CLIENTS = 5;
const ITEMS_PER_WORKSPACE = 2_000;

interface Phase {
	apiKey: string;
	items: INodeExecutionData[];
	parameters: Record<string, unknown>;
	workspaces: number;
}

/** Runs one execution and reads the simulator's counts for it. */
async function measure(sim: SimProcess, phase: Phase) {
	await sim.call('clearRequests');
	const memory = memorySampler();
	const started = performance.now();
	const { output, error } = await runInstantly(sim.url, phase.apiKey, phase.parameters, phase.items, true).then(
		({ items }) => ({ output: items, error: undefined }),
		(caught: unknown) => ({ output: [] as INodeExecutionData[], error: caught }),
	);
	const wallMs = performance.now() - started;
	const mem = memory.stop();
	const stats = await sim.call('stats', phase.apiKey);
	const statuses = stats.statuses as Record<string, number>;
	const ok = Object.entries(statuses).filter(([status]) => /^2/.test(status)).reduce((sum, [, count]) => sum + count, 0);
	const reqPerSec = ok / (wallMs / 1000);
	return {
		items: phase.items.length,
		workspaces: phase.workspaces,
		wallMs: Math.round(wallMs),
		requests: stats.requests as number,
		reqPerSec: Math.round(reqPerSec * 10) / 10,
		itemsPerSec: Math.round((output.length / (wallMs / 1000)) * 10) / 10,
		ratioToCeiling: Math.round((reqPerSec / (CEILING_PER_WORKSPACE * phase.workspaces)) * 1000) / 1000,
		failedItems: output.filter((item) => item.json.error !== undefined).length + (error ? phase.items.length - output.length : 0),
		outputItems: output.length,
		orderAndPairingKept:
			output.length === phase.items.length &&
			output.every((item, index) => (item.pairedItem as { item: number }).item === index && item.json.lead_email === phase.items[index].json.email),
		simulator429: statuses['429'] ?? 0,
		statuses,
		invalidRequests: stats.invalid as number,
		peakRssMb: mem.peakRssMb,
		error: error ? errorSummary(error) : undefined,
	};
}

const interest = (extra: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'updateInterestStatus',
	leadEmail: (item: INodeExecutionData) => item.json.email,
	interestStatus: 1,
	...extra,
});

const agencyCase: BenchCase = {
	id: `interest-${CLIENTS}x${ITEMS_PER_WORKSPACE}`,
	label: `Update Interest Status, ${CLIENTS} client workspaces × ${ITEMS_PER_WORKSPACE.toLocaleString('en-US')} items in one execution (one admin key) vs 1 workspace × ${ITEMS_PER_WORKSPACE.toLocaleString('en-US')} items, Parallel Requests 10 (default)`,
	reps: 3,
	async run(rep) {
		const sim = await SimProcess.start({ latencyMs: LATENCY_MS, skipEventBookkeeping: true });
		try {
			const single = await sim.call<{ apiKey: string }>('createWorkspace');
			const singleCampaign = await sim.call<string>('createCampaign', single.apiKey);
			const singleRows = await sim.call<Array<[string, string]>>('seedLeads', single.apiKey, ITEMS_PER_WORKSPACE, singleCampaign, 'lead', true);

			const agency = await sim.call<{ admin: { apiKey: string }; clients: Array<{ id: string }> }>('createAgency', CLIENTS);
			const perClient: INodeExecutionData[][] = [];
			for (const [number, client] of agency.clients.entries()) {
				const campaign = await sim.call<string>('createCampaign', client.id);
				const rows = await sim.call<Array<[string, string]>>('seedLeads', client.id, ITEMS_PER_WORKSPACE, campaign, `client${number}-lead`, true);
				perClient.push(rows.map(([, email]) => ({ json: { email, sub_workspace_id: client.id } })));
			}
			// Clients interleaved item by item, so lanes finish out of input order and the output order is put to the test.
			const agencyItems = Array.from({ length: ITEMS_PER_WORKSPACE }, (_, index) => perClient.map((items) => items[index])).flat();

			const phases = {
				single: { apiKey: single.apiKey, workspaces: 1, items: singleRows.map(([, email]) => ({ json: { email } })), parameters: interest() },
				agency: {
					apiKey: agency.admin.apiKey,
					workspaces: CLIENTS,
					items: agencyItems,
					parameters: interest({
						workspace: 'client',
						clientWorkspace: { __rl: true, mode: 'id', value: (item: INodeExecutionData) => item.json.sub_workspace_id },
					}),
				},
			};
			// Alternate which goes first, so a change in the machine's load during a run falls on both alike.
			const order = rep % 2 === 1 ? (['single', 'agency'] as const) : (['agency', 'single'] as const);
			const measured: Partial<Record<keyof typeof phases, Awaited<ReturnType<typeof measure>>>> = {};
			for (const name of order) measured[name] = await measure(sim, phases[name]);
			const { single: one, agency: many } = measured as Required<typeof measured>;
			return {
				firstMeasured: order[0],
				singleReqPerSec: one.reqPerSec,
				agencyReqPerSec: many.reqPerSec,
				throughputRatio: Math.round((many.reqPerSec / one.reqPerSec) * 100) / 100,
				singleWallMs: one.wallMs,
				agencyWallMs: many.wallMs,
				singleRatioToCeiling: one.ratioToCeiling,
				agencyRatioToCeiling: many.ratioToCeiling,
				single429: one.simulator429,
				agency429: many.simulator429,
				singleFailedItems: one.failedItems,
				agencyFailedItems: many.failedItems,
				singleOrderAndPairingKept: one.orderAndPairingKept,
				agencyOrderAndPairingKept: many.orderAndPairingKept,
				single: one,
				agency: many,
			};
		} finally {
			await sim.close();
		}
	},
};

const bench: Bench = {
	name: 'agency',
	title: 'Agency: per-item operations over client workspaces (one admin key, lanes per workspace)',
	cases: [agencyCase],
};
export default bench;
