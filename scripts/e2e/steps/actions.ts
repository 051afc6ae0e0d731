/** The action workflows run through n8n's Webhook node, checked against what they changed in the simulator. */
import { assert, type Checks } from '../lib/checks';
import { postJson } from '../lib/webhook';
import { WEBHOOK_PATHS, type Context } from './context';

export async function actionSteps(ctx: Context, checks: Checks): Promise<void> {
	await checks.run('action workflow: campaign created + activated, lead created, block list entry created', async () =>
		await actionsCheck(ctx),
	);
	await checks.run('daily import (webhook variant): list leads added to the campaign', async () => await dailyImportCheck(ctx));
}

async function actionsCheck(ctx: Context): Promise<void> {
	const stamp = Date.now();
	const body = {
		campaign_name: `E2E campaign ${ctx.version} ${stamp}`,
		lead_email: `e2e.lead.${stamp}@example.com`,
		first_name: 'Erin',
		block_value: `blocked-${stamp}.example`,
	};
	const response = await postJson(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.actions}`, body);
	assert(response.status === 200, `webhook answered ${response.status}: ${response.body.slice(0, 800)}`);
	const state = await ctx.control.state(ctx.workspaceId);
	const campaign = state.campaigns.find((candidate) => candidate.name === body.campaign_name);
	assert(campaign, `no campaign named ${body.campaign_name}`);
	assert(campaign.status === 1, `campaign status ${campaign.status}, expected 1 (active)`);
	const lead = state.leads.find((candidate) => candidate.email === body.lead_email);
	assert(lead && lead.campaign === campaign.id && lead.first_name === 'Erin', `lead ${JSON.stringify(lead)}`);
	assert(state.blockListEntries.some((entry) => entry.bl_value === body.block_value), `${body.block_value} not blocked`);
}

async function dailyImportCheck(ctx: Context): Promise<void> {
	const state = await ctx.control.state(ctx.workspaceId);
	const list = state.leadLists[0];
	const campaign = state.campaigns[1];
	const listEmails = state.leads.filter((lead) => lead.list_id === list.id).map((lead) => lead.email);
	assert(listEmails.length > 0, 'the demo list is empty');
	const response = await postJson(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.dailyHook}`, {});
	assert(response.status === 200, `webhook answered ${response.status}: ${response.body.slice(0, 800)}`);
	const items = JSON.parse(response.body) as Array<{ status?: string; email?: string }>;
	assert(items.length === listEmails.length, `${items.length} output items for ${listEmails.length} list leads`);
	const after = await ctx.control.state(ctx.workspaceId);
	const inCampaign = new Set(after.leads.filter((lead) => lead.campaign === campaign.id).map((lead) => lead.email));
	const missing = listEmails.filter((email) => !inCampaign.has(email));
	assert(missing.length === 0, `not in the campaign: ${missing.join(', ')}; node output ${response.body.slice(0, 500)}`);
}

