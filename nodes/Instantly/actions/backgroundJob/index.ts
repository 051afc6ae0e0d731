import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as get from './get.operation';

const operationOptions = [
	{
		name: 'Get',
		value: 'get',
		description: 'Get a background job (lead moves, warmup changes), optionally once it is done',
		action: 'Get a background job',
	},
] satisfies Array<OperationOption<'backgroundJob'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { get } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['backgroundJob'] } },
		options: operationOptions,
		default: 'get',
	},
	...get.description,
];
