import type { IDataObject } from 'n8n-workflow';

import { VERIFICATION_HEADER } from '../../../../nodes/Instantly/trigger/secret';
import { campaignLocator, describeEachHeaderEcho, describeEachVersion, useTriggerHarness } from './setup';

const t = useTriggerHarness();
const { newWorkflow, hook, activate, webhooks, secretAt, post, productionUrl } = t;

describeEachVersion(() => {
	describeEachHeaderEcho('campaign', () => {
		it('says a well-formed campaign ID is not in the workspace, and creates nothing', async () => {
			const missing = '0199e9d9-0000-7000-8000-00000000beef';
			const workflow = newWorkflow({ events: ['reply_received'], campaign: campaignLocator(missing) });
			await expect(hook('create', workflow)).rejects.toThrow(`Campaign: campaign ${missing} not found in this workspace`);
			expect(t.sim.requests.map((request) => `${request.method} ${request.template}`)).toEqual(['GET /api/v2/campaigns/{id}']);
			expect(webhooks()).toEqual([]);
			expect(workflow.staticData).toEqual({});
		});

		it('activates with a campaign when the key may not read campaigns', async () => {
			t.sim.injectFault({ method: 'GET', path: `/api/v2/campaigns/${t.campaignId}`, status: 403, message: 'Forbidden' });
			const workflow = newWorkflow({ events: ['reply_received'], campaign: campaignLocator(t.campaignId) });
			await activate(workflow);
			expect(webhooks().map((webhook) => webhook.campaign)).toEqual([t.campaignId]);
		});

		it('accepts the campaign by URL', async () => {
			const workflow = newWorkflow({
				events: ['email_sent'],
				campaign: { __rl: true, mode: 'url', value: `https://app.instantly.ai/app/campaign/${t.campaignId}/analytics` },
			});
			await activate(workflow);
			expect(webhooks()[0].campaign).toBe(t.campaignId);
		});
	});

	describe('deliveries for a campaign', () => {
		const event = { event_type: 'reply_received', campaign_id: '', lead_email: 'jane@prospect.com', email_id: '0199e9d9-0000-7000-8000-000000000000' };

		it("answers 200 and runs nothing for another campaign's event carrying the right secret", async () => {
			const filtered = newWorkflow({ events: ['all_events'], campaign: campaignLocator(t.campaignId) }, { id: 'wf-filtered', name: 'Filtered' });
			await activate(filtered);
			const send = (payload: IDataObject) => post(productionUrl(filtered), JSON.stringify(payload), { [VERIFICATION_HEADER]: secretAt(productionUrl(filtered)) });
			for (const eventType of ['reply_received', 'lead_interested', 'Hot Lead']) {
				const response = await send({ ...event, event_type: eventType, campaign_id: t.otherCampaignId });
				expect(response.status).toBe(200);
			}
			expect(filtered.executions).toEqual([]);
			expect((await send({ ...event, campaign_id: t.campaignId.toUpperCase() })).status).toBe(200);
			// Workspace events carry no campaign: Instantly sent them to this campaign's webhook.
			expect((await send({ event_type: 'account_error', email_account: 'sales@example.com' })).status).toBe(200);
			expect(filtered.executions.map(([item]) => item.json.event)).toEqual(['reply_received', 'account_error']);
		});
	});
});
