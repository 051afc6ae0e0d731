import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CAMPAIGN_STATUSES } from '../../helpers/enums';
import { compact, optionalNumber, trimmedText } from '../../helpers/mappers';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { filtersCollection, returnAllOrLimit, searchFilter } from '../common.descriptions';
import { getMany } from '../getMany';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		searchFilter('Only campaigns whose name contains this text'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: CAMPAIGN_STATUSES,
			default: 1,
			description: 'Only campaigns in this status',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const qs = compact({
		search: trimmedText(filters.search),
		status: optionalNumber(filters.status),
	});
	return await getMany.call(this, endpoints.listCampaigns, itemIndex, { qs });
}
