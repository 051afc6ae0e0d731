import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { leadTextFields } from '../../helpers/mappers';
import { collectionFields, readCollection, readUuid, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { leadFieldOptions, updateFieldsCollection } from '../common.descriptions';
import { customVariablesOf, leadIdProperty } from './common';

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
	const id = readUuid(this, { name: 'leadId', label: 'Lead ID', itemIndex });
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body = leadTextFields(fields);
	const customVariables = customVariablesOf({ node, fields, itemIndex });
	if (customVariables) body.custom_variables = customVariables;
	requireChanges({ node, body, itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.updateLead, { pathParams: { id }, body, itemIndex }), { id });
}
