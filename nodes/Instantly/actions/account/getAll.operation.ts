import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, pageLimit, parseIdList } from '../../helpers/utils';
import { endpoints } from '../../transport/endpoints';
import { fetchAll } from '../../transport/pagination';
import { returnAllOrLimit } from '../common.descriptions';
import { ACCOUNT_PROVIDERS, ACCOUNT_STATUSES } from './common';

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
				displayName: 'Provider',
				name: 'providerCode',
				type: 'options',
				options: ACCOUNT_PROVIDERS,
				default: 2,
				description: 'Only accounts of this email provider',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only accounts whose email contains this text, e.g. a domain',
			},
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
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		status: filters.status === undefined ? undefined : Number(filters.status),
		provider_code: filters.providerCode === undefined ? undefined : Number(filters.providerCode),
		tag_ids: parseIdList(this.getNode(), filters.tagIds, 'Tag IDs', itemIndex).join(','),
		search: typeof filters.search === 'string' ? filters.search.trim() : undefined,
	});
	return (await fetchAll.call(this, endpoints.listAccounts, {
		qs,
		limit: pageLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
}
