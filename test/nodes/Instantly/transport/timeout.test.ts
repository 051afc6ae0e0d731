import type { IHttpRequestOptions } from 'n8n-workflow';

import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { InstantlyTrigger } from '../../../../nodes/Instantly/InstantlyTrigger.node';
import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { executeContext, hookContext } from '../../../harness/context';
import { useSimulator } from '../../../harness/simulator';

const env = useSimulator();

/**
 * A context whose HTTP helper records the options of every request it sends. It passes `this` on:
 * n8n-core's helper reads the calling context (its cancel signal) from it.
 */
function recording<T extends { helpers: { httpRequestWithAuthentication: unknown } }>(context: T) {
	const sent: IHttpRequestOptions[] = [];
	const send = context.helpers.httpRequestWithAuthentication as (
		this: unknown,
		type: string,
		options: IHttpRequestOptions,
	) => Promise<unknown>;
	context.helpers.httpRequestWithAuthentication = async function (this: unknown, type: string, options: IHttpRequestOptions) {
		sent.push(options);
		return await send.call(this, type, options);
	};
	return { context, sent };
}

/** The action node's context: its Request Timeout is resolved as n8n resolves the node's parameters. */
const executeWith = (parameters: Record<string, unknown>) =>
	recording(executeContext({ nodeType: new Instantly(), credentials: env.credentials, parameters }).context);

describe('request timeout', () => {
	it('defaults to 60 s per request', async () => {
		const { context, sent } = executeWith({});
		await instantlyApiRequest.call(context, endpoints.listLeadLabels, {});
		expect(sent.map((options) => options.timeout)).toEqual([60_000]);
	});

	it('aborts a request Instantly never answers, after the Request Timeout, without sending it again', async () => {
		env.sim.injectFault({ method: 'POST', path: '/api/v2/lead-labels', kind: 'hang' });
		const { context, sent } = executeWith({ requestTimeout: 1 });

		const error = await instantlyApiRequest
			.call(context, endpoints.createLeadLabel, { body: { label: 'Hot', interest_status_label: 'positive' } })
			.then(
				() => undefined,
				(caught: Error) => caught,
			);

		expect(error?.message).toMatch(/could not be reached|connection dropped|timeout/i);
		expect(sent.map((options) => options.timeout)).toEqual([1000]);
		expect(env.sim.requests.map((request) => request.fault)).toEqual(['hang']);
		expect(env.sim.workspace(env.apiKey).leadLabels.size).toBe(0);
	});

	it.each(['abc', 0, -5, 301, { seconds: 5 }])('refuses a Request Timeout of %j, naming the field, before sending', async (requestTimeout) => {
		const { context, sent } = executeWith({ requestTimeout });
		await expect(instantlyApiRequest.call(context, endpoints.listLeadLabels, {})).rejects.toThrow(
			/^Request Timeout \(Seconds\): expected a number from 1 to 300/,
		);
		expect(sent).toEqual([]);
	});

	it("takes the trigger's Options › Request Timeout when it registers webhooks", async () => {
		const { context, sent } = recording(
			hookContext({
				nodeType: new InstantlyTrigger(),
				credentials: env.credentials,
				parameters: { options: { requestTimeout: 5 } },
			}).context,
		);
		await instantlyApiRequest.call(context, endpoints.listWebhooks, { actingIn: null });
		expect(sent.map((options) => options.timeout)).toEqual([5000]);
	});

	it('is offered on the action node for every operation and in the trigger options', () => {
		const field = new Instantly().description.properties.find((property) => property.name === 'requestTimeout');
		expect(field).toMatchObject({ default: 60, displayName: 'Request Timeout (Seconds)' });
		expect(field?.displayOptions).toBeUndefined();
		const trigger = new InstantlyTrigger().description.properties.find((property) => property.name === 'options');
		expect(trigger?.options?.map((option) => option.name)).toContain('requestTimeout');
	});
});
