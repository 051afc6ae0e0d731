import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getResourceId } from '../../helpers/locator';
import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { leadListLocator } from '../common.descriptions';

const properties: INodeProperties[] = [leadListLocator({ required: true })];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['get'] } }, properties);

/** Returns the lead list. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = getResourceId.call(this, 'listId', itemIndex, 'Lead List')!;
	return answerJson(await instantlyApiRequest.call(this, endpoints.getLeadList, { pathParams: { id }, itemIndex }), { id });
}
