import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import type { Subscription } from '../helpers/events';
import { parseEventOption } from '../helpers/events';
import { secretDigest, VERIFICATION_HEADER } from './secret';
import type { Registration } from './staticData';

const SECRET_FORMAT = /^[0-9a-f]{64}$/;

/**
 * What a webhook read from Instantly says about our secret: `carried` when it echoes the secret
 * with this digest, `replaced` when our header is gone or holds another secret, `unknown` when
 * the value is hidden (Instantly echoes header values today; a masked value must not make every
 * check recreate the set) or the read has no `headers` field at all.
 */
export function secretEvidence(webhook: IDataObject, digest: string): 'carried' | 'replaced' | 'unknown' {
	if (!Object.hasOwn(webhook, 'headers')) return 'unknown';
	const headers = webhook.headers;
	if (headers === null || typeof headers !== 'object') return 'replaced';
	const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === VERIFICATION_HEADER);
	if (!entry) return 'replaced';
	const value: unknown = entry[1];
	if (typeof value !== 'string' || !SECRET_FORMAT.test(value)) return 'unknown';
	return secretDigest(value) === digest ? 'carried' : 'replaced';
}

/** Whether an Instantly webhook carries the secret with this digest. */
function carriesSecret(webhook: IDataObject, digest: string): boolean {
	return secretEvidence(webhook, digest) === 'carried';
}

/** Tells a person reading Instantly's webhook list which n8n workflow owns a webhook. */
export function webhookName(context: IHookFunctions, subscription: Subscription): string {
	const workflow = context.getWorkflow();
	const workflowName = String(workflow.name ?? 'workflow').slice(0, 80);
	const test = context.getMode() === 'manual' ? ' (test)' : '';
	return `n8n${test} · ${workflowName} (workflow ${String(workflow.id)}) · ${subscription.label}`;
}

/** How to find a trigger's webhooks in Instantly's list: its secret, or its URL and the names it gives. */
export interface Owner {
	digest: string;
	url: string;
	workflowId: string;
}

/**
 * Whether a listed webhook was made by the trigger: it echoes the secret, or it targets the
 * trigger's URL (unique to this node and mode) under a name `webhookName` gave it for this
 * workflow. The second needs no echo of header values.
 */
export function isOwnedBy(webhook: IDataObject, owner: Owner): boolean {
	if (carriesSecret(webhook, owner.digest)) return true;
	const name = webhook.name;
	return (
		webhook.target_hook_url === owner.url &&
		typeof name === 'string' &&
		name.startsWith('n8n') &&
		name.includes(`(workflow ${owner.workflowId}) · `)
	);
}

/** The owner of a registration's webhooks. */
export function ownerOf(context: IHookFunctions, registration: Pick<Registration, 'secretDigest' | 'url'>): Owner {
	return { digest: registration.secretDigest, url: registration.url, workflowId: String(context.getWorkflow().id) };
}

/** Whether a webhook in Instantly still delivers what the registration expects. */
export function isIntact(remote: IDataObject, registration: Registration, event: string): boolean {
	const subscription = parseEventOption(event);
	return (
		subscription !== undefined &&
		remote.target_hook_url === registration.url &&
		(remote.event_type ?? null) === subscription.eventType &&
		(subscription.customInterestValue === null ||
			Number(remote.custom_interest_value) === subscription.customInterestValue) &&
		String(remote.campaign ?? '').toLowerCase() === (registration.campaign ?? '') &&
		secretEvidence(remote, registration.secretDigest) !== 'replaced'
	);
}
