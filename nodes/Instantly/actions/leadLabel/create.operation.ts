import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../helpers/mappers';
import { collectionFields, readCollection, readOption, readText } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { additionalFieldsCollection } from '../common.descriptions';
import { labelOptions, sentimentProperty, SENTIMENTS } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Hot Lead',
		description: 'Name of the custom interest status',
	},
	sentimentProperty,
	additionalFieldsCollection(labelOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['leadLabel'], operation: ['create'] } }, properties);

/** Creates a custom interest status; the answer's interest_status is the value leads and webhooks use. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = readCollection(this, { name: 'additionalFields', label: 'Additional Fields', itemIndex }, collectionFields(properties, 'additionalFields'));
	const body = compact({
		label: readText(this, { name: 'label', label: 'Label', itemIndex }, { required: true }),
		interest_status_label: readOption(this, { name: 'sentiment', label: 'Sentiment', itemIndex }, SENTIMENTS),
		description: typeof fields.description === 'string' ? fields.description.trim() : undefined,
		use_with_ai: fields.useWithAi as boolean | undefined,
	});
	return (await instantlyApiRequest.call(this, endpoints.createLeadLabel, { body, itemIndex })) as IDataObject;
}
