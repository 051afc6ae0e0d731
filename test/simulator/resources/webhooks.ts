import { nowIso, uuidv7 } from '../ids';
import { eventTypeLabel, STANDARD_EVENT_TYPES } from '../events';
import type { Webhook } from '../state';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404, listPage } from './crud';
import type { HandlerTable } from './types';

const WEBHOOK = 'Webhook';

export const webhookHandlers: HandlerTable = {
	'POST /api/v2/webhooks': ({ workspace, body }) => {
		const webhook: Webhook = {
			id: uuidv7(),
			organization: workspace.id,
			campaign: null,
			name: null,
			custom_interest_value: null,
			headers: null,
			...body,
			timestamp_created: nowIso(),
			status: 1,
			timestamp_error: null,
		};
		workspace.webhooks.set(webhook.id, webhook);
		return webhook;
	},
	'GET /api/v2/webhooks': ({ workspace, query }) =>
		listPage(workspace.webhooks, query, (webhook) => equalsFilter(webhook.campaign, query.campaign) && equalsFilter(webhook.event_type, query.event_type)),
	'GET /api/v2/webhooks/event-types': ({ workspace }) => ({
		event_types: [
			...STANDARD_EVENT_TYPES.map((id) => ({ id, label: eventTypeLabel(id), type: 'standard' })),
			...[...workspace.leadLabels.values()].map((label) => ({ id: String(label.interest_status), label: label.label, type: 'custom' })),
		],
	}),
	'GET /api/v2/webhooks/{id}': ({ workspace, params }) => getOr404(workspace.webhooks, params.id, WEBHOOK),
	'PATCH /api/v2/webhooks/{id}': ({ workspace, params, body }) => applyPatch(getOr404(workspace.webhooks, params.id, WEBHOOK), body),
	'DELETE /api/v2/webhooks/{id}': ({ workspace, params }) => {
		workspace.webhookFailures.delete(params.id);
		return deleteOr404(workspace.webhooks, params.id, WEBHOOK);
	},
	'POST /api/v2/webhooks/{id}/test': ({ workspace, services, params }) => {
		getOr404(workspace.webhooks, params.id, WEBHOOK);
		return services.testWebhook(workspace, params.id);
	},
	'POST /api/v2/webhooks/{id}/resume': ({ workspace, params }) => {
		const webhook = getOr404(workspace.webhooks, params.id, WEBHOOK);
		workspace.webhookFailures.set(webhook.id, 0);
		return applyPatch(webhook, { status: 1, timestamp_error: null });
	},
	'GET /api/v2/webhook-events': ({ workspace, query }) =>
		listPage(
			workspace.webhookEvents,
			query,
			(event) =>
				equalsFilter(event.success, query.success) &&
				(!query.from || String(event.timestamp_created_date) >= query.from) &&
				(!query.to || String(event.timestamp_created_date) <= query.to) &&
				(!query.search || containsText(event.webhook_url, query.search) || containsText(event.lead_email, query.search)),
		),
	'GET /api/v2/webhook-events/{id}': ({ workspace, params }) => getOr404(workspace.webhookEvents, params.id, 'Webhook event'),
};
