import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** What one activation registered in Instantly, kept in the node's static data. */
export interface Registration {
	webhooks: Array<{ id: string; event: string }>;
	/** The Events option values, `all_events` alone when it was chosen. */
	events: string[];
	campaign: string | null;
	/**
	 * The client workspace the webhooks live in (lower case), null for the API key's own: they are
	 * checked, repaired and deleted there whatever the Workspace parameter says by then.
	 */
	workspace: string | null;
	url: string;
	/** SHA-256 of the secret the webhooks carry (see `secretDigest`); the secret itself is never stored. */
	secretDigest: string;
}

export type TriggerContext = IHookFunctions | IWebhookFunctions;

// "Listen for test event" (mode manual) registers its own set on the test URL. A separate slot
// keeps it from ever touching the production set, whatever n8n copies between the two.
const slotOf = (context: TriggerContext) => (context.getMode() === 'manual' ? 'test' : 'production');

/** The stored registration; one saved before the Workspace choice existed lives in the key's own workspace. */
export function loadRegistration(context: TriggerContext): Registration | undefined {
	const registration = context.getWorkflowStaticData('node')[slotOf(context)] as Registration | undefined;
	if (!registration || !Array.isArray(registration.webhooks)) return undefined;
	return { ...registration, workspace: registration.workspace ?? null };
}

export function saveRegistration(context: IHookFunctions, registration: Registration | undefined): void {
	const staticData = context.getWorkflowStaticData('node');
	if (registration) staticData[slotOf(context)] = registration;
	else delete staticData[slotOf(context)];
}

/**
 * Keeps on record the webhooks of a registration that could not be deleted, so the next
 * activation or delete() retries them; forgets the registration when there are none.
 */
export function keepUndeleted(context: IHookFunctions, registration: Registration, undeleted: string[]): void {
	const kept = undeleted.map((id) => ({ id, event: registration.webhooks.find((hook) => hook.id === id)?.event ?? '' }));
	saveRegistration(context, kept.length > 0 ? { ...registration, webhooks: kept } : undefined);
}

/** The digests of every secret this node has registered (production and test), for checking deliveries. */
export function registeredSecretDigests(context: IWebhookFunctions): string[] {
	const staticData = context.getWorkflowStaticData('node');
	return ['production', 'test'].map((slot) => String((staticData[slot] as IDataObject | undefined)?.secretDigest ?? ''));
}
