import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { emailList, emailParameter, requiredText, toIsoTimestamp, uuidParameter } from '../../helpers/fields';
import { compact } from '../../helpers/utils';
import { collectionFields, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { optionsCollection } from '../common.descriptions';
import { bodyProperties, copyAddresses, copyOptions, messageBody } from './common';

// The defaults read a Reply Received trigger item, so such an item needs only a body.
const properties: INodeProperties[] = [
	{
		displayName: 'Reply To Email ID',
		name: 'replyToUuid',
		type: 'string',
		required: true,
		default: '={{ $json.email_id }}',
		description:
			'ID of the received email to answer: the email_id of an Instantly Trigger item, or the ID from Email → Get Many',
	},
	{
		displayName: 'Sending Account',
		name: 'eaccount',
		type: 'string',
		required: true,
		default: '={{ $json.email_account }}',
		placeholder: 'e.g. sales@example.com',
		description: 'The connected account that sends the reply; usually the one the lead wrote to',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '={{ $json.reply_subject }}',
		placeholder: 'e.g. Re: Quick question',
	},
	...bodyProperties,
	optionsCollection([
		{
			displayName: 'Additional Recipients',
			name: 'additionalRecipients',
			type: 'string',
			default: '',
			placeholder: 'e.g. colleague@prospect.com',
			description: 'Comma-separated addresses that receive the reply besides the sender of the email answered',
		},
		...copyOptions,
		{
			displayName: 'Reminder',
			name: 'reminder',
			type: 'dateTime',
			default: '',
			description: 'When the unibox should remind you of this thread',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['reply'] } }, properties);

/** Sends a reply in the thread of the email given; it goes to that email's sender. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = messageBody(this, itemIndex);
	const replyToUuid = uuidParameter(this, 'replyToUuid', itemIndex, 'Reply To Email ID');
	const eaccount = emailParameter(this, 'eaccount', itemIndex, 'Sending Account');
	const subject = requiredText(this, 'subject', itemIndex, 'Subject');
	if (!body) {
		throw new NodeOperationError(this.getNode(), 'Give an HTML Body or a Text Body', {
			description: `Item ${itemIndex + 1}: Instantly needs the reply's content.`,
			itemIndex,
		});
	}
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex }, collectionFields(properties, 'options'));
	const request = compact({
		eaccount,
		reply_to_uuid: replyToUuid,
		subject,
		body,
		additional_recipients: emailList(this, options.additionalRecipients, 'Additional Recipients', itemIndex),
		...copyAddresses(this, options, itemIndex),
		reminder_ts: toIsoTimestamp(this, options.reminder, 'Reminder', itemIndex),
	});
	return (await instantlyApiRequest.call(this, endpoints.replyToEmail, { body: request, itemIndex })) as IDataObject;
}
