import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { readBlockValue, valueProperty } from './common';

const properties: INodeProperties[] = [valueProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockListEntry'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const value = readBlockValue(this, itemIndex);
	return (await instantlyApiRequest.call(this, endpoints.createBlockListEntry, { body: { bl_value: value }, itemIndex })) as IDataObject;
}
