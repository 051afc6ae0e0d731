import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { accountEmails, accountEmailsField } from './common';

const properties: INodeProperties[] = [accountEmailsField('Comma-separated emails of the accounts (up to 100)')];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getWarmupAnalytics'] } },
	properties,
);

/** Warmup numbers per day and in total for each account (a POST in Instantly's API, though it only reads). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const emails = accountEmails(this, { itemIndex, max: 100 });
	return (await instantlyApiRequest.call(this, endpoints.getWarmupAnalytics, { body: { emails }, itemIndex })) as IDataObject;
}
