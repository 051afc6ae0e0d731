import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { maskSecretHeaders } from '../../trigger/secret';
import { webhookIdField } from './common';

const properties: INodeProperties[] = [webhookIdField];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['resume'] } }, properties);

/** Re-enables a webhook Instantly disabled after failed deliveries. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = readUuid(this, { name: 'webhookId', label: 'Webhook ID', itemIndex });
	return maskSecretHeaders(
		answerJson(await instantlyApiRequest.call(this, endpoints.resumeWebhook, { pathParams: { id }, itemIndex }), { id }),
	);
}
