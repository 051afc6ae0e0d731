import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as create from './create.operation';
import * as deleteLabel from './deleteLabel.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationOptions = [
	{
		name: 'Create',
		value: 'create',
		description: 'Create a custom interest status',
		action: 'Create a lead label',
	},
	{
		name: 'Delete',
		value: 'deleteLabel',
		description: 'Delete a custom interest status',
		action: 'Delete a lead label',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one custom interest status',
		action: 'Get a lead label',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List the custom interest statuses',
		action: 'Get many lead labels',
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Rename a custom interest status or change its sentiment',
		action: 'Update a lead label',
	},
] satisfies Array<OperationOption<'leadLabel'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { create, deleteLabel, get, getAll, update } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['leadLabel'] } },
		options: operationOptions,
		default: 'getAll',
	},
	...create.description,
	...deleteLabel.description,
	...get.description,
	...getAll.description,
	...update.description,
];
