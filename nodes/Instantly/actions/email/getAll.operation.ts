import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toInstant } from '../../helpers/dates';
import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { compact, trimmedText } from '../../helpers/mappers';
import { assertEmail, collectionFields, emailListValue, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { filtersCollection, returnAllOrLimit, searchFilter } from '../common.descriptions';
import { getMany } from '../getMany';

// Read Status and Latest of Thread were booleans (on = filter, off = not sent). They keep their names
// and `true` as their "yes" value, so saved workflows keep their meaning; a saved `false` is Any.
const ANY = 'any';
const NO = 'no';

/** A yes/no/any filter as Instantly's boolean: undefined (not sent) unless Yes or No was chosen. */
function yesNoFilter(value: unknown): boolean | undefined {
	if (value === true) return true;
	return value === NO ? false : undefined;
}

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName:
			'Instantly allows 20 email list requests per minute, so the node spaces them about 3 seconds apart: Return All over many emails takes ~3 s per 100 emails',
		name: 'paceNotice',
		type: 'notice',
		default: '',
	},
	filtersCollection([
		campaignLocator({ description: 'Only emails of this campaign' }),
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only emails created at or after this time',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only emails created at or before this time',
		},
		{
			displayName: 'Email Type',
			name: 'emailType',
			type: 'options',
			options: [
				{ name: 'Received', value: 'received' },
				{ name: 'Sent', value: 'sent' },
				{ name: 'Sent Manually', value: 'manual' },
			],
			default: 'received',
			description: 'Only received emails, or only sent ones',
		},
		{
			displayName: 'Latest of Thread',
			name: 'latestOfThread',
			type: 'options',
			options: [
				{ name: 'Any', value: ANY, description: 'Leave it to Instantly (the filter is not sent)' },
				{ name: 'Latest of Each Thread Only', value: true, description: 'Only the newest email of each thread' },
				{ name: 'Not Only the Latest', value: NO, description: 'Every email of each thread (sends false)' },
			],
			default: ANY,
			description: 'Whether to return only the newest email of each thread',
		},
		{
			displayName: 'Lead Email',
			name: 'lead',
			type: 'string',
			placeholder: 'e.g. jane@prospect.com',
			default: '',
			description: 'Only emails with this lead',
		},
		leadListLocator({ description: 'Only emails of leads in this list' }),
		searchFilter('Only emails containing this text; "thread:&lt;thread ID&gt;" returns one thread'),
		{
			displayName: 'Sending Accounts',
			name: 'eaccount',
			type: 'string',
			placeholder: 'e.g. sales@example.com, jane@example.com',
			default: '',
			description: 'Comma-separated emails of the connected accounts whose emails to return',
		},
		{
			displayName: 'Read Status',
			name: 'isUnread',
			type: 'options',
			options: [
				{ name: 'Any', value: ANY, description: 'Read and unread emails (the filter is not sent)' },
				{ name: 'Read Only', value: NO },
				{ name: 'Unread Only', value: true },
			],
			default: ANY,
			description: 'Whether to return only unread emails, only read ones, or both',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['getAll'] } }, properties);

const TRI_STATE_FILTERS = new Set(['isUnread', 'latestOfThread']);

/** The Filters as read: the two former booleans also take a saved `false` (off), meaning Any, not No. */
const filterFields = collectionFields(properties, 'filters').map((field) =>
	TRI_STATE_FILTERS.has(field.name) ? { ...field, options: [...(field.options ?? []), { name: 'Any', value: false }] } : field,
);

/** Lists unibox emails, newest first; `GET /emails` is paced at 19 requests per minute by the transport. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, filterFields);
	const node = this.getNode();
	const qs = compact({
		campaign_id: filters.campaignId
			? await readResourceId(this, 'campaigns', { name: 'filters.campaignId', label: 'Campaign', itemIndex }, { required: false })
			: undefined,
		list_id: filters.listId
			? await readResourceId(this, 'leadLists', { name: 'filters.listId', label: 'Lead List', itemIndex }, { required: false })
			: undefined,
		eaccount: emailListValue({
			node: this.getNode(),
			value: filters.eaccount,
			label: 'Sending Accounts',
			itemIndex,
		}).join(','),
		lead: filters.lead ? assertEmail({ node, value: filters.lead, label: 'Lead Email', itemIndex }) : undefined,
		is_unread: yesNoFilter(filters.isUnread),
		email_type: filters.emailType as string | undefined,
		latest_of_thread: yesNoFilter(filters.latestOfThread),
		search: trimmedText(filters.search),
		min_timestamp_created: toInstant(this, { value: filters.createdAfter, label: 'Created After', itemIndex }),
		max_timestamp_created: toInstant(this, { value: filters.createdBefore, label: 'Created Before', itemIndex }),
	});
	return await getMany.call(this, endpoints.listEmails, itemIndex, { qs });
}
