import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { InstantlyAiApi } from '../../credentials/InstantlyAiApi.credentials';
import { Instantly } from '../../nodes/Instantly/Instantly.node';
import { InstantlyTrigger } from '../../nodes/Instantly/InstantlyTrigger.node';
import { testCredentialAsN8nDoes } from '../harness/credentialTest';
import { n8nLine } from '../harness/n8nLine';
import { useSimulator } from '../harness/simulator';

const env = useSimulator({ apiKey: 'good-key', scopes: ['campaigns:read'] });
const credential = new InstantlyAiApi();
const OK = { status: 'OK', message: 'Connection successful!' };

/** The credential's "Test" button (and saving it) in n8n, on the line under test. */
const testCredential = async (apiKey: string, baseUrl = env.sim.url) =>
	await testCredentialAsN8nDoes(credential, { apiKey, baseUrl });

/** A server that is not Instantly: answers every request with `status` and an HTML page. */
async function startHtmlServer(status: number) {
	const server: Server = createServer((_request, response) => {
		response.writeHead(status, { 'content-type': 'text/html' });
		response.end('<html><body>Welcome</body></html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

describe(`Instantly.ai API credential test, as n8n ${n8nLine}.x runs it`, () => {
	it('passes with a key that only has campaigns:read, and tolerates a trailing slash in the base URL', async () => {
		expect(await testCredential(env.apiKey)).toEqual(OK);
		expect(await testCredential(env.apiKey, `${env.sim.url}/`)).toEqual(OK);
		const [request] = env.sim.requests;
		expect(`${request.method} ${request.path}`).toBe('GET /api/v2/campaigns');
		expect(request.query).toEqual({ limit: '1' });
		expect(request.headers.authorization).toBe(`Bearer ${env.apiKey}`);
	});

	it('tells a wrong key, an unpaid workspace and a missing scope apart, in its own words', async () => {
		const unpaid = env.sim.createWorkspace({ apiKey: 'unpaid', paid: false }).apiKey;
		const noScope = env.sim.createWorkspace({ apiKey: 'leads-only', scopes: ['leads:read'] }).apiKey;

		const results = [await testCredential('not-a-key'), await testCredential(unpaid), await testCredential(noScope)];

		expect(env.sim.requests.map((request) => request.status)).toEqual([401, 402, 403]);
		expect(results.map((result) => result.status)).toEqual(['Error', 'Error', 'Error']);
		const [wrong, payment, scope] = results.map((result) => result.message);
		expect(wrong).toMatch(/did not accept this API key \(401\)/);
		expect(payment).toMatch(/no active paid plan \(402\)/);
		expect(scope).toMatch(/lacks the scope campaigns:read \(403\)/);
	});

	it('says the rate limit was hit on a 429', async () => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', status: 429, message: 'Rate limit exceeded' });
		const result = await testCredential(env.apiKey);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rate limit .* \(429\)/);
	});

	it('fails, never passes, on a server error', async () => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', status: 500 });
		const result = await testCredential(env.apiKey);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not answer with the list of campaigns/);
	});

	it.each([200, 404])('fails, never passes, when the Base URL is not Instantly (an HTML page with %i)', async (status) => {
		const server = await startHtmlServer(status);
		try {
			const result = await testCredential(env.apiKey, server.url);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/Check the Base URL/);
		} finally {
			await server.close();
		}
	});

	it('fails when Instantly cannot be reached, and the message holds no key', async () => {
		const server = await startHtmlServer(200);
		const { url } = server;
		await server.close();
		const result = await testCredential(env.apiKey, url);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED|refused the connection/);
		expect(result.message).not.toContain(env.apiKey);
	});
});

describe('Instantly.ai API credential in n8n\'s HTTP Request node', () => {
	// The HTTP Request node offers credential types matching 'has:authenticate' that are neither
	// generic (genericAuth) nor restricted to their own nodes (restrictToSupportedNodes).
	it('qualifies as a predefined credential type', () => {
		const type = credential as unknown as Record<string, unknown>;
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
		});
		expect(type.genericAuth).toBeUndefined();
		expect(type.restrictToSupportedNodes).toBeUndefined();
	});
});

describe('Instantly.ai API credential type name', () => {
	// n8n keys credential types by name across every installed package: the older
	// n8n-nodes-instantly defines `instantlyApi`, and with both installed one silently replaced the other.
	const OLDER_PACKAGE_CREDENTIAL_TYPE = 'instantlyApi';

	it('differs from the older n8n-nodes-instantly package\'s type, and both our nodes ask for it', () => {
		expect(credential.name).not.toBe(OLDER_PACKAGE_CREDENTIAL_TYPE);
		for (const node of [new Instantly(), new InstantlyTrigger()]) {
			expect(node.description.credentials).toEqual([{ name: credential.name, required: true }]);
		}
	});

	it('is the type package.json registers with n8n', () => {
		const { n8n } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { n8n: { credentials: string[] } };
		expect(n8n.credentials).toEqual([`dist/credentials/${credential.constructor.name}.credentials.js`]);
	});
});
