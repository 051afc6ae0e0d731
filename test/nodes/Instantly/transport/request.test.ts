import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { executeContext } from '../../../harness/context';
import { useRetryClock } from '../../../harness/retryClock';
import { bareNodeType, useSimulator } from '../../../harness/simulator';
import { failure } from '../../../harness/failure';

const env = useSimulator();
const requestedDelays = useRetryClock();

function transport(apiKey = env.apiKey) {
	return executeContext({
		nodeType: bareNodeType,
		credentials: { apiKey, baseUrl: env.sim.url },
		parameters: {},
	}).context;
}


async function createCampaign(name: string) {
	return (await instantlyApiRequest.call(transport(), endpoints.createCampaign, {
		body: {
			name,
			campaign_schedule: {
				schedules: [
					{
						name: 'Weekdays',
						timing: { from: '09:00', to: '17:00' },
						days: { '1': true, '2': true, '3': true, '4': true, '5': true },
						timezone: 'America/Chicago',
					},
				],
			},
		},
	})) as { id: string };
}

const requestsTo = (method: string, template: string) =>
	env.sim.requests.filter((request) => request.method === method && request.template === template);

describe('instantlyApiRequest', () => {
	it('sends the key as a Bearer token and identifies itself', async () => {
		await instantlyApiRequest.call(transport(), endpoints.listCampaigns, { qs: { limit: 1 } });
		const [request] = env.sim.requests;
		expect(request.headers.authorization).toBe(`Bearer ${env.apiKey}`);
		expect(request.headers['user-agent']).toMatch(/^n8n-nodes-instantly-ai\/\d+\.\d+\.\d+$/);
	});

	it('retries 429 with backoff, for any method, until it succeeds', async () => {
		env.sim.injectFault({ method: 'POST', path: '/api/v2/campaigns', count: 2, status: 429 });
		const campaign = await createCampaign('Rate limited once');
		const attempts = requestsTo('POST', '/api/v2/campaigns');
		expect(attempts.map((request) => request.status)).toEqual([429, 429, 200]);
		expect(requestedDelays).toHaveLength(2);
		expect(requestedDelays[0]).toBeGreaterThanOrEqual(250);
		expect(requestedDelays[0]).toBeLessThanOrEqual(500);
		expect(requestedDelays[1]).toBeGreaterThanOrEqual(500);
		expect(requestedDelays[1]).toBeLessThanOrEqual(1000);
		expect(env.sim.workspace(env.apiKey).campaigns.get(String(campaign.id))).toBeDefined();
	});

	it('waits as long as Retry-After asks, read from the headers n8n hands back', async () => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', status: 429, retryAfter: 7 });
		await instantlyApiRequest.call(transport(), endpoints.listCampaigns, { qs: { limit: 1 } });
		expect(requestsTo('GET', '/api/v2/campaigns').map((request) => request.status)).toEqual([429, 200]);
		expect(requestedDelays).toEqual([7000]);
	});

	it('retries 503 on a read', async () => {
		const campaign = await createCampaign('Flaky read');
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns/{id}', count: 2, status: 503 });
		const fetched = (await instantlyApiRequest.call(transport(), endpoints.getCampaign, {
			pathParams: { id: campaign.id },
		})) as { id: string };
		expect(fetched.id).toBe(campaign.id);
		expect(requestsTo('GET', '/api/v2/campaigns/{id}').map((request) => request.status)).toEqual([503, 503, 200]);
		expect(requestedDelays).toHaveLength(2);
	});

	it('retries a read whose connection dropped', async () => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', kind: 'drop' });
		await instantlyApiRequest.call(transport(), endpoints.listCampaigns, { qs: { limit: 1 } });
		expect(requestsTo('GET', '/api/v2/campaigns')).toHaveLength(2);
	});

	it('does not repeat a create that failed with 5xx after it was applied: no duplicate', async () => {
		env.sim.injectFault({ method: 'POST', path: '/api/v2/leads', kind: 'applyThenStatus', status: 500 });
		const error = await failure(
			instantlyApiRequest.call(transport(), endpoints.createLead, { body: { email: 'once@example.com' } }),
		);
		expect(error.httpCode).toBe('500');
		expect(requestsTo('POST', '/api/v2/leads')).toHaveLength(1);
		const leads = [...env.sim.workspace(env.apiKey).leads.values()].filter((lead) => lead.email === 'once@example.com');
		expect(leads).toHaveLength(1);
	});

	it('does not repeat a create whose connection dropped after it was applied, and says so', async () => {
		env.sim.injectFault({ method: 'POST', path: '/api/v2/leads', kind: 'applyThenDrop' });
		const error = await failure(
			instantlyApiRequest.call(transport(), endpoints.createLead, { body: { email: 'dropped@example.com' } }),
		);
		expect(error.description).toMatch(/may or may not have been applied/);
		expect(requestsTo('POST', '/api/v2/leads')).toHaveLength(1);
		const leads = [...env.sim.workspace(env.apiKey).leads.values()].filter((lead) => lead.email === 'dropped@example.com');
		expect(leads).toHaveLength(1);
	});

	it.each([400, 404, 422])('never retries %i', async (status) => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', status });
		const error = await failure(instantlyApiRequest.call(transport(), endpoints.listCampaigns));
		expect(error.httpCode).toBe(String(status));
		expect(requestsTo('GET', '/api/v2/campaigns')).toHaveLength(1);
	});

	it('names the missing id on 404', async () => {
		const id = '0b7d3b1e-1111-4222-8333-944444444444';
		const error = await failure(instantlyApiRequest.call(transport(), endpoints.getLead, { pathParams: { id } }));
		expect(error.message).toMatch(/^Instantly: /);
		expect(error.description).toContain(`no lead with ID "${id}"`);
	});

	it('gives up with the workspace rate-limit message when Instantly asks to wait too long', async () => {
		env.sim.injectFault({ method: 'GET', path: '/api/v2/campaigns', status: 429, retryAfter: 3600 });
		const error = await failure(instantlyApiRequest.call(transport(), endpoints.listCampaigns));
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/100 requests per second and 6,000 per minute/);
		expect(requestsTo('GET', '/api/v2/campaigns')).toHaveLength(1);
		expect(requestedDelays).toEqual([]);
	});

	it('sends no body and no Content-Type on DELETE and on body-less POSTs', async () => {
		const campaign = await createCampaign('Body-less');
		const id = String(campaign.id);
		await instantlyApiRequest.call(transport(), endpoints.activateCampaign, { pathParams: { id }, body: {} });
		await instantlyApiRequest.call(transport(), endpoints.pauseCampaign, { pathParams: { id } });
		await instantlyApiRequest.call(transport(), endpoints.deleteCampaign, { pathParams: { id } });
		const bodyless = env.sim.requests.filter((request) => request.method !== 'POST' || request.path !== '/api/v2/campaigns');
		expect(bodyless.map((request) => `${request.method} ${request.template}`)).toEqual([
			'POST /api/v2/campaigns/{id}/activate',
			'POST /api/v2/campaigns/{id}/pause',
			'DELETE /api/v2/campaigns/{id}',
		]);
		for (const request of bodyless) {
			expect(request.rawBody).toBe('');
			expect(request.headers['content-type']).toBeUndefined();
			expect(request.status).toBe(200);
		}
	});

	it('keeps the JSON body of the bulk lead delete', async () => {
		const campaign = await createCampaign('Bulk delete');
		await instantlyApiRequest.call(transport(), endpoints.deleteLeads, {
			body: { campaign_id: campaign.id, limit: 5 },
		});
		const [request] = requestsTo('DELETE', '/api/v2/leads');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ campaign_id: campaign.id, limit: 5 });
	});

	it('explains 401, 402 and 403 differently', async () => {
		const unpaid = env.sim.createWorkspace({ apiKey: 'unpaid-key', paid: false }).apiKey;
		const readOnly = env.sim.createWorkspace({ apiKey: 'read-only-key', scopes: ['leads:read'] }).apiKey;
		const create = (apiKey: string) =>
			failure(instantlyApiRequest.call(transport(apiKey), endpoints.createLead, { body: { email: 'x@example.com' } }));

		const [unauthorized, paymentRequired, forbidden] = await Promise.all([
			create('no-such-key'),
			create(unpaid),
			create(readOnly),
		]);
		expect(unauthorized.httpCode).toBe('401');
		expect(unauthorized.description).toMatch(/did not accept the API key/);
		expect(paymentRequired.httpCode).toBe('402');
		expect(paymentRequired.description).toMatch(/no active paid plan/);
		expect(forbidden.httpCode).toBe('403');
		expect(forbidden.description).toContain('leads:create or leads:all or all:create or all:all');
	});
});
