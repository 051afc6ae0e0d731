/**
 * Agency mode in real n8n with the demo key as the only credential (the admin of the seeded
 * agency): the client template copied for client A and client B, live, with its webhooks inside
 * each client's workspace and each client's events running only that client's copy; the daily
 * report writing one Data Table row per accepted client; the onboarding example building a client's
 * standard campaign and block list in that client's workspace; deactivation leaving none of the
 * template's webhooks anywhere.
 */
import type { AgencyClient } from '../../../simulator';
import { assert, type Checks } from '../lib/checks';
import {
	dataTableRows,
	nodeNamed,
	setNodeField,
	triggerEvents,
	triggerUrl,
	wireDataTable,
	type SimulatorState,
	type WorkflowFile,
} from '../lib/instantly';
import { deliverWhenRegistered } from '../lib/webhook';
import { AGENCY_IDS, output, unusedCampaignLead, waitFor, waitForExecutionWith, WEBHOOK_PATHS, type Context } from './context';

/** A copy of the client template and the client it serves. */
interface TemplateCopy {
	label: 'A' | 'B';
	client: AgencyClient;
	workflow: WorkflowFile;
}

/** Report columns and the analytics overview fields they must equal (Instantly's names). */
const REPORT_METRICS = {
	emails_sent: 'emails_sent_count',
	contacted: 'contacted_count',
	opened: 'open_count_unique',
	replied: 'reply_count_unique',
	bounced: 'bounced_count',
	interested: 'total_interested',
	opportunities: 'total_opportunities',
} as const;

export async function agencySteps(ctx: Context, checks: Checks): Promise<void> {
	const { roles, workflows } = ctx.agency;
	const copies: TemplateCopy[] = [
		{ label: 'A', client: roles.a, workflow: workflows.clientA },
		{ label: 'B', client: roles.b, workflow: workflows.clientB },
	];

	await checks.run("agency: the client template copied for clients A and B activates; its webhooks are in A's and B's workspaces only", async () => {
		for (const { workflow } of copies) await ctx.host.rest.activateWorkflow(workflow.id);
		await waitForTemplateWebhooks(ctx, copies, copies);
	});
	for (const [index, copy] of copies.entries()) {
		const other = copies[(index + 1) % copies.length];
		await checks.run(
			`agency: reply_received in ${copy.label}'s workspace runs ${copy.label}'s copy only; the lead is marked Interested in ${copy.label}'s workspace`,
			async () => await replyCheck(ctx, copy, other),
		);
	}
	await checks.run("agency: email_bounced in B's workspace → the address is blocked in B's workspace only", async () =>
		await bounceCheck(ctx, copies[1]),
	);
	await checks.run('agency daily report: one Data Table row per accepted client (none for the pending one), with its own metrics', async () =>
		await dailyReportCheck(ctx),
	);
	await checks.run("agency onboarding: the standard campaign with its schedule and the block list land in that client's workspace only", async () =>
		await onboardingCheck(ctx),
	);
	await checks.run('agency: both template copies deactivate → no webhook left in any client workspace, none of theirs in the admin workspace', async () => {
		for (const id of Object.values(AGENCY_IDS)) await ctx.host.rest.deactivateWorkflow(id);
		await waitForTemplateWebhooks(ctx, copies, []);
	});
}

