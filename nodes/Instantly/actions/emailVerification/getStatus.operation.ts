import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { verificationEmail, verificationEmailField } from './common';

const properties: INodeProperties[] = [
	{ ...verificationEmailField, description: 'The email address whose verification to read, as sent to Verify' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['emailVerification'], operation: ['getStatus'] } },
	properties,
);

/** Returns the address's latest verification as Instantly has it now, pending or not. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const email = verificationEmail(this, itemIndex);
	return answerJson(
		await instantlyApiRequest.call(this, endpoints.getEmailVerification, { pathParams: { email }, itemIndex }),
		{ email },
	);
}
