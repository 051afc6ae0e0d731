import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { emailListValue, readEmail } from '../../helpers/validation';

/** The account's email address: Instantly keys accounts by it (URI-encoded in the path). */
export const accountEmailField: INodeProperties = {
	displayName: 'Account Email',
	name: 'accountEmail',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. sales@example.com',
	description: 'Email address of the sending account',
};

/** The account email parameter, validated. */
export function accountEmail(context: IExecuteFunctions, itemIndex: number): string {
	return readEmail(context, { name: 'accountEmail', label: 'Account Email', itemIndex });
}

/** A comma-separated list of account emails. */
export function accountEmailsField(description: string, required = true): INodeProperties {
	return {
		displayName: 'Account Emails',
		name: 'accountEmails',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. sales@example.com, jane@example.com',
		description,
	};
}

/** Reads Account Emails: validated, at most `max`, and at least one when required. */
export function accountEmails(
	context: IExecuteFunctions,
	{ itemIndex, max, required = true }: { itemIndex: number; max: number; required?: boolean },
): string[] {
	const emails = emailListValue({
		node: context.getNode(),
		value: context.getNodeParameter('accountEmails', itemIndex, ''),
		label: 'Account Emails',
		itemIndex,
	});
	if ((required && emails.length === 0) || emails.length > max) {
		throw new NodeOperationError(
			context.getNode(),
			emails.length === 0 ? 'Account Emails: give at least one email' : `Account Emails: at most ${max} per item`,
			{ description: `Item ${itemIndex + 1}: got ${emails.length}.`, itemIndex },
		);
	}
	return emails;
}

export const ACCOUNT_STATUSES = [
	{ name: 'Active', value: 1 },
	{ name: 'Connection Error', value: -1 },
	{ name: 'Maintenance', value: 3 },
	{ name: 'Paused', value: 2 },
	{ name: 'Sending Error', value: -3 },
	{ name: 'Soft Bounce Error', value: -2 },
];

export const ACCOUNT_PROVIDERS = [
	{ name: 'AirMail', value: 8 },
	{ name: 'Airmail Instant', value: 11 },
	{ name: 'AWS', value: 4 },
	{ name: 'Custom IMAP/SMTP', value: 1 },
	{ name: 'Google', value: 2 },
	{ name: 'Microsoft', value: 3 },
];
