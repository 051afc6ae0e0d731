import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { campaignNotFound, resourceId } from '../helpers/locator';
import { endpoints } from '../transport/endpoints';
import { paginate } from '../transport/pagination';
import { instantlyApiRequest } from '../transport/request';
import type { Subscription } from './events';
import { ALL_EVENTS, parseEventOption } from './events';
import { secretDigest, VERIFICATION_HEADER } from './secret';

/** What one activation registered in Instantly, kept in the node's static data. */
export interface Registration {
	webhooks: Array<{ id: string; event: string }>;
	/** The Events option values, `all_events` alone when it was chosen. */
	events: string[];
	campaign: string | null;
	url: string;
	/** SHA-256 of the secret the webhooks carry (see `secretDigest`); the secret itself is never stored. */
	secretDigest: string;
}

/** The webhooks Instantly should hold for the node's current parameters. */
export interface Wanted {
	subscriptions: Subscription[];
	campaign: string | null;
	url: string;
	/** The registration's fields that follow from the parameters. */
	stored: Pick<Registration, 'events' | 'campaign' | 'url'>;
}

type TriggerContext = IHookFunctions | IWebhookFunctions;

// "Listen for test event" (mode manual) registers its own set on the test URL. A separate slot
// keeps it from ever touching the production set, whatever n8n copies between the two.
const slotOf = (context: TriggerContext) => (context.getMode() === 'manual' ? 'test' : 'production');

export function loadRegistration(context: TriggerContext): Registration | undefined {
	const registration = context.getWorkflowStaticData('node')[slotOf(context)] as Registration | undefined;
	return registration && Array.isArray(registration.webhooks) ? registration : undefined;
}

export function saveRegistration(context: IHookFunctions, registration: Registration | undefined): void {
	const staticData = context.getWorkflowStaticData('node');
	if (registration) staticData[slotOf(context)] = registration;
	else delete staticData[slotOf(context)];
}

/** The digests of every secret this node has registered (production and test), for checking deliveries. */
export function registeredSecretDigests(context: IWebhookFunctions): string[] {
	const staticData = context.getWorkflowStaticData('node');
	return ['production', 'test'].map((slot) => String((staticData[slot] as IDataObject | undefined)?.secretDigest ?? ''));
}

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

/** The selected events as subscriptions; `all_events` alone when chosen (it covers the rest). */
export function selectedSubscriptions(context: TriggerContext): Subscription[] {
	const options = (context.getNodeParameter('events', []) as string[]) ?? [];
	const subscriptions: Subscription[] = [];
	for (const option of new Set(options)) {
		const subscription = parseEventOption(String(option));
		if (!subscription) {
			throw new NodeOperationError(context.getNode(), `Unknown Instantly event "${String(option)}"`, {
				description: 'Pick the events from the list again.',
			});
		}
		subscriptions.push(subscription);
	}
	const allEvents = subscriptions.find((subscription) => subscription.eventType === ALL_EVENTS);
	return allEvents ? [allEvents] : subscriptions;
}

/** The Campaign locator as a lower-case UUID, or null for every campaign of the workspace. */
export function campaignFilter(context: TriggerContext): string | null {
	const value = context.getNodeParameter('campaign', '', { extractValue: false });
	return resourceId({ node: context.getNode(), value, label: 'Campaign', required: false })?.toLowerCase() ?? null;
}

/**
 * Refuses a campaign the workspace does not have, before any webhook is made. A key that may not
 * read campaigns skips the check: the webhook scopes are all the trigger needs.
 */
export async function assertCampaignExists(this: IHookFunctions, campaign: string | null): Promise<void> {
	if (campaign === null) return;
	try {
		await instantlyApiRequest.call(this, endpoints.getCampaign, { pathParams: { id: campaign } });
	} catch (error) {
		if (isNotFound(error)) throw campaignNotFound(this.getNode(), campaign);
		if (error instanceof NodeApiError && error.httpCode === '403') return;
		throw asNodeError(this, error);
	}
}

/** Reads and validates the parameters; throws before anything is sent when they are unusable. */
export function wantedRegistration(context: IHookFunctions): Wanted {
	const subscriptions = selectedSubscriptions(context);
	if (subscriptions.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'The trigger registers one Instantly webhook per selected event.',
		});
	}
	const url = context.getNodeWebhookUrl('default');
	if (!url || !/^https?:\/\//.test(url)) {
		throw new NodeOperationError(context.getNode(), 'n8n has no webhook URL for this node', {
			description: 'Check the WEBHOOK_URL setting of this n8n instance.',
		});
	}
	const campaign = campaignFilter(context);
	const events = subscriptions.map((subscription) => subscription.option);
	return { subscriptions, campaign, url, stored: { events, campaign, url } };
}

/** Whether a stored registration was made for these parameters. */
export function sameTarget(registration: Registration, wanted: Wanted): boolean {
	const events = wanted.subscriptions.map((subscription) => subscription.option);
	return (
		registration.url === wanted.url &&
		registration.campaign === wanted.campaign &&
		registration.events.length === events.length &&
		events.every((event) => registration.events.includes(event)) &&
		registration.webhooks.length === events.length &&
		events.every((event) => registration.webhooks.some((webhook) => webhook.event === event))
	);
}

