/**
 * What queue mode adds: production webhooks reach the webhook process only, the duplicate-delivery
 * filter holds there, the worker runs every execution, and every process stops.
 */
import { readFileSync } from 'node:fs';

import { assert, type Checks } from '../lib/checks';
import type { QueueHost } from '../lib/host';
import { setParameter, triggerUrl } from '../lib/instantly';
import type { N8nHandle } from '../lib/n8n';
import { delay, processGroupAlive } from '../lib/processes';
import type { N8nExecutionSummary } from '../lib/rest';
import { postJson } from '../lib/webhook';
import { executionsWithLead, IDS, log, waitFor, waitForExecutionWith, type Context, type ScenarioWorkflows } from './context';
import { signedHeaders } from './secrets';

/** The bounce trigger with a duplicate window, so the duplicate filter can be proven in the webhook process. */
export function withDuplicateWindow(workflows: ScenarioWorkflows): ScenarioWorkflows {
	setParameter(workflows.bounce, 'Instantly Trigger', 'options.duplicateWindowMinutes', 10);
	return workflows;
}

export async function webhookProcessOnlyStep(ctx: Context<QueueHost>, checks: Checks): Promise<void> {
	await checks.run('queue: production webhooks are served by the webhook process only (main answers 404)', async () =>
		await webhookProcessOnlyCheck(ctx),
	);
}

export async function duplicateFilterStep(ctx: Context<QueueHost>, checks: Checks): Promise<void> {
	await checks.run('queue: duplicate-delivery filter runs in the webhook process (same delivery twice → one execution)', async () =>
		await duplicateFilterCheck(ctx),
	);
}

export async function workerRanEverythingStep(ctx: Context<QueueHost>, checks: Checks): Promise<void> {
	await checks.run('queue: every execution was enqueued by the webhook process and run by the worker', async () =>
		await workerRanEverythingCheck(ctx),
	);
}

/** After the host and the simulator were stopped: no process group of the run is left, the simulator refuses connections. */
export async function everythingStoppedStep(ctx: Context<QueueHost>, checks: Checks): Promise<void> {
	const children = ctx.host.children();
	await checks.run('queue: redis, main, webhook process, worker and simulator all stopped', async () => {
		await waitFor('every process group gone', async () => children.every((child) => !processGroupAlive(child)), 10_000).catch(() => {
			const alive = children.filter(processGroupAlive).map((child) => `${child.spawnfile} (pid ${child.pid})`);
			throw new Error(`still running: ${alive.join(', ')}`);
		});
		const answer = await fetch(`${ctx.simulator.url}/__simulator/requests`).then((response) => response.status, () => 'refused');
		assert(answer === 'refused', `the simulator still answers (${answer})`);
	});
}

/** Main has production webhooks off, so Instantly's deliveries can only reach the webhook process. */
async function webhookProcessOnlyCheck(ctx: Context<QueueHost>): Promise<void> {
	const payload = { event_type: 'reply_received', lead_email: 'probe@example.com' };
	const onMain = await postJson(triggerUrl(ctx.host.main.baseUrl, ctx.workflows.reply), payload);
	assert(onMain.status === 404, `main answered ${onMain.status} for a production webhook: ${onMain.body.slice(0, 300)}`);
	// Known to the webhook process: the trigger itself answers (401 without the secret), not n8n's 404.
	const onWebhook = await postJson(triggerUrl(ctx.host.webhookBase, ctx.workflows.reply), payload);
	assert(onWebhook.status === 401, `the webhook process answered ${onWebhook.status}: ${onWebhook.body.slice(0, 300)}`);
}

/**
 * The bounce trigger drops duplicates within 10 minutes. The same signed delivery is
 * posted twice to the webhook process: the first starts one execution (on the worker), the second
 * is answered `ignored: duplicate delivery` by the webhook process and starts none. The filter
 * is in memory, so it holds per webhook process (two webhook processes would each let one through).
 */
