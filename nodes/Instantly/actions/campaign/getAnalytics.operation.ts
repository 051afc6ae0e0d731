import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toDateOnly } from '../../helpers/dates';
import { campaignLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { collectionFields, readCollection } from '../../helpers/validation';
import type { Endpoint } from '../../transport/endpoints';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { optionsCollection } from '../common.descriptions';

type AnalyticsType = 'totals' | 'overview' | 'daily' | 'steps';

const ENDPOINTS = new Map<string, Endpoint>([
	['totals', endpoints.getCampaignAnalytics],
	['overview', endpoints.getCampaignAnalyticsOverview],
	['daily', endpoints.getCampaignAnalyticsDaily],
	['steps', endpoints.getCampaignAnalyticsSteps],
]);

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'analyticsType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Daily', value: 'daily', description: 'One item per day: sent, opened, replies, clicks, opportunities' },
			{
				name: 'Overview',
				value: 'overview',
				description: 'One item of totals including interested, meetings booked and closed',
			},
			{ name: 'Per Step', value: 'steps', description: 'One item per sequence step and variant' },
			{
				name: 'Totals per Campaign',
				value: 'totals',
				description: 'One item per campaign: leads, contacted, opens, replies, clicks, bounces, opportunities',
			},
		],
		default: 'totals',
	},
	campaignLocator({ description: 'The campaign to report on. Leave empty for all campaigns.' }),
	optionsCollection([
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Last day included',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'First day included',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getAnalytics'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const type = this.getNodeParameter('analyticsType', itemIndex) as AnalyticsType;
	const endpoint = ENDPOINTS.get(type);
	if (!endpoint) {
		throw new NodeOperationError(this.getNode(), `Type: "${String(type)}" is not an analytics type`, {
			description: 'Choose Daily, Overview, Steps or Totals.',
			itemIndex,
		});
	}
	const campaignId = await readResourceId(this, 'campaigns', { name: 'campaignId', label: 'Campaign', itemIndex }, { required: false });
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex }, collectionFields(properties, 'options'));
	const qs: IDataObject = {};
	// The totals and overview endpoints filter by `id`; given `campaign_id` they return every campaign.
	if (campaignId) qs[type === 'totals' || type === 'overview' ? 'id' : 'campaign_id'] = campaignId;
	const startDate = toDateOnly(this, { value: options.startDate, label: 'Start Date', itemIndex });
	const endDate = toDateOnly(this, { value: options.endDate, label: 'End Date', itemIndex });
	if (startDate && endDate && startDate > endDate) {
		throw new NodeOperationError(this.getNode(), 'Start Date must not be after End Date', {
			description: `Item ${itemIndex + 1}: got ${startDate} to ${endDate}.`,
			itemIndex,
		});
	}
	if (startDate) qs.start_date = startDate;
	if (endDate) qs.end_date = endDate;
	return (await instantlyApiRequest.call(this, endpoint, { qs, itemIndex })) as IDataObject | IDataObject[];
}
