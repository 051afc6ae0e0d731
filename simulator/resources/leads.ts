import { badRequest } from '../errors';
import { nowIso } from '../ids';
import { paginate } from '../pagination';
import type { Lead, WorkspaceState } from '../state';
import { applyPatch, deleteOr404, getOr404 } from './crud';
import { selectLeads } from './leadFilters';
import {
	createLeadRecord,
	INTEREST_EVENTS,
	isBlocked,
	isValidEmail,
	placementCheck,
	refreshPayload,
	sameEmail,
	type SkipFlags,
} from './leadRecords';
import { Reply, type HandlerTable, type SimulatorServices } from './types';

const LEAD = 'Lead';

function requireTarget(workspace: WorkspaceState, campaign: string | null | undefined, listId: string | null | undefined) {
	if (campaign) getOr404(workspace.campaigns, campaign, 'Campaign');
	if (listId) getOr404(workspace.leadLists, listId, 'Lead list');
	return { campaign: campaign ?? null, list_id: campaign ? null : (listId ?? null) };
}

function addLeads(workspace: WorkspaceState, body: Record<string, unknown> & SkipFlags) {
	const campaignId = body.campaign_id as string | undefined;
	const listId = body.list_id as string | undefined;
	if (Boolean(campaignId) === Boolean(listId)) throw badRequest('Provide exactly one of campaign_id or list_id');
	const target = requireTarget(workspace, campaignId, listId);
	const leads = body.leads as Array<Record<string, unknown>>;
	const summary = {
		status: 'success',
		total_sent: leads.length,
		leads_uploaded: 0,
		in_blocklist: 0,
		blocklist_used: (body.blocklist_id as string | null | undefined) ?? workspace.defaultBlocklistId,
		duplicated_leads: 0,
		skipped_count: 0,
		invalid_email_count: 0,
		incomplete_count: 0,
		duplicate_email_count: 0,
		remaining_in_plan: 100_000 - workspace.leads.size,
		created_leads: [] as Array<Record<string, unknown>>,
	};
	const seenInBatch = new Set<string>();
	leads.forEach((input, index) => {
		const email = typeof input.email === 'string' && input.email !== '' ? input.email : null;
		const complete = campaignId ? email !== null : Boolean(email || input.first_name || input.last_name);
		if (!complete) return void summary.incomplete_count++;
		if (email && !isValidEmail(email)) return void summary.invalid_email_count++;
		if (email && seenInBatch.has(email.toLowerCase())) return void summary.duplicate_email_count++;
		if (email) seenInBatch.add(email.toLowerCase());
		if (email && isBlocked(workspace, email)) return void summary.in_blocklist++;
		const check = placementCheck(workspace, email, target, body);
		if (check === 'skipped') return void summary.skipped_count++;
		if (check === 'duplicate') return void summary.duplicated_leads++;
		const lead = createLeadRecord(workspace, { assigned_to: body.assigned_to, ...input }, target);
		summary.leads_uploaded++;
		summary.created_leads.push({
			index,
			id: lead.id,
			email: lead.email,
			first_name: lead.first_name ?? null,
			last_name: lead.last_name ?? null,
			phone: lead.phone ?? null,
		});
	});
	return summary;
}

function createSingleLead(workspace: WorkspaceState, body: Record<string, unknown> & SkipFlags): Lead {
	const target = requireTarget(workspace, body.campaign as string | null, body.list_id as string | null);
	const email = typeof body.email === 'string' ? body.email : null;
	if (email && placementCheck(workspace, email, target, body) !== 'ok') {
		const existing = [...workspace.leads.values()].find((lead) => sameEmail(lead.email, email));
		if (existing) return existing;
	}
	return createLeadRecord(workspace, body, target);
}

function updateInterest(workspace: WorkspaceState, services: SimulatorServices, body: Record<string, unknown>) {
	const value = body.interest_value as number | null;
	const leads = [...workspace.leads.values()].filter(
		(lead) =>
			sameEmail(lead.email, body.lead_email) &&
			(!body.campaign_id || lead.campaign === body.campaign_id) &&
			(!body.list_id || lead.list_id === body.list_id),
	);
	for (const lead of leads) {
		if (value === null) delete lead.lt_interest_status;
		else lead.lt_interest_status = value;
		applyPatch(lead, { timestamp_last_interest_change: nowIso() });
		if (value === null) continue;
		const label = [...workspace.leadLabels.values()].find((candidate) => candidate.interest_status === value);
		const eventType = INTEREST_EVENTS[value] ?? label?.label;
		if (eventType) services.emitEvent(workspace, { event_type: eventType, campaign_id: lead.campaign, lead_email: lead.email });
	}
	return new Reply(202, { message: 'Lead interest status update background job submitted' });
}

export const leadHandlers: HandlerTable = {
	'POST /api/v2/leads': ({ workspace, body }) => createSingleLead(workspace, body),
	'POST /api/v2/leads/add': ({ workspace, body }) => addLeads(workspace, body),
	'POST /api/v2/leads/list': ({ workspace, body }) => {
		const filters = body ?? {};
		return paginate(selectLeads(workspace, filters), filters.limit, filters.starting_after);
	},
	'GET /api/v2/leads/{id}': ({ workspace, params }) => getOr404(workspace.leads, params.id, LEAD),
	'PATCH /api/v2/leads/{id}': ({ workspace, params, body }) => {
		const lead = getOr404(workspace.leads, params.id, LEAD);
		const { custom_variables: customVariables, ...fields } = body as Record<string, unknown>;
		applyPatch(lead, fields);
		refreshPayload(lead, customVariables as Record<string, unknown> | undefined);
		return lead;
	},
	'DELETE /api/v2/leads/{id}': ({ workspace, params }) => deleteOr404(workspace.leads, params.id, LEAD),
	'DELETE /api/v2/leads': ({ workspace, body }) => {
		const doomed = selectLeads(workspace, { campaign_id: body.campaign_id, list_id: body.list_id, ids: body.ids, status: body.status });
		const deleted = doomed.slice(0, body.limit ?? doomed.length);
		for (const lead of deleted) workspace.leads.delete(lead.id);
		return { count: deleted.length };
	},
	'POST /api/v2/leads/update-interest-status': ({ workspace, services, body }) => updateInterest(workspace, services, body),
	'POST /api/v2/leads/merge': ({ workspace, body }) => {
		const source = getOr404(workspace.leads, body.lead_id, LEAD);
		const destination = getOr404(workspace.leads, body.destination_lead_id, LEAD);
		if (source === destination) throw badRequest('lead_id and destination_lead_id must differ');
		workspace.leads.delete(source.id);
		refreshPayload(destination, source.payload ?? undefined);
		return applyPatch(destination, {});
	},
};
