import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as addMany from './addMany.operation';
import * as create from './create.operation';
import * as deleteLead from './deleteLead.operation';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as move from './move.operation';
import * as update from './update.operation';
import * as updateInterestStatus from './updateInterestStatus.operation';

const operationOptions = [
	{
		name: 'Add Many',
		value: 'addMany',
		description:
			'Add all input items as leads to one campaign or list, up to 1,000 per request; one output item per input says whether it was created',
		action: 'Add many leads',
	},
	{
		name: 'Create',
		value: 'create',
		description: 'Create one lead in a campaign or lead list',
		action: 'Create a lead',
	},
	{
		name: 'Delete',
		value: 'deleteLead',
		description: 'Delete one lead by its ID',
		action: 'Delete a lead',
	},
	{
		name: 'Delete Many',
		value: 'deleteMany',
		description: 'Delete listed leads, or up to a set number of leads, from a campaign or list',
		action: 'Delete many leads',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one lead by its ID',
		action: 'Get a lead',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List leads, filtered by campaign, list, status, search text or emails',
		action: 'Get many leads',
	},
	{
		name: 'Move',
		value: 'move',
		description: 'Move or copy leads to another campaign or list (a background job that can be waited for)',
		action: 'Move leads',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a lead's name, company, phone, website, personalization or custom variables",
		action: 'Update a lead',
	},
	{
		name: 'Update Interest Status',
		value: 'updateInterestStatus',
		description: 'Set a lead\'s interest status (Interested, Meeting Booked, Won, a custom label, …) or reset it to "Lead"',
		action: 'Update the interest status of a lead',
	},
] satisfies Array<OperationOption<'lead'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { addMany, create, deleteLead, deleteMany, get, getAll, move, update, updateInterestStatus } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: operationOptions,
		default: 'create',
	},
	...addMany.description,
	...create.description,
	...deleteLead.description,
	...deleteMany.description,
	...get.description,
	...getAll.description,
	...move.description,
	...update.description,
	...updateInterestStatus.description,
];
