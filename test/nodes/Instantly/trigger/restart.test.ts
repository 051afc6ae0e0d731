import { secretDigest, VERIFICATION_HEADER } from '../../../../nodes/Instantly/trigger/secret';
import { campaignLocator, describeEachHeaderEcho, describeEachVersion, FIVE_EVENTS, KEY, useTriggerHarness } from './setup';

const t = useTriggerHarness();
const { api, workflows, newWorkflow, hook, activate, webhooks, requestsTo, registration, productionUrl } = t;

describeEachVersion(() => {
	describeEachHeaderEcho('restart', () => {
		it('a restart with everything intact creates nothing', async () => {
			const workflow = newWorkflow({ events: FIVE_EVENTS });
			await activate(workflow);
			const before = JSON.stringify(workflow.staticData);
			t.sim.clearRequests();
			expect(await hook('checkExists', workflow)).toBe(true);
			expect(t.sim.requests.map((request) => `${request.method} ${request.template}`)).toEqual(Array(5).fill('GET /api/v2/webhooks/{id}'));
			expect(JSON.stringify(workflow.staticData)).toBe(before);
			expect(webhooks()).toHaveLength(5);
		});

		it('a restart after a webhook was deleted in Instantly repairs the set with no duplicates', async () => {
			const workflow = newWorkflow({ events: FIVE_EVENTS });
			await activate(workflow);
			const oldIds = registration(workflow).webhooks.map((webhook) => webhook.id);
			await api('DELETE', `/api/v2/webhooks/${oldIds[2]}`);

			await activate(workflow);
			expect(webhooks()).toHaveLength(5);
			expect(webhooks().map((webhook) => webhook.event_type).sort()).toEqual([...FIVE_EVENTS].sort());
			expect(webhooks().some((webhook) => oldIds.includes(webhook.id))).toBe(false);
			expect(registration(workflow).webhooks.map((webhook) => webhook.id).sort()).toEqual(webhooks().map((webhook) => webhook.id).sort());
			// A second restart finds the repaired set intact.
			expect(await hook('checkExists', workflow)).toBe(true);
		});

		it('a restart after Instantly disabled a webhook resumes it, and deliveries flow again', async () => {
			const workflow = newWorkflow({ events: ['reply_received', 'email_sent'] });
			await activate(workflow);
			const [first] = registration(workflow).webhooks;
			Object.assign(t.sim.workspace(KEY).webhooks.get(first.id)!, { status: -1, timestamp_error: new Date().toISOString() });
			t.sim.clearRequests();

			expect(await hook('checkExists', workflow)).toBe(true);
			const resumes = requestsTo('POST', '/api/v2/webhooks/{id}/resume');
			expect(resumes.map((request) => request.path)).toEqual([`/api/v2/webhooks/${first.id}`.concat('/resume')]);
			expect(resumes[0].rawBody).toBe('');
			expect(resumes[0].headers['content-type']).toBeUndefined();
			expect(webhooks().map((webhook) => webhook.status)).toEqual([1, 1]);
			expect(requestsTo('POST', '/api/v2/webhooks')).toEqual([]);
			expect(workflow.logs.some((log) => log.message.includes(`resumed Instantly webhook ${first.id}`))).toBe(true);

			await t.sim.triggerEvent(KEY, { event_type: first.event, campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			expect(workflow.executions).toHaveLength(1);
		});

		it('a webhook Instantly disabled after real failed deliveries is resumed on restart, without recreating anything', async () => {
			const workflow = newWorkflow({ events: ['reply_received'] });
			await activate(workflow);
			workflow.failing = true;
			const event = { event_type: 'reply_received', campaign_id: t.campaignId, lead_email: 'jane@prospect.com' };
			for (let attempt = 0; attempt < 3; attempt++) await t.sim.triggerEvent(KEY, event);
			expect(webhooks()[0].status).toBe(-1);
			expect(await t.sim.triggerEvent(KEY, event)).toEqual([]);

			workflow.failing = false;
			t.sim.clearRequests();
			await activate(workflow);
			expect(requestsTo('POST', '/api/v2/webhooks/{id}/resume')).toHaveLength(1);
			expect(requestsTo('POST', '/api/v2/webhooks')).toEqual([]);
			expect(webhooks()).toHaveLength(1);
			await t.sim.triggerEvent(KEY, event);
			expect(workflow.executions).toHaveLength(1);
		});

		it('a webhook changed in Instantly (other URL, lost secret) is replaced, with the rest of the set', async () => {
			const workflow = newWorkflow({ events: ['reply_received', 'email_sent'] });
			await activate(workflow);
			const [first] = registration(workflow).webhooks;
			await api('PATCH', `/api/v2/webhooks/${first.id}`, { headers: { other: 'x' } });
			await activate(workflow);
			expect(webhooks()).toHaveLength(2);
			expect(webhooks().every((webhook) => secretDigest(String(webhook.headers?.[VERIFICATION_HEADER])) === registration(workflow).secretDigest)).toBe(true);
		});

		it('changed parameters replace the old set: other events, another campaign, a new URL', async () => {
			const workflow = newWorkflow({ events: ['reply_received'] });
			await activate(workflow);
			workflow.parameters = { events: ['reply_received', 'lead_interested'], campaign: campaignLocator(t.otherCampaignId) };
			await activate(workflow);
			expect(webhooks().map((webhook) => [webhook.event_type, webhook.campaign]).sort()).toEqual([
				['lead_interested', t.otherCampaignId],
				['reply_received', t.otherCampaignId],
			]);
			workflows.delete(workflow.workflow.id);
			workflow.workflow = { id: 'wf-moved', name: 'Reply router' };
			workflows.set('wf-moved', workflow);
			await activate(workflow);
			expect(webhooks()).toHaveLength(2);
			expect(webhooks().every((webhook) => webhook.target_hook_url === productionUrl(workflow))).toBe(true);
		});
	});
});
