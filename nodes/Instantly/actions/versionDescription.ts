import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as backgroundJob from './backgroundJob';
import * as blockListEntry from './blockListEntry';
import * as campaign from './campaign';
import * as email from './email';
import * as emailVerification from './emailVerification';
import * as lead from './lead';
import * as leadLabel from './leadLabel';
import * as leadList from './leadList';
import { requestTimeoutProperty } from '../transport/timeout';
import { workspaceProperties } from '../transport/workspace';
import { MAX_PARALLEL_REQUESTS } from './router';
import * as webhook from './webhook';
import * as workspace from './workspace';

const resources = {
	lead,
	campaign,
	blockListEntry,
	email,
	account,
	leadList,
	leadLabel,
	backgroundJob,
	emailVerification,
	webhook,
	workspace,
};

const parallelRequests: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
	default: 10,
	description:
		'How many items are sent to Instantly at the same time in each workspace. Items acting in different client workspaces run side by side, each workspace with this many at once, as Instantly allows 100 requests per second per workspace; the node paces each workspace below that. Output keeps the input order either way. Set 1 to send one item after another in each workspace.',
};

/** Shown for the operations that send one request per item; bulk operations batch instead. */
function parallelRequestsFor(resource: keyof typeof resources): INodeProperties {
	const operations = Object.entries(resources[resource].operations)
		.filter(([, operation]) => 'execute' in operation)
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
			{ name: 'Account', value: 'account' },
			{ name: 'Background Job', value: 'backgroundJob' },
			{ name: 'Block List Entry', value: 'blockListEntry' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Email', value: 'email' },
			{ name: 'Email Verification', value: 'emailVerification' },
			{ name: 'Lead', value: 'lead' },
			{ name: 'Lead Label', value: 'leadLabel' },
			{ name: 'Lead List', value: 'leadList' },
			{ name: 'Webhook', value: 'webhook' },
			{ name: 'Workspace', value: 'workspace' },
		],
		default: 'lead',
	},
	...workspaceProperties,
	...lead.description,
	...campaign.description,
	...blockListEntry.description,
	...email.description,
	...account.description,
	...leadList.description,
	...leadLabel.description,
	...backgroundJob.description,
	...emailVerification.description,
	...webhook.description,
	...workspace.description,
	parallelRequestsFor('lead'),
	parallelRequestsFor('campaign'),
	parallelRequestsFor('blockListEntry'),
	parallelRequestsFor('email'),
	parallelRequestsFor('account'),
	parallelRequestsFor('leadList'),
	parallelRequestsFor('leadLabel'),
	parallelRequestsFor('backgroundJob'),
	parallelRequestsFor('emailVerification'),
	parallelRequestsFor('webhook'),
	parallelRequestsFor('workspace'),
	requestTimeoutProperty,
];
