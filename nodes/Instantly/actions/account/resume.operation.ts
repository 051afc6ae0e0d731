import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { accountEmail, accountEmailField } from './common';

const properties: INodeProperties[] = [accountEmailField];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['resume'] } }, properties);

/** Lets a paused account send again (status 1). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const email = accountEmail(this, itemIndex);
	return answerJson(await instantlyApiRequest.call(this, endpoints.resumeAccount, { pathParams: { email }, itemIndex }), { email });
}