/** Tells a person reading Instantly's webhook list which n8n workflow owns a webhook. */
export function webhookName(context: IHookFunctions, subscription: Subscription): string {
	const workflow = context.getWorkflow();
	const workflowName = String(workflow.name ?? 'workflow').slice(0, 80);
	const test = context.getMode() === 'manual' ? ' (test)' : '';
	return `n8n${test} · ${workflowName} (workflow ${String(workflow.id)}) · ${subscription.label}`;
}

/** The `POST /webhooks` body: only CreateWebhook's fields (it has additionalProperties: false). */
export function createBody(
	context: IHookFunctions,
	wanted: Wanted,
	subscription: Subscription,
	secret: string,
): IDataObject {
	const body: IDataObject = {
		target_hook_url: wanted.url,
		name: webhookName(context, subscription),
		headers: { [VERIFICATION_HEADER]: secret },
	};
	// A custom label webhook has no event_type: the schema's enum has no null, so it is left out.
	if (subscription.eventType !== null) body.event_type = subscription.eventType;
	else body.custom_interest_value = subscription.customInterestValue;
	if (wanted.campaign !== null) body.campaign = wanted.campaign;
	return body;
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

const asNodeError = (context: IHookFunctions, error: unknown) =>
	error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);

export const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

/** GET one webhook; undefined when Instantly no longer has it. */
export async function fetchWebhook(this: IHookFunctions, id: string): Promise<IDataObject | undefined> {
	try {
		return (await instantlyApiRequest.call(this, endpoints.getWebhook, { pathParams: { id } })) as IDataObject;
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw asNodeError(this, error);
	}
}

/**
 * Deletes webhooks by id (404 counts as deleted) and, when their owner is given, any other webhook
 * of that owner (see `isOwnedBy`): a create whose answer was lost may have been applied. Returns
 * the ids that could not be deleted, each failure logged with its id.
 */
export async function deleteWebhooks(this: IHookFunctions, ids: string[], owner?: Owner): Promise<string[]> {
	const targets = new Set(ids);
	if (owner) {
		try {
			for await (const webhook of paginate.call(this, endpoints.listWebhooks) as AsyncGenerator<IDataObject>) {
				if (isOwnedBy(webhook, owner)) targets.add(String(webhook.id));
			}
		} catch (error) {
			this.logger.warn(`Instantly Trigger: could not list webhooks to look for leftovers: ${(error as Error).message}`);
		}
	}
	const failed: string[] = [];
	for (const id of targets) {
		try {
			await instantlyApiRequest.call(this, endpoints.deleteWebhook, { pathParams: { id } });
		} catch (error) {
			if (isNotFound(error)) continue;
			failed.push(id);
			this.logger.error(`Instantly Trigger: could not delete Instantly webhook ${id}: ${(error as Error).message}`, {
				webhookId: id,
			});
		}
	}
	return failed;
}

/** Resumes a webhook Instantly disabled after failed deliveries; false when it is gone. */
export async function resumeWebhook(this: IHookFunctions, id: string): Promise<boolean> {
	try {
		await instantlyApiRequest.call(this, endpoints.resumeWebhook, { pathParams: { id } });
	} catch (error) {
		if (isNotFound(error)) return false;
		throw asNodeError(this, error);
	}
	this.logger.info(`Instantly Trigger: resumed Instantly webhook ${id}, which Instantly had disabled after failed deliveries`);
	return true;
}

/**
 * Deletes a registration's webhooks and forgets it. When some cannot be deleted they stay
 * recorded and the error is thrown, so no new set is created beside them.
 */
export async function removeRegistration(this: IHookFunctions, registration: Registration): Promise<void> {
	const failed = await deleteWebhooks.call(this, registration.webhooks.map(({ id }) => id), ownerOf(this, registration));
	const kept = failed.map((id) => ({ id, event: registration.webhooks.find((hook) => hook.id === id)?.event ?? '' }));
	saveRegistration(this, kept.length > 0 ? { ...registration, webhooks: kept } : undefined);
	if (kept.length > 0) {
		throw new NodeOperationError(this.getNode(), `Could not delete the outdated Instantly webhooks ${failed.join(', ')}`, {
			description: 'They were kept on record and will be deleted at the next activation. No new webhooks were created, to avoid duplicates; see the n8n log for the reason.',
		});
	}
}

/** The error create() throws when one creation fails, saying what was cleaned up. */
export function creationFailed(
	context: IHookFunctions,
	error: unknown,
	details: { subscription: Subscription; wanted: Wanted; created: number; left: string[] },
): Error {
	const { subscription, wanted, created, left } = details;
	const position = wanted.subscriptions.indexOf(subscription) + 1;
	const cause = error instanceof Error ? error.message : String(error);
	const message = `Could not create the Instantly webhook for "${subscription.label}" (${position} of ${wanted.subscriptions.length}): ${cause}`;
	const cleanup =
		left.length === 0
			? `The ${created} webhook(s) already created for this trigger were deleted again; nothing was left in Instantly.`
			: `Instantly webhooks ${left.join(', ')} could not be deleted; they are kept on record and will be deleted at the next activation.`;
	if (error instanceof NodeApiError) {
		error.message = message;
		error.description = [cleanup, error.description].filter(Boolean).join(' ');
		return error;
	}
	return new NodeOperationError(context.getNode(), message, { description: cleanup });
}
