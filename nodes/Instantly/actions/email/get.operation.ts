import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idField, uuidParameter } from '../../helpers/fields';
import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [idField('Email ID', 'emailId', 'ID of the email (the email_id of a trigger event)')];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = uuidParameter(this, 'emailId', itemIndex, 'Email ID');
	return answerJson(await instantlyApiRequest.call(this, endpoints.getEmail, { pathParams: { id }, itemIndex }), { id });
}
