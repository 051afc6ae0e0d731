import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';

import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { InstantlyTrigger } from '../../../../nodes/Instantly/InstantlyTrigger.node';
import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { executeContext, hookContext, type LoggedMessage } from '../../../harness/context';
import { n8nLine } from '../../../harness/n8nLine';
import { useRetryClock } from '../../../harness/retryClock';
import { bareNodeType, useSimulator } from '../../../harness/simulator';
import { failure } from '../../../harness/failure';

/*
 * No error leaving the transport may hold the API key anywhere reachable: n8n shows errors, stores
 * them in execution data (through toJSON) and logs them (util.inspect). n8n 2.x's request helper
 * keeps axios's error, with the request's Authorization header, as the NodeApiError's `cause`.
 */
const API_KEY = 'sk-live-7f3a9c41e2b84d0f';
const env = useSimulator({ apiKey: API_KEY });
useRetryClock();

/** Every form in which n8n may show, store or log an error. */
function renderings(error: unknown): Record<string, string> {
	const withToJSON = error as { toJSON?: () => unknown };
	return {
		inspect: inspect(error, { depth: 20, showHidden: true }),
		json: JSON.stringify(error) ?? '',
		toJSON: JSON.stringify(withToJSON.toJSON?.()) ?? '',
		string: String(error),
	};
}

function expectNoSecret(error: unknown) {
	expect(error).toBeInstanceOf(Error);
	for (const [form, text] of Object.entries(renderings(error))) {
		expect({ form, leaksKey: text.includes(API_KEY), leaksBearer: /bearer/i.test(text) }).toEqual({
			form,
			leaksKey: false,
			leaksBearer: false,
		});
	}
}


/** A TCP server that answers every connection with `reply` (raw bytes), then closes it. */
async function startRawServer(reply: string) {
	const sockets = new Set<Socket>();
	const server: Server = createTcpServer((socket) => {
		sockets.add(socket);
		socket.once('data', () => socket.end(reply));
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** A plain-HTTP server: an https:// base URL pointing at it fails the TLS handshake (EPROTO). */
async function startPlainHttpServer() {
	const server = createHttpServer((_request, response) => response.end('plain http'));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

interface Scenario {
	name: string;
	/** Starts the failure for requests to `method path`; returns the base URL to send them to. */
	start: (method: string, path: string) => Promise<{ baseUrl: string; close: () => Promise<void> }>;
}

/** The simulator, failing every attempt (retries included) at the given endpoint. */
const simulatorFault = (fault: { kind?: 'drop'; status?: number }) => async (method: string, path: string) => {
	env.sim.injectFault({ method, path, count: 10, ...fault });
	return { baseUrl: env.sim.url, close: async () => undefined };
};

const rawServer = (reply: string) => async () => {
	const server = await startRawServer(reply);
	return { baseUrl: `http://127.0.0.1:${server.port}`, close: server.close };
};

const scenarios: Scenario[] = [
	{
		name: 'a TLS handshake with a plain-HTTP port (EPROTO)',
		start: async () => {
			const server = await startPlainHttpServer();
			return { baseUrl: `https://127.0.0.1:${server.port}`, close: server.close };
		},
	},
	{ name: 'a malformed HTTP response', start: rawServer('this is not HTTP\r\n\r\n') },
	{
		name: 'a status outside the HTTP ranges Instantly uses (999)',
		start: rawServer('HTTP/1.1 999 Odd\r\ncontent-type: text/plain\r\ncontent-length: 3\r\n\r\nodd'),
	},
	{ name: 'an unknown path (404)', start: simulatorFault({ status: 404 }) },
	{ name: 'a 401', start: simulatorFault({ status: 401 }) },
	{ name: 'a 500 on every attempt', start: simulatorFault({ status: 500 }) },
	{ name: 'a dropped connection on every attempt', start: simulatorFault({ kind: 'drop' }) },
];

describe(`the API key stays out of errors, through n8n ${n8nLine}.x's request helper`, () => {
	it.each(scenarios)('an action request failing with $name', async ({ start }) => {
		const target = await start('GET', '/api/v2/campaigns');
		try {
			const { context } = executeContext({
				nodeType: bareNodeType,
				credentials: { apiKey: API_KEY, baseUrl: target.baseUrl },
				parameters: {},
			});
			expectNoSecret(await failure<unknown>(instantlyApiRequest.call(context, endpoints.listCampaigns, { qs: { limit: 1 } })));
		} finally {
			await target.close();
		}
	});

	it('still says what went wrong, and where', async () => {
		const target = await scenarios[0].start('GET', '/api/v2/campaigns');
		try {
			const { context } = executeContext({
				nodeType: bareNodeType,
				credentials: { apiKey: API_KEY, baseUrl: target.baseUrl },
				parameters: {},
			});
			const error = await failure(instantlyApiRequest.call(context, endpoints.listCampaigns, { itemIndex: 3 }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('EPROTO');
			expect(error.httpCode).toBe('EPROTO');
			expect(error.description).toBe("GET /api/v2/campaigns failed before Instantly's answer could be read.");
			expect(error.context.itemIndex).toBe(3);
		} finally {
			await target.close();
		}
	});

	/** The trigger's hook context for one reply_received webhook, sending to the failing target. */
	const triggerHookContext = (baseUrl: string, staticData?: IDataObject) =>
		hookContext({
			nodeType: new InstantlyTrigger(),
			credentials: { apiKey: API_KEY, baseUrl },
			parameters: { events: ['reply_received'] },
			webhookUrl: 'http://127.0.0.1:9/webhook/wf-1/webhook',
			mode: 'trigger',
			staticData,
		});

	it.each(scenarios)('the trigger registering its webhook, failing with $name', async ({ start }) => {
		const target = await start('POST', '/api/v2/webhooks');
		try {
			const { context, logs } = triggerHookContext(target.baseUrl);
			expectNoSecret(await failure<unknown>(new InstantlyTrigger().webhookMethods.default.create.call(context)));
			expectNoLoggedSecret(logs);
		} finally {
			await target.close();
		}
	});

	// A 404 counts as deleted: nothing to log.
	const deleteFailures = scenarios.filter(({ name }) => !name.includes('404'));
	it.each(deleteFailures)('the trigger deleting its webhook, failing with $name', async ({ start }) => {
		const target = await start('DELETE', '/api/v2/webhooks/{id}');
		const staticData: IDataObject = {
			production: {
				webhooks: [{ id: '0199e9d9-0000-7000-8000-00000000beef', event: 'reply_received' }],
				events: ['reply_received'],
				campaign: null,
				url: 'http://127.0.0.1:9/webhook/wf-1/webhook',
				secretDigest: 'a'.repeat(64),
			},
		};
		try {
			const { context, logs } = triggerHookContext(target.baseUrl, staticData);
			expect(await new InstantlyTrigger().webhookMethods.default.delete.call(context)).toBe(false);
			expectNoLoggedSecret(logs);
		} finally {
			await target.close();
		}
	});
});

function expectNoLoggedSecret(logs: LoggedMessage[]) {
	const logged = inspect(logs, { depth: 20, showHidden: true });
	expect(logged).not.toContain(API_KEY);
	expect(logged).not.toMatch(/bearer/i);
}
