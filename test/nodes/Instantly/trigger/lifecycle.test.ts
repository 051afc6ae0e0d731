import type { IHookFunctions } from 'n8n-workflow';

import { secretDigest, VERIFICATION_HEADER } from '../../../../nodes/Instantly/trigger/secret';
import { hookContext } from '../../../harness/context';
import { campaignLocator, describeEachHeaderEcho, describeEachVersion, FIVE_EVENTS, KEY, lifecycle, useTriggerHarness } from './setup';

const t = useTriggerHarness();
const { api, newWorkflow, options, hook, activate, webhooks, requestsTo, registration, secretAt, productionUrl, testUrl } = t;

describeEachVersion(() => {
	describeEachHeaderEcho('lifecycle', () => {
		it('activation creates one webhook per event with the secret header, URL, campaign and name; deactivation leaves zero', async () => {
			const workflow = newWorkflow({ events: ['reply_received', 'email_link_clicked'], campaign: campaignLocator(t.campaignId) });
			expect(await hook('checkExists', workflow)).toBe(false);
			expect(await hook('create', workflow)).toBe(true);

			const stored = registration(workflow);
			const secret = secretAt(productionUrl(workflow));
			expect(secret).toMatch(/^[0-9a-f]{64}$/);
			expect(stored.secretDigest).toBe(secretDigest(secret));
			expect(stored).not.toHaveProperty('secret');
			expect(stored).toMatchObject({ events: ['reply_received', 'email_link_clicked'], campaign: t.campaignId, url: productionUrl(workflow) });
			const bodies = requestsTo('POST', '/api/v2/webhooks').map((request) => request.body);
			expect(bodies).toEqual(
				['reply_received', 'email_link_clicked'].map((event_type, index) => ({
					target_hook_url: productionUrl(workflow),
					event_type,
					campaign: t.campaignId,
					headers: { [VERIFICATION_HEADER]: secret },
					name: `n8n · Reply router (workflow wf-42) · ${['Reply Received', 'Email Link Clicked'][index]}`,
				})),
			);
			expect(webhooks().map((webhook) => webhook.id).sort()).toEqual(stored.webhooks.map((webhook) => webhook.id).sort());

			expect(await hook('delete', workflow)).toBe(true);
			expect(webhooks()).toEqual([]);
			expect(workflow.staticData).toEqual({});
			const deletes = requestsTo('DELETE', '/api/v2/webhooks/{id}');
			expect(deletes).toHaveLength(2);
			for (const request of deletes) {
				expect(request.rawBody).toBe('');
				expect(request.headers['content-type']).toBeUndefined();
			}
		});

		it('registers all_events alone when it is chosen with other events, for every campaign when none is set', async () => {
			const workflow = newWorkflow({ events: ['email_sent', 'all_events', 'reply_received'] });
			await activate(workflow);
			expect(webhooks()).toHaveLength(1);
			expect(webhooks()[0]).toMatchObject({ event_type: 'all_events', campaign: null });
			expect(requestsTo('POST', '/api/v2/webhooks')[0].body).not.toHaveProperty('campaign');
		});

		it('sends nothing when the parameters are unusable', async () => {
			await expect(hook('create', newWorkflow({ events: [] }))).rejects.toThrow('Choose at least one event');
			await expect(hook('create', newWorkflow({ events: ['email.sent'] }))).rejects.toThrow('Unknown Instantly event');
			await expect(hook('create', newWorkflow({ events: ['email_sent'], campaign: campaignLocator('not-a-uuid') }))).rejects.toThrow(
				'Campaign: "not-a-uuid" is not a valid Instantly ID',
			);
			expect(t.sim.requests).toEqual([]);
		});

		it('a failure in the third of five creations leaves zero webhooks, nothing stored, and a clear error', async () => {
			const workflow = newWorkflow({ events: FIVE_EVENTS });
			const { context, logs } = hookContext(options(workflow, 'trigger'));
			const send = context.helpers.httpRequestWithAuthentication;
			let creations = 0;
			context.helpers.httpRequestWithAuthentication = async function (this: IHookFunctions, type, request) {
				if (request.method === 'POST' && request.url === '/api/v2/webhooks' && ++creations === 3) {
					t.sim.injectFault({ method: 'POST', path: '/api/v2/webhooks', status: 500, message: 'Internal Server Error' });
				}
				return await send.call(this, type, request);
			};
			const error = await lifecycle.create.call(context).then(
				() => undefined,
				(thrown: Error & { description?: string }) => thrown,
			);
			expect(error?.message).toBe('Could not create the Instantly webhook for "Email Link Clicked" (3 of 5): Instantly: Internal Server Error');
			expect(error?.description).toContain('The 2 webhook(s) already created for this trigger were deleted again');
			expect(webhooks()).toEqual([]);
			expect(workflow.staticData).toEqual({});
			expect(requestsTo('POST', '/api/v2/webhooks')).toHaveLength(3);
			expect(requestsTo('DELETE', '/api/v2/webhooks/{id}')).toHaveLength(2);
			expect(logs.filter((log) => log.level === 'error')).toEqual([]);
		});

		it('a creation applied in Instantly whose answer was lost is found (by its secret, or by URL and name) and deleted', async () => {
			const workflow = newWorkflow({ events: FIVE_EVENTS });
			const { context } = hookContext(options(workflow, 'trigger'));
			const send = context.helpers.httpRequestWithAuthentication;
			let creations = 0;
			context.helpers.httpRequestWithAuthentication = async function (this: IHookFunctions, type, request) {
				if (request.method === 'POST' && request.url === '/api/v2/webhooks' && ++creations === 3) {
					t.sim.injectFault({ method: 'POST', path: '/api/v2/webhooks', kind: 'applyThenDrop' });
				}
				return await send.call(this, type, request);
			};
			await expect(lifecycle.create.call(context)).rejects.toThrow('(3 of 5)');
			expect(webhooks()).toEqual([]);
			expect(workflow.staticData).toEqual({});
		});

		it('delete counts a 404 as deleted', async () => {
			const workflow = newWorkflow({ events: ['email_sent', 'reply_received'] });
			await activate(workflow);
			await api('DELETE', `/api/v2/webhooks/${registration(workflow).webhooks[0].id}`);
			expect(await hook('delete', workflow)).toBe(true);
			expect(webhooks()).toEqual([]);
			expect(workflow.staticData).toEqual({});
			expect(workflow.logs.filter((log) => log.level === 'error')).toEqual([]);
		});

		it('delete logs a failure with the webhook id, keeps that id, and the next activation removes it', async () => {
			const workflow = newWorkflow({ events: ['email_sent', 'reply_received'] });
			await activate(workflow);
			const [first, second] = registration(workflow).webhooks;
			t.sim.injectFault({ method: 'DELETE', path: `/api/v2/webhooks/${first.id}`, status: 403, message: 'Forbidden' });

			expect(await hook('delete', workflow)).toBe(false);
			const errors = workflow.logs.filter((log) => log.level === 'error');
			expect(errors).toHaveLength(1);
			expect(errors[0].message).toContain(first.id);
			expect(registration(workflow).webhooks).toEqual([first]);
			expect(webhooks().map((webhook) => webhook.id)).toEqual([first.id]);
			expect(second).toBeDefined();

			await activate(workflow);
			expect(webhooks()).toHaveLength(2);
			expect(webhooks().some((webhook) => webhook.id === first.id)).toBe(false);
		});

		it('"Listen for test event" registers on the test URL beside the production set and removes only its own', async () => {
			const workflow = newWorkflow({ events: ['reply_received'] });
			await activate(workflow);
			const production = registration(workflow);

			await activate(workflow, 'manual');
			const test = registration(workflow, 'test');
			expect(test.url).toBe(testUrl(workflow));
			expect(test.secretDigest).not.toBe(production.secretDigest);
			expect(secretAt(testUrl(workflow))).not.toBe(secretAt(productionUrl(workflow)));
			expect(webhooks().map((webhook) => webhook.target_hook_url).sort()).toEqual([productionUrl(workflow), testUrl(workflow)].sort());
			expect(webhooks().find((webhook) => webhook.target_hook_url === testUrl(workflow))?.name).toBe(
				'n8n (test) · Reply router (workflow wf-42) · Reply Received',
			);

			await t.sim.triggerEvent(KEY, { event_type: 'reply_received', campaign_id: t.campaignId, lead_email: 'jane@prospect.com' });
			expect(workflow.executions).toHaveLength(2);

			await hook('delete', workflow, 'manual');
			expect(webhooks().map((webhook) => webhook.target_hook_url)).toEqual([productionUrl(workflow)]);
			expect(registration(workflow)).toEqual(production);
			expect(await hook('checkExists', workflow)).toBe(true);
		});
	});
});
