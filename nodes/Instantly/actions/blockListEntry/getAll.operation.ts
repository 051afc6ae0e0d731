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
			displayName: 'Domains Only',
			name: 'domainsOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to return only domain entries, not single email addresses',
		},
		searchFilter('Only entries containing this text'),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockListEntry'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const qs = compact({
		search: trimmedText(filters.search),
		domains_only: filters.domainsOnly === true ? true : undefined,
	});
	return await getMany.call(this, endpoints.listBlockListEntries, itemIndex, { qs });
}
