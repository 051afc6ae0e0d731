import type { INodeProperties } from 'n8n-workflow';

import { leadLabelLocator } from '../../helpers/locator';

export const labelLocator = leadLabelLocator({ required: true });

export const SENTIMENTS = [
	{ name: 'Negative', value: 'negative' },
	{ name: 'Neutral', value: 'neutral' },
	{ name: 'Positive', value: 'positive' },
];

export const sentimentProperty: INodeProperties = {
	displayName: 'Sentiment',
	name: 'sentiment',
	type: 'options',
	options: SENTIMENTS,
	default: 'positive',
	description: 'Whether the status counts as positive, neutral or negative interest',
};

export const labelOptions: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the label means, shown in Instantly and used by its AI',
	},
	{
		displayName: 'Use With AI',
		name: 'useWithAi',
		type: 'boolean',
		default: false,
		description: "Whether Instantly's AI may apply this label to replies",
	},
];
