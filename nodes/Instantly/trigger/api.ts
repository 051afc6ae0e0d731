import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { campaignNotFound } from '../helpers/locator';
import { endpoints } from '../transport/endpoints';
import { paginate } from '../transport/pagination';
import { instantlyApiRequest } from '../transport/request';
import type { Owner } from './ownership';
import { isOwnedBy } from './ownership';

const asNodeError = (context: IHookFunctions, error: unknown) =>
	error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

/**
 * Every call below acts in one workspace, named by the caller: the client workspace's id the
 * webhooks live (or are to live) in, or null for the API key's own.
 */
interface InWorkspace {
	workspace: string | null;
}

/**
 * Refuses a campaign the workspace does not have, before any webhook is made. A key that may not
 * read campaigns skips the check: the webhook scopes are all the trigger needs.
 */
export async function assertCampaignExists(
	this: IHookFunctions,
	{ campaign, workspace }: InWorkspace & { campaign: string | null },
): Promise<void> {
	if (campaign === null) return;
	try {
		await instantlyApiRequest.call(this, endpoints.getCampaign, { pathParams: { id: campaign }, actingIn: workspace });
	} catch (error) {
		if (isNotFound(error)) throw campaignNotFound(this.getNode(), campaign);
		if (error instanceof NodeApiError && error.httpCode === '403') return;
		throw asNodeError(this, error);
	}
}

/** POST one webhook; its id. */
export async function createWebhook(this: IHookFunctions, { body, workspace }: InWorkspace & { body: IDataObject }): Promise<string> {
	const created = (await instantlyApiRequest.call(this, endpoints.createWebhook, { body, actingIn: workspace })) as IDataObject;
	return String(created.id);
}

/** GET one webhook; undefined when Instantly no longer has it. */
export async function fetchWebhook(this: IHookFunctions, { id, workspace }: InWorkspace & { id: string }): Promise<IDataObject | undefined> {
	try {
		return (await instantlyApiRequest.call(this, endpoints.getWebhook, { pathParams: { id }, actingIn: workspace })) as IDataObject;
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
export async function deleteWebhooks(
	this: IHookFunctions,
	{ ids, workspace, owner }: InWorkspace & { ids: string[]; owner?: Owner },
): Promise<string[]> {
	const targets = new Set(ids);
	if (owner) {
		try {
			for await (const webhook of paginate.call(this, endpoints.listWebhooks, { actingIn: workspace }) as AsyncGenerator<IDataObject>) {
				if (isOwnedBy(webhook, owner)) targets.add(String(webhook.id));
			}
		} catch (error) {
			this.logger.warn(`Instantly Trigger: could not list webhooks to look for leftovers: ${(error as Error).message}`);
		}
	}
	const failed: string[] = [];
	for (const id of targets) {
		try {
			await instantlyApiRequest.call(this, endpoints.deleteWebhook, { pathParams: { id }, actingIn: workspace });
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
export async function resumeWebhook(this: IHookFunctions, { id, workspace }: InWorkspace & { id: string }): Promise<boolean> {
	try {
		await instantlyApiRequest.call(this, endpoints.resumeWebhook, { pathParams: { id }, actingIn: workspace });
	} catch (error) {
		if (isNotFound(error)) return false;
		throw asNodeError(this, error);
	}
	this.logger.info(`Instantly Trigger: resumed Instantly webhook ${id}, which Instantly had disabled after failed deliveries`);
	return true;
}
