import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteWebhook from './deleteWebhook.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getDeliveryLog from './getDeliveryLog.operation';
import * as resume from './resume.operation';
import * as sendTest from './sendTest.operation';
import * as update from './update.operation';

export { create, deleteWebhook, get, getAll, getDeliveryLog, resume, sendTest, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a webhook that posts events to a URL',
				action: 'Create a webhook',
			},
			{
				name: 'Delete',
				value: 'deleteWebhook',
				description: 'Delete a webhook',
				action: 'Delete a webhook',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one webhook',
				action: 'Get a webhook',
			},
			{
				name: 'Get Delivery Log',
				value: 'getDeliveryLog',
				description: 'List delivery attempts, or their summary, to find targets that stopped answering',
				action: 'Get the webhook delivery log',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List webhooks, optionally by campaign or event',
				action: 'Get many webhooks',
			},
			{
				name: 'Resume',
				value: 'resume',
				description: 'Re-enable a webhook Instantly disabled after failed deliveries',
				action: 'Resume a webhook',
			},
			{
				name: 'Send Test',
				value: 'sendTest',
				description: 'Send a test event to the webhook URL',
				action: 'Send a test to a webhook',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a webhook's URL, event, campaign, name or headers",
				action: 'Update a webhook',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteWebhook.description,
	...get.description,
	...getAll.description,
	...getDeliveryLog.description,
	...resume.description,
	...sendTest.description,
	...update.description,
];