async function replyCheck(ctx: Context, { label, client, workflow }: TemplateCopy, other: TemplateCopy): Promise<void> {
	const lead = unusedCampaignLead(ctx, await ctx.control.state(client.id));
	const otherBefore = (await ctx.host.rest.listExecutions(other.workflow.id)).length;
	const ownBefore = (await ctx.host.rest.listExecutions(workflow.id)).length;
	const deliveries = await ctx.control.event(client.apiKey, { event_type: 'reply_received', campaign_id: lead.campaign ?? undefined, lead_email: lead.email });
	const url = triggerUrl(ctx.host.webhookBase, workflow);
	assert(
		deliveries.length === 1 && deliveries[0].url === url && deliveries[0].success,
		`deliveries ${JSON.stringify(deliveries.map(({ url: to, success }) => ({ to, success })))}, expected one to ${label}'s copy`,
	);
	const execution = await waitForExecutionWith(ctx, workflow.id, 'Instantly Trigger', (json) => json.lead_email === lead.email);
	const trigger = output(execution, 'Instantly Trigger');
	assert(trigger?.workspace === client.id, `trigger output workspace ${String(trigger?.workspace)}, expected ${client.id}`);
	assert(output(execution, 'Mark Lead Interested'), 'Mark Lead Interested has no output');
	await waitFor(`${lead.email} interest status 1 in ${client.name}`, async () =>
		(await ctx.control.state(client.id)).leads.some((candidate) => candidate.email === lead.email && candidate.lt_interest_status === 1),
	);
	const ownAfter = (await ctx.host.rest.listExecutions(workflow.id)).length;
	const otherAfter = (await ctx.host.rest.listExecutions(other.workflow.id)).length;
	assert(ownAfter === ownBefore + 1, `${label}'s copy went from ${ownBefore} to ${ownAfter} executions`);
	assert(otherAfter === otherBefore, `${other.label}'s copy went from ${otherBefore} to ${otherAfter} executions`);
}

async function bounceCheck(ctx: Context, { client, workflow }: TemplateCopy): Promise<void> {
	const lead = unusedCampaignLead(ctx, await ctx.control.state(client.id));
	await ctx.control.event(client.apiKey, { event_type: 'email_bounced', campaign_id: lead.campaign ?? undefined, lead_email: lead.email });
	const execution = await waitForExecutionWith(ctx, workflow.id, 'Instantly Trigger', (json) => json.lead_email === lead.email);
	assert(output(execution, 'Block Bounced Address')?.bl_value === lead.email, `Block Bounced Address output ${JSON.stringify(output(execution, 'Block Bounced Address'))}`);
	assert(!output(execution, 'Mark Lead Interested'), 'a bounce went down the reply branch');
	for (const [name, state] of await agencyStates(ctx)) {
		const blocked = state.blockListEntries.some((entry) => entry.bl_value === lead.email);
		assert(blocked === (state.id === client.id), `${lead.email} ${blocked ? 'is' : 'is not'} blocked in ${name}`);
	}
}

async function dailyReportCheck(ctx: Context): Promise<void> {
	const table = await wireDataTable(ctx.host.rest, AGENCY_IDS.report);
	await ctx.host.rest.activateWorkflow(AGENCY_IDS.report);
	const response = await deliverWhenRegistered(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.agencyReport}`, {});
	assert(response.status === 200, `webhook answered ${response.status}: ${response.body.slice(0, 800)}`);
	const rows = await dataTableRows(ctx.host.rest, table);
	const accepted = ctx.agency.clients.filter((client) => client.status === 'accepted');
	const listed = rows.map((row) => `${String(row.client)} (${String(row.workspace_id)})`).join(', ');
	assert(rows.length === accepted.length, `${rows.length} rows (${listed}) for ${accepted.length} accepted clients`);
	for (const client of accepted) {
		const row = rows.find((candidate) => candidate.workspace_id === client.id);
		assert(row && row.client === client.name, `no row for ${client.name} (${client.id}); rows: ${listed}`);
		assert(isTodaySomewhere(row.date), `${client.name}: date ${String(row.date)} is not today's date in any timezone`);
		// The client's own key reads its overview without the admin's header: what the row must say.
		const overview = await instantlyGet<Record<string, unknown>>(ctx, client.apiKey, '/api/v2/campaigns/analytics/overview');
		const wrong = Object.entries(REPORT_METRICS).filter(([column, field]) => row[column] !== overview[field]);
		assert(
			wrong.length === 0,
			`${client.name}: ${wrong.map(([column, field]) => `${column} ${String(row[column])} ≠ ${field} ${String(overview[field])}`).join('; ')}`,
		);
	}
}

