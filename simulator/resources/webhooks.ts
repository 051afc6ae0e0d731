import { nowIso, uuidv7 } from '../ids';
import { eventTypeLabel, standardEventTypes } from '../events';
import type { ApiObject, Webhook, WorkspaceState } from '../state';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404, listPage } from './crud';
import type { HandlerTable, SimulatorServices } from './types';

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

export const MASKED_HEADER_VALUE = '********';

/** A webhook as the API shows it: with `maskWebhookHeaders`, every custom header value masked. */
function shown(webhook: Webhook, services: SimulatorServices): Webhook {
	if (!services.webhookHeadersMasked() || !webhook.headers) return webhook;
	return { ...webhook, headers: Object.fromEntries(Object.keys(webhook.headers).map((name) => [name, MASKED_HEADER_VALUE])) };
}

export const webhookHandlers: HandlerTable = {
	'POST /api/v2/webhooks': ({ workspace, services, body }) => {
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
		return shown(webhook, services);
	},
	'GET /api/v2/webhooks': ({ workspace, services, query }) => {
		const page = listPage(workspace.webhooks, query, (webhook) => equalsFilter(webhook.campaign, query.campaign) && equalsFilter(webhook.event_type, query.event_type));
		return { ...page, items: page.items.map((webhook) => shown(webhook, services)) };
	},
	'GET /api/v2/webhooks/event-types': ({ workspace }) => ({
		event_types: [
			...standardEventTypes().map((id) => ({ id, label: eventTypeLabel(id), type: 'standard' })),
			...[...workspace.leadLabels.values()].map((label) => ({ id: String(label.interest_status), label: label.label, type: 'custom' })),
		],
	}),
	'GET /api/v2/webhooks/{id}': ({ workspace, services, params }) => shown(getOr404(workspace.webhooks, params.id, WEBHOOK), services),
	'PATCH /api/v2/webhooks/{id}': ({ workspace, services, params, body }) =>
		shown(applyPatch(getOr404(workspace.webhooks, params.id, WEBHOOK), body), services),
	'DELETE /api/v2/webhooks/{id}': ({ workspace, services, params }) => {
		workspace.webhookFailures.delete(params.id);
		return shown(deleteOr404(workspace.webhooks, params.id, WEBHOOK), services);
	},
	'POST /api/v2/webhooks/{id}/test': ({ workspace, services, params }) => {
		getOr404(workspace.webhooks, params.id, WEBHOOK);
		return services.testWebhook(workspace, params.id);
	},
	'POST /api/v2/webhooks/{id}/resume': ({ workspace, services, params }) => {
		const webhook = getOr404(workspace.webhooks, params.id, WEBHOOK);
		workspace.webhookFailures.set(webhook.id, 0);
		return shown(applyPatch(webhook, { status: 1, timestamp_error: null }), services);
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
