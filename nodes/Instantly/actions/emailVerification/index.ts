import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as getStatus from './getStatus.operation';
import * as verify from './verify.operation';

const operationOptions = [
	{
		name: 'Get Status',
		value: 'getStatus',
		description: "Get an address's latest verification, e.g. one that was still pending",
		action: 'Get an email verification status',
	},
	{
		name: 'Verify',
		value: 'verify',
		description: 'Verify an email address, optionally waiting while Instantly reports it as pending',
		action: 'Verify an email address',
	},
] satisfies Array<OperationOption<'emailVerification'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { getStatus, verify } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailVerification'] } },
		options: operationOptions,
		default: 'verify',
	},
	...getStatus.description,
	...verify.description,
];
