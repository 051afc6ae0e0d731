import { nowIso, uuidv7 } from '../ids';
import type { Campaign } from '../state';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404, listPage } from './crud';
import type { HandlerTable } from './types';

const CAMPAIGN = 'Campaign';

function setStatus(campaign: Campaign, status: number): Campaign {
	return applyPatch(campaign, { status });
}

export const campaignHandlers: HandlerTable = {
	'POST /api/v2/campaigns': ({ workspace, body }) => {
		const timestamp = nowIso();
		const campaign: Campaign = {
			id: uuidv7(),
			name: body.name,
			status: 0,
			organization: workspace.id,
			email_list: [],
			sequences: [],
			daily_limit: null,
			stop_on_reply: true,
			open_tracking: false,
			link_tracking: false,
			...body,
			timestamp_created: timestamp,
			timestamp_updated: timestamp,
		};
		workspace.campaigns.set(campaign.id, campaign);
		return campaign;
	},
	'GET /api/v2/campaigns': ({ workspace, query }) =>
		listPage(
			workspace.campaigns,
			query,
			(campaign) =>
				containsText(campaign.name, query.search) &&
				equalsFilter(campaign.status, query.status) &&
				(query.exclude_status === undefined || campaign.status !== query.exclude_status),
		),
	'GET /api/v2/campaigns/{id}': ({ workspace, params }) => getOr404(workspace.campaigns, params.id, CAMPAIGN),
	'PATCH /api/v2/campaigns/{id}': ({ workspace, params, body }) => applyPatch(getOr404(workspace.campaigns, params.id, CAMPAIGN), body),
	'DELETE /api/v2/campaigns/{id}': ({ workspace, params }) => deleteOr404(workspace.campaigns, params.id, CAMPAIGN),
	'POST /api/v2/campaigns/{id}/activate': ({ workspace, params }) => setStatus(getOr404(workspace.campaigns, params.id, CAMPAIGN), 1),
	'POST /api/v2/campaigns/{id}/pause': ({ workspace, params }) => setStatus(getOr404(workspace.campaigns, params.id, CAMPAIGN), 2),
	'GET /api/v2/campaigns/count-launched': ({ workspace }) => ({
		count: [...workspace.campaigns.values()].filter((campaign) => campaign.status !== 0).length,
	}),
};
