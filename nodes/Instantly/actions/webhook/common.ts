import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { campaignLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { EVENT_LABELS, EVENT_TYPES } from '../../helpers/events';
import { idField } from '../common.descriptions';

export const webhookIdField = idField('Webhook ID', 'webhookId', 'ID of the webhook');

const CUSTOM_LABEL = 'customLabel';

export const eventTypeOptions = [
	...EVENT_TYPES.map((value) => ({ name: EVENT_LABELS[value], value: value as string })),
	{ name: 'Custom Lead Label', value: CUSTOM_LABEL },
].sort((a, b) => a.name.localeCompare(b.name));

/** Fields shared by Create and Update (Create shows URL and event type outside the collection). */
export const webhookFieldOptions: INodeProperties[] = [
	campaignLocator({ description: 'Only events of this campaign; leave empty for every campaign' }),
	{
		displayName: 'Custom Label Interest Value',
		name: 'customInterestValue',
		type: 'number',
		default: 0,
		description:
			'The interest_status number of a custom lead label (Lead Label → Get); used with the event "Custom Lead Label"',
	},
	{
		displayName: 'Headers',
		name: 'headers',
		type: 'fixedCollection',
		placeholder: 'Add Header',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'HTTP headers Instantly adds to every delivery, e.g. a shared secret (they replace the current ones)',
		options: [
			{
				displayName: 'Header',
				name: 'header',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Display name of the webhook' },
];

/** Maps URL, event type and the optional fields to Instantly's webhook fields. */
export async function webhookBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	collection: string,
	itemIndex: number,
): Promise<IDataObject> {
	const node = context.getNode();
	const body: IDataObject = {};
	if (fields.targetUrl !== undefined) {
		const url = String(fields.targetUrl).trim();
		if (!/^https?:\/\/\S+$/.test(url)) {
			throw new NodeOperationError(node, `Target URL: "${url}" is not an http(s) URL`, {
				description: `Item ${itemIndex + 1}: give the full address, e.g. https://example.com/hooks/instantly.`,
				itemIndex,
			});
		}
		body.target_hook_url = url;
	}
	if (fields.eventType !== undefined) {
		if (fields.eventType === CUSTOM_LABEL) {
			// Custom-label webhooks leave event_type out (the schema's enum has no null) and name the label's value.
			if (typeof fields.customInterestValue !== 'number') {
				throw new NodeOperationError(node, 'Custom Label Interest Value is required for the event "Custom Lead Label"', {
					description: `Item ${itemIndex + 1}: add the field with the label's interest_status.`,
					itemIndex,
				});
			}
		} else {
			body.event_type = fields.eventType;
		}
	}
	if (typeof fields.customInterestValue === 'number') body.custom_interest_value = fields.customInterestValue;
	if (fields.campaignId !== undefined) {
		const campaign = { name: `${collection}.campaignId`, label: 'Campaign', itemIndex };
		body.campaign = (await readResourceId(context, 'campaigns', campaign, { required: false })) ?? null;
	}
	if (fields.name !== undefined) body.name = String(fields.name).trim() || null;
	if (fields.headers !== undefined) {
		const pairs = ((fields.headers as IDataObject).header ?? []) as Array<{ name?: string; value?: string }>;
		const headers: Record<string, string> = {};
		for (const { name, value } of pairs) {
			if (String(name ?? '').trim() !== '') headers[String(name).trim()] = String(value ?? '');
		}
		body.headers = Object.keys(headers).length > 0 ? headers : null;
	}
	return body;
}
