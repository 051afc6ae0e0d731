/**
 * Signed deliveries posted straight to the campaign-filtered trigger, in every body shape n8n may
 * hand a webhook, and a real-shaped reply without `email_id` to the reply example.
 */
import { assert, type Checks } from '../lib/checks';
import { triggerUrl } from '../lib/instantly';
import { postJson, postRaw } from '../lib/webhook';
import { executionsWithLead, IDS, log, output, unusedCampaignLead, WEBHOOK_PATHS, waitForExecutionWith, type Context } from './context';
import { signedHeaders } from './secrets';

/** A reply_received body with the fields Instantly sends, without `email_id` as older deliveries (docs/decisions.md). */
function realShapedReply(ctx: Context, campaign: { id: string; name: string }, leadEmail: string): Record<string, unknown> {
	return {
		timestamp: new Date().toISOString(),
		event_type: 'reply_received',
		workspace: ctx.workspaceId,
		campaign_id: campaign.id,
		campaign_name: campaign.name,
		email_account: 'alex@getacme-mail.com',
		unibox_url: `https://app.instantly.ai/app/unibox?thread_search=thread:e2e&selected_wks=${ctx.workspaceId}`,
		lead_email: leadEmail,
		email: leadEmail,
		firstName: 'Dana',
		companyName: 'Prospect Inc',
		step: 1,
		variant: 1,
		is_first: true,
		reply_subject: 'Re: quick question',
		reply_text_snippet: 'Sounds good, let us talk',
		reply_text: 'Sounds good, let us talk\n\nOn Monday you wrote: …',
		reply_html: '<div>Sounds good, let us talk</div>',
	};
}

/**
 * Correctly signed deliveries to a trigger filtered on the first demo campaign: the JSON object
 * as application/json (the control), as text/plain, with no Content-Type and as a JSON string,
 * each must start exactly one execution; one for the second campaign must be answered 200 and
 * start none; a real-shaped reply_received without email_id must run the reply example through.
 * For each body shape n8n's own Webhook node gets the same POST, so the log shows what n8n parsed
 * the body into (what our webhook() gets from getBodyData()).
 */
export async function deliveryChecks(ctx: Context, checks: Checks): Promise<void> {
	const workflow = ctx.workflows.deliveries;
	const url = triggerUrl(ctx.host.webhookBase, workflow);
	const state = await ctx.control.state(ctx.workspaceId);
	const [filtered, other] = state.campaigns;
	const stamp = Date.now();
	const shapes: Array<[label: string, contentType: string | undefined, encode: (payload: unknown) => string]> = [
		['application/json (control)', 'application/json', (payload) => JSON.stringify(payload)],
		['text/plain', 'text/plain', (payload) => JSON.stringify(payload)],
		['no Content-Type', undefined, (payload) => JSON.stringify(payload)],
		['a JSON string (application/json)', 'application/json', (payload) => JSON.stringify(JSON.stringify(payload))],
	];
	for (const [index, [label, contentType, encode]] of shapes.entries()) {
		await checks.run(`delivery shape: signed JSON object sent as ${label} → 200, one execution with the event`, async () => {
			const payload = realShapedReply(ctx, filtered, `shape${index}.${stamp}@example.com`);
			const typeHeader: Record<string, string> = contentType ? { 'content-type': contentType } : {};
			const body = encode(payload);
			const answer = await postRaw(url, body, { ...typeHeader, ...(await signedHeaders(ctx, workflow)) });
			const echo = await postRaw(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.bodyProbe}`, body, typeHeader);
			const parsed = describeEchoedBody(echo.body);
			log(ctx.label, `delivery as ${label}: trigger answered ${answer.status} ${answer.body.slice(0, 200)}; n8n parsed the body into ${parsed}`);
			assert(answer.status === 200, `the trigger answered ${answer.status} ${answer.body.slice(0, 300)}; n8n hands webhooks this body: ${parsed}`);
			await waitForExecutionWith(ctx, IDS.deliveries, 'Instantly Trigger', (json) => json.lead_email === payload.lead_email);
			const runs = await executionsWithLead(ctx, IDS.deliveries, String(payload.lead_email));
			assert(runs.length === 1, `${runs.length} executions for one delivery: ${runs.join(', ')}`);
		});
	}

	await checks.run('delivery for another campaign than the trigger\'s filter (right secret) → 200, no execution', async () => {
		const headers = await signedHeaders(ctx, workflow);
		const foreign = realShapedReply(ctx, other, `other.campaign.${stamp}@example.com`);
		const answer = await postJson(url, foreign, headers);
		assert(answer.status === 200, `answered ${answer.status} ${answer.body.slice(0, 300)}`);
		// A delivery for the filtered campaign sent after it: once its execution is finished, one
		// for the foreign delivery would be listed as well.
		const marker = realShapedReply(ctx, filtered, `after.other.${stamp}@example.com`);
		const markerAnswer = await postJson(url, marker, headers);
		assert(markerAnswer.status === 200, `the following delivery was answered ${markerAnswer.status} ${markerAnswer.body.slice(0, 300)}`);
		await waitForExecutionWith(ctx, IDS.deliveries, 'Instantly Trigger', (json) => json.lead_email === marker.lead_email);
		const runs = await executionsWithLead(ctx, IDS.deliveries, String(foreign.lead_email));
		assert(runs.length === 0, `the delivery for campaign ${other.id} started executions ${runs.join(', ')} (answer: ${answer.body.slice(0, 200)})`);
	});

	await checks.run('reply_received without email_id (older deliveries) → the reply example runs through', async () => {
		const lead = unusedCampaignLead(ctx, state);
		const campaign = state.campaigns.find((candidate) => candidate.id === lead.campaign);
		assert(campaign, `${lead.email} is in no campaign of the workspace`);
		const payload = realShapedReply(ctx, campaign, lead.email);
		const answer = await postJson(triggerUrl(ctx.host.webhookBase, ctx.workflows.reply), payload, await signedHeaders(ctx, ctx.workflows.reply));
		assert(answer.status === 200, `answered ${answer.status} ${answer.body.slice(0, 300)}`);
		const execution = await waitForExecutionWith(ctx, IDS.reply, 'Instantly Trigger', (json) => json.lead_email === lead.email);
		assert(output(execution, 'Mark Lead Interested'), `Mark Lead Interested has no output (last node ${execution.data.resultData.lastNodeExecuted})`);
	});
}

/** `typeof body` and its start, from the answer of n8n's own Webhook node (responseData firstEntryJson). */
function describeEchoedBody(answer: string): string {
	try {
		const { body } = JSON.parse(answer) as { body?: unknown };
		return `${Array.isArray(body) ? 'array' : typeof body} ${JSON.stringify(body)?.slice(0, 120)}`;
	} catch {
		return `(echo answered ${answer.slice(0, 120)})`;
	}
}

