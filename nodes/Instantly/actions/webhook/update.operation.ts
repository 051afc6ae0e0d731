import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { collectionFields, readCollection, readUuid, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { maskSecretHeader } from '../../trigger/secret';
import { updateFieldsCollection } from '../common.descriptions';
import { eventTypeOptions, webhookBody, webhookFieldOptions, webhookIdField } from './common';

const properties: INodeProperties[] = [
	webhookIdField,
	updateFieldsCollection(([
		...webhookFieldOptions,
		{
			displayName: 'Event',
			name: 'eventType',
			type: 'options',
			options: eventTypeOptions,
			default: 'reply_received',
			description: 'The event the webhook receives',
		},
		{
			displayName: 'Target URL',
			name: 'targetUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/hooks/instantly',
			description: 'Where Instantly posts the events',
		},
	] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName))),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['update'] } }, properties);

/**
 * A PATCH cannot clear `event_type` (the document's enum has no null), so sending only a label's
 * value would leave a standard webhook on its old event. Only a custom-label webhook takes it.
 */
async function assertCustomLabelWebhook(context: IExecuteFunctions, id: string, itemIndex: number): Promise<void> {
	const current = (await instantlyApiRequest.call(context, endpoints.getWebhook, { pathParams: { id }, itemIndex })) as IDataObject;
	if (current.event_type === null || current.event_type === undefined) return;
	throw new NodeOperationError(context.getNode(), 'Event: an update cannot turn this webhook into a custom lead label webhook', {
		description: `Item ${itemIndex + 1}: it receives "${String(current.event_type)}", and Instantly cannot clear a webhook's event type. Create a webhook with the event "Custom Lead Label" (Custom Label Interest Value set), then delete this one.`,
		itemIndex,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readUuid(this, { name: 'webhookId', label: 'Webhook ID', itemIndex });
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body = await webhookBody(this, fields, 'updateFields', itemIndex);
	requireChanges({ node: this.getNode(), body, itemIndex });
	if (body.custom_interest_value !== undefined && body.event_type === undefined) {
		await assertCustomLabelWebhook(this, id, itemIndex);
	}
	return maskSecretHeader(
		(await instantlyApiRequest.call(this, endpoints.updateWebhook, { pathParams: { id }, body, itemIndex })) as IDataObject,
	);
}
