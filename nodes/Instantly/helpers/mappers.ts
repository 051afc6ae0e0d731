import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Drops undefined, empty strings and empty arrays: Instantly treats an empty array as a filter. */
export function compact(object: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		result[key] = value;
	}
	return result;
}

/** A free-text filter, trimmed; undefined when it is not text. */
export function trimmedText(value: unknown): string | undefined {
	return typeof value === 'string' ? value.trim() : undefined;
}

/** An options filter as the number Instantly takes; undefined when it is not set. */
export function optionalNumber(value: unknown): number | undefined {
	return value === undefined ? undefined : Number(value);
}

/** UI name → Instantly name of the plain text lead fields. */
export const LEAD_TEXT_FIELDS = {
	firstName: 'first_name',
	lastName: 'last_name',
	companyName: 'company_name',
	jobTitle: 'job_title',
	phone: 'phone',
	website: 'website',
	personalization: 'personalization',
} as const;

/** Picks the lead text fields out of a UI collection, renamed for Instantly; empty ones are left out. */
export function leadTextFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [uiName, apiName] of Object.entries(LEAD_TEXT_FIELDS)) {
		const value = fields[uiName];
		if (value !== undefined && value !== null && String(value).trim() !== '') body[apiName] = String(value).trim();
	}
	return body;
}

type CustomValue = string | number | boolean | null;

/**
 * Builds `custom_variables` from key/value pairs. Instantly accepts only string, number, boolean
 * or null values; anything else is refused here rather than by the API.
 */
export function toCustomVariables({
	node,
	pairs,
	itemIndex,
}: {
	node: INode;
	pairs: Array<{ key?: unknown; value?: unknown }>;
	itemIndex: number;
}): Record<string, CustomValue> | undefined {
	const result: Record<string, CustomValue> = {};
	for (const { key, value } of pairs) {
		const name = String(key ?? '').trim();
		if (name === '') continue;
		if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
			throw new NodeOperationError(node, `Custom variable "${name}" must be text, a number or true/false`, {
				description: `Item ${itemIndex + 1}: Instantly does not accept objects or lists as custom variable values.`,
				itemIndex,
			});
		}
		result[name] = value as CustomValue;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

