import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BackgroundJob } from '../../helpers/interfaces';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { jobTimeoutMs, maybeWaitForJob, waitForJobProperties } from '../backgroundJob/wait';
import { accountEmails, accountEmailsField } from './common';

const properties: INodeProperties[] = [
	accountEmailsField('Comma-separated emails of the accounts to enable warmup for (up to 100)'),
	...waitForJobProperties('the change'),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['enableWarmup'] } }, properties);

/** Starts warmup through a background job; returns the job, or its final state when waiting. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const emails = accountEmails(this, { itemIndex, max: 100 });
	const timeoutMs = jobTimeoutMs(this, itemIndex);
	const job = (await instantlyApiRequest.call(this, endpoints.enableWarmup, { body: { emails }, itemIndex })) as BackgroundJob;
	return await maybeWaitForJob(this, job, timeoutMs, itemIndex);
}
