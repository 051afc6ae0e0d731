import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toDateOnly } from '../../helpers/dates';
import { compact } from '../../helpers/mappers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { accountEmails, accountEmailsField } from './common';

const properties: INodeProperties[] = [
	accountEmailsField('Comma-separated emails of the accounts (up to 200); leave empty for every account', false),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'First day to include',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Last day to include',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getDailyAnalytics'] } },
	properties,
);

/** One row per account and day: emails sent, opened, clicked, replied, bounced. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = compact({
		emails: accountEmails(this, { itemIndex, max: 200, required: false }),
		start_date: toDateOnly(this, { value: this.getNodeParameter('startDate', itemIndex, ''), label: 'Start Date', itemIndex }),
		end_date: toDateOnly(this, { value: this.getNodeParameter('endDate', itemIndex, ''), label: 'End Date', itemIndex }),
	});
	if (qs.start_date && qs.end_date && String(qs.start_date) > String(qs.end_date)) {
		throw new NodeOperationError(this.getNode(), 'Start Date must not be after End Date', {
			description: `Item ${itemIndex + 1}: got ${String(qs.start_date)} to ${String(qs.end_date)}.`,
			itemIndex,
		});
	}
	return (await instantlyApiRequest.call(this, endpoints.getAccountDailyAnalytics, { qs, itemIndex })) as IDataObject[];
}
