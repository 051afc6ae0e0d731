import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Subscription } from '../helpers/events';
import { ALL_EVENTS, parseEventOption } from '../helpers/events';
import { BY_NAME, locatorParts, resourceId } from '../helpers/locator';
import { idByName } from '../transport/names';
import { clientWorkspaceId } from '../transport/request';
import { triggerWorkspace } from '../transport/workspace';
import type { Registration, TriggerContext } from './staticData';
import { loadRegistration } from './staticData';

/** The webhooks Instantly should hold for the node's current parameters. */
export interface Wanted {
	subscriptions: Subscription[];
	campaign: string | null;
	url: string;
	workspace: string | null;
	/** The registration's fields that follow from the parameters. */
	stored: Pick<Registration, 'events' | 'campaign' | 'workspace' | 'url'>;
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

/**
 * The campaign deliveries are filtered on, as a lower-case UUID, or null for every campaign of the
 * workspace. A campaign given by name was looked up at activation and is read from what was
 * registered then, so no delivery waits for a lookup.
 */
export function deliveryCampaignFilter(context: TriggerContext): string | null {
	const value = context.getNodeParameter('campaign', '', { extractValue: false });
	const { mode, text } = locatorParts(value);
	if (mode === BY_NAME && text !== '') return loadRegistration(context)?.campaign ?? null;
	return resourceId({ node: context.getNode(), value, label: 'Campaign', required: false })?.toLowerCase() ?? null;
}

/** The Campaign locator as a lower-case UUID (a name looked up in `workspace`), or null for every campaign. */
async function campaignFilter(context: IHookFunctions, workspace: string | null): Promise<string | null> {
	const value = context.getNodeParameter('campaign', '', { extractValue: false });
	const { mode, text } = locatorParts(value);
	if (mode !== BY_NAME || text === '') return deliveryCampaignFilter(context);
	const id = await idByName(context, {
		records: 'campaigns',
		name: text,
		label: 'Campaign',
		workspace: workspace === null ? undefined : { id: workspace },
		request: { actingIn: workspace },
	});
	return id.toLowerCase();
}

/**
 * Reads and validates the parameters, looking up what is given by name (the client workspace, then
 * the campaign in it, which only reads); throws before any webhook is written when they are unusable.
 */
export async function wantedRegistration(context: IHookFunctions): Promise<Wanted> {
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
	const chosen = triggerWorkspace(context);
	const workspace = chosen === undefined ? null : (await clientWorkspaceId(context, chosen)).toLowerCase();
	const campaign = await campaignFilter(context, workspace);
	const events = subscriptions.map((subscription) => subscription.option);
	return { subscriptions, campaign, workspace, url, stored: { events, campaign, workspace, url } };
}

/** Whether a stored registration was made for these parameters. */
export function sameTarget(registration: Registration, wanted: Wanted): boolean {
	const events = wanted.subscriptions.map((subscription) => subscription.option);
	return (
		registration.url === wanted.url &&
		registration.campaign === wanted.campaign &&
		registration.workspace === wanted.workspace &&
		registration.events.length === events.length &&
		events.every((event) => registration.events.includes(event)) &&
		registration.webhooks.length === events.length &&
		events.every((event) => registration.webhooks.some((webhook) => webhook.event === event))
	);
}
