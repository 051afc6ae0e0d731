import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['countUnread'] } }, properties);

/** `{ count }` of unread emails in the workspace. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await instantlyApiRequest.call(this, endpoints.countUnreadEmails, { itemIndex })) as IDataObject;
}
