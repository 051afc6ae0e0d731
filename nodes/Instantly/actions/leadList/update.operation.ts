import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { assertUuid, collectionFields, nonEmptyText, readCollection, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { updateFieldsCollection } from '../common.descriptions';
import { enrichmentOption, ownerOption } from './common';

const properties: INodeProperties[] = [
	leadListLocator({ required: true }),
	updateFieldsCollection([
		enrichmentOption,
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the list' },
		ownerOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	const id = await readResourceId(this, 'leadLists', { name: 'listId', label: 'Lead List', itemIndex });
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const owner = { node, value: fields.ownedBy, label: 'Owner User ID', itemIndex };
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = nonEmptyText({ node, value: fields.name, label: 'Name', itemIndex });
	if (fields.hasEnrichmentTask !== undefined) body.has_enrichment_task = fields.hasEnrichmentTask === true;
	if (fields.ownedBy !== undefined) body.owned_by = assertUuid(owner);
	requireChanges({ node, body, itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.updateLeadList, { pathParams: { id }, body, itemIndex }), { id });
}
