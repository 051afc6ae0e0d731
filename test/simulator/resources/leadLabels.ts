import { nowIso, uuidv7 } from '../ids';
import type { LeadLabel } from '../state';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404, listPage } from './crud';
import type { HandlerTable } from './types';

const LEAD_LABEL = 'Lead label';

export const leadLabelHandlers: HandlerTable = {
	'POST /api/v2/lead-labels': ({ workspace, body }) => {
		const label: LeadLabel = {
			id: uuidv7(),
			timestamp_created: nowIso(),
			created_by: workspace.userId,
			organization_id: workspace.id,
			description: null,
			use_with_ai: false,
			...body,
			interest_status: workspace.nextLabelValue++,
		};
		workspace.leadLabels.set(label.id, label);
		return label;
	},
	'GET /api/v2/lead-labels': ({ workspace, query }) =>
		listPage(
			workspace.leadLabels,
			query,
			(label) => containsText(label.label, query.search) && equalsFilter(label.interest_status_label, query.interest_status),
		),
	'GET /api/v2/lead-labels/{id}': ({ workspace, params }) => getOr404(workspace.leadLabels, params.id, LEAD_LABEL),
	'PATCH /api/v2/lead-labels/{id}': ({ workspace, params, body }) => applyPatch(getOr404(workspace.leadLabels, params.id, LEAD_LABEL), body),
	'DELETE /api/v2/lead-labels/{id}': ({ workspace, params, body }) => {
		const label = deleteOr404(workspace.leadLabels, params.id, LEAD_LABEL);
		for (const lead of workspace.leads.values()) {
			if (lead.lt_interest_status !== label.interest_status) continue;
			if (typeof body?.reassigned_status === 'number') lead.lt_interest_status = body.reassigned_status;
			else delete lead.lt_interest_status;
		}
		return label;
	},
};
