import type { IDataObject } from 'n8n-workflow';

import { clearRecentDeliveries } from '../../../../nodes/Instantly/trigger/delivery';
import { VERIFICATION_HEADER } from '../../../../nodes/Instantly/trigger/secret';
import { describeEachVersion, KEY, useTriggerHarness, type Workflow } from './setup';

const t = useTriggerHarness();
const { api, newWorkflow, activate, registration, secretAt, post, productionUrl } = t;

describeEachVersion(() => {
	describe('deliveries', () => {
		let workflow: Workflow;
		let secret: string;
		beforeEach(async () => {
			workflow = newWorkflow({ events: ['reply_received', 'email_link_clicked'] });
			await activate(workflow);
			secret = secretAt(productionUrl(workflow));
		});

		it('emits the payload exactly as delivered, plus the event as subscribed and when it was received', async () => {
			const [result] = await t.sim.triggerEvent(KEY, { event_type: 'email_link_clicked', campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			expect(result).toMatchObject({ success: true, statusCode: 200 });
			expect(workflow.executions).toHaveLength(1);
			const [item] = workflow.executions[0];
			const { event, received_at: receivedAt, ...payload } = item.json;
			expect(payload).toEqual(result.payload);
			expect(payload).toMatchObject({ event_type: 'link_clicked', my_custom_var: 'value', tier: 'gold', firstName: 'Jane' });
			expect(event).toBe('email_link_clicked');
			expect(Date.parse(String(receivedAt))).not.toBeNaN();
			expect(workflow.responses).toEqual([{ status: 200, body: undefined }]);
		});

		it.each([
			['no secret header', {}],
			['a wrong secret', { [VERIFICATION_HEADER]: 'f'.repeat(64) }],
			['an empty secret', { [VERIFICATION_HEADER]: '' }],
		])('answers 401 and runs nothing for %s', async (_case, headers) => {
			const response = await post(productionUrl(workflow), JSON.stringify({ event_type: 'reply_received' }), headers);
			expect(response.status).toBe(401);
			expect(workflow.executions).toEqual([]);
		});

		it("answers 401 to another workflow's secret", async () => {
			const other = newWorkflow({ events: ['reply_received'] }, { id: 'wf-other', name: 'Other' });
			await activate(other);
			const response = await post(productionUrl(workflow), JSON.stringify({ event_type: 'reply_received' }), {
				[VERIFICATION_HEADER]: secretAt(productionUrl(other)),
			});
			expect(response.status).toBe(401);
			expect(workflow.executions).toEqual([]);
			// Instantly delivers each workflow its own events only.
			await t.sim.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			expect(workflow.executions).toHaveLength(1);
			expect(other.executions).toHaveLength(1);
		});

		const NOT_AN_EVENT = [
			['an array', '[{"event_type":"reply_received"}]'],
			['no event_type', '{"lead_email":"jane@prospect.com"}'],
			['a non-string event_type', '{"event_type":7}'],
			['a JSON string that is no object', JSON.stringify('reply_received')],
			['empty', ''],
		];
		const CONTENT_TYPES = ['application/json', 'text/plain', null, 'application/octet-stream'];

		it.each(NOT_AN_EVENT.flatMap(([name, body]) => CONTENT_TYPES.map((type) => [name, body, type])))(
			'answers 400 and runs nothing for a body that is %s, sent as %s',
			async (_case, body, contentType) => {
				const response = await post(productionUrl(workflow), body!, { [VERIFICATION_HEADER]: secret, 'content-type': contentType });
				expect(response.status).toBe(400);
				expect(workflow.executions).toEqual([]);
			},
		);

		it.each(['text/plain', null, 'application/octet-stream'])('answers 400 to text that is not JSON, sent as %s', async (contentType) => {
			const response = await post(productionUrl(workflow), 'event_type=reply_received', { [VERIFICATION_HEADER]: secret, 'content-type': contentType });
			expect(response.status).toBe(400);
			expect(workflow.executions).toEqual([]);
		});

		it('leaves invalid JSON sent as application/json to n8n, which answers 422 before the trigger runs', async () => {
			const response = await post(productionUrl(workflow), '{"event_type":', { [VERIFICATION_HEADER]: secret });
			expect(response.status).toBe(422);
			expect(workflow.executions).toEqual([]);
		});

		const event = { event_type: 'reply_received', campaign_id: '', lead_email: 'jane@prospect.com', email_id: '0199e9d9-0000-7000-8000-000000000000' };
		const asObject = (json: string) => json;
		const asJsonString = (json: string) => JSON.stringify(json);
		it.each([
			['application/json', 'object', asObject],
			['application/json; charset=utf-8', 'object', asObject],
			['text/plain', 'object', asObject],
			['text/plain; charset=utf-8', 'object', asObject],
			[null, 'object', asObject],
			['application/octet-stream', 'object', asObject],
			['application/x-www-form-urlencoded', 'object', asObject],
			['application/json', 'JSON string', asJsonString],
			['text/plain', 'JSON string', asJsonString],
			['text/plain', 'object after a byte order mark', (json: string) => `\uFEFF${json}`],
			['application/json', 'object after a byte order mark', (json: string) => `\uFEFF${json}`],
		])('runs the workflow for an authenticated event sent as %s (%s)', async (contentType, _shape, encode) => {
			const payload = { ...event, campaign_id: t.campaignId };
			const response = await post(productionUrl(workflow), encode(JSON.stringify(payload)), { [VERIFICATION_HEADER]: secret, 'content-type': contentType });
			expect(response.status).toBe(200);
			expect(workflow.executions).toHaveLength(1);
			const { event: reported, received_at: _receivedAt, ...delivered } = workflow.executions[0][0].json;
			expect(reported).toBe('reply_received');
			expect(delivered).toEqual(payload);
		});


		it('answers 200 and runs nothing for an event not selected', async () => {
			for (const eventType of ['email_opened', 'auto_reply_received', 'lead_interested']) {
				const response = await post(productionUrl(workflow), JSON.stringify({ event_type: eventType }), { [VERIFICATION_HEADER]: secret });
				expect(response.status).toBe(200);
			}
			expect(workflow.executions).toEqual([]);
		});

		it("ignores Instantly's test deliveries unless they are passed through", async () => {
			const [hookId] = registration(workflow).webhooks.map((webhook) => webhook.id);
			expect((await api('POST', `/api/v2/webhooks/${hookId}/test`)).body).toMatchObject({ success: true, status_code: 200 });
			expect(workflow.executions).toEqual([]);

			workflow.parameters = { ...workflow.parameters, options: { passTestEvents: true } };
			await api('POST', `/api/v2/webhooks/${hookId}/test`);
			expect(workflow.executions).toHaveLength(1);
			expect(workflow.executions[0][0].json).toMatchObject({ event: 'test_event', event_type: 'test_event', is_test: true, webhook_id: hookId });
		});

		it('drops a duplicate delivery within the window when asked to', async () => {
			const payload = { event_type: 'reply_received', campaign_id: t.campaignId, lead_email: 'jane@prospect.com', step: 1, variant: 1, timestamp: '2025-10-15T21:49:49.188Z' };
			const send = () => post(productionUrl(workflow), JSON.stringify(payload), { [VERIFICATION_HEADER]: secret });
			await send();
			await send();
			expect(workflow.executions).toHaveLength(2);
			workflow.parameters = { ...workflow.parameters, options: { duplicateWindowMinutes: 10 } };
			clearRecentDeliveries();
			expect((await send()).status).toBe(200);
			expect((await send()).status).toBe(200);
			expect(workflow.executions).toHaveLength(3);
		});

		it('includes the request headers when asked to, never the secret', async () => {
			workflow.parameters = { ...workflow.parameters, options: { includeHeaders: true } };
			await t.sim.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			const headers = workflow.executions[0][0].json.headers as IDataObject;
			expect(headers).toMatchObject({ 'user-agent': 'axios/0.21.4', 'content-type': 'application/json' });
			expect(headers).not.toHaveProperty(VERIFICATION_HEADER);
		});
	});
});
