import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isDomain, isEmail } from '../../helpers/validation';

export const entryIdProperty: INodeProperties = {
	displayName: 'Entry ID',
	name: 'entryId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
	description: 'The ID (UUID) of the block list entry',
};

export const valueProperty: INodeProperties = {
	displayName: 'Email or Domain',
	name: 'value',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. jane@example.com or example.com',
	description: 'An email address blocks that address; a domain blocks every address at it',
};

/** Reads the Email or Domain parameter, checks it is one of the two and returns it trimmed. */
export function readBlockValue(context: IExecuteFunctions, itemIndex: number): string {
	const node = context.getNode();
	const value = context.getNodeParameter('value', itemIndex);
	const text = typeof value === 'string' ? value.trim() : String(value ?? '').trim();
	if (!isEmail(text) && !isDomain(text)) {
		throw new NodeOperationError(
			node,
			text === '' ? 'Email or Domain is required' : `Email or Domain: "${text}" is neither an email address nor a domain`,
			{ description: `Item ${itemIndex + 1}: expected e.g. jane@example.com or example.com.`, itemIndex },
		);
	}
	return text;
}
