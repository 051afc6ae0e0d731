import type { Activity, Campaign, WorkspaceState } from '../state';
import { getOr404 } from './crud';
import type { HandlerTable } from './types';

const OPPORTUNITY_STATUSES = new Set([1, 2, 3, 4]);

interface ActivityCounts {
	sent: number;
	contacted: number;
	opened: number;
	uniqueOpened: number;
	replies: number;
	uniqueReplies: number;
	autoReplies: number;
	uniqueAutoReplies: number;
	clicks: number;
	uniqueClicks: number;
	bounced: number;
	unsubscribed: number;
}

export function countActivity(activity: Activity[]): ActivityCounts {
	const ofType = (eventType: string) => activity.filter((entry) => entry.eventType === eventType);
	const unique = (entries: Activity[]) => new Set(entries.map((entry) => entry.leadEmail)).size;
	const sent = ofType('email_sent');
	const opened = ofType('email_opened');
	const replies = ofType('reply_received');
	const autoReplies = ofType('auto_reply_received');
	const clicks = ofType('link_clicked');
	return {
		sent: sent.length,
		contacted: unique(sent),
		opened: opened.length,
		uniqueOpened: unique(opened),
		replies: replies.length,
		uniqueReplies: unique(replies),
		autoReplies: autoReplies.length,
		uniqueAutoReplies: unique(autoReplies),
		clicks: clicks.length,
		uniqueClicks: unique(clicks),
		bounced: ofType('email_bounced').length,
		unsubscribed: ofType('lead_unsubscribed').length,
	};
}

/** The engagement counters the analytics endpoints report, under Instantly's names. */
export function engagementFields(counts: ActivityCounts) {
	return {
		opened: counts.opened,
		unique_opened: counts.uniqueOpened,
		replies: counts.replies,
		unique_replies: counts.uniqueReplies,
		replies_automatic: counts.autoReplies,
		unique_replies_automatic: counts.uniqueAutoReplies,
		clicks: counts.clicks,
		unique_clicks: counts.uniqueClicks,
	};
}

export function inRange(timestamp: string, startDate: unknown, endDate: unknown): boolean {
	const time = Date.parse(timestamp);
	if (typeof startDate === 'string' && time < Date.parse(startDate)) return false;
	// A date-only end is inclusive of that whole day.
	if (typeof endDate === 'string' && time >= Date.parse(endDate) + (endDate.length === 10 ? 86_400_000 : 1)) return false;
	return true;
}

function campaignActivity(workspace: WorkspaceState, campaignIds: string[], query: Record<string, unknown>): Activity[] {
	return workspace.activity.filter(
		(entry) => campaignIds.includes(entry.campaignId) && inRange(entry.timestamp, query.start_date, query.end_date),
	);
}

function campaignLeads(workspace: WorkspaceState, campaignIds: string[]) {
	return [...workspace.leads.values()].filter((lead) => lead.campaign !== null && campaignIds.includes(lead.campaign));
}

function selectedCampaigns(workspace: WorkspaceState, query: Record<string, unknown>): Campaign[] {
	const ids = [...((query.ids as string[] | undefined) ?? []), ...(typeof query.id === 'string' ? [query.id] : [])];
	if (ids.length === 0) return [...workspace.campaigns.values()];
	return ids.map((id) => getOr404(workspace.campaigns, id, 'Campaign'));
}

