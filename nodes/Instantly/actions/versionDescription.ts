import type { INodeProperties } from 'n8n-workflow';

import * as blockListEntry from './blockListEntry';
import * as campaign from './campaign';
import * as lead from './lead';

/** The node's parameters: the Resource selector, then each resource's operations and fields. */
export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Block List Entry', value: 'blockListEntry' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Lead', value: 'lead' },
		],
		default: 'lead',
	},
	...lead.description,
	...campaign.description,
	...blockListEntry.description,
];
