import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as deleteEntry from './deleteEntry.operation';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operationOptions = [
	{
		name: 'Create',
		value: 'create',
		description: 'Block one email address or domain so Instantly never emails it',
		action: 'Create a block list entry',
	},
	{
		name: 'Create Many',
		value: 'createMany',
		description: 'Block the email or domain of every input item, up to 1,000 per request',
		action: 'Create many block list entries',
	},
	{
		name: 'Delete',
		value: 'deleteEntry',
		description: 'Unblock one entry by its ID',
		action: 'Delete a block list entry',
	},
	{
		name: 'Delete Many',
		value: 'deleteMany',
		description: 'Unblock the entries whose IDs come from the input items, up to 1,000 per request',
		action: 'Delete many block list entries',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one block list entry by its ID',
		action: 'Get a block list entry',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List blocked emails and domains, optionally searching or only domains',
		action: 'Get many block list entries',
	},
] satisfies Array<OperationOption<'blockListEntry'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { create, createMany, deleteEntry, deleteMany, get, getAll } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blockListEntry'] } },
		options: operationOptions,
		default: 'create',
	},
	...create.description,
	...createMany.description,
	...deleteEntry.description,
	...deleteMany.description,
	...get.description,
	...getAll.description,
];
