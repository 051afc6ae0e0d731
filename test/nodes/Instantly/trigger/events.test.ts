import { deliveredName, EVENT_TYPES } from '../../../../nodes/Instantly/helpers/events';
import { getEventTypes } from '../../../../nodes/Instantly/methods/eventTypes';
import { loadOptionsContext } from '../../../harness/context';
import { campaignLocator, describeEachVersion, KEY, trigger, useTriggerHarness } from './setup';

const t = useTriggerHarness();
const { api, newWorkflow, hook, activate, webhooks, requestsTo } = t;

describeEachVersion(() => {
	describe('every event type round-trips', () => {
		it.each(EVENT_TYPES.filter((type) => type !== 'all_events'))('%s', async (eventType) => {
			const workflow = newWorkflow({ events: [eventType], campaign: campaignLocator(t.campaignId) });
			await activate(workflow);
			const [result] = await t.sim.triggerEvent(KEY, { event_type: eventType, campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			expect(result).toMatchObject({ success: true, statusCode: 200 });
			// Another campaign's event does not reach a campaign-filtered trigger.
			expect(await t.sim.triggerEvent(KEY, { event_type: eventType, campaign_id: t.otherCampaignId, lead_email: 'jane@prospect.com' })).toEqual([]);
			expect(workflow.executions).toHaveLength(1);
			const [item] = workflow.executions[0];
			expect(item.json).toMatchObject({ ...result.payload, event: eventType, event_type: deliveredName(eventType) });
			await hook('delete', workflow);
			expect(webhooks()).toEqual([]);
		});

		it('all_events: standard events, auto replies and custom label events, each named as subscribed', async () => {
			const label = (await api('POST', '/api/v2/lead-labels', { label: 'Hot Lead', interest_status_label: 'positive' })).body;
			const workflow = newWorkflow({ events: ['all_events'] });
			await activate(workflow);
			for (const eventType of ['email_link_clicked', 'auto_reply_received', 'Hot Lead', 'lead_no_show']) {
				await t.sim.triggerEvent(KEY, { event_type: eventType, campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			}
			await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'jane@prospect.com', interest_value: label.interest_status });
			await t.sim.waitForIdle();
			expect(workflow.executions.map(([item]) => [item.json.event, item.json.event_type])).toEqual([
				['email_link_clicked', 'link_clicked'],
				['auto_reply_received', 'auto_reply_received'],
				['Hot Lead', 'Hot Lead'],
				['lead_no_show', 'lead_no_show'],
				['Hot Lead', 'Hot Lead'],
			]);
		});

		it('a custom lead label picked from the list subscribes with its interest value and round-trips', async () => {
			const label = (await api('POST', '/api/v2/lead-labels', { label: 'Hot Lead', interest_status_label: 'positive' })).body;
			const { context } = loadOptionsContext({ nodeType: trigger, credentials: { apiKey: KEY, baseUrl: t.sim.url }, parameters: {} });
			const option = (await getEventTypes.call(context)).find((entry) => entry.name === 'Custom Label: Hot Lead');
			expect(option?.value).toBe(`custom:${label.interest_status}:Hot Lead`);

			const workflow = newWorkflow({ events: [option!.value, 'reply_received'] });
			await activate(workflow);
			const custom = webhooks().find((webhook) => webhook.custom_interest_value != null);
			expect(custom?.custom_interest_value).toBe(label.interest_status);
			expect(custom?.event_type ?? null).toBeNull();
			expect(requestsTo('POST', '/api/v2/webhooks')[0].body).not.toHaveProperty('event_type');
			expect(await hook('checkExists', workflow)).toBe(true);

			await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'jane@prospect.com', interest_value: label.interest_status });
			await t.sim.waitForIdle();
			expect(workflow.executions.map(([item]) => item.json.event)).toEqual(['Hot Lead']);
		});
	});
});

describe('Instantly Trigger: event list', () => {
	const load = async () => {
		const { context, logs } = loadOptionsContext({ nodeType: trigger, credentials: { apiKey: KEY, baseUrl: t.sim.url }, parameters: {} });
		return { options: await getEventTypes.call(context), logs };
	};

	it("offers the 19 standard events, then the workspace's custom labels", async () => {
		await api('POST', '/api/v2/lead-labels', { label: 'Warm', interest_status_label: 'positive' });
		const { options: list } = await load();
		expect(list.slice(0, 19).map((option) => option.value)).toEqual([...EVENT_TYPES]);
		expect(list.slice(19).map((option) => option.name)).toEqual(['Custom Label: Warm']);
	});

	it('falls back to the standard events when the call fails', async () => {
		t.sim.injectFault({ method: 'GET', path: '/api/v2/webhooks/event-types', status: 403, message: 'Forbidden' });
		const { options: list, logs } = await load();
		expect(list.map((option) => option.value)).toEqual([...EVENT_TYPES]);
		expect(logs.some((log) => log.level === 'warn')).toBe(true);
	});
});
