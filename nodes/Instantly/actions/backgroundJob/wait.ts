import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BackgroundJob } from '../../helpers/interfaces';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { sleepWithin, waitTimeoutMs, waitTimeoutProperty } from '../wait';

// The document's final states are success, failed and cancelled; Instantly's own starter kit also
// stops on completed and error. Anything outside these lists is a status Instantly added since.
const DONE_STATUSES = new Set(['success', 'completed']);
const FAILED_STATUSES = new Set(['failed', 'error', 'cancelled']);
const RUNNING_STATUSES = new Set(['pending', 'in-progress', 'draining', 'paused']);
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5000;
/** How long a status this node does not know may last before the wait gives up on it. */
export const UNKNOWN_STATUS_LIMIT_MS = 30_000;

/** Wait for Completion + Timeout, for operations that start (or read) a background job. */
export function waitForJobProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: `Whether to wait until Instantly has finished ${what} (a background job) and return its final state (a failed or cancelled job is an error), instead of returning the job as it is now`,
		},
		waitTimeoutProperty('waitForCompletion', 120, 'How long to wait for the job before returning its current state with timedOut set'),
	];
}

/**
 * Reads Wait for Completion and Timeout: the timeout in ms, or undefined when not waiting. Call it
 * before starting the job, so a bad timeout is refused before anything is sent.
 */
export function jobTimeoutMs(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return waitTimeoutMs(context, itemIndex, 'waitForCompletion');
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

/** The first message-like text a job carries; the document defines none, so several places are tried. */
function jobMessage(job: BackgroundJob): string | undefined {
	const data = (job.data ?? {}) as IDataObject;
	const found = [job.error, job.message, data.error, data.message, data.error_message].find(
		(value) => typeof value === 'string' && value.trim() !== '',
	);
	return found as string | undefined;
}

function jobError(context: IExecuteFunctions, job: BackgroundJob, message: string, itemIndex: number): NodeOperationError {
	const said = jobMessage(job);
	return new NodeOperationError(context.getNode(), message, {
		description: `Item ${itemIndex + 1}: job ${job.id} (${String(job.type ?? 'unknown type')}), progress ${String(job.progress ?? 0)}%.${said ? ` Instantly says: ${said}` : ''}`,
		itemIndex,
	});
}

/**
 * Polls `GET /background-jobs/{id}` with doubling delays (250 ms up to 5 s). A done job is returned
 * with `timedOut: false`; a failed, errored or cancelled one throws with the job's message; past the
 * timeout the last state is returned with `timedOut: true`. A status this node does not know ends
 * the wait after `UNKNOWN_STATUS_LIMIT_MS` with an error naming it, rather than running to the timeout.
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
	let unknownSinceMs: number | undefined;
	for (;;) {
		const status = String(current.status);
		if (DONE_STATUSES.has(status)) return { ...current, timedOut: false };
		if (FAILED_STATUSES.has(status)) {
			throw jobError(context, current, `The background job ${status === 'cancelled' ? 'was cancelled' : 'failed'} (status "${status}")`, itemIndex);
		}
		if (RUNNING_STATUSES.has(status)) unknownSinceMs = undefined;
		else {
			unknownSinceMs ??= waitedMs;
			if (waitedMs - unknownSinceMs >= UNKNOWN_STATUS_LIMIT_MS) {
				throw jobError(
					context,
					current,
					`The background job reports status "${status}", which this node does not know; stopped waiting after ${Math.round((waitedMs - unknownSinceMs) / 1000)} s`,
					itemIndex,
				);
			}
		}
		if (waitedMs >= timeoutMs) return { ...current, timedOut: true };
		waitedMs = await sleepWithin(waitedMs, delayMs, timeoutMs);
		delayMs = Math.min(delayMs * 2, MAX_POLL_MS);
		current = (await instantlyApiRequest.call(context, endpoints.getBackgroundJob, {
			pathParams: { id: job.id },
			itemIndex,
		})) as BackgroundJob;
	}
}