async function onboardingCheck(ctx: Context): Promise<void> {
	const { workflows, roles } = ctx.agency;
	const campaign = nodeNamed(workflows.onboard, 'Create Standard Campaign').parameters as { name: string; timezone: string; fromTime: string; toTime: string };
	const blockList = JSON.parse(String(setNodeField(workflows.onboard, 'Client to Onboard', 'block_list').value)) as string[];
	await ctx.host.rest.activateWorkflow(AGENCY_IDS.onboard);
	const response = await deliverWhenRegistered(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.agencyOnboard}`, {});
	assert(response.status === 200, `webhook answered ${response.status}: ${response.body.slice(0, 800)}`);
	for (const [name, state] of await agencyStates(ctx)) {
		const here = state.id === roles.onboarded.id;
		const created = state.campaigns.filter((candidate) => candidate.name === campaign.name);
		const blocked = blockList.filter((value) => state.blockListEntries.some((entry) => entry.bl_value === value));
		assert(created.length === (here ? 1 : 0), `${name} holds ${created.length} campaigns named "${campaign.name}"`);
		assert(blocked.length === (here ? blockList.length : 0), `${name} blocks ${blocked.length} of ${blockList.join(', ')}`);
		if (!here) continue;
		const [schedule] = created[0].campaign_schedule?.schedules ?? [];
		assert(
			schedule?.timezone === campaign.timezone && schedule.timing.from === campaign.fromTime && schedule.timing.to === campaign.toTime,
			`${name}: schedule ${JSON.stringify(created[0].campaign_schedule)}`,
		);
	}
}

/**
 * Waits until the template's webhooks are those of the `live` copies only: one per event of the
 * template, at each copy's URL, in its client's workspace. A client workspace holds no other
 * webhook; the admin workspace (which runs the other examples' triggers) holds none at the copies'
 * URLs.
 */
async function waitForTemplateWebhooks(ctx: Context, copies: TemplateCopy[], live: TemplateCopy[]): Promise<void> {
	const urls = new Set(copies.map(({ workflow }) => triggerUrl(ctx.host.webhookBase, workflow)));
	const expected = new Map<string, string[]>();
	for (const { client, workflow } of live) {
		const url = triggerUrl(ctx.host.webhookBase, workflow);
		expected.set(client.id, triggerEvents(workflow).map((event) => `${event} → ${url}`).sort());
	}
	const want = Object.fromEntries(
		[ctx.agency.admin, ...ctx.agency.clients].map((workspace) => [workspaceName(ctx, workspace.id), expected.get(workspace.id) ?? []]),
	);
	let actual: Record<string, string[]> = {};
	try {
		await waitFor(
			'the template copies\' webhooks',
			async () => {
				actual = {};
				for (const [name, state] of await agencyStates(ctx)) {
					const admin = state.id === ctx.agency.admin.id;
					actual[name] = state.webhooks
						.filter((hook) => !admin || urls.has(hook.target_hook_url))
						.map((hook) => `${hook.event_type} → ${hook.target_hook_url}`)
						.sort();
				}
				return JSON.stringify(actual) === JSON.stringify(want);
			},
			45_000,
		);
	} catch {
		throw new Error(`webhooks per workspace ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
	}
}

/** The simulator state of the admin workspace and of every client workspace, by a readable name. */
async function agencyStates(ctx: Context): Promise<Array<[string, SimulatorState]>> {
	const workspaces = [ctx.agency.admin, ...ctx.agency.clients];
	return await Promise.all(
		workspaces.map(async (workspace): Promise<[string, SimulatorState]> => [workspaceName(ctx, workspace.id), await ctx.control.state(workspace.id)]),
	);
}

function workspaceName(ctx: Context, id: string): string {
	const client = ctx.agency.clients.find((candidate) => candidate.id === id);
	return client ? `${client.name} (${client.status})` : 'the admin workspace';
}

/** A GET to the simulator's Instantly API with a workspace's own key, as that workspace sees it. */
async function instantlyGet<T>(ctx: Context, apiKey: string, path: string): Promise<T> {
	const response = await fetch(`${ctx.simulator.url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
	const text = await response.text();
	assert(response.ok, `GET ${path} → ${response.status}: ${text.slice(0, 300)}`);
	return JSON.parse(text) as T;
}

/** Whether a value is an ISO date (yyyy-mm-dd) that is today in some timezone (UTC−12 to UTC+14). */
function isTodaySomewhere(value: unknown): boolean {
	const dateAt = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(0, 10);
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= dateAt(-12) && value <= dateAt(14);
}
