import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { splitList } from '../../helpers/lists';
import { assertEmail, readInteger } from '../../helpers/validation';

/** Settings shared by Create and Update, as collection options (camelCase UI names). */
export const campaignSettingOptions: INodeProperties[] = [
	{
		displayName: 'Daily Limit',
		name: 'dailyLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of emails the campaign sends per day',
	},
	{
		displayName: 'Daily New Leads Limit',
		name: 'dailyMaxLeads',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Max number of new leads contacted per day',
	},
	{
		displayName: 'Email Gap (Minutes)',
		name: 'emailGap',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description: 'Minutes to wait between two emails from the same account',
	},
	{
		displayName: 'Link Tracking',
		name: 'linkTracking',
		type: 'boolean',
		default: false,
		description: 'Whether to track link clicks',
	},
	{
		displayName: 'Open Tracking',
		name: 'openTracking',
		type: 'boolean',
		default: false,
		description: 'Whether to track email opens',
	},
	{
		displayName: 'Sending Accounts',
		name: 'emailList',
		type: 'string',
		default: '',
		placeholder: 'e.g. sales@example.com, jane@example.com',
		description: 'Comma-separated emails of the connected accounts that send this campaign (replaces the current list)',
	},
	{
		displayName: 'Stop on Auto Reply',
		name: 'stopOnAutoReply',
		type: 'boolean',
		default: false,
		description: 'Whether to stop the sequence for a lead when an automatic reply arrives',
	},
	{
		displayName: 'Stop on Reply',
		name: 'stopOnReply',
		type: 'boolean',
		default: true,
		description: 'Whether to stop the sequence for a lead when they reply',
	},
	{
		displayName: 'Text Only',
		name: 'textOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to send plain-text emails only',
	},
];

const BOOLEAN_SETTINGS = {
	linkTracking: 'link_tracking',
	openTracking: 'open_tracking',
	stopOnAutoReply: 'stop_on_auto_reply',
	stopOnReply: 'stop_on_reply',
	textOnly: 'text_only',
} as const;

/** Maps the chosen settings to Instantly's campaign fields, validating numbers and emails. */
export function campaignSettings(
	context: IExecuteFunctions,
	settings: IDataObject,
	collection: string,
	itemIndex: number,
): IDataObject {
	const node = context.getNode();
	const body: IDataObject = {};
	if (settings.dailyLimit !== undefined) {
		body.daily_limit = readInteger(
			context,
			{ name: `${collection}.dailyLimit`, label: 'Daily Limit', itemIndex },
			{ min: 1, max: 100000 },
		);
	}
	if (settings.dailyMaxLeads !== undefined) {
		body.daily_max_leads = readInteger(
			context,
			{ name: `${collection}.dailyMaxLeads`, label: 'Daily New Leads Limit', itemIndex },
			{ min: 0, max: 100000 },
		);
	}
	if (settings.emailGap !== undefined) {
		body.email_gap = readInteger(
			context,
			{ name: `${collection}.emailGap`, label: 'Email Gap (Minutes)', itemIndex },
			{ min: 0, max: 1440 },
		);
	}
	if (settings.emailList !== undefined) {
		const emails = splitList(settings.emailList).map((email) =>
			assertEmail({ node, value: email, label: 'Sending Accounts', itemIndex }),
		);
		if (emails.length === 0) {
			throw new NodeOperationError(node, 'Sending Accounts: give at least one email', {
				description: `Item ${itemIndex + 1}: remove the field to keep the accounts as they are.`,
				itemIndex,
			});
		}
		body.email_list = emails;
	}
	for (const [uiName, apiName] of Object.entries(BOOLEAN_SETTINGS)) {
		if (settings[uiName] !== undefined) body[apiName] = settings[uiName] === true;
	}
	return body;
}
