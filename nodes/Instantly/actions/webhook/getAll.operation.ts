import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { compact } from '../../helpers/mappers';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { maskSecretHeader } from '../../trigger/secret';
import { filtersCollection, returnAllOrLimit } from '../common.descriptions';
import { getMany } from '../getMany';
import { eventTypeOptions } from './common';

// The list filter's enum lags the create enum: it lacks these (and custom labels).
const NOT_FILTERABLE = new Set(['lead_no_show', 'supersearch_enrichment_completed', 'customLabel']);

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		campaignLocator({ description: 'Only webhooks of this campaign' }),
		{
			displayName: 'Event',
			name: 'eventType',
			type: 'options',
			options: eventTypeOptions.filter((option) => !NOT_FILTERABLE.has(option.value)),
			default: 'reply_received',
			description: 'Only webhooks for this event',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, { name: 'filters', label: 'Filters', itemIndex }, collectionFields(properties, 'filters'));
	const qs = compact({
		campaign: filters.campaignId
			? await readResourceId(this, 'campaigns', { name: 'filters.campaignId', label: 'Campaign', itemIndex }, { required: false })
			: undefined,
		event_type: filters.eventType as string | undefined,
	});
	return (await getMany.call(this, endpoints.listWebhooks, itemIndex, { qs })).map(maskSecretHeader);
}
