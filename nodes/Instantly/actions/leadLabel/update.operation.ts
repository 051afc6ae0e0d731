import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { collectionFields, nonEmptyText, readCollection, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { readResourceId } from '../names';
import { updateFieldsCollection } from '../common.descriptions';
import { labelLocator, labelOptions, sentimentProperty } from './common';

const properties: INodeProperties[] = [
	labelLocator,
	updateFieldsCollection([
		labelOptions[0],
		{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'New name of the label' },
		sentimentProperty,
		labelOptions[1],
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['leadLabel'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	const id = await readResourceId(this, 'leadLabels', { name: 'labelId', label: 'Lead Label', itemIndex });
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body: IDataObject = {};
	if (fields.label !== undefined) body.label = nonEmptyText({ node, value: fields.label, label: 'Label', itemIndex });
	if (fields.sentiment !== undefined) body.interest_status_label = fields.sentiment;
	if (fields.description !== undefined) body.description = String(fields.description).trim() || null;
	if (fields.useWithAi !== undefined) body.use_with_ai = fields.useWithAi === true;
	requireChanges({ node, body, itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.updateLeadLabel, { pathParams: { id }, body, itemIndex }), { id });
}
