import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { accountEmails, accountEmailsField } from './common';

const properties: INodeProperties[] = [
	accountEmailsField('Comma-separated emails of the accounts whose domains to check (up to 1,000)'),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['testVitals'] } }, properties);

/** Checks the DNS records (MX, SPF, DKIM, DMARC) of the accounts' domains (a POST that only reads). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Instantly answers 400 "no emails sent" to a request without accounts, so at least one is required.
	const body = { accounts: accountEmails(this, { itemIndex, max: 1000 }) };
	return (await instantlyApiRequest.call(this, endpoints.testAccountVitals, { body, itemIndex })) as IDataObject;
}
