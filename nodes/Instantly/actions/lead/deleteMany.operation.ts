import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { answerWith } from '../../helpers/answers';
import { LEAD_STATUSES } from '../../helpers/enums';
import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { readInteger, readOption, uuidListValue } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { targetSelector } from '../common.descriptions';

const MAX_LIMIT = 10000;

const LEAD_STATUS_OPTIONS = [{ name: 'Any', value: 'any' }, ...LEAD_STATUSES];

const properties: INodeProperties[] = [
	targetSelector('deleteFrom', 'Delete From'),
	campaignLocator({ required: true, displayOptions: { show: { deleteFrom: ['campaign'] } } }),
	leadListLocator({ required: true, displayOptions: { show: { deleteFrom: ['list'] } } }),
	{
		displayName: 'Select Leads By',
		name: 'selectBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Lead IDs', value: 'ids', description: 'Delete exactly the listed leads' },
			{
				name: 'Number of Leads',
				value: 'limit',
				description: 'Delete up to a given number of matching leads',
			},
		],
		default: 'ids',
		description:
			'Instantly deletes every matching lead when given neither IDs nor a limit, so one of them is always required',
	},
	{
		displayName: 'Lead IDs',
		name: 'leadIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70, …',
		description: 'Comma-separated lead IDs (UUIDs) to delete',
		displayOptions: { show: { selectBy: ['ids'] } },
	},
	{
		displayName: 'Max Leads to Delete',
		name: 'maxLeads',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 100,
		description: 'Delete at most this many matching leads (1 to 10,000)',
		displayOptions: { show: { selectBy: ['limit'] } },
	},
	{
		displayName: 'Lead Status',
		name: 'leadStatus',
		type: 'options',
		options: LEAD_STATUS_OPTIONS,
		default: 'any',
		description: 'Only delete leads in this sending status',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['deleteMany'] } }, properties);

/** Returns `{ count }`, how many leads Instantly deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const body: IDataObject = {};
	if (this.getNodeParameter('deleteFrom', itemIndex) === 'campaign') {
		body.campaign_id = await readResourceId(this, 'campaigns', { name: 'campaignId', label: 'Campaign', itemIndex });
	} else {
		body.list_id = await readResourceId(this, 'leadLists', { name: 'listId', label: 'Lead List', itemIndex });
	}
	const selectBy = this.getNodeParameter('selectBy', itemIndex) as 'ids' | 'limit';
	if (selectBy === 'ids') {
		const ids = uuidListValue({ node, value: this.getNodeParameter('leadIds', itemIndex, ''), label: 'Lead IDs', itemIndex });
		if (ids.length === 0) {
			throw new NodeOperationError(node, 'Lead IDs: give at least one lead ID', {
				description: `Item ${itemIndex + 1}: without IDs or a limit Instantly would delete every lead in the ${
					body.campaign_id ? 'campaign' : 'list'
				}, so nothing was sent.`,
				itemIndex,
			});
		}
		if (ids.length > MAX_LIMIT) {
			throw new NodeOperationError(node, `Lead IDs: at most ${MAX_LIMIT} per request`, {
				description: `Item ${itemIndex + 1}: got ${ids.length}.`,
				itemIndex,
			});
		}
		body.ids = ids;
	} else {
		body.limit = readInteger(this, { name: 'maxLeads', label: 'Max Leads to Delete', itemIndex }, { min: 1, max: MAX_LIMIT });
	}
	const status = readOption(this, { name: 'leadStatus', label: 'Lead Status', itemIndex, fallback: 'any' }, LEAD_STATUS_OPTIONS);
	if (status !== 'any') body.status = Number(status);

	return answerWith(await instantlyApiRequest.call(this, endpoints.deleteLeads, { body, itemIndex }), body);
}
