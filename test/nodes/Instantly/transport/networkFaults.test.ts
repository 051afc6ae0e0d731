import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';


import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { executeContext, runNode } from '../../../harness/context';
import { n8nLine } from '../../../harness/n8nLine';
import { useRetryClock } from '../../../harness/retryClock';
import { bareNodeType, useSimulator } from '../../../harness/simulator';
import { failure } from '../../../harness/failure';

/*
 * Dropped connections and timeouts reach the node as n8n's own request helper reports them, which
 * differs by line (n8n 1.x keeps no `cause`). Reads are sent again; a write whose answer was lost is
 * not, and the user is told it may or may not have been applied.
 */
const env = useSimulator();
const requestedDelays = useRetryClock();

/** Seconds: the node's Request Timeout at its minimum, so a request that is never answered ends soon. */
const SHORTEST_REQUEST_TIMEOUT = 1;
const ACCOUNT = 'alex@getacme-mail.com';
const EMAIL_ID = '0199e9d9-0000-7000-8000-000000000000';


const replyParameters = (replyToUuid: string) => ({
	resource: 'email',
	operation: 'reply',
	replyToUuid,
	eaccount: ACCOUNT,
	subject: 'Re: Quick question',
	bodyText: 'Sounds good, talk Monday',
});

/**
 * A server that accepts requests and answers none of the first `unanswered`, so the client's
 * timeout is the only way those end; later ones get an empty page.
 */
async function startSilentServer(unanswered: number) {
	const received: IncomingMessage[] = [];
	const held: ServerResponse[] = [];
	const server = createServer((request, response) => {
		received.push(request);
		if (received.length <= unanswered) return void held.push(response);
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify({ items: [] }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		async close() {
			for (const response of held) response.destroy();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

describe(`network faults through n8n ${n8nLine}.x's request helper`, () => {
	it('sends a read again after its connection dropped, and returns the answer', async () => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', kind: 'drop' });
		const { context } = executeContext({ nodeType: bareNodeType, credentials: env.credentials, parameters: {} });
		const page = await instantlyApiRequest.call(context, endpoints.listCampaigns, { qs: { limit: 1 } });
		expect(page).toMatchObject({ items: [] });
		const attempts = env.sim.requests.filter((request) => request.path === '/api/v2/campaigns');
		expect(attempts.map((request) => request.dropped ?? false)).toEqual([true, false]);
		expect(requestedDelays).toHaveLength(1);
	});

	it('does not send an Email › Reply again when its answer was lost, and says it may have been applied', async () => {
		const workspace = env.sim.workspace(env.apiKey);
		env.sim.addAccount(workspace.id, { email: ACCOUNT });
		const received = env.sim.addEmail(workspace.id, { lead: 'jane@prospect.com', subject: 'Quick question', eaccount: ACCOUNT });
		const emailsBefore = workspace.emails.size;
		env.sim.injectFault({ method: 'POST', path: '/api/v2/emails/reply', kind: 'applyThenDrop' });

		const error = await failure(
			runNode({ nodeType: new Instantly(), credentials: env.credentials, parameters: replyParameters(received.id) }),
		);

		expect(error.message).toBe('Instantly could not be reached, or the connection dropped before it answered');
		expect(error.description).toContain('POST /api/v2/emails/reply may or may not have been applied');
		expect(error.description).toContain('do not repeat it blindly');
		expect(error.description).not.toMatch(/retry the request immediately/i);
		expect(env.sim.requests.filter((request) => request.path === '/api/v2/emails/reply')).toHaveLength(1);
		expect(workspace.emails.size).toBe(emailsBefore + 1);
		expect(requestedDelays).toEqual([]);
	});

	it('sends a read again after it timed out, and returns the answer', async () => {
		const server = await startSilentServer(1);
		try {
			const { context } = executeContext({
				nodeType: new Instantly(),
				credentials: { apiKey: env.apiKey, baseUrl: server.url },
				parameters: { requestTimeout: SHORTEST_REQUEST_TIMEOUT },
			});
			const page = await instantlyApiRequest.call(context, endpoints.listCampaigns, { qs: { limit: 1 } });
			expect(page).toEqual({ items: [] });
			// Every attempt gets the same timeout, so on a stalled machine an answered attempt may
			// time out too: what holds is that the unanswered one was sent again after a retry wait.
			expect(server.received.length).toBeGreaterThanOrEqual(2);
			expect(requestedDelays).toHaveLength(server.received.length - 1);
		} finally {
			await server.close();
		}
	});

	it('does not send an Email › Reply again after it timed out, and says it may have been applied', async () => {
		const server = await startSilentServer(Infinity);
		try {
			const error = await failure(
				runNode({
					nodeType: new Instantly(),
					credentials: { apiKey: env.apiKey, baseUrl: server.url },
					parameters: { ...replyParameters(EMAIL_ID), requestTimeout: SHORTEST_REQUEST_TIMEOUT },
				}),
			);
			expect(error.description).toContain('POST /api/v2/emails/reply may or may not have been applied');
			expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /api/v2/emails/reply']);
			expect(requestedDelays).toEqual([]);
		} finally {
			await server.close();
		}
	});

	it('keeps the API key out of the error', async () => {
		env.sim.injectFault({ method: 'POST', path: '/api/v2/emails/reply', kind: 'drop' });
		const error = await failure(
			runNode({ nodeType: new Instantly(), credentials: env.credentials, parameters: replyParameters(EMAIL_ID) }),
		);
		expect(JSON.stringify(error)).not.toContain(env.apiKey);
		expect(`${error.message} ${error.description} ${error.stack}`).not.toContain(env.apiKey);
	});
});
