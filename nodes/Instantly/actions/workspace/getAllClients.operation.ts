import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageLimit } from '../getMany';
import { readOption } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { paginate } from '../../transport/pagination';
import { returnAllOrLimit } from '../common.descriptions';

const ANY_STATUS = 'any';

const STATUS_OPTIONS = [
	{ name: 'Accepted', value: 'accepted', description: 'Client workspaces the key can act in' },
	{ name: 'Any', value: ANY_STATUS, description: 'Every membership, whatever its status' },
	{ name: 'Pending', value: 'pending', description: 'Invited, not yet accepted' },
	{ name: 'Rejected', value: 'rejected', description: 'Invitations the client workspace rejected' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUS_OPTIONS,
		default: 'accepted',
		description: 'Which memberships of the workspace group to return',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['workspace'], operation: ['getAllClients'] } }, properties);

/**
 * One item per member of the workspace group (`sub_workspace_id`, `sub_workspace_name`, `status`
 * …). Instantly has no status filter, so members are filtered here and pages read until the limit.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const status = readOption(this, { name: 'status', label: 'Status', itemIndex }, STATUS_OPTIONS);
	const limit = pageLimit(this, itemIndex);
	const members = paginate.call(this, endpoints.listWorkspaceGroupMembers, {
		itemIndex,
		limit: status === ANY_STATUS ? limit : undefined,
	}) as AsyncGenerator<IDataObject>;
	const matching: IDataObject[] = [];
	for await (const member of members) {
		if (status === ANY_STATUS || String(member.status).toLowerCase() === status) matching.push(member);
		if (limit !== undefined && matching.length >= limit) break;
	}
	return matching;
}
