import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, pageLimit } from '../../helpers/utils';
import { endpoints } from '../../transport/endpoints';
import { fetchAll } from '../../transport/pagination';
import { returnAllOrLimit } from '../common.descriptions';
import { SENTIMENTS } from './common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only labels whose name contains this text',
			},
			{
				displayName: 'Sentiment',
				name: 'sentiment',
				type: 'options',
				options: SENTIMENTS,
				default: 'positive',
				description: 'Only labels of this sentiment',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['leadLabel'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
		interest_status: filters.sentiment as string | undefined,
	});
	return (await fetchAll.call(this, endpoints.listLeadLabels, { qs, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
