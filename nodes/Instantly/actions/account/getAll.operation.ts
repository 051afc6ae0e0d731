import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, optionalNumber, trimmedText } from '../../helpers/mappers';
import { collectionFields, readCollection, uuidListValue } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { filtersCollection, returnAllOrLimit, searchFilter } from '../common.descriptions';
import { getMany } from '../getMany';
import { ACCOUNT_PROVIDERS, ACCOUNT_STATUSES } from './common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Provider',
			name: 'providerCode',
			type: 'options',
			options: ACCOUNT_PROVIDERS,
			default: 2,
			description: 'Only accounts of this email provider',
		},
		searchFilter('Only accounts whose email contains this text, e.g. a domain'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: ACCOUNT_STATUSES,
			default: 1,
			description: 'Only accounts in this state',
		},
		{
			displayName: 'Tag IDs',
			name: 'tagIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
			description: 'Comma-separated custom tag IDs; accounts with any of them are returned',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const qs = compact({
		status: optionalNumber(filters.status),
		provider_code: optionalNumber(filters.providerCode),
		tag_ids: uuidListValue({ node: this.getNode(), value: filters.tagIds, label: 'Tag IDs', itemIndex }).join(','),
		search: trimmedText(filters.search),
	});
	return await getMany.call(this, endpoints.listAccounts, itemIndex, { qs });
}
