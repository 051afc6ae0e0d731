import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectionFields, readCollection, readOption, readText } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { maskSecretHeader } from '../../trigger/secret';
import { additionalFieldsCollection } from '../common.descriptions';
import { eventTypeOptions, webhookBody, webhookFieldOptions } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Target URL',
		name: 'targetUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/hooks/instantly',
		description: 'Where Instantly posts the events. To receive events in n8n, use the Instantly Trigger instead.',
	},
	{
		displayName: 'Event',
		name: 'eventType',
		type: 'options',
		options: eventTypeOptions,
		default: 'reply_received',
		description: 'The event the webhook receives (one per webhook)',
	},
	additionalFieldsCollection(webhookFieldOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = readCollection(this, { name: 'additionalFields', label: 'Additional Fields', itemIndex }, collectionFields(properties, 'additionalFields'));
	const body = await webhookBody(
		this,
		{
			...fields,
			targetUrl: readText(this, { name: 'targetUrl', label: 'Target URL', itemIndex }),
			eventType: readOption(this, { name: 'eventType', label: 'Event', itemIndex }, eventTypeOptions),
		},
		'additionalFields',
		itemIndex,
	);
	return maskSecretHeader(
		(await instantlyApiRequest.call(this, endpoints.createWebhook, { body, itemIndex })) as IDataObject,
	);
}
