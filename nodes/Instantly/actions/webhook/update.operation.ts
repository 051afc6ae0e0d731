import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { uuidParameter } from '../../helpers/fields';
import { requireChanges } from '../../helpers/utils';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = uuidParameter(this, 'webhookId', itemIndex, 'Webhook ID');
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body = webhookBody(this, fields, 'updateFields', itemIndex);
	requireChanges(this.getNode(), body, itemIndex);
	return (await instantlyApiRequest.call(this, endpoints.updateWebhook, { pathParams: { id }, body, itemIndex })) as IDataObject;
}
