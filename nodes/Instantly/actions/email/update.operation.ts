import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { toInstant } from '../../helpers/dates';
import { collectionFields, readCollection, readUuid, requireChanges } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { idField, updateFieldsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField('Email ID', 'emailId', 'ID of the email to change'),
	updateFieldsCollection([
		{
			displayName: 'Clear Reminder',
			name: 'clearReminder',
			type: 'boolean',
			default: true,
			description: 'Whether to remove the reminder set on the email',
		},
		{
			displayName: 'Reminder',
			name: 'reminder',
			type: 'dateTime',
			default: '',
			description: 'When the unibox should remind you of this email',
		},
		{
			displayName: 'Unread',
			name: 'isUnread',
			type: 'boolean',
			default: false,
			description: 'Whether the email is unread (off marks it as read)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	const id = readUuid(this, { name: 'emailId', label: 'Email ID', itemIndex });
	const fields = readCollection(this, { name: 'updateFields', label: 'Update Fields', itemIndex }, collectionFields(properties, 'updateFields'));
	const body: IDataObject = {};
	// Instantly stores is_unread as a number (1 unread, 0 read) and refuses a boolean.
	if (fields.isUnread !== undefined) body.is_unread = fields.isUnread === true ? 1 : 0;
	if (fields.reminder !== undefined && fields.clearReminder === true) {
		throw new NodeOperationError(node, 'Reminder and Clear Reminder cannot be used together', {
			description: `Item ${itemIndex + 1}: keep one of them.`,
			itemIndex,
		});
	}
	const reminder = toInstant(this, { value: fields.reminder, label: 'Reminder', itemIndex });
	if (reminder !== undefined) body.reminder_ts = reminder;
	if (fields.clearReminder === true) body.reminder_ts = null;
	requireChanges({ node, body, itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.updateEmail, { pathParams: { id }, body, itemIndex }), { id });
}
