import type { IHttpRequestMethods } from 'n8n-workflow';

import type { Pace } from './pace';

export interface Endpoint {
	method: IHttpRequestMethods;
	/** OpenAPI path template; `{name}` parameters are filled in (URI-encoded) by the transport. */
	path: string;
	/** The narrowest scope that allows the call (Instantly also accepts `<resource>:all`, `all:<action>`, `all:all`). */
	scope: string;
	/** Whether the endpoint takes a JSON body. Without one Instantly rejects any body and even a bare JSON Content-Type. */
	hasBody: boolean;
	/** A repeat cannot apply twice, so a 5xx or a dropped connection may be retried. */
	safeToRepeat: boolean;
	/** A limit of its own, below the workspace's (e.g. `GET /emails`: 20 per minute). */
	pace?: Pace;
}

const endpoint = (
	method: IHttpRequestMethods,
	path: string,
	scope: string,
	{ hasBody = false, safeToRepeat = method === 'GET' || method === 'DELETE' } = {},
): Endpoint => ({ method, path, scope, hasBody, safeToRepeat });

/** `GET /emails`: 20 requests per minute per workspace, so at most one every ~3.2 s. */
export const EMAILS_PACE: Pace = { requestsPerSecond: 19 / 60, burst: 1 };

// Scopes come from each operation's description in Instantly's OpenAPI document; where it lists
// none (analytics, webhook listing, event types, interest status) the resource's own scope is given.
export const endpoints = {
	createLead: endpoint('POST', '/api/v2/leads', 'leads:create', { hasBody: true }),
	addLeads: endpoint('POST', '/api/v2/leads/add', 'leads:create', { hasBody: true }),
	listLeads: endpoint('POST', '/api/v2/leads/list', 'leads:read', { hasBody: true, safeToRepeat: true }),
	getLead: endpoint('GET', '/api/v2/leads/{id}', 'leads:read'),
	updateLead: endpoint('PATCH', '/api/v2/leads/{id}', 'leads:update', { hasBody: true, safeToRepeat: true }),
	deleteLead: endpoint('DELETE', '/api/v2/leads/{id}', 'leads:delete'),
	// With a `limit` a repeat would delete that many more leads.
	deleteLeads: endpoint('DELETE', '/api/v2/leads', 'leads:delete', { hasBody: true, safeToRepeat: false }),
	updateInterestStatus: endpoint('POST', '/api/v2/leads/update-interest-status', 'leads:update', {
		hasBody: true,
		safeToRepeat: true,
	}),
	moveLeads: endpoint('POST', '/api/v2/leads/move', 'leads:update', { hasBody: true }),
	getBackgroundJob: endpoint('GET', '/api/v2/background-jobs/{id}', 'background-jobs:read'),
	listLeadLabels: endpoint('GET', '/api/v2/lead-labels', 'lead-labels:read'),
	listLeadLists: endpoint('GET', '/api/v2/lead-lists', 'lead_lists:read'),
	createLeadList: endpoint('POST', '/api/v2/lead-lists', 'lead_lists:create', { hasBody: true }),

	listCampaigns: endpoint('GET', '/api/v2/campaigns', 'campaigns:read'),
	createCampaign: endpoint('POST', '/api/v2/campaigns', 'campaigns:create', { hasBody: true }),
	getCampaign: endpoint('GET', '/api/v2/campaigns/{id}', 'campaigns:read'),
	updateCampaign: endpoint('PATCH', '/api/v2/campaigns/{id}', 'campaigns:update', {
		hasBody: true,
		safeToRepeat: true,
	}),
	deleteCampaign: endpoint('DELETE', '/api/v2/campaigns/{id}', 'campaigns:delete'),
	activateCampaign: endpoint('POST', '/api/v2/campaigns/{id}/activate', 'campaigns:update', {
		safeToRepeat: true,
	}),
	pauseCampaign: endpoint('POST', '/api/v2/campaigns/{id}/pause', 'campaigns:update', {
		safeToRepeat: true,
	}),
	getCampaignAnalytics: endpoint('GET', '/api/v2/campaigns/analytics', 'campaigns:read'),
	getCampaignAnalyticsOverview: endpoint('GET', '/api/v2/campaigns/analytics/overview', 'campaigns:read'),
	getCampaignAnalyticsDaily: endpoint('GET', '/api/v2/campaigns/analytics/daily', 'campaigns:read'),
	getCampaignAnalyticsSteps: endpoint('GET', '/api/v2/campaigns/analytics/steps', 'campaigns:read'),

	listBlockListEntries: endpoint('GET', '/api/v2/block-lists-entries', 'block_list_entries:read'),
	createBlockListEntry: endpoint('POST', '/api/v2/block-lists-entries', 'block_list_entries:create', {
		hasBody: true,
	}),
	getBlockListEntry: endpoint('GET', '/api/v2/block-lists-entries/{id}', 'block_list_entries:read'),
	deleteBlockListEntry: endpoint('DELETE', '/api/v2/block-lists-entries/{id}', 'block_list_entries:delete'),
	createBlockListEntries: endpoint(
		'POST',
		'/api/v2/block-lists-entries/bulk-create',
		'block_list_entries:create',
		{ hasBody: true },
	),
	deleteBlockListEntries: endpoint(
		'POST',
		'/api/v2/block-lists-entries/bulk-delete',
		'block_list_entries:delete',
		{ hasBody: true, safeToRepeat: true },
	),

	listWebhooks: endpoint('GET', '/api/v2/webhooks', 'webhooks:read'),
	createWebhook: endpoint('POST', '/api/v2/webhooks', 'webhooks:create', { hasBody: true }),
	getWebhook: endpoint('GET', '/api/v2/webhooks/{id}', 'webhooks:read'),
	updateWebhook: endpoint('PATCH', '/api/v2/webhooks/{id}', 'webhooks:update', {
		hasBody: true,
		safeToRepeat: true,
	}),
	deleteWebhook: endpoint('DELETE', '/api/v2/webhooks/{id}', 'webhooks:delete'),
	listWebhookEventTypes: endpoint('GET', '/api/v2/webhooks/event-types', 'webhooks:read'),
	resumeWebhook: endpoint('POST', '/api/v2/webhooks/{id}/resume', 'webhooks:update', {
		safeToRepeat: true,
	}),
	testWebhook: endpoint('POST', '/api/v2/webhooks/{id}/test', 'webhooks:update'),
	listWebhookEvents: endpoint('GET', '/api/v2/webhook-events', 'webhook_events:read'),
	getWebhookEventsSummary: endpoint('GET', '/api/v2/webhook-events/summary', 'webhook_events:read'),
	getWebhookEventsSummaryByDate: endpoint('GET', '/api/v2/webhook-events/summary-by-date', 'webhook_events:read'),
	getWebhookEvent: endpoint('GET', '/api/v2/webhook-events/{id}', 'webhook_events:read'),

	// Instantly allows 20 calls a minute here; 19 keeps a sliding window of any minute under it.
	listEmails: { ...endpoint('GET', '/api/v2/emails', 'emails:read'), pace: EMAILS_PACE },
	getEmail: endpoint('GET', '/api/v2/emails/{id}', 'emails:read'),
	updateEmail: endpoint('PATCH', '/api/v2/emails/{id}', 'emails:update', { hasBody: true, safeToRepeat: true }),
	deleteEmail: endpoint('DELETE', '/api/v2/emails/{id}', 'emails:delete'),
	countUnreadEmails: endpoint('GET', '/api/v2/emails/unread/count', 'emails:read'),
	markThreadAsRead: endpoint('POST', '/api/v2/emails/threads/{thread_id}/mark-as-read', 'emails:update', {
		safeToRepeat: true,
	}),
	// A repeat would send the email twice.
	replyToEmail: endpoint('POST', '/api/v2/emails/reply', 'emails:create', { hasBody: true }),
	forwardEmail: endpoint('POST', '/api/v2/emails/forward', 'emails:create', { hasBody: true }),

	listAccounts: endpoint('GET', '/api/v2/accounts', 'accounts:read'),
	getAccount: endpoint('GET', '/api/v2/accounts/{email}', 'accounts:read'),
	updateAccount: endpoint('PATCH', '/api/v2/accounts/{email}', 'accounts:update', {
		hasBody: true,
		safeToRepeat: true,
	}),
	deleteAccount: endpoint('DELETE', '/api/v2/accounts/{email}', 'accounts:delete'),
	pauseAccount: endpoint('POST', '/api/v2/accounts/{email}/pause', 'accounts:update', { safeToRepeat: true }),
	resumeAccount: endpoint('POST', '/api/v2/accounts/{email}/resume', 'accounts:update', { safeToRepeat: true }),
	// Each call starts a background job, so a blind repeat would start a second one.
	enableWarmup: endpoint('POST', '/api/v2/accounts/warmup/enable', 'accounts:update', { hasBody: true }),
	disableWarmup: endpoint('POST', '/api/v2/accounts/warmup/disable', 'accounts:update', { hasBody: true }),
	// POSTs that only read.
	getWarmupAnalytics: endpoint('POST', '/api/v2/accounts/warmup-analytics', 'accounts:read', {
		hasBody: true,
		safeToRepeat: true,
	}),
	getAccountDailyAnalytics: endpoint('GET', '/api/v2/accounts/analytics/daily', 'accounts:read'),
	testAccountVitals: endpoint('POST', '/api/v2/accounts/test/vitals', 'accounts:read', {
		hasBody: true,
		safeToRepeat: true,
	}),

	getLeadList: endpoint('GET', '/api/v2/lead-lists/{id}', 'lead_lists:read'),
	updateLeadList: endpoint('PATCH', '/api/v2/lead-lists/{id}', 'lead_lists:update', {
		hasBody: true,
		safeToRepeat: true,
	}),
	deleteLeadList: endpoint('DELETE', '/api/v2/lead-lists/{id}', 'lead_lists:delete'),
	getLeadListVerificationStats: endpoint('GET', '/api/v2/lead-lists/{id}/verification-stats', 'lead_lists:read'),

	createLeadLabel: endpoint('POST', '/api/v2/lead-labels', 'lead-labels:create', { hasBody: true }),
	getLeadLabel: endpoint('GET', '/api/v2/lead-labels/{id}', 'lead-labels:read'),
	updateLeadLabel: endpoint('PATCH', '/api/v2/lead-labels/{id}', 'lead-labels:update', {
		hasBody: true,
		safeToRepeat: true,
	}),
	deleteLeadLabel: endpoint('DELETE', '/api/v2/lead-labels/{id}', 'lead-labels:delete'),

	// A repeat spends another verification credit.
	verifyEmail: endpoint('POST', '/api/v2/email-verification', 'email_verifications:create', { hasBody: true }),
	getEmailVerification: endpoint('GET', '/api/v2/email-verification/{email}', 'email_verifications:read'),

	getCurrentWorkspace: endpoint('GET', '/api/v2/workspaces/current', 'workspaces:read'),
	listWorkspaceGroupMembers: endpoint('GET', '/api/v2/workspace-group-members', 'workspace_group_members:read'),
	getWorkspaceGroupMember: endpoint('GET', '/api/v2/workspace-group-members/{id}', 'workspace_group_members:read'),
	getAdminWorkspace: endpoint('GET', '/api/v2/workspace-group-members/admin', 'workspace_group_members:read'),
} as const satisfies Record<string, Endpoint>;

