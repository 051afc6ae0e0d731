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
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Deliveries', value: 'events', description: 'One item per delivery attempt' },
			{ name: 'Summary', value: 'summary', description: 'One item with totals and success rate' },
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

/** Instantly's log of webhook delivery attempts (or its summary), for finding targets that stopped answering. */
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
	if (this.getNodeParameter('output', itemIndex, 'events') === 'summary') {
		return (await instantlyApiRequest.call(this, endpoints.getWebhookEventsSummary, { qs: dates, itemIndex })) as IDataObject;
	}
	const qs = compact({
		...dates,
		success: typeof filters.success === 'boolean' ? filters.success : undefined,
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
	});
	return (await fetchAll.call(this, endpoints.listWebhookEvents, { qs, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
