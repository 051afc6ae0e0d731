import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readPathId } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Thread ID',
		name: 'threadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
		description: 'The thread_id of any email of the thread',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['email'], operation: ['markThreadAsRead'] } },
	properties,
);

/** Marks every email of the thread as read. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const threadId = readPathId(this, { name: 'threadId', label: 'Thread ID', itemIndex });
	const answer = await instantlyApiRequest.call(this, endpoints.markThreadAsRead, {
		pathParams: { thread_id: threadId },
		itemIndex,
	});
	return answerJson(answer, { thread_id: threadId });
}
