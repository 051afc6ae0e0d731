import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { readResourceId } from '../names';
import { labelLocator } from './common';

const properties: INodeProperties[] = [labelLocator];

export const description = updateDisplayOptions({ show: { resource: ['leadLabel'], operation: ['deleteLabel'] } }, properties);

/** Deletes the label; leads and emails with it go back to no status. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const id = await readResourceId(this, 'leadLabels', { name: 'labelId', label: 'Lead Label', itemIndex });
	return answerJson(await instantlyApiRequest.call(this, endpoints.deleteLeadLabel, { pathParams: { id }, itemIndex }), { id });
}
