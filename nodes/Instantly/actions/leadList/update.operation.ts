import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getResourceId } from '../../helpers/locator';
import { assertUuid } from '../../helpers/utils';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { leadListLocator } from '../common.descriptions';
import { enrichmentOption, ownerOption } from './common';

const properties: INodeProperties[] = [
	leadListLocator({ required: true }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			enrichmentOption,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the list' },
			ownerOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const id = getResourceId.call(this, 'listId', itemIndex, 'Lead List')!;
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (name === '') {
			throw new NodeOperationError(node, 'Name cannot be empty', {
				description: `Item ${itemIndex + 1}: remove the field to keep the current name.`,
				itemIndex,
			});
		}
		body.name = name;
	}
	if (fields.hasEnrichmentTask !== undefined) body.has_enrichment_task = fields.hasEnrichmentTask === true;
	if (fields.ownedBy !== undefined) body.owned_by = assertUuid(node, fields.ownedBy, 'Owner User ID', itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Update Fields: choose at least one field to change', {
			description: `Item ${itemIndex + 1}: nothing would be sent to Instantly.`,
			itemIndex,
		});
	}
	return (await instantlyApiRequest.call(this, endpoints.updateLeadList, { pathParams: { id }, body, itemIndex })) as IDataObject;
}
