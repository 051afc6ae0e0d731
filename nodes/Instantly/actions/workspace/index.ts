import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as getAdmin from './getAdmin.operation';
import * as getAllClients from './getAllClients.operation';
import * as getClient from './getClient.operation';
import * as getCurrent from './getCurrent.operation';

const operationOptions = [
	{
		name: 'Get Admin Workspace',
		value: 'getAdmin',
		description: 'Get the admin (agency) workspace the workspace belongs to, if any',
		action: 'Get the admin workspace',
	},
	{
		name: 'Get Client Workspace',
		value: 'getClient',
		description: "Get one client workspace's membership of the group by its membership ID",
		action: 'Get a client workspace',
	},
	{
		name: 'Get Current',
		value: 'getCurrent',
		description: 'Get the workspace the node acts in',
		action: 'Get the current workspace',
	},
	{
		name: 'Get Many Client Workspaces',
		value: 'getAllClients',
		description: "List the client workspaces of the API key's workspace group",
		action: 'Get many client workspaces',
	},
] satisfies Array<OperationOption<'workspace'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { getAdmin, getAllClients, getClient, getCurrent } satisfies OperationsListedIn<
	typeof operationOptions
>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workspace'] } },
		options: operationOptions,
		default: 'getAllClients',
	},
	...getAdmin.description,
	...getAllClients.description,
	...getClient.description,
	...getCurrent.description,
];
