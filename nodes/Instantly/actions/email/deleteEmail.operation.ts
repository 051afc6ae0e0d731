import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { idField } from '../common.descriptions';

const properties: INodeProperties[] = [idField('Email ID', 'emailId', 'ID of the email to delete')];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['deleteEmail'] } }, properties);

/** Deletes the email; Instantly answers with the deleted email. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = readUuid(this, { name: 'emailId', label: 'Email ID', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.deleteEmail, { pathParams: { id }, itemIndex }), { id });
}
