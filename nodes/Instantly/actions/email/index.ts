import type { INodeProperties } from 'n8n-workflow';

import type { OperationOption, OperationsListedIn } from '../node.type';
import * as countUnread from './countUnread.operation';
import * as deleteEmail from './deleteEmail.operation';
import * as forward from './forward.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as markThreadAsRead from './markThreadAsRead.operation';
import * as reply from './reply.operation';
import * as update from './update.operation';

const operationOptions = [
	{
		name: 'Count Unread',
		value: 'countUnread',
		description: 'Count the unread emails in the unibox',
		action: 'Count unread emails',
	},
	{
		name: 'Delete',
		value: 'deleteEmail',
		description: 'Delete an email from the unibox',
		action: 'Delete an email',
	},
	{
		name: 'Forward',
		value: 'forward',
		description: 'Forward an email to other recipients',
		action: 'Forward an email',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Get one email',
		action: 'Get an email',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'List unibox emails by campaign, list, account, lead, read state or text (20 requests per minute: ~3 s per page of 100)',
		action: 'Get many emails',
	},
	{
		name: 'Mark Thread as Read',
		value: 'markThreadAsRead',
		description: 'Mark every email of a thread as read',
		action: 'Mark a thread as read',
	},
	{
		name: 'Reply',
		value: 'reply',
		description: 'Reply to a received email, e.g. the email_id of a Reply Received trigger item',
		action: 'Reply to an email',
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Mark an email read or unread, or set its reminder',
		action: 'Update an email',
	},
] satisfies Array<OperationOption<'email'>>;

/** Keyed by the Operation options: a listed operation without a module, or a module not listed, fails to compile. */
export const operations = { countUnread, deleteEmail, forward, get, getAll, markThreadAsRead, reply, update } satisfies OperationsListedIn<typeof operationOptions>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['email'] } },
		options: operationOptions,
		default: 'getAll',
	},
	...countUnread.description,
	...deleteEmail.description,
	...forward.description,
	...get.description,
	...getAll.description,
	...markThreadAsRead.description,
	...reply.description,
	...update.description,
];
