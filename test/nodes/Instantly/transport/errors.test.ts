import type { INode } from 'n8n-workflow';

import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { instantlyApiError } from '../../../../nodes/Instantly/transport/errors';

const node: INode = {
	id: 'node',
	name: 'Instantly',
	type: 'n8n-nodes-instantly-ai.instantly',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const notFound = { statusCode: 404, error: 'Not Found', message: 'Not Found' };

describe('404 hint', () => {
	it.each(Object.entries(endpoints))('names what %s acts on', (_name, endpoint) => {
		const pathParams = Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 'x-1']));
		const error = instantlyApiError(node, { statusCode: 404, body: notFound, endpoint, pathParams });
		expect(error.description).toMatch(/^Instantly found no [a-z]/);
		expect(error.description).not.toMatch(/no resource/);
	});

	it.each([
		['getEmail', { id: 'e-1' }, 'Instantly found no email with ID "e-1"'],
		['markThreadAsRead', { thread_id: 't-1' }, 'Instantly found no email thread with ID "t-1"'],
		['getAccount', { email: 'a@example.com' }, 'Instantly found no account "a@example.com"'],
		['getWebhookEventsSummary', {}, 'Instantly found no webhook event matching the request.'],
	] as const)('%s says which record is missing', (name, pathParams, hint) => {
		const error = instantlyApiError(node, { statusCode: 404, body: notFound, endpoint: endpoints[name], pathParams });
		expect(error.description).toContain(hint);
	});
});

describe('403 hint', () => {
	const forbidden = (body: unknown) =>
		instantlyApiError(node, { statusCode: 403, body, endpoint: endpoints.listCampaigns }).description;

	it("names the missing scope when Instantly's JSON error says 403", () => {
		expect(forbidden({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope' })).toMatch(
			/lacks the scope this action needs: campaigns:read or campaigns:all/,
		);
	});

	it.each([
		['a proxy HTML page', '<html><body><h1>403 Forbidden</h1>nginx</body></html>', /non-JSON answer starting "<html>/],
		['an empty body', '', /an empty answer/],
		['no body', undefined, /an empty answer/],
		['JSON without a message', { blocked: true }, /an empty answer/],
	])('does not claim a missing scope for %s', (_case, body, seen) => {
		const hint = forbidden(body);
		expect(hint).not.toMatch(/scope/);
		expect(hint).toMatch(seen);
		expect(hint).toMatch(/Base URL/);
	});
});
