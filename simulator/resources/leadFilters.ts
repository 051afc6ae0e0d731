import { ApiError } from '../errors';
import type { Lead, WorkspaceState } from '../state';
import { containsText, equalsFilter } from './crud';
import { sameEmail } from './leadRecords';

type LeadPredicate = (lead: Lead, workspace: WorkspaceState) => boolean;

const interest = (status: number): LeadPredicate => (lead) => lead.lt_interest_status === status;
const status = (value: number): LeadPredicate => (lead) => lead.status === value;
const customLabel =
	(sentiment: string): LeadPredicate =>
	(lead, workspace) =>
		[...workspace.leadLabels.values()].some((label) => label.interest_status_label === sentiment && label.interest_status === lead.lt_interest_status);

const FILTERS: Record<string, LeadPredicate> = {
	FILTER_VAL_ACTIVE: status(1),
	FILTER_VAL_COMPLETED: status(3),
	FILTER_VAL_BOUNCED: status(-1),
	FILTER_VAL_UNSUBSCRIBED: status(-2),
	FILTER_VAL_SKIPPED: status(-3),
	FILTER_VAL_CONTACTED: (lead) => Boolean(lead.timestamp_last_contact),
	FILTER_VAL_NOT_CONTACTED: (lead) => !lead.timestamp_last_contact,
	FILTER_VAL_REPLIED: (lead) => Number(lead.email_reply_count) > 0,
	FILTER_VAL_LINK_CLICKED: (lead) => Number(lead.email_click_count) > 0,
	FILTER_VAL_NO_OPENS: (lead) => Number(lead.email_open_count) === 0,
	FILTER_VAL_OPENED_NO_REPLY: (lead) => Number(lead.email_open_count) > 0 && Number(lead.email_reply_count) === 0,
	FILTER_VAL_VALID: (lead) => lead.verification_status === 1,
	FILTER_VAL_INVALID: (lead) => lead.verification_status === -1,
	FILTER_VAL_RISKY: (lead) => lead.verification_status === -2,
	FILTER_LEAD_INTERESTED: interest(1),
	FILTER_LEAD_MEETING_BOOKED: interest(2),
	FILTER_LEAD_MEETING_COMPLETED: interest(3),
	FILTER_LEAD_CLOSED: interest(4),
	FILTER_LEAD_OUT_OF_OFFICE: interest(0),
	FILTER_LEAD_NOT_INTERESTED: interest(-1),
	FILTER_LEAD_WRONG_PERSON: interest(-2),
	FILTER_LEAD_LOST: interest(-3),
	FILTER_LEAD_NO_SHOW: interest(-4),
	FILTER_LEAD_CUSTOM_LABEL_POSITIVE: customLabel('positive'),
	FILTER_LEAD_CUSTOM_LABEL_NEGATIVE: customLabel('negative'),
};

export interface LeadSelection {
	campaign?: string;
	campaign_id?: string;
	list_id?: string;
	in_campaign?: boolean;
	in_list?: boolean;
	ids?: string[];
	excluded_ids?: string[];
	contacts?: string[];
	search?: string;
	filter?: string;
	status?: number;
}

/** The lead filters shared by /leads/list, /leads/move and bulk delete, in insertion order. */
export function selectLeads(workspace: WorkspaceState, selection: LeadSelection): Lead[] {
	const filter = selection.filter ? FILTERS[selection.filter] : undefined;
	if (selection.filter && !filter) throw new ApiError(501, `The simulator does not support filter ${selection.filter}`);
	const campaign = selection.campaign ?? selection.campaign_id;
	return [...workspace.leads.values()].filter(
		(lead) =>
			equalsFilter(lead.campaign, campaign) &&
			equalsFilter(lead.list_id, selection.list_id) &&
			equalsFilter(lead.status, selection.status) &&
			(selection.in_campaign === undefined || Boolean(lead.campaign) === selection.in_campaign) &&
			(selection.in_list === undefined || Boolean(lead.list_id) === selection.in_list) &&
			(!selection.ids || selection.ids.includes(lead.id)) &&
			!selection.excluded_ids?.includes(lead.id) &&
			(!selection.contacts || selection.contacts.some((email) => sameEmail(email, lead.email))) &&
			(!selection.search ||
				[lead.email, lead.first_name, lead.last_name, `${lead.first_name ?? ''} ${lead.last_name ?? ''}`].some((value) =>
					containsText(value, selection.search),
				)) &&
			(!filter || filter(lead, workspace)),
	);
}
