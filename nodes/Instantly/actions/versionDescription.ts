import type { INodeProperties } from 'n8n-workflow';

import * as blockListEntry from './blockListEntry';
import * as campaign from './campaign';
import * as lead from './lead';

const resources = { lead, campaign, blockListEntry };

const parallelRequests: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 25 },
	default: 10,
	description:
		'How many items are sent to Instantly at the same time. Output keeps the input order either way. Instantly allows 100 requests per second per workspace; the node paces itself below that. Set 1 to send items one after another.',
};

/** Shown for the operations that send one request per item; bulk operations batch instead. */
function parallelRequestsFor(resource: keyof typeof resources): INodeProperties {
	const operations = Object.entries(resources[resource])
		.filter(([, operation]) => typeof operation === 'object' && 'execute' in operation)
		.map(([name]) => name);
	return { ...parallelRequests, displayOptions: { show: { resource: [resource], operation: operations } } };
}

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
	parallelRequestsFor('lead'),
	parallelRequestsFor('campaign'),
	parallelRequestsFor('blockListEntry'),
];
