import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { readInteger } from '../helpers/validation';

const MAX_TIMEOUT_SECONDS = 3600;

/** The Timeout (Seconds) field of a bounded wait, shown while the wait's switch is on. */
export function waitTimeoutProperty(toggle: string, defaultSeconds: number, description: string): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
		default: defaultSeconds,
		description,
		displayOptions: { show: { [toggle]: [true] } },
	};
}

/**
 * Reads a wait's switch and its Timeout: the timeout in ms, or undefined when not waiting. Call it
 * before sending anything, so a bad timeout is refused before a request is made.
 */
export function waitTimeoutMs(context: IExecuteFunctions, itemIndex: number, toggle: string): number | undefined {
	if (!(context.getNodeParameter(toggle, itemIndex, true) as boolean)) return undefined;
	return readInteger(context, { name: 'timeout', label: 'Timeout (Seconds)', itemIndex }, { min: 1, max: MAX_TIMEOUT_SECONDS }) * 1000;
}

/**
 * Sleeps `delayMs`, or what is left of the timeout when that is less, and returns the time waited
 * since. Sleeps with n8n's `sleep`, so tests that replace it never wait on the real clock.
 */
export async function sleepWithin(waitedMs: number, delayMs: number, timeoutMs: number): Promise<number> {
	const step = Math.min(delayMs, timeoutMs - waitedMs);
	await sleep(step);
	return waitedMs + step;
}
