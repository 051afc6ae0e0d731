/**
 * What every scenario step works with: the running n8n host, the simulator and its control API,
 * the imported workflows, and the helpers that find an execution by what its trigger emitted.
 */
import type { AgencyClient, CreatedAgency, Simulator } from '../../../simulator';
import { assert } from '../lib/checks';
import type { DataTableRef, SimulatorControl, SimulatorState, WorkflowFile } from '../lib/instantly';
import type { N8nHost } from '../lib/host';
import { delay } from '../lib/processes';
import type { N8nExecution } from '../lib/rest';

export const DEMO_KEY = 'demo-key';
/** The ids of the imported workflows; the scenario addresses them by these. */
export const IDS = {
	reply: 'instReplyIntrst1',
	bounce: 'instBounceBlock1',
	table: 'instInterestTbl1',
	daily: 'instDailyImport1',
	dailyHook: 'instDailyImpHook',
	actions: 'instE2eActions01',
	faultGet: 'instE2eFaultGet1',
	faultReply: 'instE2eFaultRep1',
	deliveries: 'instE2eDeliver01',
	bodyProbe: 'instE2eBodyProbe',
} as const;
/** Paths of the e2e's own Webhook nodes (production URL `/webhook/<path>`). */
export const WEBHOOK_PATHS = {
	dailyHook: 'e2e-daily-import',
	actions: 'e2e-actions',
	faultGet: 'e2e-fault-get',
	faultReply: 'e2e-fault-reply',
	bodyProbe: 'e2e-body-probe',
	agencyReport: 'e2e-agency-report',
	agencyOnboard: 'e2e-agency-onboard',
} as const;
/**
 * The agency workflows: the client template once per client (A and B), and the report and
 * onboarding examples started by a Webhook node. Activated by the agency step itself.
 */
export const AGENCY_IDS = {
	clientA: 'instAgencyClntA1',
	clientB: 'instAgencyClntB1',
	report: 'instAgencyRprtHk',
	onboard: 'instAgencyOnbdHk',
} as const;

export type ScenarioWorkflows = Record<keyof typeof IDS, WorkflowFile>;

/** The agency the demo key administers, the clients each agency workflow acts for, and those workflows. */
export interface AgencyRun extends CreatedAgency {
	/** Client A and client B run one copy of the client template each; `onboarded` is the onboarding example's client. */
	roles: Record<'a' | 'b' | 'onboarded', AgencyClient>;
	workflows: Record<keyof typeof AGENCY_IDS, WorkflowFile>;
}

export interface Context<Host extends N8nHost = N8nHost> {
	version: string;
	/** `<version>` or `<version>-queue`: prefixes the log lines. */
	label: string;
	host: Host;
	simulator: Simulator;
	control: SimulatorControl;
	workspaceId: string;
	workflows: ScenarioWorkflows;
	agency: AgencyRun;
	/** Executions already matched, per workflow id, and the leads handed out (key `leads`). */
	seen: Map<string, Set<string>>;
	table?: DataTableRef;
	/** Runs `body` and records its duration under `key` in the line's timings. */
	time<T>(key: string, body: () => Promise<T>): Promise<T>;
}

/** The workflows that start with an Instantly Trigger (each registers webhooks). */
export function triggerWorkflows(ctx: Context): WorkflowFile[] {
	return [ctx.workflows.reply, ctx.workflows.bounce, ctx.workflows.table, ctx.workflows.deliveries];
}

/** A campaign lead with no interest status yet, never handed out before in this run. */
export function unusedCampaignLead(ctx: Context, state: SimulatorState): SimulatorState['leads'][number] {
	const used = ctx.seen.get('leads') ?? new Set<string>();
	ctx.seen.set('leads', used);
	const lead = state.leads.find((candidate) => candidate.campaign !== null && candidate.lt_interest_status == null && !used.has(candidate.email));
	assert(lead, 'no unused campaign lead left');
	used.add(lead.email);
	return lead;
}

/** Ids of the finished executions of a workflow whose trigger output carries this lead. */
export async function executionsWithLead(ctx: Context, workflowId: string, leadEmail: string): Promise<string[]> {
	const ids: string[] = [];
	for (const summary of await ctx.host.rest.listExecutions(workflowId)) {
		const execution = await ctx.host.rest.getExecution(summary.id);
		if (output(execution, 'Instantly Trigger')?.lead_email === leadEmail) ids.push(summary.id);
	}
	return ids;
}

/** Waits for a successful execution (not seen before) whose `nodeName` output matches. */
export async function waitForExecutionWith(
	ctx: Context,
	workflowId: string,
	nodeName: string,
	matches: (json: Record<string, unknown>) => boolean,
	timeoutMs = 30_000,
): Promise<N8nExecution> {
	const seen = ctx.seen.get(workflowId) ?? new Set<string>();
	ctx.seen.set(workflowId, seen);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const summary of await ctx.host.rest.listExecutions(workflowId)) {
			if (seen.has(summary.id) || ['new', 'running', 'waiting'].includes(summary.status)) continue;
			const execution = await ctx.host.rest.getExecution(summary.id);
			const json = output(execution, nodeName);
			if (!json || !matches(json)) continue;
			seen.add(summary.id);
			if (execution.status !== 'success') {
				throw new Error(`execution ${summary.id} of ${workflowId} is ${execution.status}: ${execution.data.resultData.error?.message ?? ''}`);
			}
			return execution;
		}
		await delay(300);
	}
	throw new Error(`no matching execution of ${workflowId} within ${timeoutMs} ms`);
}

/** The first item a node emitted in an execution. */
export function output(execution: N8nExecution, nodeName: string): Record<string, unknown> | undefined {
	return execution.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
}

export async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await delay(300);
	}
	throw new Error(`timed out waiting for ${what}`);
}

export function log(label: string, message: string): void {
	console.log(`[scenario ${label}] ${message}`);
}
