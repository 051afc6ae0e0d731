import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { webhookIdField } from './common';

const properties: INodeProperties[] = [webhookIdField];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['sendTest'] } }, properties);

/** Sends a test event to the target URL and returns whether it answered (success, status_code, response_time_ms). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = readUuid(this, { name: 'webhookId', label: 'Webhook ID', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.testWebhook, { pathParams: { id }, itemIndex }), { id });
}
