import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as deleteAccount from './deleteAccount.operation';
import * as disableWarmup from './disableWarmup.operation';
import * as enableWarmup from './enableWarmup.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getDailyAnalytics from './getDailyAnalytics.operation';
import * as getWarmupAnalytics from './getWarmupAnalytics.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';
import * as testVitals from './testVitals.operation';
import * as update from './update.operation';

const operationOptions = [
	{
		name: 'Delete',
		value: 'deleteAccount',
		description: 'Remove a sending account from the workspace',
		action: 'Delete an account',
	},
	{
		name: 'Disable Warmup',
		value: 'disableWarmup',
		description: 'Stop warmup for accounts (a background job)',
		action: 'Disable warmup for accounts',
	},
	{
		name: 'Enable Warmup',
		value: 'enableWarmup',
		description: 'Start warmup for accounts (a background job)',
		action: 'Enable warmup for accounts',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one sending account by its email',
		action: 'Get an account',
	},
	{
		name: 'Get Daily Analytics',
		value: 'getDailyAnalytics',
		description: 'Get emails sent, opened, replied and bounced per account and day',
		action: 'Get daily account analytics',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List sending accounts, optionally by status, provider or tag',
		action: 'Get many accounts',
	},
	{
		name: 'Get Warmup Analytics',
		value: 'getWarmupAnalytics',
		description: 'Get warmup statistics and health score per account',
		action: 'Get warmup analytics',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Stop an account from sending',
		action: 'Pause an account',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Let a paused account send again',
		action: 'Resume an account',
	},
	{
		name: 'Test Vitals',
		value: 'testVitals',
		description: 'Check the MX, SPF, DKIM and DMARC records of accounts’ domains',
		action: 'Test account vitals',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change an account's sender name, limits, signature or warmup limit",
		action: 'Update an account',
	},
] satisfies Array<OperationOption<'account'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { deleteAccount, disableWarmup, enableWarmup, get, getAll, getDailyAnalytics, getWarmupAnalytics, pause, resume, testVitals, update } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: operationOptions,
		default: 'getAll',
	},
	...deleteAccount.description,
	...disableWarmup.description,
	...enableWarmup.description,
	...get.description,
	...getAll.description,
	...getDailyAnalytics.description,
	...getWarmupAnalytics.description,
	...pause.description,
	...resume.description,
	...testVitals.description,
	...update.description,
];
