import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as create from './create.operation';
import * as deleteList from './deleteList.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getVerificationStats from './getVerificationStats.operation';
import * as update from './update.operation';

const operationOptions = [
	{
		name: 'Create',
		value: 'create',
		description: 'Create a lead list',
		action: 'Create a lead list',
	},
	{
		name: 'Delete',
		value: 'deleteList',
		description: 'Delete a lead list',
		action: 'Delete a lead list',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one lead list',
		action: 'Get a lead list',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List lead lists, optionally by name',
		action: 'Get many lead lists',
	},
	{
		name: 'Get Verification Stats',
		value: 'getVerificationStats',
		description: "Count the list's leads per email verification status",
		action: 'Get verification stats of a lead list',
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Rename a lead list or change its enrichment or owner',
		action: 'Update a lead list',
	},
] satisfies Array<OperationOption<'leadList'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { create, deleteList, get, getAll, getVerificationStats, update } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['leadList'] } },
		options: operationOptions,
		default: 'getAll',
	},
	...create.description,
	...deleteList.description,
	...get.description,
	...getAll.description,
	...getVerificationStats.description,
	...update.description,
];
