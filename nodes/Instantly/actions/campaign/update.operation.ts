import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { campaignLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { collectionFields, nonEmptyText, readCollection, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { updateFieldsCollection } from '../common.descriptions';
import { campaignSettingOptions, campaignSettings } from './common';

const properties: INodeProperties[] = [
	campaignLocator({ required: true }),
	updateFieldsCollection(([
		...campaignSettingOptions,
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the campaign' },
	] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName))),
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	const id = await readResourceId(this, 'campaigns', { name: 'campaignId', label: 'Campaign', itemIndex });
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body = campaignSettings(this, fields, 'updateFields', itemIndex);
	if (fields.name !== undefined) body.name = nonEmptyText({ node, value: fields.name, label: 'Name', itemIndex });
	requireChanges({ node, body, itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.updateCampaign, { pathParams: { id }, body, itemIndex }), { id });
}
