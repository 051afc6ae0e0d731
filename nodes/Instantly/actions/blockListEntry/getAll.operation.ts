import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

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
				displayName: 'Domains Only',
				name: 'domainsOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only domain entries, not single email addresses',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only entries containing this text',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockListEntry'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
		domains_only: filters.domainsOnly === true ? true : undefined,
	});
	return (await fetchAll.call(this, endpoints.listBlockListEntries, {
		qs,
		limit: pageLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
}
