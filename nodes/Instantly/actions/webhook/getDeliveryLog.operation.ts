import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toDateOnly } from '../../helpers/dates';
import { compact } from '../../helpers/mappers';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { fetchAll } from '../../transport/pagination';
import { instantlyApiRequest } from '../../transport/request';
import { returnAllOrLimit } from '../common.descriptions';
import { pageLimit } from '../getMany';

const properties: INodeProperties[] = [
	// Both summaries are Output choices here rather than operations of their own: they read the same
	// log with the same From and To, and workflows saved with Output "Summary" keep working.
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Deliveries', value: 'events', description: 'One item per delivery attempt' },
			{ name: 'Summary', value: 'summary', description: 'One item with totals and success rate' },
			{ name: 'Summary by Day', value: 'summaryByDate', description: 'One item per day with deliveries, with its totals and success rate' },
		],
		default: 'events',
	},
	...returnAllOrLimit().map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, output: ['events'] } },
	})),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'First day to include',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/hooks/instantly',
				description: 'Only deliveries to this exact webhook URL, or for this lead email',
				displayOptions: { show: { '/output': ['events'] } },
			},
			{
				displayName: 'Successful',
				name: 'success',
				type: 'boolean',
				default: false,
				description: 'Whether to return only successful deliveries (on) or only failed ones (off)',
				displayOptions: { show: { '/output': ['events'] } },
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Last day to include',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getDeliveryLog'] } },
	properties,
);

/** Instantly's log of webhook delivery attempts (or its totals, overall or per day), for finding targets that stopped answering. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const dates = compact({
		from: toDateOnly(this, { value: filters.from, label: 'From', itemIndex }),
		to: toDateOnly(this, { value: filters.to, label: 'To', itemIndex }),
	});
	if (dates.from && dates.to && String(dates.from) > String(dates.to)) {
		throw new NodeOperationError(this.getNode(), 'From must not be after To', {
			description: `Item ${itemIndex + 1}: got ${String(dates.from)} to ${String(dates.to)}.`,
			itemIndex,
		});
	}
	const output = this.getNodeParameter('output', itemIndex, 'events');
	if (output === 'summary') {
		return (await instantlyApiRequest.call(this, endpoints.getWebhookEventsSummary, { qs: dates, itemIndex })) as IDataObject;
	}
	if (output === 'summaryByDate') {
		const byDate = (await instantlyApiRequest.call(this, endpoints.getWebhookEventsSummaryByDate, { qs: dates, itemIndex })) as {
			items?: IDataObject[];
		};
		return byDate.items ?? [];
	}
	const qs = compact({
		...dates,
		success: typeof filters.success === 'boolean' ? filters.success : undefined,
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
	});
	return (await fetchAll.call(this, endpoints.listWebhookEvents, { qs, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
