import { startSimulator, type Simulator } from '../../simulator';
import { apiClient, MINIMAL_CAMPAIGN } from '../harness/simulator';

describe('simulator: validation against the OpenAPI document', () => {
	let simulator: Simulator;
	let api: ReturnType<typeof apiClient>;

	beforeAll(async () => {
		simulator = await startSimulator({ clock: 'manual' });
		api = apiClient(simulator.url, simulator.createWorkspace({ apiKey: 'validation-key' }).apiKey);
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.clearRequests());

	const invalidCases: Array<[family: string, method: string, path: string, body: unknown, message: string]> = [
		['leads', 'POST', '/api/v2/leads/add', { campaign_id: 'x', leads: [{ email: 42 }] }, 'body/leads/0/email must be string,null'],
		['leads', 'POST', '/api/v2/leads', { campaign_id: 'x' }, 'body must NOT have additional properties'],
		['campaigns', 'POST', '/api/v2/campaigns', { campaign_schedule: MINIMAL_CAMPAIGN.campaign_schedule }, "body must have required property 'name'"],
		[
			'campaigns',
			'POST',
			'/api/v2/campaigns',
			{ ...MINIMAL_CAMPAIGN, campaign_schedule: { schedules: [{ ...MINIMAL_CAMPAIGN.campaign_schedule.schedules[0], timezone: 'America/New_York' }] } },
			'body/campaign_schedule/schedules/0/timezone must be equal to one of the allowed values',
		],
		['block list', 'POST', '/api/v2/block-lists-entries', { value: 'spam.com' }, "body must have required property 'bl_value'"],
		['block list', 'POST', '/api/v2/block-lists-entries/bulk-create', { bl_values: [] }, 'body/bl_values must NOT have fewer than 1 items'],
		['webhooks', 'POST', '/api/v2/webhooks', { event_type: 'reply_received' }, "body must have required property 'target_hook_url'"],
		['webhooks', 'POST', '/api/v2/webhooks', { target_hook_url: 'https://x.test/h', event_type: 'email.sent' }, 'body/event_type must be equal to one of the allowed values'],
		['lead lists', 'POST', '/api/v2/lead-lists', { title: 'x' }, "body must have required property 'name'"],
	];

	it.each(invalidCases)('rejects an invalid %s request (%s %s) with the 400 envelope', async (_family, method, path, body, message) => {
		const response = await api(method, path, body);
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
		expect(simulator.invalidRequests).toEqual([{ method, path, status: 400, reason: message }]);
	});

	it('rejects query parameters outside the spec limits and unknown query parameters', async () => {
		expect((await api('GET', '/api/v2/campaigns?limit=500')).body.message).toBe('querystring/limit must be <= 100');
		expect((await api('GET', '/api/v2/campaigns/analytics?campaign_id=abc')).body.message).toBe('querystring must NOT have additional properties');
		expect(simulator.invalidRequests).toHaveLength(2);
	});

	it('accepts valid requests from every family without recording them as invalid', async () => {
		const campaign = await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN);
		expect(campaign.status).toBe(200);
		expect(campaign.body.status).toBe(0);
		const list = await api('POST', '/api/v2/lead-lists', { name: 'List' });
		const responses = [
			campaign,
			list,
			await api('POST', '/api/v2/leads', { campaign: campaign.body.id, email: 'a@b.com', custom_variables: { tier: 'gold' } }),
			await api('POST', '/api/v2/leads/add', { list_id: list.body.id, leads: [{ email: 'c@d.com' }] }),
			await api('POST', '/api/v2/leads/list', { campaign: campaign.body.id, limit: 5 }),
			await api('POST', '/api/v2/block-lists-entries', { bl_value: 'spam.com' }),
			await api('POST', '/api/v2/webhooks', { target_hook_url: 'https://hooks.test/x', event_type: 'reply_received' }),
			await api('GET', `/api/v2/campaigns/analytics?ids=${campaign.body.id}`),
			await api('GET', `/api/v2/campaigns/analytics/overview?id=${campaign.body.id}`),
			await api('GET', `/api/v2/campaigns/analytics/daily?campaign_id=${campaign.body.id}`),
			await api('GET', `/api/v2/campaigns/analytics/steps?campaign_id=${campaign.body.id}`),
			await api('GET', '/api/v2/webhooks/event-types'),
			await api('POST', `/api/v2/campaigns/${campaign.body.id}/activate`),
			await api('DELETE', `/api/v2/lead-lists/${list.body.id}`),
		];
		expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
		expect(simulator.requests).toHaveLength(responses.length);
	});

	it('answers 404 for unknown paths and records them as invalid', async () => {
		const response = await api('GET', '/api/v2/leads/list/extra');
		expect(response.status).toBe(404);
		expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
		expect(simulator.invalidRequests).toHaveLength(1);
		expect((await api('GET', '/api/v2/leads/00000000-0000-7000-8000-000000000000')).body).toEqual({
			statusCode: 404,
			error: 'Not Found',
			message: 'Lead not found',
		});
	});

	it('rejects a JSON content-type with an empty body, as Fastify does', async () => {
		const campaign = await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN);
		const response = await api('POST', `/api/v2/campaigns/${campaign.body.id}/pause`, undefined, { 'content-type': 'application/json' });
		expect(response.status).toBe(400);
		expect(response.body.message).toBe("Body cannot be empty when content-type is set to 'application/json'");
		expect(simulator.invalidRequests).toHaveLength(1);
	});

	it('refuses a body-less POST that names a non-JSON content type (axios stamps form-urlencoded)', async () => {
		const campaign = await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN);
		const response = await api('POST', `/api/v2/campaigns/${campaign.body.id}/activate`, undefined, {
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(response.status).toBe(415);
		expect(simulator.invalidRequests).toHaveLength(1);
	});

	it('rejects a body on operations that take none (DELETE declares type null)', async () => {
		const campaign = await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN);
		expect((await api('DELETE', `/api/v2/campaigns/${campaign.body.id}`, {})).body.message).toBe('body must be null');
		expect((await api('POST', `/api/v2/campaigns/${campaign.body.id}/activate`, {})).status).toBe(400);
		expect((await api('DELETE', `/api/v2/campaigns/${campaign.body.id}`)).status).toBe(200);
	});

	it('answers 501 for spec operations it does not simulate, after validating them', async () => {
		expect((await api('GET', '/api/v2/custom-tags?limit=1000')).status).toBe(400);
		const response = await api('GET', '/api/v2/custom-tags?limit=10');
		expect(response.status).toBe(501);
		expect(response.body.error).toBe('Not Implemented');
	});

	it('tells 401, 402 and 403 apart', async () => {
		const unpaid = simulator.createWorkspace({ paid: false });
		const readOnly = simulator.createWorkspace({ scopes: ['leads:read'] });
		expect(await apiClient(simulator.url)('GET', '/api/v2/campaigns').then((r) => r.body)).toEqual({
			statusCode: 401,
			error: 'Unauthorized',
			message: 'Invalid API key',
		});
		expect((await apiClient(simulator.url, 'nope')('GET', '/api/v2/campaigns')).status).toBe(401);
		const payment = await apiClient(simulator.url, unpaid.apiKey)('GET', '/api/v2/campaigns');
		expect(payment.body).toEqual({ statusCode: 402, error: 'Payment Required', message: 'Workspace does not have an active paid plan' });
		const forbidden = await apiClient(simulator.url, readOnly.apiKey)('POST', '/api/v2/leads/list', {});
		expect(forbidden.status).toBe(200);
		const denied = await apiClient(simulator.url, readOnly.apiKey)('POST', '/api/v2/leads', { email: 'x@y.com' });
		expect(denied.status).toBe(403);
		expect(denied.body.message).toContain('leads:create');
	});
});
