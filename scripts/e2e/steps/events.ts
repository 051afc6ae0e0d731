/** Instantly events fired through the simulator, followed through n8n's executions into the state the example workflows change. */
import { assert, type Checks } from '../lib/checks';
import { dataTableRows } from '../lib/instantly';
import { DEMO_KEY, IDS, output, unusedCampaignLead, waitFor, waitForExecutionWith, type Context } from './context';

/** Fires events in the simulator and checks executions and the state the downstream nodes changed. */
export async function eventChecks(ctx: Context, checks: Checks, phase: string): Promise<void> {
	const state = await ctx.control.state(ctx.workspaceId);
	const campaignOf = (lead: { email: string; campaign: string | null }) => {
		const campaign = state.campaigns.find((candidate) => candidate.id === lead.campaign);
		assert(campaign, `${lead.email} is in no campaign of the workspace`);
		return campaign;
	};
	const pick = () => unusedCampaignLead(ctx, state);

	await checks.run(`${phase}: reply_received → execution with the payload, Slack text composed, lead marked Interested`, async () => {
		const lead = pick();
		const campaign = campaignOf(lead);
		await ctx.control.event(DEMO_KEY, { event_type: 'reply_received', campaign_id: campaign.id, lead_email: lead.email });
		const execution = await waitForExecutionWith(ctx, IDS.reply, 'Instantly Trigger', (json) => json.lead_email === lead.email);
		const trigger = output(execution, 'Instantly Trigger');
		assert(trigger?.event_type === 'reply_received' && trigger.campaign_id === campaign.id, `trigger output ${JSON.stringify(trigger)}`);
		const message = output(execution, 'Compose Slack Message');
		assert(String(message?.text).includes(lead.email), `message ${JSON.stringify(message)}`);
		assert(output(execution, 'Mark Lead Interested'), 'Mark Lead Interested has no output');
		await waitFor(`${lead.email} interest status 1`, async () => {
			const now = await ctx.control.state(ctx.workspaceId);
			return now.leads.some((candidate) => candidate.email === lead.email && candidate.campaign === campaign.id && candidate.lt_interest_status === 1);
		});
		// Instantly (and the simulator) announce the change as lead_interested: the table workflow gets it.
		await waitForExecutionWith(ctx, IDS.table, 'Instantly Trigger', (json) => json.lead_email === lead.email && json.event_type === 'lead_interested');
	});

	for (const eventType of ['email_bounced', 'lead_unsubscribed']) {
		await checks.run(`${phase}: ${eventType} → execution, block list entry for the lead`, async () => {
			const lead = pick();
			await ctx.control.event(DEMO_KEY, { event_type: eventType, campaign_id: campaignOf(lead).id, lead_email: lead.email });
			const execution = await waitForExecutionWith(ctx, IDS.bounce, 'Instantly Trigger', (json) => json.lead_email === lead.email);
			assert(output(execution, 'Instantly Trigger')?.event_type === eventType, 'wrong event in the trigger output');
			const entry = output(execution, 'Add to Block List');
			assert(entry?.bl_value === lead.email, `block list node output ${JSON.stringify(entry)}`);
			const now = await ctx.control.state(ctx.workspaceId);
			assert(now.blockListEntries.some((candidate) => candidate.bl_value === lead.email), `${lead.email} not in the block list`);
		});
	}

	await checks.run(`${phase}: lead_interested → execution, row written to the data table`, async () => {
		const lead = pick();
		const campaign = campaignOf(lead);
		await ctx.control.event(DEMO_KEY, { event_type: 'lead_interested', campaign_id: campaign.id, lead_email: lead.email });
		const execution = await waitForExecutionWith(ctx, IDS.table, 'Instantly Trigger', (json) => json.lead_email === lead.email);
		assert(output(execution, 'Save to Data Table'), 'Save to Data Table has no output');
		assert(ctx.table, 'the data table was not created');
		const rows = await dataTableRows(ctx.host.rest, ctx.table);
		const row = rows.find((candidate) => candidate.email === lead.email);
		assert(row && row.campaign === campaign.name && row.first_name === lead.first_name, `rows ${JSON.stringify(rows).slice(0, 800)}`);
	});
}
