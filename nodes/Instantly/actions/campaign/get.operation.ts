import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { campaignLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [campaignLocator({ required: true })];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['get'] } }, properties);

/** Returns the campaign. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = await readResourceId(this, 'campaigns', { name: 'campaignId', label: 'Campaign', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.getCampaign, { pathParams: { id }, itemIndex }), { id });
}
