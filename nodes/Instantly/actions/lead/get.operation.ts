import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertUuid } from '../../helpers/utils';
import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { leadIdProperty } from './common';

const properties: INodeProperties[] = [leadIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = assertUuid(this.getNode(), this.getNodeParameter('leadId', itemIndex), 'Lead ID', itemIndex);
	return answerJson(await instantlyApiRequest.call(this, endpoints.getLead, { pathParams: { id }, itemIndex }), { id });
}
