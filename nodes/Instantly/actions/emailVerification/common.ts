import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readEmail } from '../../helpers/validation';

export const verificationEmailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. jane@example.com',
	description: 'The email address to verify',
};

/** The Email parameter, validated before anything is sent. */
export function verificationEmail(context: IExecuteFunctions, itemIndex: number): string {
	return readEmail(context, { name: 'email', label: 'Email', itemIndex });
}
