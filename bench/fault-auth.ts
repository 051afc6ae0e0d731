/*
 * Fault drill: the key is revoked (401), the plan lapses (402) or the key loses its scope (403)
 * in the middle of a run. What does the node say, and what had already been written?
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { LATENCY_MS, errorSummary, rl, runInstantly } from './lib/measure';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase } from './lib/types';

const ADD_N = 10_000;
const ITEM_N = 1_000;

/** A fresh simulator with one workspace holding one campaign, closed once `body` is done. */
async function withCampaign<T>(body: (sim: SimProcess, workspace: { id: string; apiKey: string }, campaignId: string) => Promise<T>): Promise<T> {
	const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
	try {
		const workspace = await sim.call<{ id: string; apiKey: string }>('createWorkspace');
		const campaignId = await sim.call<string>('createCampaign', workspace.apiKey);
		return await body(sim, workspace, campaignId);
	} finally {
		await sim.close();
	}
}

function addManyCase(change: 401 | 402 | 403): BenchCase {
	return {
		id: `add-many-${change}`,
		label: `Add Many 10,000 leads, ${change} from request 5 of 10 on`,
		reps: 1,
		async run() {
			return await withCampaign(async (sim, { id: workspaceId, apiKey }, campaignId) => {
				const items = Array.from({ length: ADD_N }, (_, i) => ({ json: { email: `lead${i}@example.com` } }));
				await sim.call('clearRequests');
				// The 4th call goes through; every call after it meets the change.
				await sim.call('schedule', { type: 'revoke', method: 'POST', path: '/api/v2/leads/add', at: 4, apiKey, change });
				let error: unknown;
				try {
					await runInstantly(sim.url, apiKey, { resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto' }, items);
				} catch (caught) {
					error = caught;
				}
				const stats = await sim.call('stats', workspaceId, { prefix: 'lead', count: ADD_N });
				const written = stats.emails.exactlyOnce + stats.emails.duplicated;
				const text = error ? `${(error as Error).message} ${(error as { description?: string }).description ?? ''}` : '';
				return {
					change,
					outcome: error ? 'node error' : 'completed',
					error: error ? errorSummary(error) : undefined,
					requests: stats.requests,
					statuses: stats.statuses,
					leadsWritten: written,
					errorNamesWrittenCount: new RegExp(`\\b${written.toLocaleString('en-US')}\\b|\\b${written}\\b`).test(text),
					errorPointsAtItem: (error as { context?: { itemIndex?: number } })?.context?.itemIndex,
				};
			});
		},
	};
}

function perItemCase(change: 401 | 402 | 403, continueOnFail: boolean): BenchCase {
	return {
		id: `interest-${change}${continueOnFail ? '-continue' : ''}`,
		label: `Update Interest Status 1,000 items (Parallel Requests 10), ${change} from request 301 on${continueOnFail ? ', Continue On Fail' : ''}`,
		reps: 1,
		async run() {
			return await withCampaign(async (sim, { id: workspaceId, apiKey }, campaignId) => {
				const rows = await sim.call<Array<[string, string]>>('seedLeads', apiKey, ITEM_N, campaignId, 'lead', true);
				const items: INodeExecutionData[] = rows.map(([id, email]) => ({ json: { id, email } }));
				await sim.call('clearRequests');
				await sim.call('schedule', { type: 'revoke', method: 'POST', path: '/api/v2/leads/update-interest-status', at: 300, apiKey, change });
				let error: unknown;
				let output: INodeExecutionData[] = [];
				try {
					output = (await runInstantly(sim.url, apiKey, { resource: 'lead', operation: 'updateInterestStatus', leadEmail: (item: INodeExecutionData) => item.json.email, interestStatus: 1 }, items, continueOnFail)).items;
				} catch (caught) {
					error = caught;
				}
				const stats = await sim.call('stats', workspaceId);
				const written = await sim.call<number>('countLeads', workspaceId, 'lt_interest_status', 1);
				const description = (error as { description?: string })?.description ?? '';
				const reportedDone = /(\d+) other item\(s\) had already been sent successfully/.exec(description)?.[1];
				return {
					change,
					continueOnFail,
					outcome: error ? 'node error' : 'completed',
					error: error ? errorSummary(error) : undefined,
					requests: stats.requests,
					statuses: stats.statuses,
					leadsWritten: written,
					reportedAlreadySent: reportedDone === undefined ? undefined : Number(reportedDone),
					outputItems: output.length,
					okItems: output.filter((item) => item.json.error === undefined).length,
					errorItems: output.filter((item) => item.json.error !== undefined).length,
					errorItemMessages: [...new Set(output.filter((item) => item.json.error !== undefined).map((item) => String(item.json.error)))],
				};
			});
		},
	};
}

const bench: Bench = {
	name: 'fault-auth',
	title: 'Fault drill: 401 / 402 / 403 in the middle of a run',
	cases: [
		addManyCase(401),
		addManyCase(402),
		addManyCase(403),
		perItemCase(401, false),
		perItemCase(402, false),
		perItemCase(403, false),
		perItemCase(403, true),
	],
};
export default bench;
