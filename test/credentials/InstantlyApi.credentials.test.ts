import axios from 'axios';
import type { ICredentialTestRequest } from 'n8n-workflow';

import { InstantlyApi } from '../../credentials/InstantlyApi.credentials';
import { resolveCredentialTemplate } from '../harness/http';
import { useSimulator } from '../harness/simulator';

const env = useSimulator({ apiKey: 'good-key', scopes: ['campaigns:read'] });
const credential = new InstantlyApi();

/** Evaluates the credential's `={{ ... }}` base URL expression, a plain JS expression over $credentials. */
function resolveBaseUrl(expression: string, credentials: { apiKey: string; baseUrl: string }): string {
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$credentials', `return ${body};`)(credentials) as string;
}

/** Runs the credential test the way n8n's credentials tester does: the request, then the response-code rules. */
async function testCredential(apiKey: string, baseUrl = env.sim.url) {
	const credentials = { apiKey, baseUrl };
	const { request, rules } = credential.test as ICredentialTestRequest;
	const response = await axios.request({
		method: request.method ?? 'GET',
		baseURL: resolveBaseUrl(String(request.baseURL), credentials),
		url: request.url,
		params: request.qs,
		headers: { Authorization: resolveCredentialTemplate(String(credential.authenticate.properties.headers?.Authorization), credentials) },
		validateStatus: () => true,
	});
	if (response.status < 300) return { status: 'OK' };
	const rule = rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status);
	return { status: 'Error', code: response.status, message: rule?.properties.message };
}

afterEach(() => expect(env.sim.invalidRequests).toEqual([]));

describe('Instantly API credential test', () => {
	it('passes with a key that only has campaigns:read, and tolerates a trailing slash in the base URL', async () => {
		expect(await testCredential(env.apiKey)).toEqual({ status: 'OK' });
		expect(await testCredential(env.apiKey, `${env.sim.url}/`)).toEqual({ status: 'OK' });
		const [request] = env.sim.requests;
		expect(`${request.method} ${request.path}`).toBe('GET /api/v2/campaigns');
		expect(request.query).toEqual({ limit: '1' });
	});

	it('tells a wrong key, an unpaid workspace and a missing scope apart', async () => {
		const unpaid = env.sim.createWorkspace({ apiKey: 'unpaid', paid: false }).apiKey;
		const noScope = env.sim.createWorkspace({ apiKey: 'leads-only', scopes: ['leads:read'] }).apiKey;

		const wrong = await testCredential('not-a-key');
		const payment = await testCredential(unpaid);
		const scope = await testCredential(noScope);

		expect([wrong.code, payment.code, scope.code]).toEqual([401, 402, 403]);
		expect(wrong.message).toMatch(/did not accept this API key/);
		expect(payment.message).toMatch(/no active paid plan/);
		expect(scope.message).toMatch(/lacks the scope campaigns:read/);
		expect(new Set([wrong.message, payment.message, scope.message]).size).toBe(3);
	});
});

describe('Instantly API credential in n8n\'s HTTP Request node', () => {
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
