import type { IHookFunctions } from 'n8n-workflow';

import { assertCampaignExists, createWebhook, deleteWebhooks, fetchWebhook, resumeWebhook } from './api';
import { creationFailed, outdatedNotDeleted } from './errors';
import { isIntact, ownerOf } from './ownership';
import { sameTarget, wantedRegistration } from './parameters';
import { generateSecret, secretDigest } from './secret';
import type { Registration } from './staticData';
import { loadRegistration, saveRegistration } from './staticData';
import { createBody } from './webhookBody';

/** n8n's checkExists: true when every stored webhook still exists unchanged; resumes those Instantly disabled. */
export async function checkRegistration(this: IHookFunctions): Promise<boolean> {
	const registration = loadRegistration(this);
	if (!registration) return false;
	let intact = sameTarget(registration, wantedRegistration(this));
	const disabled: string[] = [];
	for (const { id, event } of intact ? registration.webhooks : []) {
		const remote = await fetchWebhook.call(this, id);
		intact = remote !== undefined && isIntact(remote, registration, event);
		if (!intact) break;
		if (Number(remote!.status) === -1) disabled.push(id);
	}
	for (const id of intact ? disabled : []) {
		intact = await resumeWebhook.call(this, id);
		if (!intact) break;
	}
	if (intact) return true;
	// Missing or changed: remove what is left so create() makes a complete set, never a duplicate.
	this.logger.info('Instantly Trigger: the registered webhooks are missing or changed; recreating them');
	await removeRegistration.call(this, registration);
	return false;
}

/** n8n's create: one Instantly webhook per selected event, all carrying a new secret; all or nothing. */
export async function register(this: IHookFunctions): Promise<boolean> {
	const wanted = wantedRegistration(this);
	await assertCampaignExists.call(this, wanted.campaign);
	const previous = loadRegistration(this);
	if (previous) await removeRegistration.call(this, previous);

	const secret = generateSecret();
	const digest = secretDigest(secret);
	const webhooks: Registration['webhooks'] = [];
	// The API holds one event_type per webhook, hence one webhook per selected event.
	for (const subscription of wanted.subscriptions) {
		try {
			const id = await createWebhook.call(this, createBody(this, wanted, subscription, secret));
			webhooks.push({ id, event: subscription.option });
		} catch (error) {
			const left = await deleteWebhooks.call(this, webhooks.map(({ id }) => id), ownerOf(this, { secretDigest: digest, url: wanted.url }));
			// What could not be deleted stays recorded, so the next activation or delete() retries it.
			const leftovers = left.map((id) => ({ id, event: webhooks.find((hook) => hook.id === id)?.event ?? '' }));
			saveRegistration(this, leftovers.length > 0 ? { ...wanted.stored, webhooks: leftovers, secretDigest: digest } : undefined);
			throw creationFailed(this, error, { subscription, wanted, created: webhooks.length, left });
		}
	}
	saveRegistration(this, { ...wanted.stored, webhooks, secretDigest: digest });
	return true;
}

/** n8n's delete: deletes every stored webhook (a 404 counts as deleted); failures are logged and kept. */
export async function unregister(this: IHookFunctions): Promise<boolean> {
	const registration = loadRegistration(this);
	if (!registration) return true;
	const failed = await deleteWebhooks.call(this, registration.webhooks.map(({ id }) => id));
	const kept = registration.webhooks.filter(({ id }) => failed.includes(id));
	saveRegistration(this, kept.length > 0 ? { ...registration, webhooks: kept } : undefined);
	return kept.length === 0;
}

/**
 * Deletes a registration's webhooks and forgets it. When some cannot be deleted they stay
 * recorded and the error is thrown, so no new set is created beside them.
 */
async function removeRegistration(this: IHookFunctions, registration: Registration): Promise<void> {
	const failed = await deleteWebhooks.call(this, registration.webhooks.map(({ id }) => id), ownerOf(this, registration));
	const kept = failed.map((id) => ({ id, event: registration.webhooks.find((hook) => hook.id === id)?.event ?? '' }));
	saveRegistration(this, kept.length > 0 ? { ...registration, webhooks: kept } : undefined);
	if (kept.length > 0) throw outdatedNotDeleted(this, failed);
}
