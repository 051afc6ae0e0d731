import type { IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Subscription } from '../helpers/events';
import type { Wanted } from './parameters';

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

/** The error when outdated webhooks could not be deleted, so no new set was created beside them. */
export function outdatedNotDeleted(context: IHookFunctions, left: string[]): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Could not delete the outdated Instantly webhooks ${left.join(', ')}`, {
		description: 'They were kept on record and will be deleted at the next activation. No new webhooks were created, to avoid duplicates; see the n8n log for the reason.',
	});
}
