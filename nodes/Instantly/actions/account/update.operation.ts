import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertEmail, collectionFields, readCollection, readInteger, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { updateFieldsCollection } from '../common.descriptions';
import { accountEmail, accountEmailField } from './common';

const properties: INodeProperties[] = [
	accountEmailField,
	updateFieldsCollection([
		{
			displayName: 'Daily Limit',
			name: 'dailyLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of campaign emails the account sends per day',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'Sender first name',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'Sender last name',
		},
		{
			displayName: 'Reply-To',
			name: 'replyTo',
			type: 'string',
			default: '',
			placeholder: 'e.g. replies@example.com',
			description: 'Address replies should go to',
		},
		{
			displayName: 'Sending Gap (Minutes)',
			name: 'sendingGap',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1440 },
			default: 10,
			description: 'Minimum minutes between two emails from this account across campaigns',
		},
		{
			displayName: 'Signature',
			name: 'signature',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Email signature (HTML allowed)',
		},
		{
			displayName: 'Slow Ramp',
			name: 'enableSlowRamp',
			type: 'boolean',
			default: false,
			description: 'Whether to raise the sending limit gradually',
		},
		{
			displayName: 'Warmup Daily Limit',
			name: 'warmupLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description: 'Max number of warmup emails per day',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['update'] } }, properties);

/**
 * The account's current warmup settings with the changes applied. The document does not say that a
 * PATCH merges `warmup`; if Instantly replaces the object, sending `{ limit }` alone would reset
 * the ramp-up, reply rate and advanced settings.
 */
async function wholeWarmup(context: IExecuteFunctions, email: string, changes: IDataObject, itemIndex: number): Promise<IDataObject> {
	const current = (await instantlyApiRequest.call(context, endpoints.getAccount, { pathParams: { email }, itemIndex })) as IDataObject;
	const warmup = current.warmup !== null && typeof current.warmup === 'object' ? (current.warmup as IDataObject) : {};
	return { ...warmup, ...changes };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const email = accountEmail(this, itemIndex);
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body: IDataObject = {};
	if (fields.firstName !== undefined) body.first_name = String(fields.firstName).trim();
	if (fields.lastName !== undefined) body.last_name = String(fields.lastName).trim();
	if (fields.signature !== undefined) body.signature = String(fields.signature);
	if (fields.replyTo !== undefined) {
		const replyTo = { node, value: fields.replyTo, label: 'Reply-To', itemIndex };
		body.reply_to = String(fields.replyTo).trim() === '' ? null : assertEmail(replyTo);
	}
	if (fields.dailyLimit !== undefined) {
		body.daily_limit = readInteger(
			this,
			{ name: 'updateFields.dailyLimit', label: 'Daily Limit', itemIndex },
			{ min: 1, max: 100000 },
		);
	}
	if (fields.sendingGap !== undefined) {
		body.sending_gap = readInteger(
			this,
			{ name: 'updateFields.sendingGap', label: 'Sending Gap (Minutes)', itemIndex },
			{ min: 0, max: 1440 },
		);
	}
	if (fields.enableSlowRamp !== undefined) body.enable_slow_ramp = fields.enableSlowRamp === true;
	if (fields.warmupLimit !== undefined) {
		const warmupLimit = { name: 'updateFields.warmupLimit', label: 'Warmup Daily Limit', itemIndex };
		body.warmup = { limit: readInteger(this, warmupLimit, { min: 1, max: 100000 }) };
	}
	requireChanges({ node, body, itemIndex });
	if (body.warmup) body.warmup = await wholeWarmup(this, email, body.warmup as IDataObject, itemIndex);
	return (await instantlyApiRequest.call(this, endpoints.updateAccount, { pathParams: { email }, body, itemIndex })) as IDataObject;
}
