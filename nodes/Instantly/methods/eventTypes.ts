import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { endpoints } from '../transport/endpoints';
import { paginate } from '../transport/pagination';
import { instantlyApiRequest } from '../transport/request';
import { customEventOption, EVENT_DESCRIPTIONS, EVENT_LABELS, EVENT_TYPES, isEventType } from '../helpers/events';

interface ListedEventType {
	id?: unknown;
	label?: unknown;
	type?: unknown;
}

const STANDARD_OPTIONS: INodePropertyOptions[] = EVENT_TYPES.map((value) => ({
	name: EVENT_LABELS[value],
	value,
	description: EVENT_DESCRIPTIONS[value],
}));

/**
 * The 19 standard events, then the workspace's custom lead labels from
 * `GET /webhooks/event-types`. When that call fails the standard events alone are offered.
 */
export async function getEventTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let listed: ListedEventType[];
	try {
		const response = (await instantlyApiRequest.call(this, endpoints.listWebhookEventTypes)) as IDataObject;
		listed = Array.isArray(response.event_types) ? (response.event_types as ListedEventType[]) : [];
	} catch (error) {
		this.logger.warn(`Instantly Trigger: could not load the workspace's event types, offering the standard ones: ${(error as Error).message}`);
		return STANDARD_OPTIONS;
	}
	const custom = listed.filter(
		(entry) => typeof entry.label === 'string' && !(typeof entry.id === 'string' && isEventType(entry.id)) && entry.type !== 'standard',
	);
	const values = await interestValues.call(this, custom);
	const customOptions = custom.flatMap((entry) => {
		const value = values.get(entry);
		if (value === undefined) return [];
		const label = String(entry.label);
		return [{ name: `Custom Label: ${label}`, value: customEventOption(value, label), description: `A lead got the custom label "${label}"` }];
	});
	return [...STANDARD_OPTIONS, ...customOptions.sort((a, b) => a.name.localeCompare(b.name))];
}

/**
 * A custom entry's id is the label's interest_status number. Should an id be something else,
 * the number is looked up by label name in `GET /lead-labels`; entries still unknown are left out,
 * since a webhook for them cannot be created.
 */
async function interestValues(
	this: ILoadOptionsFunctions,
	entries: ListedEventType[],
): Promise<Map<ListedEventType, number>> {
	const values = new Map<ListedEventType, number>();
	const unresolved: ListedEventType[] = [];
	for (const entry of entries) {
		const number = typeof entry.id === 'number' ? entry.id : Number(String(entry.id ?? '').trim() || NaN);
		if (Number.isFinite(number)) values.set(entry, number);
		else unresolved.push(entry);
	}
	if (unresolved.length === 0) return values;
	try {
		const byName = new Map<string, number>();
		for await (const label of paginate.call(this, endpoints.listLeadLabels) as AsyncGenerator<IDataObject>) {
			if (typeof label.interest_status === 'number') byName.set(String(label.label), label.interest_status);
		}
		for (const entry of unresolved) {
			const number = byName.get(String(entry.label));
			if (number !== undefined) values.set(entry, number);
		}
	} catch (error) {
		this.logger.warn(`Instantly Trigger: could not look up custom lead labels: ${(error as Error).message}`);
	}
	return values;
}
