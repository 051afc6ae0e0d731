import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { idField } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField('Delivery ID', 'deliveryId', 'ID of the delivery attempt, as Get Delivery Log lists it'),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getDelivery'] } }, properties);

/**
 * One delivery attempt: payload, status code, error and retry state. Unlike a webhook it carries no
 * request headers (the document's WebhookEvent allows no other fields), so there is no trigger
 * secret to mask.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = readUuid(this, { name: 'deliveryId', label: 'Delivery ID', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.getWebhookEvent, { pathParams: { id }, itemIndex }), { id });
}
