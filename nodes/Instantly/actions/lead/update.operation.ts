import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertUuid, leadTextFields, requireChanges, toCustomVariables } from '../../helpers/utils';
import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { leadFieldOptions, updateFieldsCollection } from '../common.descriptions';
import { leadIdProperty } from './common';

const properties: INodeProperties[] = [
	leadIdProperty,
	updateFieldsCollection(
		leadFieldOptions,
		'The fields to change. Email, campaign and list cannot be changed (use Move for those).',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	const id = assertUuid(node, this.getNodeParameter('leadId', itemIndex), 'Lead ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = leadTextFields(fields);
	const customVariables = toCustomVariables(
		node,
		((fields.customVariables as IDataObject | undefined)?.variable as IDataObject[] | undefined) ?? [],
		itemIndex,
	);
	if (customVariables) body.custom_variables = customVariables;
	requireChanges(node, body, itemIndex);
	return answerJson(await instantlyApiRequest.call(this, endpoints.updateLead, { pathParams: { id }, body, itemIndex }), { id });
}
