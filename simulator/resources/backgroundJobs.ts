import { badRequest } from '../errors';
import { nowIso, uuidv7 } from '../ids';
import type { BackgroundJob, Lead, WorkspaceState } from '../state';
import { applyPatch, getOr404, listPage } from './crud';
import { selectLeads } from './leadFilters';
import { createLeadRecord, sameEmail } from './leadRecords';
import type { HandlerTable, SimulatorServices } from './types';

function moveLeads(workspace: WorkspaceState, body: Record<string, unknown>): string[] {
	const target = { campaign: (body.to_campaign_id as string | undefined) ?? null, list_id: null as string | null };
	if (!target.campaign) target.list_id = (body.to_list_id as string | undefined) ?? null;
	const alreadyInTarget = (lead: Lead) =>
		[...workspace.leads.values()].some(
			(other) =>
				other !== lead &&
				sameEmail(other.email, lead.email) &&
				(target.campaign ? other.campaign === target.campaign : other.list_id === target.list_id),
		);
	const selected = selectLeads(workspace, body).slice(0, (body.limit as number | undefined) ?? Infinity);
	const moved: string[] = [];
	for (const lead of selected) {
		if (body.check_duplicates && alreadyInTarget(lead)) continue;
		const fields = body.reset_interest_status ? { ...lead, lt_interest_status: undefined } : lead;
		if (body.copy_leads) createLeadRecord(workspace, { ...fields, custom_variables: lead.payload ?? undefined }, target);
		else {
			if (body.reset_interest_status) delete lead.lt_interest_status;
			applyPatch(lead, target);
		}
		if (lead.email) moved.push(lead.email);
	}
	return moved;
}

/** The steps a job has still to run, in order, each with the cancel of its timer. */
const pendingSteps = new WeakMap<BackgroundJob, Array<{ run: () => void; cancel: () => void }>>();

/** Runs the job's next step now, instead of when its timer fires. */
function runNextStep(job: BackgroundJob): void {
	const step = pendingSteps.get(job)?.shift();
	step?.cancel();
	step?.run();
}

/**
 * A job that runs on the simulator's clock: pending → in-progress → success, doing its work in the
 * last step. `finish` returns the job's final `data`. Answers a copy, as the initial job object.
 */
export function startBackgroundJob(
	workspace: WorkspaceState,
	services: SimulatorServices,
	fields: { type: string; entity_id: string | null; entity_type: string; data?: Record<string, unknown> },
	finish: () => Record<string, unknown>,
): BackgroundJob {
	const timestamp = nowIso();
	const job: BackgroundJob = {
		id: uuidv7(),
		workspace_id: workspace.id,
		user_id: workspace.userId,
		data: {},
		...fields,
		progress: 0,
		status: 'pending',
		created_at: timestamp,
		updated_at: timestamp,
	};
	workspace.backgroundJobs.set(job.id, job);
	const steps = [
		() => Object.assign(job, { status: 'in-progress', progress: 50, updated_at: nowIso() }),
		() => Object.assign(job, { status: 'success', progress: 100, updated_at: nowIso(), data: finish() }),
	];
	pendingSteps.set(
		job,
		steps.map((run, index) => ({ run, cancel: services.schedule(() => runNextStep(job), services.backgroundJobStepMs * (index + 1)) })),
	);
	return { ...job };
}

/**
 * Makes a job report the given fields from now on, e.g. status `completed` or `error`: real Instantly
 * answers these although its document's enum lacks them (its starter kit polls for them), so they
 * show up in `responseViolations`. The stored job becomes a copy that the job's own steps no longer touch.
 */
export function forceBackgroundJob(workspace: WorkspaceState, id: string, fields: Partial<BackgroundJob>): BackgroundJob {
	const forced = { ...getOr404(workspace.backgroundJobs, id, 'Background job'), ...fields, updated_at: nowIso() };
	workspace.backgroundJobs.set(id, forced);
	return forced;
}

function startMoveJob(workspace: WorkspaceState, services: SimulatorServices, body: Record<string, unknown>): BackgroundJob {
	const fields = {
		type: 'move-leads',
		entity_id: (body.to_campaign_id ?? body.to_list_id) as string,
		entity_type: body.to_campaign_id ? 'campaign' : 'list',
	};
	return startBackgroundJob(workspace, services, fields, () => ({ moved_lead_emails: moveLeads(workspace, body) }));
}

export const backgroundJobHandlers: HandlerTable = {
	'POST /api/v2/leads/move': ({ workspace, services, body }) => {
		if (!body.to_campaign_id && !body.to_list_id) throw badRequest('Provide to_campaign_id or to_list_id');
		if (body.to_campaign_id) getOr404(workspace.campaigns, body.to_campaign_id, 'Campaign');
		if (body.to_list_id) getOr404(workspace.leadLists, body.to_list_id, 'Lead list');
		if (body.ids && !body.campaign && !body.list_id) throw badRequest('When using ids, provide the source campaign or list_id');
		return startMoveJob(workspace, services, body);
	},
	'GET /api/v2/background-jobs/{id}': ({ workspace, services, params, query }) => {
		const job = getOr404(workspace.backgroundJobs, params.id, 'Background job');
		if (services.jobStepPerRead) runNextStep(job);
		if (typeof query.data_fields !== 'string') return job;
		// `data_fields=success_count,failed_count` narrows `data` to those keys.
		const wanted = query.data_fields.split(',').map((field: string) => field.trim());
		const data = (job.data ?? {}) as Record<string, unknown>;
		return { ...job, data: Object.fromEntries(Object.entries(data).filter(([key]) => wanted.includes(key))) };
	},
	'GET /api/v2/background-jobs': ({ workspace, query }) =>
		listPage(workspace.backgroundJobs, query, (job) => (!query.status || job.status === query.status) && (!query.type || job.type === query.type)),
};
