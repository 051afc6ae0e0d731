import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../helpers/locator';
import { requestTimeoutProperty } from '../transport/timeout';
import { triggerWorkspaceProperties } from '../transport/workspace';

export const triggerProperties: INodeProperties[] = [
	...triggerWorkspaceProperties,
	{
		displayName: 'Event Names or IDs',
		name: 'events',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEventTypes' },
		required: true,
		default: [],
		description:
			'The Instantly events that start the workflow; custom lead labels of the chosen workspace are listed after the standard events. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	campaignLocator({
		name: 'campaign',
		description:
			'Only events of this campaign. Leave empty for every campaign of the chosen workspace. A name is looked up in the chosen workspace when the workflow is activated.',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Drop Duplicates Within (Minutes)',
				name: 'duplicateWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description:
					'Ignore a delivery identical to one received this many minutes before (same event, campaign, lead, step, variant, timestamp and email). Instantly retries failed deliveries and may send one twice. Remembered by this n8n process only; 0 keeps every delivery.',
			},
			{
				displayName: 'Include Request Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether to add the HTTP headers of the delivery under "headers" (the secret header is always left out)',
			},
			{
				displayName: 'Pass Test Deliveries Through',
				name: 'passTestEvents',
				type: 'boolean',
				default: false,
				description: "Whether to start the workflow for Instantly's test deliveries (event_type test_event, sent by the Test button of a webhook in Instantly)",
			},
			requestTimeoutProperty,
		],
	},
];
