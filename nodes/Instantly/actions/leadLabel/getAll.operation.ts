import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, trimmedText } from '../../helpers/mappers';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { filtersCollection, returnAllOrLimit, searchFilter } from '../common.descriptions';
import { getMany } from '../getMany';
import { SENTIMENTS } from './common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		searchFilter('Only labels whose name contains this text'),
		{
			displayName: 'Sentiment',
			name: 'sentiment',
			type: 'options',
			options: SENTIMENTS,
			default: 'positive',
			description: 'Only labels of this sentiment',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['leadLabel'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const qs = compact({
		search: trimmedText(filters.search),
		interest_status: filters.sentiment as string | undefined,
	});
	return await getMany.call(this, endpoints.listLeadLabels, itemIndex, { qs });
}
