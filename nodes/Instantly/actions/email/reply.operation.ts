import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toInstant } from '../../helpers/dates';
import { compact } from '../../helpers/mappers';
import {
	assertEmail,
	assertUuid,
	collectionFields,
	emailListValue,
	readCollection,
	readEmail,
	readText,
	readUuid,
} from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { optionsCollection, sendingAccountProperty } from '../common.descriptions';
import { bodyProperties, copyAddresses, copyOptions, messageBody } from './common';

const LATEST_RECEIVED = 'latestReceived';

// The defaults read a Reply Received trigger item, so such an item needs only a body.
const properties: INodeProperties[] = [
	{
		displayName: 'Reply To',
		name: 'replyTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Email ID',
				value: 'emailId',
				description: 'The received email with this ID: the email_id of an Instantly Trigger item, or an ID from Email → Get Many',
			},
			{
				name: 'Latest Email Received From Lead',
				value: LATEST_RECEIVED,
				description:
					"The lead's most recent email in the unibox, for trigger items without email_id (older Instantly deliveries); costs one Get Many request, which Instantly allows 20 times a minute",
			},
		],
		default: 'emailId',
	},
	{
		displayName: 'Reply To Email ID',
		name: 'replyToUuid',
		type: 'string',
		required: true,
		default: '={{ $json.email_id }}',
		displayOptions: { show: { replyTo: ['emailId'] } },
		description:
			'ID of the received email to answer: the email_id of an Instantly Trigger item, or the ID from Email → Get Many',
	},
	{
		displayName: 'Lead Email',
		name: 'leadEmail',
		type: 'string',
		required: true,
		default: '={{ $json.lead_email }}',
		placeholder: 'e.g. jane@prospect.com',
		displayOptions: { show: { replyTo: [LATEST_RECEIVED] } },
		description: 'The lead whose most recent received email is answered',
	},
	{
		displayName: 'Campaign ID',
		name: 'leadCampaignId',
		type: 'string',
		default: '={{ $json.campaign_id }}',
		displayOptions: { show: { replyTo: [LATEST_RECEIVED] } },
		description: "Only the lead's emails of this campaign; empty looks in the whole unibox",
	},
	sendingAccountProperty('The connected account that sends the reply; usually the one the lead wrote to'),
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

/** Where the reply goes: an email ID, or the lead (and campaign) whose latest received email is answered. */
type ReplyTarget = { emailId: string } | { lead: string; campaignId?: string };

function replyTarget(context: IExecuteFunctions, itemIndex: number): ReplyTarget {
	const node = context.getNode();
	if (context.getNodeParameter('replyTo', itemIndex, 'emailId') === LATEST_RECEIVED) {
		const lead = String(context.getNodeParameter('leadEmail', itemIndex, '') ?? '').trim();
		if (lead === '') {
			throw new NodeOperationError(node, 'Lead Email is empty: the incoming item has no lead_email', {
				description: `Item ${itemIndex + 1}: map the lead's address, or set Reply To to Email ID and give the email's ID.`,
				itemIndex,
			});
		}
		const campaignId = String(context.getNodeParameter('leadCampaignId', itemIndex, '') ?? '').trim();
		return {
			lead: assertEmail({ node, value: lead, label: 'Lead Email', itemIndex }),
			campaignId: campaignId === '' ? undefined : assertUuid({ node, value: campaignId, label: 'Campaign ID', itemIndex }),
		};
	}
	if (String(context.getNodeParameter('replyToUuid', itemIndex, '') ?? '').trim() === '') {
		throw new NodeOperationError(node, 'Reply To Email ID is empty: the incoming item has no email_id', {
			description: `Item ${itemIndex + 1}: older Instantly deliveries (reply_received among them) carry no email_id. Set Reply To to "Latest Email Received From Lead" to answer the lead's most recent email, or give an email ID from Email → Get Many.`,
			itemIndex,
		});
	}
	return { emailId: readUuid(context, { name: 'replyToUuid', label: 'Reply To Email ID', itemIndex }) };
}

/**
 * The ID of the lead's most recent received email. The newest one is picked from the page by its
 * creation time, should Instantly not sort as asked; every unibox folder is searched.
 */
async function latestReceivedEmailId(
	context: IExecuteFunctions,
	target: { lead: string; campaignId?: string },
	itemIndex: number,
): Promise<string> {
	const qs = compact({ lead: target.lead, campaign_id: target.campaignId, email_type: 'received', mode: 'emode_all', sort_order: 'desc', limit: 100 });
	const page = (await instantlyApiRequest.call(context, endpoints.listEmails, { qs, itemIndex })) as { items?: IDataObject[] };
	const createdAt = (email: IDataObject) => Date.parse(String(email.timestamp_created ?? '')) || 0;
	const latest = (page.items ?? []).reduce<IDataObject | undefined>(
		(newest, email) => (newest === undefined || createdAt(email) > createdAt(newest) ? email : newest),
		undefined,
	);
	if (typeof latest?.id !== 'string') {
		const where = target.campaignId ? ` in campaign ${target.campaignId}` : '';
		throw new NodeOperationError(context.getNode(), `No email received from ${target.lead}${where} was found in this workspace`, {
			description: `Item ${itemIndex + 1}: Instantly's unibox has no email from this lead to answer. Check Lead Email and Campaign ID, or give the email's ID with Reply To: Email ID.`,
			itemIndex,
		});
	}
	return latest.id;
}

/** Sends a reply in the thread of the email given; it goes to that email's sender. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = messageBody(this, itemIndex);
	const target = replyTarget(this, itemIndex);
	const eaccount = readEmail(this, { name: 'eaccount', label: 'Sending Account', itemIndex });
	const subject = readText(this, { name: 'subject', label: 'Subject', itemIndex }, { required: true });
	if (!body) {
		throw new NodeOperationError(this.getNode(), 'Give an HTML Body or a Text Body', {
			description: `Item ${itemIndex + 1}: Instantly needs the reply's content.`,
			itemIndex,
		});
	}
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex }, collectionFields(properties, 'options'));
	const request = compact({
		eaccount,
		subject,
		body,
		additional_recipients: emailListValue({
			node: this.getNode(),
			value: options.additionalRecipients,
			label: 'Additional Recipients',
			itemIndex,
		}),
		...copyAddresses(this, options, itemIndex),
		reminder_ts: toInstant(this, { value: options.reminder, label: 'Reminder', itemIndex }),
	});
	// Looked up last, once everything else is known to be valid.
	request.reply_to_uuid = 'emailId' in target ? target.emailId : await latestReceivedEmailId(this, target, itemIndex);
	return (await instantlyApiRequest.call(this, endpoints.replyToEmail, { body: request, itemIndex })) as IDataObject;
}