function totals(workspace: WorkspaceState, campaigns: Campaign[], query: Record<string, unknown>) {
	const ids = campaigns.map((campaign) => campaign.id);
	const counts = countActivity(campaignActivity(workspace, ids, query));
	const leads = campaignLeads(workspace, ids);
	const opportunities = leads.filter((lead) => OPPORTUNITY_STATUSES.has(lead.lt_interest_status ?? NaN));
	const valuePerOpportunity = campaigns.length === 1 ? Number(campaigns[0].pl_value ?? 0) : 0;
	const withInterest = (status: number) => leads.filter((lead) => lead.lt_interest_status === status).length;
	return {
		counts,
		leads,
		summary: {
			contacted_count: counts.contacted,
			emails_sent_count: counts.sent,
			new_leads_contacted_count: counts.contacted,
			open_count: counts.opened,
			open_count_unique: counts.uniqueOpened,
			open_count_unique_by_step: counts.uniqueOpened,
			reply_count: counts.replies,
			reply_count_unique: counts.uniqueReplies,
			reply_count_unique_by_step: counts.uniqueReplies,
			reply_count_automatic: counts.autoReplies,
			reply_count_automatic_unique: counts.uniqueAutoReplies,
			reply_count_automatic_unique_by_step: counts.uniqueAutoReplies,
			link_click_count: counts.clicks,
			link_click_count_unique: counts.uniqueClicks,
			link_click_count_unique_by_step: counts.uniqueClicks,
			bounced_count: counts.bounced,
			unsubscribed_count: counts.unsubscribed,
			completed_count: leads.filter((lead) => lead.status === 3).length,
			total_opportunities: opportunities.length,
			total_opportunity_value: opportunities.length * valuePerOpportunity,
		},
		interest: {
			total_interested: withInterest(1),
			total_meeting_booked: withInterest(2),
			total_meeting_completed: withInterest(3),
			total_closed: withInterest(4),
		},
	};
}

function dailyRow(date: string, counts: ActivityCounts) {
	return {
		date,
		sent: counts.sent,
		contacted: counts.contacted,
		new_leads_contacted: counts.contacted,
		...engagementFields(counts),
		opportunities: 0,
		unique_opportunities: 0,
	};
}

function groupBy(activity: Activity[], keyOf: (entry: Activity) => string): Map<string, Activity[]> {
	const groups = new Map<string, Activity[]>();
	for (const entry of activity) groups.set(keyOf(entry), [...(groups.get(keyOf(entry)) ?? []), entry]);
	return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function activityFor(workspace: WorkspaceState, query: Record<string, unknown>): Activity[] {
	const campaigns = typeof query.campaign_id === 'string' ? [getOr404(workspace.campaigns, query.campaign_id, 'Campaign')] : [...workspace.campaigns.values()];
	return campaignActivity(workspace, campaigns.map((campaign) => campaign.id), query);
}

export const analyticsHandlers: HandlerTable = {
	'GET /api/v2/campaigns/analytics': ({ workspace, query }) =>
		selectedCampaigns(workspace, query).map((campaign) => {
			const { summary, leads } = totals(workspace, [campaign], query);
			return {
				campaign_name: campaign.name,
				campaign_id: campaign.id,
				campaign_status: campaign.status,
				campaign_is_evergreen: Boolean(campaign.is_evergreen),
				leads_count: query.exclude_total_leads_count ? 0 : leads.length,
				...summary,
			};
		}),
	'GET /api/v2/campaigns/analytics/overview': ({ workspace, query }) => {
		const { summary, interest } = totals(workspace, selectedCampaigns(workspace, query), query);
		return { ...summary, ...interest };
	},
	'GET /api/v2/campaigns/analytics/daily': ({ workspace, query }) =>
		[...groupBy(activityFor(workspace, query), (entry) => entry.timestamp.slice(0, 10))].map(([date, entries]) =>
			dailyRow(date, countActivity(entries)),
		),
	'GET /api/v2/campaigns/analytics/steps': ({ workspace, query }) =>
		[...groupBy(activityFor(workspace, query), (entry) => `${entry.step}:${entry.variant}`)].map(([key, entries]) => {
			const [step, variant] = key.split(':');
			const counts = countActivity(entries);
			return {
				step,
				// The steps endpoint numbers variants from 0 while webhooks count from 1.
				variant: String(Number(variant) - 1),
				sent: counts.sent,
				...engagementFields(counts),
			};
		}),
};
