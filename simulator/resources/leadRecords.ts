import { nowIso, uuidv7 } from '../ids';
import type { Lead, WorkspaceState } from '../state';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isValidEmail = (value: unknown): value is string => typeof value === 'string' && EMAIL_PATTERN.test(value);

export const sameEmail = (a: unknown, b: unknown): boolean =>
	typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

export function domainOf(value: string): string {
	return value.slice(value.lastIndexOf('@') + 1).toLowerCase();
}

/** Block-list entries are either a full address or a domain that blocks every address in it. */
export function isBlocked(workspace: WorkspaceState, email: string): boolean {
	const domain = domainOf(email);
	for (const entry of workspace.blockListEntries.values()) {
		const value = String(entry.bl_value).toLowerCase();
		if (entry.is_domain ? value === domain : value === email.toLowerCase()) return true;
	}
	return false;
}

export const INTEREST_EVENTS: Record<number, string> = {
	1: 'lead_interested',
	2: 'lead_meeting_booked',
	3: 'lead_meeting_completed',
	4: 'lead_closed',
	0: 'lead_out_of_office',
	[-1]: 'lead_not_interested',
	[-2]: 'lead_wrong_person',
	[-4]: 'lead_no_show',
};

const CORE_PAYLOAD_KEYS: Record<string, string> = {
	first_name: 'firstName',
	last_name: 'lastName',
	company_name: 'companyName',
	job_title: 'jobTitle',
	website: 'website',
	phone: 'phone',
	personalization: 'personalization',
};

const LEAD_FIELDS = ['email', 'first_name', 'last_name', 'company_name', 'job_title', 'phone', 'website', 'personalization', 'pl_value_lead', 'assigned_to'];

/** Instantly keeps core fields in camelCase plus every custom variable in `payload`. */
export function refreshPayload(lead: Lead, customVariables?: Record<string, unknown>): void {
	const payload: Record<string, unknown> = { ...(lead.payload ?? {}), ...(customVariables ?? {}) };
	for (const [field, key] of Object.entries(CORE_PAYLOAD_KEYS)) {
		if (typeof lead[field] === 'string') payload[key] = lead[field];
		else delete payload[key];
	}
	lead.payload = payload;
}

export function createLeadRecord(
	workspace: WorkspaceState,
	input: Record<string, unknown>,
	placement: { campaign: string | null; list_id: string | null },
): Lead {
	const timestamp = nowIso();
	const email = typeof input.email === 'string' ? input.email : null;
	const lead: Lead = {
		id: uuidv7(),
		timestamp_created: timestamp,
		timestamp_updated: timestamp,
		organization: workspace.id,
		campaign: placement.campaign,
		list_id: placement.list_id,
		status: 1,
		email,
		email_open_count: 0,
		email_reply_count: 0,
		email_click_count: 0,
		company_domain: email ? domainOf(email) : '',
		status_summary: {},
		payload: null,
		upload_method: 'api',
		verification_status: 1,
		enrichment_status: -1,
		esp_code: 0,
		esg_code: 0,
		uploaded_by_user: workspace.userId,
	};
	for (const field of LEAD_FIELDS) if (input[field] !== undefined) lead[field] = input[field];
	if (typeof input.lt_interest_status === 'number') lead.lt_interest_status = input.lt_interest_status;
	refreshPayload(lead, input.custom_variables as Record<string, unknown> | undefined);
	workspace.leads.set(lead.id, lead);
	return lead;
}

export interface SkipFlags {
	skip_if_in_workspace?: boolean;
	skip_if_in_campaign?: boolean;
	skip_if_in_list?: boolean;
}

export type PlacementCheck = 'skipped' | 'duplicate' | 'ok';

/** Why a lead with this email would not be added: a skip flag matched, or it is already in the target. */
export function placementCheck(
	workspace: WorkspaceState,
	email: string | null,
	target: { campaign: string | null; list_id: string | null },
	flags: SkipFlags,
): PlacementCheck {
	if (!email) return 'ok';
	const existing = [...workspace.leads.values()].filter((lead) => sameEmail(lead.email, email));
	if (flags.skip_if_in_workspace && existing.length > 0) return 'skipped';
	if (flags.skip_if_in_campaign && existing.some((lead) => lead.campaign)) return 'skipped';
	if (flags.skip_if_in_list && existing.some((lead) => lead.list_id)) return 'skipped';
	const inTarget = existing.some((lead) =>
		target.campaign ? lead.campaign === target.campaign : target.list_id !== null && lead.list_id === target.list_id,
	);
	return inTarget ? 'duplicate' : 'ok';
}