/**
 * Whether a value cannot stand as one path segment: empty or blank, `.` or `..` (which URL
 * normalisation turns into another endpoint's path), or holding a slash (which some proxies decode).
 */
export function unsafePathSegment(value: string): boolean {
	const trimmed = value.trim();
	return trimmed === '' || trimmed === '.' || trimmed === '..' || /[/\\]/.test(value);
}

/**
 * Fills an endpoint's path template, URI-encoding every parameter. Operations read ids with
 * `pathIdValue` (which names the field); this is the last guard, so no unsafe id is ever sent.
 */
export function resolvePath(template: string, pathParams: Record<string, string> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = pathParams[name];
		if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${template}`);
		if (unsafePathSegment(value)) throw new Error(`Path parameter "${name}" of ${template} is not a valid ID: "${value}"`);
		return encodeURIComponent(value);
	});
}

const RESOURCE_NAMES = new Map([
	['leads', 'lead'],
	['campaigns', 'campaign'],
	['block-lists-entries', 'block list entry'],
	['webhooks', 'webhook'],
	['webhook-events', 'webhook event'],
	['background-jobs', 'background job'],
	['lead-labels', 'lead label'],
	['lead-lists', 'lead list'],
	['emails', 'email'],
	['threads', 'email thread'],
	['accounts', 'account'],
	['email-verification', 'email verification'],
	['workspaces', 'workspace'],
	['workspace-group-members', 'client workspace membership'],
]);

/**
 * What an endpoint acts on, for error hints: named by the segment before its first path
 * parameter (`/emails/threads/{thread_id}/…` acts on a thread), else by its first segment.
 */
export function resourceName(endpoint: Pick<Endpoint, 'path'>): string | undefined {
	const segments = endpoint.path.split('/').slice(3);
	const parameterAt = segments.findIndex((segment) => segment.startsWith('{'));
	return RESOURCE_NAMES.get(parameterAt > 0 ? segments[parameterAt - 1] : segments[0]);
}

/** The scopes Instantly accepts for an endpoint, narrowest first. */
export function acceptedScopes(scope: string): string[] {
	const [resource, action] = scope.split(':');
	return [scope, `${resource}:all`, `all:${action}`, 'all:all'];
}
