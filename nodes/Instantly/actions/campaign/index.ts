import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as activate from './activate.operation';
import * as create from './create.operation';
import * as deleteCampaign from './deleteCampaign.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAnalytics from './getAnalytics.operation';
import * as pause from './pause.operation';
import * as update from './update.operation';

const operationOptions = [
	{
		name: 'Activate',
		value: 'activate',
		description: 'Start or resume sending a campaign',
		action: 'Activate a campaign',
	},
	{
		name: 'Create',
		value: 'create',
		description:
			'Create a campaign with a schedule, sequence steps and sending accounts; it is created as a Draft and sends nothing until activated',
		action: 'Create a campaign',
	},
	{
		name: 'Delete',
		value: 'deleteCampaign',
		description: 'Delete a campaign',
		action: 'Delete a campaign',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one campaign with its schedule, sequences and settings',
		action: 'Get a campaign',
	},
	{
		name: 'Get Analytics',
		value: 'getAnalytics',
		description: 'Get campaign statistics: totals, overview, daily or per sequence step, for a date range',
		action: 'Get campaign analytics',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List campaigns, optionally filtered by name or status',
		action: 'Get many campaigns',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Stop a campaign from sending',
		action: 'Pause a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's name, sending accounts, limits, tracking or stop-on-reply settings",
		action: 'Update a campaign',
	},
] satisfies Array<OperationOption<'campaign'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { activate, create, deleteCampaign, get, getAll, getAnalytics, pause, update } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: operationOptions,
		default: 'create',
	},
	...activate.description,
	...create.description,
	...deleteCampaign.description,
	...get.description,
	...getAll.description,
	...getAnalytics.description,
	...pause.description,
	...update.description,
];
