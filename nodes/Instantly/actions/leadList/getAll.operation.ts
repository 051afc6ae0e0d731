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
				displayName: 'Enrich New Leads',
				name: 'hasEnrichmentTask',
				type: 'boolean',
				default: true,
				description: 'Whether to return only lists that enrich new leads (on) or only lists that do not (off)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only lists whose name contains this text',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
		has_enrichment_task: filters.hasEnrichmentTask as boolean | undefined,
	});
	return (await fetchAll.call(this, endpoints.listLeadLists, { qs, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
