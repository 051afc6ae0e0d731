import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import type { Subscription } from '../helpers/events';
import { webhookName } from './ownership';
import type { Wanted } from './parameters';
import { VERIFICATION_HEADER } from './secret';

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
