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
		const reassigned = typeof body?.reassigned_status === 'number' ? (body.reassigned_status as number) : undefined;
		// Leads and emails that carried the label's value get reassigned_status, or lose their status.
		for (const lead of workspace.leads.values()) {
			if (lead.lt_interest_status !== label.interest_status) continue;
			if (reassigned === undefined) delete lead.lt_interest_status;
			else lead.lt_interest_status = reassigned;
		}
		for (const email of workspace.emails.values()) {
			if (email.i_status === label.interest_status) email.i_status = reassigned ?? null;
		}
		return label;
	},
};
