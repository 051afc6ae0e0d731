import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { accountEmail, accountEmailField } from './common';

const properties: INodeProperties[] = [accountEmailField];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['deleteAccount'] } }, properties);

/** Removes the account from the workspace; Instantly answers with the deleted account. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const email = accountEmail(this, itemIndex);
	return answerJson(await instantlyApiRequest.call(this, endpoints.deleteAccount, { pathParams: { email }, itemIndex }), { email });
}
