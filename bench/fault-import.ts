/*
 * Fault drill: a 10,000-lead Add Many with failing requests (429, 500, 503, dropped connections,
 * and requests applied whose answer is then lost). Counts what the node does, what is in the
 * workspace, and what the documented recovery (the same import again with Skip If In Workspace)
 * leaves: every lead exactly once?
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { LATENCY_MS, errorSummary, rl, runInstantly } from './lib/measure';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase, Metrics } from './lib/types';

const N = 10_000;
const PATH = '/api/v2/leads/add';
const MAX_RERUNS = 10;

type FaultKind = { kind: 'status' | 'drop' | 'applyThenDrop' | 'applyThenStatus'; status?: number; retryAfter?: number };

const KINDS: Record<string, FaultKind> = {
	'429': { kind: 'status', status: 429, retryAfter: 1 },
	'500': { kind: 'status', status: 500 },
	'503': { kind: 'status', status: 503 },
	drop: { kind: 'drop' },
	applyThenDrop: { kind: 'applyThenDrop' },
	applyThen500: { kind: 'applyThenStatus', status: 500 },
};

async function importRun(sim: SimProcess, apiKey: string, campaignId: string, items: INodeExecutionData[], options: Record<string, unknown>, continueOnFail: boolean) {
	const started = performance.now();
	try {
		const { items: output } = await runInstantly(sim.url, apiKey, { resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto', options }, items, continueOnFail);
		const count = (status: string) => output.filter((item) => item.json.status === status).length;
		return {
			outcome: 'completed',
			wallMs: Math.round(performance.now() - started),
			created: count('created'),
			notCreated: count('not_created'),
			errorItems: output.filter((item) => item.json.error !== undefined).length,
			notCreatedReasons: [...new Set(output.filter((item) => item.json.status === 'not_created').map((item) => item.json.reason))],
			errorMessages: [...new Set(output.filter((item) => item.json.error !== undefined).map((item) => String(item.json.error)))],
		};
	} catch (error) {
		return { outcome: 'node error', wallMs: Math.round(performance.now() - started), error: errorSummary(error) };
	}
}

async function drill(schedule: Record<string, unknown>, continueOnFail: boolean, rerunOptions: Record<string, unknown> = { skipIfInWorkspace: true }): Promise<Metrics> {
	const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
	try {
		const { apiKey } = await sim.call('createWorkspace');
		const campaignId = await sim.call<string>('createCampaign', apiKey);
		const items = Array.from({ length: N }, (_, i) => ({ json: { email: `lead${i}@example.com`, first_name: `First${i}` } }));
		await sim.call('clearRequests');
		await sim.call('schedule', { method: 'POST', path: PATH, ...schedule });
		const first = await importRun(sim, apiKey, campaignId, items, {}, continueOnFail);
		const afterFirst = await sim.call('stats', apiKey, { prefix: 'lead', count: N });
		const reruns: Array<Record<string, unknown>> = [];
		let complete = first.outcome === 'completed' && afterFirst.emails.missing === 0;
		while (!complete && reruns.length < MAX_RERUNS) {
			const rerun = await importRun(sim, apiKey, campaignId, items, rerunOptions, continueOnFail);
			const after = await sim.call('stats', apiKey, { prefix: 'lead', count: N });
			reruns.push({ ...rerun, leadsAfter: after.emails });
			complete = rerun.outcome === 'completed' && after.emails.missing === 0 && (rerun as { errorItems?: number }).errorItems === 0;
		}
		const final = await sim.call('stats', apiKey, { prefix: 'lead', count: N });
		return {
			n: N,
			continueOnFail,
			requests: final.requests,
			faultsInjected: final.injected,
			faultsInjectedTotal: Object.values(final.injected as Record<string, number>).reduce((a, b) => a + b, 0),
			statuses: final.statuses,
			firstRun: { ...first, leadsAfter: afterFirst.emails, leadsWrittenButReportedFailed: undefined },
			firstRunLeadsWritten: afterFirst.emails.exactlyOnce + afterFirst.emails.duplicated,
			reruns,
			rerunsNeeded: reruns.length,
			final: final.emails,
			exactlyOnce: final.emails.exactlyOnce === N && final.emails.duplicated === 0,
			outcome: final.emails.exactlyOnce === N && final.emails.duplicated === 0 ? 'every lead exactly once' : `missing ${final.emails.missing}, duplicated ${final.emails.duplicated}`,
			invalidRequests: final.invalid,
		};
	} finally {
		await sim.close();
	}
}

const single = (label: string, kind: FaultKind): BenchCase => ({
	id: `one-${label}`,
	label: `10,000 leads, request 4 of 10 (10%) answers ${label}`,
	reps: 1,
	run: () => drill({ type: 'at', at: [4], fault: kind }, false),
});

const bench: Bench = {
	name: 'fault-import',
	title: 'Fault drill: 10,000-lead import with failing requests',
	cases: [
		...Object.entries(KINDS).map(([label, kind]) => single(label, kind)),
		{
			id: 'applyThenDrop-rerun-without-skip',
			label: '10,000 leads, request 4 applied then connection lost; re-run WITHOUT skip flags',
			reps: 1,
			run: () => drill({ type: 'at', at: [4], fault: KINDS.applyThenDrop }, false, {}),
		},
		{
			id: 'mixed-10pct',
			label: '10,000 leads, 10% of all requests fail at random (all six kinds), Continue On Fail; re-run with Skip If In Workspace',
			reps: 5,
			run: (rep) => drill({ type: 'random', rate: 0.1, seed: rep, faults: Object.values(KINDS) }, true),
		},
	],
};
export default bench;
