import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getResourceId } from '../../helpers/locator';
import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { campaignLocator } from '../common.descriptions';

const properties: INodeProperties[] = [campaignLocator({ required: true })];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['activate'] } }, properties);

/** Starts or resumes sending; Instantly answers with the campaign. No body is sent (Instantly refuses one here). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = getResourceId.call(this, 'campaignId', itemIndex, 'Campaign')!;
	return answerJson(await instantlyApiRequest.call(this, endpoints.activateCampaign, { pathParams: { id }, itemIndex }), { id });
}
