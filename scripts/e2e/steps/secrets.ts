/**
 * The per-activation webhook secret: deliveries without it or with a wrong one are refused, and
 * no secret is left in what n8n stores with executions or writes to its logs.
 */
import { existsSync, readFileSync } from 'node:fs';

import { assert, type Checks } from '../lib/checks';
import { SECRET_HEADER, triggerUrl, type WorkflowFile } from '../lib/instantly';
import { delay } from '../lib/processes';
import { postJson } from '../lib/webhook';
import { IDS, triggerWorkflows, type Context } from './context';

export async function secretSteps(ctx: Context, checks: Checks): Promise<void> {
	await checks.run('forged deliveries (no secret, wrong secret) → 401 and no execution', async () => await forgedChecks(ctx));
	await checks.run('secrets: in no stored execution (data, workflow, static data) nor in n8n\'s log', async () => await secretsKeptCheck(ctx));
}

/** The secret header Instantly would send to a trigger workflow's URL, read from its registered webhook. */
export async function signedHeaders(ctx: Context, workflow: WorkflowFile): Promise<Record<string, string>> {
	const url = triggerUrl(ctx.host.webhookBase, workflow);
	const hook = (await ctx.control.state(ctx.workspaceId)).webhooks.find((candidate) => candidate.target_hook_url === url);
	const secret = hook?.headers?.[SECRET_HEADER];
	assert(secret, `no registered webhook with a secret for ${url}`);
	return { [SECRET_HEADER]: secret };
}

async function forgedChecks(ctx: Context): Promise<void> {
	const url = triggerUrl(ctx.host.webhookBase, ctx.workflows.reply);
	const before = (await ctx.host.rest.listExecutions(IDS.reply)).length;
	const payload = { event_type: 'reply_received', lead_email: 'forged@example.com', timestamp: new Date().toISOString() };
	const none = await postJson(url, payload);
	const wrong = await postJson(url, payload, { [SECRET_HEADER]: 'not-the-secret' });
	assert(none.status === 401, `no secret → ${none.status} ${none.body}`);
	assert(wrong.status === 401, `wrong secret → ${wrong.status} ${wrong.body}`);
	await delay(2_000);
	const after = (await ctx.host.rest.listExecutions(IDS.reply)).length;
	assert(after === before, `executions ${before} → ${after}`);
}

/** No trigger's secret in what n8n stores with executions (1.x saves static data with each) or logs. */
async function secretsKeptCheck(ctx: Context): Promise<void> {
	const secrets = (await ctx.control.state(ctx.workspaceId)).webhooks
		.map((hook) => hook.headers?.[SECRET_HEADER])
		.filter((secret): secret is string => typeof secret === 'string');
	assert(secrets.length > 0, 'no registered secrets to look for');
	let checked = 0;
	for (const workflow of triggerWorkflows(ctx)) {
		for (const { id } of await ctx.host.rest.listExecutions(workflow.id)) {
			const stored = await ctx.host.rest.request('GET', `/rest/executions/${encodeURIComponent(id)}`);
			const text = JSON.stringify(stored);
			assert(!secrets.some((secret) => text.includes(secret)), `execution ${id} of ${workflow.id} contains a webhook secret`);
			checked++;
		}
	}
	assert(checked > 0, 'no trigger executions to check');
	const logFiles = [...new Set(ctx.host.processes().map((instance) => instance.logFile))].filter((file) => existsSync(file));
	const logs = logFiles.map((file) => readFileSync(file, 'utf8'));
	assert(!secrets.some((secret) => logs.some((log) => log.includes(secret))), 'a webhook secret is in an n8n log');
}
