import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getEventTypes } from './methods/eventTypes';
import { searchCampaigns } from './methods/listSearch';
import { endpoints } from './transport/endpoints';
import { instantlyApiRequest } from './transport/request';
import type { DeliveryOptions } from './trigger/delivery';
import { isDuplicate, isForCampaign, outputItem, publicHeaders, readPayload } from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { matchDelivery, TEST_EVENT } from './helpers/events';
import type { Registration } from './trigger/registration';
import {
	assertCampaignExists,
	campaignFilter,
	createBody,
	creationFailed,
	deleteWebhooks,
	fetchWebhook,
	isIntact,
	loadRegistration,
	ownerOf,
	registeredSecretDigests,
	removeRegistration,
	resumeWebhook,
	sameTarget,
	saveRegistration,
	selectedSubscriptions,
	wantedRegistration,
} from './trigger/registration';
import { generateSecret, secretDigest, VERIFICATION_HEADER, verifySecret } from './trigger/secret';

export class InstantlyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instantly Trigger',
		name: 'instantlyTrigger',
		icon: { light: 'file:instantly.svg', dark: 'file:instantly.dark.svg' },
		group: ['trigger'],
		// Same behaviour in both. At version 1 n8n evaluates a Webhook-v1 expression for every delivery,
		// which costs an expression isolate on n8n 2.x; from version 2 it does not.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Instantly.ai reports an event: emails sent, opened, replied to, lead status changes and more',
		defaults: { name: 'Instantly Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instantlyAiApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Instantly disables webhooks that fail or answer slowly: answer at once, with an empty 200.
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = {
		listSearch: { searchCampaigns },
		loadOptions: { getEventTypes },
	};

	webhookMethods = {
		default: {
			/** True when every stored webhook still exists unchanged; resumes those Instantly disabled. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
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
			},

			/** One Instantly webhook per selected event, all carrying a new secret; all or nothing. */
			async create(this: IHookFunctions): Promise<boolean> {
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
						const created = (await instantlyApiRequest.call(this, endpoints.createWebhook, {
							body: createBody(this, wanted, subscription, secret),
						})) as IDataObject;
						webhooks.push({ id: String(created.id), event: subscription.option });
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
			},

			/** Deletes every stored webhook (a 404 counts as deleted); failures are logged and kept. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = loadRegistration(this);
				if (!registration) return true;
				const failed = await deleteWebhooks.call(this, registration.webhooks.map(({ id }) => id));
				const kept = registration.webhooks.filter(({ id }) => failed.includes(id));
				saveRegistration(this, kept.length > 0 ? { ...registration, webhooks: kept } : undefined);
				return kept.length === 0;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const reply = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};

		const headers = this.getHeaderData();
		if (!verifySecret(headers[VERIFICATION_HEADER], registeredSecretDigests(this))) {
			return reply(401, { message: 'Unauthorized' });
		}
		const payload = await readPayload(this);
		if (!payload) return reply(400, { message: 'Expected a JSON object with an event_type' });

		const options = this.getNodeParameter('options', {}) as DeliveryOptions;
		const match =
			payload.event_type === TEST_EVENT
				? options.passTestEvents
					? { event: TEST_EVENT }
					: undefined
				: matchDelivery(selectedSubscriptions(this), payload.event_type);
		if (!match) return reply(200, { received: true, ignored: 'event not selected' });
		if (!isForCampaign(payload, campaignFilter(this))) return reply(200, { received: true, ignored: 'other campaign' });

		const nodeKey = `${String(this.getWorkflow().id)}:${this.getNode().id}`;
		if (isDuplicate(nodeKey, payload, Number(options.duplicateWindowMinutes ?? 0))) {
			return reply(200, { received: true, ignored: 'duplicate delivery' });
		}

		const added: IDataObject = { event: match.event, received_at: new Date().toISOString() };
		if (options.includeHeaders) added.headers = publicHeaders(headers);
		return { workflowData: [this.helpers.returnJsonArray([outputItem(payload, added)])] };
	}
}
