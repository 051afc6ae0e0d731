import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, trimmedText } from '../../helpers/mappers';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { filtersCollection, returnAllOrLimit, searchFilter } from '../common.descriptions';
import { getMany } from '../getMany';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Enrich New Leads',
			name: 'hasEnrichmentTask',
			type: 'boolean',
			default: true,
			description: 'Whether to return only lists that enrich new leads (on) or only lists that do not (off)',
		},
		searchFilter('Only lists whose name contains this text'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const qs = compact({
		search: trimmedText(filters.search),
		has_enrichment_task: filters.hasEnrichmentTask as boolean | undefined,
	});
	return await getMany.call(this, endpoints.listLeadLists, itemIndex, { qs });
}
