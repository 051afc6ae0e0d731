import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [leadListLocator({ required: true })];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['deleteList'] } }, properties);

/** Deletes the lead list; Instantly answers with the deleted list. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = await readResourceId(this, 'leadLists', { name: 'listId', label: 'Lead List', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.deleteLeadList, { pathParams: { id }, itemIndex }), { id });
}
