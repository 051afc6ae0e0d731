import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CAMPAIGN_STATUSES } from '../../helpers/enums';
import { compact, pageLimit } from '../../helpers/utils';
import { endpoints } from '../../transport/endpoints';
import { fetchAll } from '../../transport/pagination';
import { returnAllOrLimit } from '../common.descriptions';

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
				description: 'Only campaigns whose name contains this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: CAMPAIGN_STATUSES,
				default: 1,
				description: 'Only campaigns in this status',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
		status: filters.status === undefined ? undefined : Number(filters.status),
	});
	return (await fetchAll.call(this, endpoints.listCampaigns, { qs, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
