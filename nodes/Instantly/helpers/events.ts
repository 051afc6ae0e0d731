/** The `event_type` values `POST /api/v2/webhooks` accepts (its OpenAPI enum): one per webhook. */
export const EVENT_TYPES = [
	'all_events',
	'email_sent',
	'email_opened',
	'email_link_clicked',
	'reply_received',
	'email_bounced',
	'lead_unsubscribed',
	'campaign_completed',
	'account_error',
	'lead_neutral',
	'lead_interested',
	'lead_not_interested',
	'lead_meeting_booked',
	'lead_meeting_completed',
	'lead_closed',
	'lead_out_of_office',
	'lead_wrong_person',
	'lead_no_show',
	'supersearch_enrichment_completed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const ALL_EVENTS = 'all_events';

/** What Instantly's test button (`POST /webhooks/{id}/test`) delivers. */
export const TEST_EVENT = 'test_event';

/** Arrives only through an all_events webhook; it cannot be subscribed to on its own. */
export const AUTO_REPLY_EVENT = 'auto_reply_received';

export const EVENT_LABELS: Record<EventType, string> = {
	all_events: 'All Events',
	email_sent: 'Email Sent',
	email_opened: 'Email Opened',
	email_link_clicked: 'Email Link Clicked',
	reply_received: 'Reply Received',
	email_bounced: 'Email Bounced',
	lead_unsubscribed: 'Lead Unsubscribed',
	campaign_completed: 'Campaign Completed',
	account_error: 'Account Error',
	lead_neutral: 'Lead Marked Neutral',
	lead_interested: 'Lead Marked Interested',
	lead_not_interested: 'Lead Marked Not Interested',
	lead_meeting_booked: 'Lead Meeting Booked',
	lead_meeting_completed: 'Lead Meeting Completed',
	lead_closed: 'Lead Closed (Won)',
	lead_out_of_office: 'Lead Out of Office',
	lead_wrong_person: 'Lead Wrong Person',
	lead_no_show: 'Lead No Show',
	supersearch_enrichment_completed: 'SuperSearch Enrichment Completed',
};

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
	all_events:
		'Every event, including auto replies and custom lead labels (one webhook in Instantly instead of one per event)',
	email_sent: 'A campaign email was sent to a lead',
	email_opened: 'A lead opened a campaign email',
	email_link_clicked: 'A lead clicked a link in a campaign email (delivered as link_clicked)',
	reply_received: 'A lead replied',
	email_bounced: 'A campaign email bounced',
	lead_unsubscribed: 'A lead unsubscribed',
	campaign_completed: 'A campaign finished',
	account_error: 'A sending account has an error',
	lead_neutral: "A lead's interest status became Neutral",
	lead_interested: "A lead's interest status became Interested",
	lead_not_interested: "A lead's interest status became Not Interested",
	lead_meeting_booked: "A lead's interest status became Meeting Booked",
	lead_meeting_completed: "A lead's interest status became Meeting Completed",
	lead_closed: "A lead's interest status became Won",
	lead_out_of_office: "A lead's interest status became Out of Office",
	lead_wrong_person: "A lead's interest status became Wrong Person",
	lead_no_show: "A lead's interest status became No Show",
	supersearch_enrichment_completed: 'A SuperSearch enrichment finished',
};

// Subscriptions and payloads use different names for clicks (see docs/decisions.md). Maps, because a
// delivered name is outside data: a custom label may be called "constructor" or "__proto__".
const DELIVERED_AS = new Map<EventType, string>([['email_link_clicked', 'link_clicked']]);
const SUBSCRIBED_AS = new Map<string, EventType>([['link_clicked', 'email_link_clicked']]);

export function isEventType(value: string): value is EventType {
	return (EVENT_TYPES as readonly string[]).includes(value);
}

/** The `event_type` a payload carries for a subscription: `email_link_clicked` → `link_clicked`. */
export function deliveredName(subscription: EventType): string {
	return DELIVERED_AS.get(subscription) ?? subscription;
}

/** The subscription name of a delivered `event_type`: `link_clicked` → `email_link_clicked`. */
export function subscribedName(delivered: string): string {
	return SUBSCRIBED_AS.get(delivered) ?? delivered;
}

const CUSTOM_PREFIX = 'custom:';

/** A selectable event: a standard type, or a custom lead label (event_type null + its interest value). */
export interface Subscription {
	/** The Events option value it came from. */
	option: string;
	eventType: EventType | null;
	customInterestValue: number | null;
	/** Human-readable name; for a custom label also the `event_type` its deliveries carry. */
	label: string;
}

/**
 * Option value of a custom lead label: `custom:<interest_status>:<label name>`, so the webhook
 * body (the number) and the delivered event name (the label) are both known without a lookup.
 */
export function customEventOption(interestStatus: number, label: string): string {
	return `${CUSTOM_PREFIX}${interestStatus}:${label}`;
}

/** Reads an Events option value; undefined when it is neither a standard type nor a custom label. */
export function parseEventOption(option: string): Subscription | undefined {
	if (isEventType(option)) {
		return { option, eventType: option, customInterestValue: null, label: EVENT_LABELS[option] };
	}
	const custom = /^custom:(-?\d+(?:\.\d+)?):(.+)$/s.exec(option);
	if (!custom) return undefined;
	return { option, eventType: null, customInterestValue: Number(custom[1]), label: custom[2] };
}

/**
 * Finds which selected subscription a delivered `event_type` belongs to, and the name to report
 * for it (the subscription vocabulary: `email_link_clicked`, not `link_clicked`). Custom label
 * events arrive as the label's name; a name no standard type has is taken as a custom label (it
 * may have been renamed in Instantly since it was selected).
 */
export function matchDelivery(
	subscriptions: Subscription[],
	delivered: string,
): { subscription: Subscription; event: string } | undefined {
	const event = subscribedName(delivered);
	const known = isEventType(event) || event === AUTO_REPLY_EVENT || event === TEST_EVENT;
	const byName =
		subscriptions.find((subscription) => subscription.eventType === event) ??
		subscriptions.find((subscription) => subscription.eventType === null && subscription.label === delivered);
	if (byName) return { subscription: byName, event };
	const allEvents = subscriptions.find((subscription) => subscription.eventType === ALL_EVENTS);
	if (allEvents && event !== TEST_EVENT) return { subscription: allEvents, event };
	const customLabel = subscriptions.find((subscription) => subscription.eventType === null);
	if (customLabel && !known) return { subscription: customLabel, event: delivered };
	return undefined;
}
