import type { INodeTypeDescription } from 'n8n-workflow'; // eslint-disable-line n8n-nodes-base/node-filename-against-convention -- the description lives beside the router, as in n8n's own v2 nodes
import { NodeConnectionTypes } from 'n8n-workflow';

import * as blockListEntry from './blockListEntry';
import * as campaign from './campaign';
import * as lead from './lead';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Instantly',
	name: 'instantly',
	icon: { light: 'file:instantly.svg', dark: 'file:instantly.dark.svg' },
	group: ['output'],
	version: 1,
	subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
	description: 'Manage leads, campaigns and block lists in Instantly.ai (API v2)',
	defaults: { name: 'Instantly' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong -- NodeConnectionTypes.Main is 'main'; the rule predates the constant
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'instantlyApi', required: true }],
	properties: [
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
	],
};
