import { nowIso, uuidv7 } from '../ids';
import { eventTypeLabel, STANDARD_EVENT_TYPES } from '../events';
import type { ApiObject, Webhook, WorkspaceState } from '../state';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404, listPage } from './crud';
import type { HandlerTable } from './types';

const WEBHOOK = 'Webhook';

/** `from` and `to` are dates (YYYY-MM-DD), both inclusive, compared with the event's creation date. */
const inDateRange = (event: ApiObject, query: Record<string, unknown>) =>
	(!query.from || String(event.timestamp_created_date) >= String(query.from)) && (!query.to || String(event.timestamp_created_date) <= String(query.to));

const eventsBetween = (workspace: WorkspaceState, query: Record<string, unknown>) =>
	[...workspace.webhookEvents.values()].filter((event) => inDateRange(event, query));

/** Every delivery attempt counts as one event, retries included, as in the delivery log. */
function summarise(events: ApiObject[]) {
	const successful = events.filter((event) => event.success === true).length;
	const rate = (count: number) => (events.length === 0 ? 0 : Math.round((count / events.length) * 10_000) / 100);
	return {
		total_events: events.length,
		successful_events: successful,
		failed_events: events.length - successful,
		success_rate: rate(successful),
		failure_rate: rate(events.length - successful),
	};
}

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
				inDateRange(event, query) &&
				(!query.search || containsText(event.webhook_url, query.search) || containsText(event.lead_email, query.search)),
		),
	'GET /api/v2/webhook-events/summary': ({ workspace, query }) => summarise(eventsBetween(workspace, query)),
	'GET /api/v2/webhook-events/summary-by-date': ({ workspace, query }) => {
		const byDate = new Map<string, ApiObject[]>();
		for (const event of eventsBetween(workspace, query)) {
			const date = String(event.timestamp_created_date);
			byDate.set(date, [...(byDate.get(date) ?? []), event]);
		}
		return {
			items: [...byDate]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([date, events]) => {
					const { total_events, successful_events, failed_events, success_rate } = summarise(events);
					return { date, total_events, successful_events, failed_events, success_rate };
				}),
		};
	},
	'GET /api/v2/webhook-events/{id}': ({ workspace, params }) => getOr404(workspace.webhookEvents, params.id, 'Webhook event'),
};
