import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { numberValue } from '../helpers/validation';
import type { InstantlyContext } from './context';

/**
 * 60 s: Instantly answers in well under a second, and its slowest calls (a 1,000-lead Add Many, a
 * 100-record page) in a few seconds, so a minute is ample; n8n's own 300 s, times up to seven
 * attempts for a request that may be retried, would hold an item for over half an hour.
 */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
export const MAX_REQUEST_TIMEOUT_SECONDS = 300;

const LABEL = 'Request Timeout (Seconds)';

/** The Request Timeout field; the action node shows it on its own, the trigger in its Options. */
export const requestTimeoutProperty: INodeProperties = {
	displayName: LABEL,
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_REQUEST_TIMEOUT_SECONDS },
	default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
	description:
		'How long to wait for Instantly to answer one request before giving up on it (a read is then retried, a write is reported as not known to be applied)',
};

/** The per-request timeout in ms: the action node's field, the trigger's option, or the default. */
export function requestTimeoutMs(context: InstantlyContext, itemIndex = 0): number {
	let value: unknown = DEFAULT_REQUEST_TIMEOUT_SECONDS;
	if (/trigger$/i.test(context.getNode().type)) {
		// The trigger sends requests from its webhook methods, whose getNodeParameter takes no item.
		const options = (context as IHookFunctions | IWebhookFunctions).getNodeParameter('options', {}) as IDataObject;
		value = options?.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_SECONDS;
	} else if ('getInputData' in context) {
		// List searches in the editor keep the default: a half-typed expression must not break them.
		value = context.getNodeParameter('requestTimeout', itemIndex, DEFAULT_REQUEST_TIMEOUT_SECONDS);
	}
	const seconds = numberValue(
		{ node: context.getNode(), value, label: LABEL, itemIndex },
		{ min: 1, max: MAX_REQUEST_TIMEOUT_SECONDS },
	);
	return Math.round(seconds * 1000);
}
