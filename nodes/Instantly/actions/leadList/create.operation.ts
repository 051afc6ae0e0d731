import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../helpers/mappers';
import { assertUuid, collectionFields, readCollection, readText } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { nameProperty, additionalFieldsCollection } from '../common.descriptions';
import { enrichmentOption, ownerOption } from './common';

const properties: INodeProperties[] = [
	nameProperty('Name of the lead list', 'e.g. Webinar sign-ups'),
	additionalFieldsCollection([enrichmentOption, ownerOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['leadList'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readText(this, { name: 'name', label: 'Name', itemIndex }, { required: true });
	const fields = readCollection(this, { name: 'additionalFields', label: 'Additional Fields', itemIndex }, collectionFields(properties, 'additionalFields'));
	const owner = { node: this.getNode(), value: fields.ownedBy, label: 'Owner User ID', itemIndex };
	const body = compact({
		name,
		has_enrichment_task: fields.hasEnrichmentTask as boolean | undefined,
		owned_by: fields.ownedBy ? assertUuid(owner) : undefined,
	});
	return (await instantlyApiRequest.call(this, endpoints.createLeadList, { body, itemIndex })) as IDataObject;
}
