import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { leadTextFields } from '../../helpers/mappers';
import { assertEmail, collectionFields, readChoice, readCollection, readText } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { additionalFieldsCollection, leadFieldOptions, TARGETS, targetSelector } from '../common.descriptions';
import { customVariablesOf } from './common';

const properties: INodeProperties[] = [
	targetSelector(),
	campaignLocator({ required: true, displayOptions: { show: { target: ['campaign'] } } }),
	leadListLocator({ required: true, displayOptions: { show: { target: ['list'] } } }),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		default: '',
		description: "The lead's email address. Required for a campaign; for a list, give an email or a name.",
	},
	additionalFieldsCollection([
		...leadFieldOptions,
		{
			displayName: 'Skip If In Campaign',
			name: 'skipIfInCampaign',
			type: 'boolean',
			default: false,
			description: 'Whether to skip the lead if it is already in any campaign',
		},
		{
			displayName: 'Skip If In List',
			name: 'skipIfInList',
			type: 'boolean',
			default: false,
			description: 'Whether to skip the lead if it is already in any lead list',
		},
		{
			displayName: 'Skip If In Workspace',
			name: 'skipIfInWorkspace',
			type: 'boolean',
			default: false,
			description: 'Whether to skip the lead if it exists anywhere in the workspace (overrides the other skip options)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const target = readChoice(this, { name: 'target', label: 'Add To', itemIndex }, TARGETS);
	const fields = readCollection(this, { name: 'additionalFields', label: 'Additional Fields', itemIndex }, collectionFields(properties, 'additionalFields'));
	const rawEmail = readText(this, { name: 'email', label: 'Email', itemIndex });

	const body: IDataObject = {};
	if (target === 'campaign') {
		body.campaign = await readResourceId(this, 'campaigns', { name: 'campaignId', label: 'Campaign', itemIndex });
		body.email = assertEmail({ node, value: rawEmail, label: 'Email', itemIndex });
	} else {
		body.list_id = await readResourceId(this, 'leadLists', { name: 'listId', label: 'Lead List', itemIndex });
		if (rawEmail !== '') body.email = assertEmail({ node, value: rawEmail, label: 'Email', itemIndex });
	}
	Object.assign(body, leadTextFields(fields));
	if (target === 'list' && !body.email && !body.first_name && !body.last_name) {
		throw new NodeOperationError(node, 'A lead needs an email, a first name or a last name', {
			description: `Item ${itemIndex + 1}: Instantly refuses a list lead without any of them.`,
			itemIndex,
		});
	}
	const customVariables = customVariablesOf({ node, fields, itemIndex });
	if (customVariables) body.custom_variables = customVariables;
	if (fields.skipIfInWorkspace !== undefined) body.skip_if_in_workspace = fields.skipIfInWorkspace;
	if (fields.skipIfInCampaign !== undefined) body.skip_if_in_campaign = fields.skipIfInCampaign;
	if (fields.skipIfInList !== undefined) body.skip_if_in_list = fields.skipIfInList;

	return (await instantlyApiRequest.call(this, endpoints.createLead, { body, itemIndex })) as IDataObject;
}
