import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../helpers/mappers';
import {
	assertEmail,
	collectionFields,
	emailListValue,
	readBoolean,
	readCollection,
	readEmail,
	readText,
	readUuid,
} from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { optionsCollection, sendingAccountProperty } from '../common.descriptions';
import { bodyProperties, copyAddresses, copyOptions, messageBody } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Email ID',
		name: 'emailId',
		type: 'string',
		required: true,
		default: '={{ $json.email_id }}',
		description: 'ID of the email to forward',
	},
	sendingAccountProperty('The connected account that sends the forward'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ae@example.com, sdr@example.com',
		description: 'Comma-separated recipients',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Fwd: Quick question',
	},
	{
		displayName: 'Include Original Email',
		name: 'includeOriginalBody',
		type: 'boolean',
		default: true,
		description: 'Whether to append the original email, with its headers, after the note',
	},
	...bodyProperties.map((property) => ({ ...property, description: `${property.description} (a note above the forwarded email)` })),
	optionsCollection([
		...copyOptions,
		{
			displayName: 'Reply-To',
			name: 'replyTo',
			type: 'string',
			default: '',
			placeholder: 'e.g. sales@example.com',
			description: 'The address replies to the forward should go to',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['forward'] } }, properties);

/** Forwards an email to new recipients; Instantly starts a new thread for it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const replyToUuid = readUuid(this, { name: 'emailId', label: 'Email ID', itemIndex });
	const eaccount = readEmail(this, { name: 'eaccount', label: 'Sending Account', itemIndex });
	const to = emailListValue({
		node: this.getNode(),
		value: this.getNodeParameter('to', itemIndex, ''),
		label: 'To',
		itemIndex,
	});
	if (to.length === 0) {
		throw new NodeOperationError(node, 'To is required', {
			description: `Item ${itemIndex + 1}: give at least one recipient.`,
			itemIndex,
		});
	}
	const subject = readText(this, { name: 'subject', label: 'Subject', itemIndex }, { required: true });
	const body = messageBody(this, itemIndex);
	const includeOriginalBody = readBoolean(this, { name: 'includeOriginalBody', label: 'Include Original Email', itemIndex, fallback: true });
	// Instantly's schema (anyOf) wants a non-empty body or include_original_body: true, else it answers 400.
	if (!body && !includeOriginalBody) {
		throw new NodeOperationError(node, 'HTML Body or Text Body is required when Include Original Email is off', {
			description: `Item ${itemIndex + 1}: write a note, or turn on Include Original Email.`,
			itemIndex,
		});
	}
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex }, collectionFields(properties, 'options'));
	const request = compact({
		eaccount,
		reply_to_uuid: replyToUuid,
		// A comma-separated string, not an array, in Instantly's schema.
		to_address_email_list: to.join(','),
		subject,
		body,
		include_original_body: includeOriginalBody,
		...copyAddresses(this, options, itemIndex),
		reply_to: options.replyTo ? assertEmail({ node, value: options.replyTo, label: 'Reply-To', itemIndex }) : undefined,
	});
	return (await instantlyApiRequest.call(this, endpoints.forwardEmail, { body: request, itemIndex })) as IDataObject;
}
