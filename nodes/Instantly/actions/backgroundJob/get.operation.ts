import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BackgroundJob } from '../../helpers/interfaces';
import { readPathId } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { jobTimeoutMs, maybeWaitForJob, waitForJobProperties } from './wait';

const properties: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		description:
			'ID of the job, as returned by Lead → Move or Account → Enable/Disable Warmup with Wait for Completion off',
	},
	...waitForJobProperties('the job'),
];

export const description = updateDisplayOptions({ show: { resource: ['backgroundJob'], operation: ['get'] } }, properties);

/** Returns the job (type, progress, status, data), optionally once it is done. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readPathId(this, { name: 'jobId', label: 'Job ID', itemIndex });
	const timeoutMs = jobTimeoutMs(this, itemIndex);
	const job = (await instantlyApiRequest.call(this, endpoints.getBackgroundJob, {
		pathParams: { id },
		itemIndex,
	})) as BackgroundJob;
	return await maybeWaitForJob(this, job, timeoutMs, itemIndex);
}
