import { nowIso, uuidv7 } from '../ids';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404, listPage } from './crud';
import type { HandlerTable } from './types';

const LEAD_LIST = 'Lead list';

export const leadListHandlers: HandlerTable = {
	'POST /api/v2/lead-lists': ({ workspace, body }) => {
		const list = {
			id: uuidv7(),
			organization_id: workspace.id,
			has_enrichment_task: false,
			owned_by: workspace.userId,
			...body,
			timestamp_created: nowIso(),
		};
		workspace.leadLists.set(list.id, list);
		return list;
	},
	'GET /api/v2/lead-lists': ({ workspace, query }) =>
		listPage(
			workspace.leadLists,
			query,
			(list) => containsText(list.name, query.search) && equalsFilter(list.has_enrichment_task, query.has_enrichment_task),
		),
	'GET /api/v2/lead-lists/{id}': ({ workspace, params }) => getOr404(workspace.leadLists, params.id, LEAD_LIST),
	'PATCH /api/v2/lead-lists/{id}': ({ workspace, params, body }) => applyPatch(getOr404(workspace.leadLists, params.id, LEAD_LIST), body),
	'DELETE /api/v2/lead-lists/{id}': ({ workspace, params }) => deleteOr404(workspace.leadLists, params.id, LEAD_LIST),
	'GET /api/v2/lead-lists/{id}/verification-stats': ({ workspace, params }) => {
		getOr404(workspace.leadLists, params.id, LEAD_LIST);
		const leads = [...workspace.leads.values()].filter((lead) => lead.list_id === params.id);
		const withStatus = (...statuses: number[]) => leads.filter((lead) => statuses.includes(Number(lead.verification_status))).length;
		return {
			stats: {
				verified: withStatus(1),
				invalid: withStatus(-1),
				risky: withStatus(-2),
				catch_all: withStatus(-3),
				job_change: withStatus(-4),
				verification_job_pending_leadfinder: withStatus(11),
				verification_job_pending_user: withStatus(12),
			},
			total_leads: leads.length,
		};
	},
};
