import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { answerWith } from '../../helpers/answers';
import { INTEREST_STATUSES, RESET_INTEREST_STATUS } from '../../helpers/enums';
import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { collectionFields, readCollection, readEmail } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Lead Email',
		name: 'leadEmail',
		type: 'string',
		required: true,
		placeholder: 'e.g. jane@example.com',
		default: '',
		description: 'Email address of the lead whose interest status changes',
	},
	{
		displayName: 'Interest Status Name or ID',
		name: 'interestStatus',
		type: 'options',
		required: true,
		typeOptions: { loadOptionsMethod: 'getInterestStatuses' },
		default: 1,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	optionsCollection([
		campaignLocator({ description: 'Only change the lead in this campaign' }),
		{
			displayName: 'Disable Auto Interest',
			name: 'disableAutoInterest',
			type: 'boolean',
			default: false,
			description: "Whether to stop Instantly's AI from changing this lead's status automatically afterwards",
		},
		leadListLocator({ description: 'Only change the lead in this lead list' }),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['lead'], operation: ['updateInterestStatus'] } },
	properties,
);

/** Instantly applies the change in the background and answers 202 with a message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const leadEmail = readEmail(this, { name: 'leadEmail', label: 'Lead Email', itemIndex });
	const interestValue = toInterestValue(this, this.getNodeParameter('interestStatus', itemIndex), itemIndex);
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex }, collectionFields(properties, 'options'));

	const body: IDataObject = { lead_email: leadEmail, interest_value: interestValue };
	if (options.campaignId) body.campaign_id = await readResourceId(this, 'campaigns', { name: 'options.campaignId', label: 'Campaign', itemIndex });
	if (options.listId) body.list_id = await readResourceId(this, 'leadLists', { name: 'options.listId', label: 'Lead List', itemIndex });
	if (options.disableAutoInterest !== undefined) body.disable_auto_interest = options.disableAutoInterest;

	const answer = await instantlyApiRequest.call(this, endpoints.updateInterestStatus, { body, itemIndex });
	return answerWith(answer, { lead_email: leadEmail, interest_value: interestValue });
}

function toInterestValue(context: IExecuteFunctions, value: unknown, itemIndex: number): number | null {
	if (value === RESET_INTEREST_STATUS || value === null) return null;
	// An expression may name a built-in status as the list shows it ("Interested").
	const named = INTEREST_STATUSES.find((status) => typeof value === 'string' && status.name.toLowerCase() === value.trim().toLowerCase());
	if (named !== undefined) return named.value;
	const number = typeof value === 'number' ? value : Number(String(value).trim());
	if (String(value).trim() === '' || !Number.isInteger(number)) {
		throw new NodeOperationError(context.getNode(), `Interest Status: "${String(value)}" is not a status`, {
			description: `Item ${itemIndex + 1}: use a status number (e.g. 1 for Interested, -1 for Not Interested, a custom label's number) or "${RESET_INTEREST_STATUS}".`,
			itemIndex,
		});
	}
	return number;
}
