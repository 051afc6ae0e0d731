import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertEmail, splitList, toDateOnly, toInstant } from './utils';
import { readEmail, readText, readUuid } from './validation';

/** A required text parameter, trimmed; throws naming the field when it is empty or not text. */
export function requiredText(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const text = readText(context, { name, label, itemIndex });
	if (text === '') {
		throw new NodeOperationError(context.getNode(), `${label} is required`, {
			description: `Item ${itemIndex + 1}: give a value for ${label}.`,
			itemIndex,
		});
	}
	return text;
}

/** A required Instantly id (UUID) parameter. */
export function uuidParameter(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	return readUuid(context, { name, label, itemIndex });
}

/** A required email address parameter. */
export function emailParameter(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	return readEmail(context, { name, label, itemIndex });
}

/** A comma-separated list of email addresses, each validated; `[]` when empty. */
export function emailList(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string[] {
	return splitList(value).map((email) => assertEmail(context.getNode(), email, label, itemIndex));
}

/** An n8n date/time value as an ISO timestamp (an offset-less time is on the workflow's clock), or undefined when empty. */
export function toIsoTimestamp(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	return toInstant(context, value, label, itemIndex);
}

/** An n8n date value as YYYY-MM-DD, or undefined when empty. */
export function toDate(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	return toDateOnly(context, value, label, itemIndex);
}

/** A plain string id field (no list to pick from), e.g. a webhook or lead label id. */
export function idField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
		description,
	};
}
