import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * n8n option values cannot be null, yet Instantly resets a lead to plain "Lead" with
 * `interest_value: null`; this sentinel stands for that null in the UI.
 */
export const RESET_INTEREST_STATUS = 'reset';

/** Instantly's built-in interest statuses (`lt_interest_status`). */
export const INTEREST_STATUSES = [
	{ name: 'Interested', value: 1 },
	{ name: 'Meeting Booked', value: 2 },
	{ name: 'Meeting Completed', value: 3 },
	{ name: 'Won', value: 4 },
	{ name: 'Out of Office', value: 0 },
	{ name: 'Not Interested', value: -1 },
	{ name: 'Wrong Person', value: -2 },
	{ name: 'Lost', value: -3 },
	{ name: 'No Show', value: -4 },
] as const;

/** Lead `status` codes, as bulk delete accepts them. */
export const LEAD_STATUSES: INodePropertyOptions[] = [
	{ name: 'Active', value: 1 },
	{ name: 'Bounced', value: -1 },
	{ name: 'Completed', value: 3 },
	{ name: 'Paused', value: 2 },
	{ name: 'Skipped', value: -3 },
	{ name: 'Unsubscribed', value: -2 },
];

/** Campaign `status` codes. */
export const CAMPAIGN_STATUSES: INodePropertyOptions[] = [
	{ name: 'Account Suspended', value: -99 },
	{ name: 'Accounts Unhealthy', value: -1 },
	{ name: 'Active', value: 1 },
	{ name: 'Bounce Protect', value: -2 },
	{ name: 'Completed', value: 3 },
	{ name: 'Draft', value: 0 },
	{ name: 'Paused', value: 2 },
	{ name: 'Running Subsequences', value: 4 },
];

/** The `filter` values of `POST /leads/list` (and `/leads/move`). */
export const LEAD_FILTERS: INodePropertyOptions[] = [
	{ name: 'Active', value: 'FILTER_VAL_ACTIVE' },
	{ name: 'Bounced', value: 'FILTER_VAL_BOUNCED' },
	{ name: 'Completed', value: 'FILTER_VAL_COMPLETED' },
	{ name: 'Completed Without Reply', value: 'FILTER_VAL_COMPLETED_NO_REPLY' },
	{ name: 'Contacted', value: 'FILTER_VAL_CONTACTED' },
	{ name: 'Custom Label (Negative)', value: 'FILTER_LEAD_CUSTOM_LABEL_NEGATIVE' },
	{ name: 'Custom Label (Positive)', value: 'FILTER_LEAD_CUSTOM_LABEL_POSITIVE' },
	{ name: 'In Subsequence', value: 'FILTER_VAL_IN_SUBSEQUENCE' },
	{ name: 'Interested', value: 'FILTER_LEAD_INTERESTED' },
	{ name: 'Invalid Email', value: 'FILTER_VAL_INVALID' },
	{ name: 'Link Clicked', value: 'FILTER_VAL_LINK_CLICKED' },
	{ name: 'Lost', value: 'FILTER_LEAD_LOST' },
	{ name: 'Meeting Booked', value: 'FILTER_LEAD_MEETING_BOOKED' },
	{ name: 'Meeting Completed', value: 'FILTER_LEAD_MEETING_COMPLETED' },
	{ name: 'No Opens', value: 'FILTER_VAL_NO_OPENS' },
	{ name: 'No Show', value: 'FILTER_LEAD_NO_SHOW' },
	{ name: 'Not Contacted', value: 'FILTER_VAL_NOT_CONTACTED' },
	{ name: 'Not Interested', value: 'FILTER_LEAD_NOT_INTERESTED' },
	{ name: 'Opened Without Reply', value: 'FILTER_VAL_OPENED_NO_REPLY' },
	{ name: 'Out of Office', value: 'FILTER_LEAD_OUT_OF_OFFICE' },
	{ name: 'Replied', value: 'FILTER_VAL_REPLIED' },
	{ name: 'Risky Email', value: 'FILTER_VAL_RISKY' },
	{ name: 'Skipped', value: 'FILTER_VAL_SKIPPED' },
	{ name: 'Unsubscribed', value: 'FILTER_VAL_UNSUBSCRIBED' },
	{ name: 'Valid Email', value: 'FILTER_VAL_VALID' },
	{ name: 'Won', value: 'FILTER_LEAD_CLOSED' },
	{ name: 'Wrong Person', value: 'FILTER_LEAD_WRONG_PERSON' },
];

/** Schedule day keys: Instantly counts "0" as Sunday. */
export const DAYS_OF_WEEK: INodePropertyOptions[] = [
	{ name: 'Friday', value: '5' },
	{ name: 'Monday', value: '1' },
	{ name: 'Saturday', value: '6' },
	{ name: 'Sunday', value: '0' },
	{ name: 'Thursday', value: '4' },
	{ name: 'Tuesday', value: '2' },
	{ name: 'Wednesday', value: '3' },
];
