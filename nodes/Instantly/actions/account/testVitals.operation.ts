import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../helpers/utils';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { accountEmails, accountEmailsField } from './common';

const properties: INodeProperties[] = [
	accountEmailsField('Comma-separated emails of the accounts to check; leave empty for every account', false),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['testVitals'] } }, properties);

/** Checks the DNS records (MX, SPF, DKIM, DMARC) of the accounts' domains (a POST that only reads). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = compact({ accounts: accountEmails(this, itemIndex, 1000, false) });
	return (await instantlyApiRequest.call(this, endpoints.testAccountVitals, { body, itemIndex })) as IDataObject;
}
