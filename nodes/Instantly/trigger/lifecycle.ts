import type { IHookFunctions } from 'n8n-workflow';

import { assertAcceptedMember } from '../transport/request';
import { assertCampaignExists, createWebhook, deleteWebhooks, fetchWebhook, resumeWebhook } from './api';
import { creationFailed, outdatedNotDeleted } from './errors';
import type { Owner } from './ownership';
import { isIntact, ownerOf } from './ownership';
import type { Wanted } from './parameters';
import { sameTarget, wantedRegistration } from './parameters';
import { generateSecret, secretDigest } from './secret';
import type { Registration } from './staticData';
import { keepUndeleted, loadRegistration, saveRegistration } from './staticData';
import { createBody } from './webhookBody';

/** The `status` of a webhook Instantly disabled after failed deliveries. */
const DISABLED_BY_INSTANTLY = -1;

/**
 * n8n's checkExists: true when the stored set is intact (after resuming webhooks Instantly
 * disabled). Otherwise what is left is removed, so create() makes a complete set, never a duplicate.
 */
export async function checkRegistration(this: IHookFunctions): Promise<boolean> {
	const registration = loadRegistration(this);
	if (!registration) return false;
	if (await isIntactAfterRepair.call(this, registration)) return true;
	this.logger.info('Instantly Trigger: the registered webhooks are missing or changed; recreating them');
	await removeRegistration.call(this, registration);
	return false;
}

/**
 * n8n's create: refuse a client workspace the key may not act in before touching anything, remove
 * the old set (in the workspace it lives in), create the new one (all or nothing), remember it.
 */
export async function register(this: IHookFunctions): Promise<boolean> {
	const wanted = await wantedRegistration(this);
	if (wanted.workspace !== null) await assertAcceptedMember(this, wanted.workspace);
	await assertCampaignExists.call(this, wanted);
	const previous = loadRegistration(this);
	if (previous) await removeRegistration.call(this, previous);
	saveRegistration(this, await createWebhooks.call(this, wanted));
	return true;
}

/** n8n's delete: deletes every stored webhook (a 404 counts as deleted); failures are logged and kept. */
export async function unregister(this: IHookFunctions): Promise<boolean> {
	const registration = loadRegistration(this);
	if (!registration) return true;
	const undeleted = await deleteRecorded.call(this, registration);
	return undeleted.length === 0;
}

/**
 * Whether Instantly still holds the stored set as the parameters want it. The one repair made in
 * place: webhooks Instantly disabled are resumed once every webhook has been found intact.
 */
async function isIntactAfterRepair(this: IHookFunctions, registration: Registration): Promise<boolean> {
	if (!sameTarget(registration, await wantedRegistration(this))) return false;
	const disabled: string[] = [];
	for (const { id, event } of registration.webhooks) {
		const remote = await fetchWebhook.call(this, { id, workspace: registration.workspace });
		if (remote === undefined || !isIntact(remote, registration, event)) return false;
		if (Number(remote.status) === DISABLED_BY_INSTANTLY) disabled.push(id);
	}
	return await repairDisabledWebhooks.call(this, registration, disabled);
}

/** Resumes the webhooks Instantly disabled; false as soon as one of them is gone. */
async function repairDisabledWebhooks(this: IHookFunctions, registration: Registration, ids: string[]): Promise<boolean> {
	for (const id of ids) {
		if (!(await resumeWebhook.call(this, { id, workspace: registration.workspace }))) return false;
	}
	return true;
}

/**
 * One webhook per selected event, all carrying a new secret. When one creation fails, those made
 * (and any Instantly applied without answering) are deleted again before the error is thrown.
 */
async function createWebhooks(this: IHookFunctions, wanted: Wanted): Promise<Registration> {
	const secret = generateSecret();
	const registration: Registration = { ...wanted.stored, webhooks: [], secretDigest: secretDigest(secret) };
	// The API holds one event_type per webhook, hence one webhook per selected event.
	for (const subscription of wanted.subscriptions) {
		try {
			const id = await createWebhook.call(this, { body: createBody(this, wanted, subscription, secret), workspace: wanted.workspace });
			registration.webhooks.push({ id, event: subscription.option });
		} catch (error) {
			const left = await deleteRecorded.call(this, registration, ownerOf(this, registration));
			throw creationFailed(this, error, { subscription, wanted, created: registration.webhooks.length, left });
		}
	}
	return registration;
}

/**
 * Deletes a registration's webhooks so that no new set is created beside them; throws when some
 * cannot be deleted (they stay recorded).
 */
async function removeRegistration(this: IHookFunctions, registration: Registration): Promise<void> {
	const undeleted = await deleteRecorded.call(this, registration, ownerOf(this, registration));
	if (undeleted.length > 0) throw outdatedNotDeleted(this, undeleted);
}

/**
 * Deletes a registration's webhooks (and, given their owner, its leftovers: see `deleteWebhooks`)
 * and records only those that could not be deleted. Returns their ids.
 */
async function deleteRecorded(this: IHookFunctions, registration: Registration, owner?: Owner): Promise<string[]> {
	const ids = registration.webhooks.map(({ id }) => id);
	const undeleted = await deleteWebhooks.call(this, { ids, workspace: registration.workspace, owner });
	keepUndeleted(this, registration, undeleted);
	return undeleted;
}
