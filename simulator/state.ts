import { nowIso, uuidv4 } from './ids';

export interface ApiObject {
	id: string;
	[field: string]: unknown;
}

export interface Campaign extends ApiObject {
	name: string;
	status: number;
	organization: string;
	timestamp_created: string;
	timestamp_updated: string;
}

export interface Lead extends ApiObject {
	email: string | null;
	campaign: string | null;
	list_id: string | null;
	status: number;
	payload: Record<string, unknown> | null;
	lt_interest_status?: number;
	timestamp_created: string;
	timestamp_updated: string;
}

export interface Webhook extends ApiObject {
	organization: string;
	campaign: string | null;
	name: string | null;
	target_hook_url: string;
	event_type?: string | null;
	custom_interest_value: number | null;
	headers: Record<string, string> | null;
	status: number;
	timestamp_error: string | null;
}

export interface LeadLabel extends ApiObject {
	label: string;
	interest_status: number;
	interest_status_label: 'positive' | 'negative' | 'neutral';
}

/** A sending mailbox. Keyed by lowercased email: the spec's Account has no `id` (and no extra fields). */
export interface Account {
	email: string;
	first_name: string;
	last_name: string;
	organization: string;
	status: number;
	warmup_status: number;
	provider_code: number;
	setup_pending: boolean;
	is_managed_account: boolean;
	timestamp_created: string;
	timestamp_updated: string;
	[field: string]: unknown;
}

/** A unibox email; `ue_type` 1 sent from campaign, 2 received, 3 sent manually, 4 scheduled. */
export interface Email extends ApiObject {
	timestamp_created: string;
	subject: string;
	eaccount: string;
	from_address_email: string | null;
	to_address_email_list: string;
	lead: string | null;
	campaign_id: string | null;
	list_id: string | null;
	thread_id: string | null;
	ue_type: number | null;
	is_unread: number | null;
	body: { text?: string; html?: string };
}

export interface BackgroundJob extends ApiObject {
	status: string;
	progress: number;
}

/** Verification credits a new workspace starts with; running out is not simulated. */
export const VERIFICATION_CREDITS = 1000;

/** The spec's EmailVerification; keyed by lowercased email (it has no id). */
export interface EmailVerification {
	status: 'success' | 'error' | null;
	email: string;
	verification_status: string;
	catch_all: boolean | 'pending';
	credits: number | null;
	credits_used: number | null;
}

/** One thing that happened to a lead; campaign analytics are computed from these. */
export interface Activity {
	campaignId: string;
	leadEmail: string;
	eventType: string;
	step: number;
	variant: number;
	timestamp: string;
	/** The sending account (the payload's `email_account`), for account analytics. */
	emailAccount?: string;
}

export interface DeliveryAttempt {
	statusCode: number | null;
	error?: string;
	responseTimeMs: number;
}

export interface DeliveryResult {
	webhookId: string;
	url: string;
	eventType: string;
	success: boolean;
	statusCode: number | null;
	attempts: number;
	error?: string;
	disabled: boolean;
	payload: Record<string, unknown>;
	deliveredAt: string;
}

export interface WorkspaceState {
	id: string;
	name: string;
	paid: boolean;
	userId: string;
	defaultBlocklistId: string;
	apiKeys: Map<string, string[]>;
	campaigns: Map<string, Campaign>;
	leads: Map<string, Lead>;
	leadLists: Map<string, ApiObject>;
	leadLabels: Map<string, LeadLabel>;
	blockListEntries: Map<string, ApiObject>;
	webhooks: Map<string, Webhook>;
	webhookEvents: Map<string, ApiObject>;
	backgroundJobs: Map<string, BackgroundJob>;
	emailVerifications: Map<string, EmailVerification>;
	verificationCredits: number;
	accounts: Map<string, Account>;
	/** Custom tag ids per account email (lowercased); kept apart because Account allows no extra fields. */
	accountTags: Map<string, string[]>;
	emails: Map<string, Email>;
	/** Consecutive failed deliveries per webhook id (not part of the Webhook object). */
	webhookFailures: Map<string, number>;
	deliveries: DeliveryResult[];
	activity: Activity[];
	nextLabelValue: number;
	createdAt: string;
}

export function createWorkspaceState(options: { name?: string; paid?: boolean } = {}): WorkspaceState {
	return {
		id: uuidv4(),
		name: options.name ?? 'Workspace',
		paid: options.paid ?? true,
		userId: uuidv4(),
		defaultBlocklistId: uuidv4(),
		apiKeys: new Map(),
		campaigns: new Map(),
		leads: new Map(),
		leadLists: new Map(),
		leadLabels: new Map(),
		blockListEntries: new Map(),
		webhooks: new Map(),
		webhookEvents: new Map(),
		backgroundJobs: new Map(),
		emailVerifications: new Map(),
		verificationCredits: VERIFICATION_CREDITS,
		accounts: new Map(),
		accountTags: new Map(),
		emails: new Map(),
		webhookFailures: new Map(),
		deliveries: [],
		activity: [],
		nextLabelValue: 101,
		createdAt: nowIso(),
	};
}

/** Plain JSON view of a workspace for the control API and for debugging. */
export function dumpWorkspace(workspace: WorkspaceState): Record<string, unknown> {
	const values = <T>(map: Map<string, T>) => [...map.values()];
	return {
		id: workspace.id,
		name: workspace.name,
		paid: workspace.paid,
		apiKeys: Object.fromEntries(workspace.apiKeys),
		campaigns: values(workspace.campaigns),
		leads: values(workspace.leads),
		leadLists: values(workspace.leadLists),
		leadLabels: values(workspace.leadLabels),
		blockListEntries: values(workspace.blockListEntries),
		webhooks: values(workspace.webhooks),
		webhookEvents: values(workspace.webhookEvents),
		backgroundJobs: values(workspace.backgroundJobs),
		emailVerifications: values(workspace.emailVerifications),
		accounts: values(workspace.accounts),
		emails: values(workspace.emails),
		deliveries: workspace.deliveries,
		activity: workspace.activity,
	};
}
