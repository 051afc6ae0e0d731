import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['workspace'], operation: ['getCurrent'] } }, properties);

/** Returns the workspace the node acts in: the key's own, or the chosen client workspace. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await instantlyApiRequest.call(this, endpoints.getCurrentWorkspace, { itemIndex })) as IDataObject;
}
