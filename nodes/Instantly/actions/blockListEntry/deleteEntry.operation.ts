import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { entryIdProperty } from './common';

const properties: INodeProperties[] = [entryIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockListEntry'], operation: ['deleteEntry'] } },
	properties,
);

/** Instantly answers with the deleted entry. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = readUuid(this, { name: 'entryId', label: 'Entry ID', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.deleteBlockListEntry, { pathParams: { id }, itemIndex }), { id });
}
