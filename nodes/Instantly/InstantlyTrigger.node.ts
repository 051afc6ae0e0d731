import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { matchDelivery, TEST_EVENT } from './helpers/events';
import { getEventTypes } from './methods/eventTypes';
import { searchCampaigns, searchClientWorkspaces } from './methods/listSearch';
import type { DeliveryOptions } from './trigger/delivery';
import { isDuplicate, isForCampaign, outputItem, publicHeaders, readPayload } from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { checkRegistration, register, unregister } from './trigger/lifecycle';
import { deliveryCampaignFilter, selectedSubscriptions } from './trigger/parameters';
import { VERIFICATION_HEADER, verifySecret } from './trigger/secret';
import { registeredSecretDigests } from './trigger/staticData';

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
		listSearch: { searchCampaigns, searchClientWorkspaces },
		loadOptions: { getEventTypes },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkRegistration.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await register.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregister.call(this);
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
		if (!isForCampaign(payload, deliveryCampaignFilter(this))) return reply(200, { received: true, ignored: 'other campaign' });

		const nodeKey = `${String(this.getWorkflow().id)}:${this.getNode().id}`;
		if (isDuplicate(nodeKey, payload, Number(options.duplicateWindowMinutes ?? 0))) {
			return reply(200, { received: true, ignored: 'duplicate delivery' });
		}

		const added: IDataObject = { event: match.event, received_at: new Date().toISOString() };
		if (options.includeHeaders) added.headers = publicHeaders(headers);
		return { workflowData: [this.helpers.returnJsonArray([outputItem(payload, added)])] };
	}
}
