import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['workspace'], operation: ['getAdmin'] } }, properties);

/** Returns the admin workspace of the workspace the node acts in (`has_admin_workspace: false` when it has none). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await instantlyApiRequest.call(this, endpoints.getAdminWorkspace, { itemIndex })) as IDataObject;
}
