import { nowIso, uuidv4, uuidv7 } from './ids';
import { openApiCatalog } from './openapi';
import { latestEmailWith, recordEventEmail } from './resources/emailRecords';
import { sameEmail } from './resources/leadRecords';
import type { EventInput } from './resources/types';
import type { Lead, WorkspaceState } from './state';

/**
 * The standard events, read from Instantly's OpenAPI document rather than from the node's own list,
 * so the simulator stays an independent check of the node.
 */
export function standardEventTypes(): readonly string[] {
	return openApiCatalog().webhookEventTypes;
}

const REPLY_EVENTS = new Set(['reply_received', 'auto_reply_received']);
/** Events about an email already sent: their `email_id` is that email's id. */
const SENT_EMAIL_EVENTS = new Set(['email_opened', 'link_clicked', 'email_bounced']);

/** Subscriptions say `email_link_clicked`; payloads say `link_clicked` (see docs/decisions.md). */
export function deliveredEventType(eventType: string): string {
	return eventType === 'email_link_clicked' ? 'link_clicked' : eventType;
}

export function subscriptionEventType(eventType: string): string {
	return eventType === 'link_clicked' ? 'email_link_clicked' : eventType;
}

export function eventTypeLabel(eventType: string): string {
	return eventType
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export function findEventLead(workspace: WorkspaceState, event: EventInput): Lead | undefined {
	if (!event.lead_email) return undefined;
	const candidates = [...workspace.leads.values()].filter((lead) => sameEmail(lead.email, event.lead_email));
	return candidates.find((lead) => lead.campaign === event.campaign_id) ?? candidates[0];
}

function leadFields(lead: Lead | undefined): Record<string, unknown> {
	if (!lead) return {};
	return { email: lead.email, ...(lead.payload ?? {}), campaign: lead.campaign, ...(lead.list_id ? { list_id: lead.list_id } : {}) };
}

/** The flat JSON Instantly POSTs: base fields, lead fields and custom variables side by side. */
export function buildEventPayload(workspace: WorkspaceState, event: EventInput): Record<string, unknown> {
	const eventType = deliveredEventType(event.event_type);
	const lead = findEventLead(workspace, event);
	const campaignId = event.campaign_id ?? lead?.campaign ?? null;
	const campaign = campaignId ? workspace.campaigns.get(campaignId) : undefined;
	const previous = latestEmailWith(workspace, campaignId, event.lead_email, true);
	const emailId = SENT_EMAIL_EVENTS.has(eventType) && previous ? previous.id : uuidv7();
	// A reply lands in the lead's existing thread; unibox_url searches for that thread.
	const threadId = latestEmailWith(workspace, campaignId, event.lead_email)?.thread_id ?? uuidv4();
	const payload: Record<string, unknown> = {
		timestamp: nowIso(),
		event_type: eventType,
		workspace: workspace.id,
		campaign_id: campaignId,
		campaign_name: campaign?.name ?? null,
		lead_email: event.lead_email ?? null,
		email_account: (campaign?.email_list as string[] | undefined)?.[0] ?? 'outreach@sender-mail.com',
		unibox_url: REPLY_EVENTS.has(eventType)
			? `https://app.instantly.ai/app/unibox?thread_search=thread:${threadId}&selected_wks=${workspace.id}`
			: null,
		step: 1,
		variant: 1,
		is_first: !workspace.activity.some((entry) => entry.eventType === eventType && sameEmail(entry.leadEmail, event.lead_email)),
		email_id: emailId,
		...leadFields(lead),
	};
	if (eventType === 'email_sent') {
		payload.email_subject = `Quick question for ${lead?.payload?.companyName ?? 'you'}`;
		payload.email_html = `<div>Hi ${lead?.payload?.firstName ?? 'there'},<br/><br/>Worth a chat?</div>`;
	}
	if (REPLY_EVENTS.has(eventType)) {
		payload.reply_subject = 'Re: Quick question';
		payload.reply_text_snippet = 'Sounds interesting, tell me more.';
		payload.reply_text = 'Sounds interesting, tell me more.\n\nOn Monday you wrote: ...';
		payload.reply_html = '<div>Sounds interesting, tell me more.</div>';
	}
	return { ...payload, ...(event.data ?? {}) };
}

const LEAD_COUNTERS: Record<string, { counter?: string; timestamp: string; status?: number }> = {
	email_sent: { timestamp: 'timestamp_last_contact' },
	email_opened: { counter: 'email_open_count', timestamp: 'timestamp_last_open' },
	link_clicked: { counter: 'email_click_count', timestamp: 'timestamp_last_click' },
	reply_received: { counter: 'email_reply_count', timestamp: 'timestamp_last_reply' },
	email_bounced: { timestamp: 'timestamp_last_touch', status: -1 },
	lead_unsubscribed: { timestamp: 'timestamp_last_touch', status: -2 },
};

/** Records the event for analytics and updates the lead's counters, as a real send/open/reply would. */
export function recordActivity(workspace: WorkspaceState, payload: Record<string, unknown>): void {
	const eventType = String(payload.event_type);
	const campaignId = payload.campaign_id;
	const leadEmail = payload.lead_email;
	if (typeof campaignId !== 'string' || typeof leadEmail !== 'string') return;
	workspace.activity.push({
		campaignId,
		leadEmail,
		eventType,
		step: Number(payload.step ?? 1),
		variant: Number(payload.variant ?? 1),
		timestamp: String(payload.timestamp),
		...(typeof payload.email_account === 'string' ? { emailAccount: payload.email_account } : {}),
	});
	const lead = findEventLead(workspace, { event_type: eventType, campaign_id: campaignId, lead_email: leadEmail });
	const effect = LEAD_COUNTERS[eventType];
	if (!lead || !effect) return;
	if (effect.counter) lead[effect.counter] = Number(lead[effect.counter] ?? 0) + 1;
	if (effect.status !== undefined) lead.status = effect.status;
	lead[effect.timestamp] = payload.timestamp;
}

/** Everything an event changes in the workspace: activity, lead counters and the unibox email. */
export function recordEvent(workspace: WorkspaceState, payload: Record<string, unknown>): void {
	recordActivity(workspace, payload);
	recordEventEmail(workspace, payload);
}
