import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as create from './create.operation';
import * as deleteWebhook from './deleteWebhook.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getDelivery from './getDelivery.operation';
import * as getDeliveryLog from './getDeliveryLog.operation';
import * as resume from './resume.operation';
import * as sendTest from './sendTest.operation';
import * as update from './update.operation';

const operationOptions = [
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
		name: 'Get Delivery',
		value: 'getDelivery',
		description: 'Get one delivery attempt with its payload, status code and error',
		action: 'Get a webhook delivery',
	},
	{
		name: 'Get Delivery Log',
		value: 'getDeliveryLog',
		description: 'List delivery attempts, or their totals overall or by day, to find targets that stopped answering',
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
] satisfies Array<OperationOption<'webhook'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { create, deleteWebhook, get, getAll, getDelivery, getDeliveryLog, resume, sendTest, update } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: operationOptions,
		default: 'getAll',
	},
	...create.description,
	...deleteWebhook.description,
	...get.description,
	...getAll.description,
	...getDelivery.description,
	...getDeliveryLog.description,
	...resume.description,
	...sendTest.description,
	...update.description,
];
