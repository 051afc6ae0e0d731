import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { endpoints } from '../transport/endpoints';
import { instantlyApiRequest } from '../transport/request';
import type { BackgroundJob } from './interfaces';
import { integerParameter } from './utils';

const FINAL_JOB_STATUSES = new Set(['success', 'failed', 'cancelled']);
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5000;

/** Wait for Completion + Timeout, for operations that start (or read) a background job. */
export function waitForJobProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: `Whether to wait until Instantly has finished ${what} (a background job) and return its final state, instead of returning the job as it is now`,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 120,
			description: 'How long to wait for the job before returning its current state with timedOut set',
			displayOptions: { show: { waitForCompletion: [true] } },
		},
	];
}

/**
 * Reads Wait for Completion and Timeout: the timeout in ms, or undefined when not waiting. Call it
 * before starting the job, so a bad timeout is refused before anything is sent.
 */
export function jobTimeoutMs(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (!(context.getNodeParameter('waitForCompletion', itemIndex, true) as boolean)) return undefined;
	return integerParameter(context, 'timeout', itemIndex, 'Timeout (Seconds)', 1, 3600) * 1000;
}

/** Returns the job as is when not waiting, else polls it until it is done or the timeout passes. */
export async function maybeWaitForJob(
	context: IExecuteFunctions,
	job: BackgroundJob,
	timeoutMs: number | undefined,
	itemIndex: number,
): Promise<IDataObject> {
	if (timeoutMs === undefined) return job;
	return await waitForJob(context, job, timeoutMs, itemIndex);
}

/**
 * Polls `GET /background-jobs/{id}` with doubling delays (250 ms up to 5 s) until the job is
 * success, failed or cancelled; past the timeout it returns the last state with `timedOut: true`.
 */
export async function waitForJob(
	context: IExecuteFunctions,
	job: BackgroundJob,
	timeoutMs: number,
	itemIndex: number,
): Promise<IDataObject> {
	let current = job;
	let waitedMs = 0;
	let delayMs = FIRST_POLL_MS;
	while (!FINAL_JOB_STATUSES.has(current.status)) {
		if (waitedMs >= timeoutMs) return { ...current, timedOut: true };
		const step = Math.min(delayMs, timeoutMs - waitedMs);
		await sleep(step);
		waitedMs += step;
		delayMs = Math.min(delayMs * 2, MAX_POLL_MS);
		current = (await instantlyApiRequest.call(context, endpoints.getBackgroundJob, {
			pathParams: { id: job.id },
			itemIndex,
		})) as BackgroundJob;
	}
	return { ...current, timedOut: false };
}
