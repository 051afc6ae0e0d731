import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Membership ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
		description:
			"The ID of the client workspace's membership of the group (the ID field of Get Many Client Workspaces), not the client workspace's own ID",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['workspace'], operation: ['getClient'] } }, properties);

/** Returns one membership: the client workspace's ID and name and whether it accepted the invitation. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = readUuid(this, { name: 'memberId', label: 'Membership ID', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.getWorkspaceGroupMember, { pathParams: { id }, itemIndex }), { id });
}
