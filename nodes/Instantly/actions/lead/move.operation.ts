import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { LEAD_FILTERS } from '../../helpers/enums';
import type { BackgroundJob } from '../../helpers/interfaces';
import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { compact } from '../../helpers/mappers';
import { collectionFields, readCollection, readInteger, uuidListValue } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { jobTimeoutMs, maybeWaitForJob, waitForJobProperties } from '../backgroundJob/wait';
import { optionsCollection, targetSelector } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...targetSelector('from', 'From'), description: 'Where the leads are now' },
	campaignLocator({
		name: 'fromCampaignId',
		displayName: 'From Campaign',
		required: true,
		displayOptions: { show: { from: ['campaign'] } },
	}),
	leadListLocator({
		name: 'fromListId',
		displayName: 'From Lead List',
		required: true,
		displayOptions: { show: { from: ['list'] } },
	}),
	{ ...targetSelector('to', 'To'), description: 'Where the leads go' },
	campaignLocator({
		name: 'toCampaignId',
		displayName: 'To Campaign',
		required: true,
		displayOptions: { show: { to: ['campaign'] } },
	}),
	leadListLocator({
		name: 'toListId',
		displayName: 'To Lead List',
		required: true,
		displayOptions: { show: { to: ['list'] } },
	}),
	{
		displayName: 'Lead IDs',
		name: 'leadIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70, …',
		description: 'Comma-separated IDs of the leads to move. Leave empty to move every lead matching the options.',
	},
	...waitForJobProperties('the move'),
	optionsCollection([
		{
			displayName: 'Check Duplicates',
			name: 'checkDuplicates',
			type: 'boolean',
			default: false,
			description: 'Whether to skip leads that are already in the destination',
		},
		{
			displayName: 'Copy Instead of Move',
			name: 'copyLeads',
			type: 'boolean',
			default: false,
			description: 'Whether to copy the leads and leave the originals where they are',
		},
		{
			displayName: 'Max Leads',
			name: 'maxLeads',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Move at most this many of the matching leads',
		},
		{
			displayName: 'Reset Interest Status',
			name: 'resetInterestStatus',
			type: 'boolean',
			default: false,
			description: 'Whether to clear the interest status of the moved leads',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only leads whose name or email contains this text',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: LEAD_FILTERS,
			default: 'FILTER_VAL_ACTIVE',
			description: 'Only leads in this state',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['move'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const body: IDataObject = {};
	// The source must always be given: without it Instantly moves matching leads from the whole workspace.
	if (this.getNodeParameter('from', itemIndex) === 'campaign') {
		body.campaign = await readResourceId(this, 'campaigns', { name: 'fromCampaignId', label: 'From Campaign', itemIndex });
	} else {
		body.list_id = await readResourceId(this, 'leadLists', { name: 'fromListId', label: 'From Lead List', itemIndex });
	}
	if (this.getNodeParameter('to', itemIndex) === 'campaign') {
		body.to_campaign_id = await readResourceId(this, 'campaigns', { name: 'toCampaignId', label: 'To Campaign', itemIndex });
	} else {
		body.to_list_id = await readResourceId(this, 'leadLists', { name: 'toListId', label: 'To Lead List', itemIndex });
	}
	if ((body.campaign ?? body.list_id) === (body.to_campaign_id ?? body.to_list_id)) {
		throw new NodeOperationError(node, 'From and To are the same', {
			description: `Item ${itemIndex + 1}: choose a different destination.`,
			itemIndex,
		});
	}
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex }, collectionFields(properties, 'options'));
	Object.assign(
		body,
		compact({
			ids: uuidListValue({ node, value: this.getNodeParameter('leadIds', itemIndex, ''), label: 'Lead IDs', itemIndex }),
			search: typeof options.search === 'string' ? options.search.trim() : undefined,
			filter: options.status as string | undefined,
			limit:
				options.maxLeads === undefined
					? undefined
					: readInteger(this, { name: 'options.maxLeads', label: 'Max Leads', itemIndex }, { min: 1, max: Number.MAX_SAFE_INTEGER }),
			copy_leads: options.copyLeads as boolean | undefined,
			check_duplicates: options.checkDuplicates as boolean | undefined,
			reset_interest_status: options.resetInterestStatus as boolean | undefined,
		}),
	);

	const timeoutMs = jobTimeoutMs(this, itemIndex);
	const job = (await instantlyApiRequest.call(this, endpoints.moveLeads, { body, itemIndex })) as BackgroundJob;
	return await maybeWaitForJob(this, job, timeoutMs, itemIndex);
}

