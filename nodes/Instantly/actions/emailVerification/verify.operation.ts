import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerJson, answerWith, isObject } from '../../helpers/answers';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { sleepWithin, waitTimeoutMs, waitTimeoutProperty } from '../wait';
import { verificationEmail, verificationEmailField } from './common';

/** Instantly answers a verification that takes over 10 s as pending; it settles later. */
const PENDING = 'pending';
/** A verification that went pending has already taken over 10 s; reading it more often only spends requests. */
export const VERIFICATION_POLL_MS = 5000;

const properties: INodeProperties[] = [
	verificationEmailField,
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description:
			'Whether to keep reading the verification while Instantly reports it as pending (it does when verifying takes longer than 10 seconds) and return the result, instead of returning the pending verification',
	},
	waitTimeoutProperty(
		'waitForResult',
		60,
		'How long to wait for a pending verification before returning it as it is, with timedOut set',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['emailVerification'], operation: ['verify'] } }, properties);

const isPending = (answer: unknown) => isObject(answer) && answer.verification_status === PENDING;

/**
 * Reads `GET /email-verification/{email}` every few seconds while it says pending. Whatever else
 * it says, a status this node does not know included, ends the wait with `timedOut: false`; past
 * the timeout the pending verification is returned with `timedOut: true`.
 */
async function waitForVerification(
	context: IExecuteFunctions,
	email: string,
	first: unknown,
	timeoutMs: number,
	itemIndex: number,
): Promise<IDataObject> {
	let current = first;
	let waitedMs = 0;
	while (isPending(current)) {
		if (waitedMs >= timeoutMs) return answerWith(current, { timedOut: true });
		waitedMs = await sleepWithin(waitedMs, VERIFICATION_POLL_MS, timeoutMs);
		current = await instantlyApiRequest.call(context, endpoints.getEmailVerification, { pathParams: { email }, itemIndex });
	}
	return answerWith(current, { timedOut: false }, { email });
}

/** Returns Instantly's verdict on the address, after waiting out a pending one when Wait for Result is on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const email = verificationEmail(this, itemIndex);
	const timeoutMs = waitTimeoutMs(this, itemIndex, 'waitForResult');
	const answer = await instantlyApiRequest.call(this, endpoints.verifyEmail, { body: { email }, itemIndex });
	if (timeoutMs === undefined) return answerJson(answer, { email });
	return await waitForVerification(this, email, answer, timeoutMs, itemIndex);
}
