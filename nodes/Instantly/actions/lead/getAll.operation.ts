import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { LEAD_FILTERS } from '../../helpers/enums';
import { splitList } from '../../helpers/lists';
import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { compact, trimmedText } from '../../helpers/mappers';
import { assertEmail, collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { fetchAll } from '../../transport/pagination';
import { filtersCollection, returnAllOrLimit, searchFilter } from '../common.descriptions';
import { pageLimit } from '../getMany';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		campaignLocator({ description: 'Only leads in this campaign' }),
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'string',
			default: '',
			placeholder: 'e.g. jane@example.com, joe@example.com',
			description: 'Only leads with these email addresses (comma-separated)',
		},
		leadListLocator({ description: 'Only leads in this lead list' }),
		searchFilter('Only leads whose first name, last name or email contains this text'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: LEAD_FILTERS,
			default: 'FILTER_VAL_ACTIVE',
			description: 'Only leads in this state (sending status, interest status or email verification result)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const limit = pageLimit(this, itemIndex);
	const contacts = splitList(filters.emails).map((email) =>
		assertEmail({ node: this.getNode(), value: email, label: 'Filters → Emails', itemIndex }),
	);
	// /leads/list names the campaign filter `campaign`; `campaign_id` would be silently ignored.
	const body = compact({
		campaign: filters.campaignId
			? await readResourceId(this, 'campaigns', { name: 'filters.campaignId', label: 'Campaign', itemIndex }, { required: false })
			: undefined,
		list_id: filters.listId
			? await readResourceId(this, 'leadLists', { name: 'filters.listId', label: 'Lead List', itemIndex }, { required: false })
			: undefined,
		search: trimmedText(filters.search),
		filter: filters.status as string | undefined,
		contacts,
	});
	return (await fetchAll.call(this, endpoints.listLeads, { body, limit, itemIndex })) as IDataObject[];
}