async function duplicateFilterCheck(ctx: Context<QueueHost>): Promise<void> {
	const url = triggerUrl(ctx.host.webhookBase, ctx.workflows.bounce);
	const headers = await signedHeaders(ctx, ctx.workflows.bounce);
	const email = `duplicate.${Date.now()}@example.com`;
	const payload = { event_type: 'email_bounced', lead_email: email, timestamp: new Date().toISOString(), step: 1, variant: 1 };
	const first = await postJson(url, payload, headers);
	const second = await postJson(url, payload, headers);
	assert(first.status === 200 && !first.body.includes('duplicate'), `first delivery → ${first.status} ${first.body.slice(0, 300)}`);
	assert(second.status === 200 && second.body.includes('duplicate delivery'), `second delivery → ${second.status} ${second.body.slice(0, 300)}`);
	await waitForExecutionWith(ctx, IDS.bounce, 'Instantly Trigger', (json) => json.lead_email === email);
	await delay(2_000);
	const runs = await executionsWithLead(ctx, IDS.bounce, email);
	assert(runs.length === 1, `${runs.length} executions for the delivery sent twice: ${runs.join(', ')}`);
}

/**
 * Every execution of the run (trigger deliveries, chained lead_interested deliveries,
 * the action and daily-import webhooks) is in the worker's log as started and finished; those
 * started by a webhook were enqueued by the webhook process, and main enqueued none of them.
 */
async function workerRanEverythingCheck(ctx: Context<QueueHost>): Promise<void> {
	const { host } = ctx;
	const page = await ctx.host.rest.request<{ results: N8nExecutionSummary[] }>('GET', '/rest/executions?limit=100');
	const executions = page.results;
	const matched = [...ctx.seen.entries()].filter(([key]) => key !== 'leads').flatMap(([, ids]) => [...ids]);
	assert(matched.length >= 8, `only ${matched.length} executions were matched by the event checks`);
	const listed = new Set(executions.map((execution) => execution.id));
	const unlisted = matched.filter((id) => !listed.has(id));
	assert(unlisted.length === 0, `matched executions missing from the list: ${unlisted.join(', ')}`);
	const byWorkflow = (id: string) => executions.filter((execution) => execution.workflowId === id).length;
	const fromWebhooks = executions.filter((execution) => execution.mode === 'webhook').length;
	assert(fromWebhooks >= matched.length + 2, `${fromWebhooks} webhook-mode executions for ${matched.length} matched + 2 action runs`);
	assert(byWorkflow(IDS.actions) >= 1 && byWorkflow(IDS.dailyHook) >= 1, 'the action or daily-import executions are missing');
	const problems: string[] = [];
	await waitFor(
		'the worker log to show every execution finished',
		async () => {
			const read = (handle: N8nHandle) => readFileSync(handle.logFile, 'utf8');
			const [worker, webhook, main] = [read(host.worker), read(host.webhook), read(host.main)];
			problems.length = 0;
			for (const execution of executions) {
				const id = execution.id;
				if (execution.status !== 'success') problems.push(`${id} (${execution.workflowId}) is ${execution.status}`);
				if (!new RegExp(`Worker started execution ${id} \\(job`).test(worker)) problems.push(`worker log lacks "started execution ${id}"`);
				if (!new RegExp(`Worker finished execution ${id} \\(job`).test(worker)) problems.push(`worker log lacks "finished execution ${id}"`);
				const enqueuedHere = new RegExp(`Enqueued execution ${id} \\(job`);
				if (execution.mode === 'webhook' && !enqueuedHere.test(webhook)) problems.push(`webhook log lacks "Enqueued execution ${id}"`);
				if (execution.mode === 'webhook' && enqueuedHere.test(main)) problems.push(`main enqueued ${id}`);
			}
			for (const [name, text] of [['main', main], ['webhook', webhook]] as const) {
				if (/Worker (started|finished) execution/.test(text)) problems.push(`the ${name} log shows a worker execution`);
			}
			return problems.length === 0;
		},
		15_000,
	).catch(() => {
		throw new Error(`${problems.length} problems over ${executions.length} executions: ${problems.slice(0, 12).join('; ')}`);
	});
	log(ctx.label, `${executions.length} executions (${matched.length} matched by the checks) enqueued by the webhook process and run by the worker`);
}

