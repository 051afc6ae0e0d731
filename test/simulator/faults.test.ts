import { ManualClock, startSimulator, type Simulator } from '../../simulator';
import { apiClient } from '../harness/simulator';

describe('simulator: faults, latency, rate limits and the control API', () => {
	let simulator: Simulator;
	let api: ReturnType<typeof apiClient>;
	const KEY = 'faults-key';
	const clock = new ManualClock();

	beforeAll(async () => {
		simulator = await startSimulator({ clock });
	});
	afterAll(() => simulator.close());
	beforeEach(() => {
		simulator.reset();
		api = apiClient(simulator.url, simulator.createWorkspace({ apiKey: KEY }).apiKey);
	});

	const addEntry = (value: string) => api('POST', '/api/v2/block-lists-entries', { bl_value: value });
	const entryCount = () => simulator.workspace(KEY).blockListEntries.size;

	it('fails the next N matching calls with a status and Retry-After, without applying them', async () => {
		simulator.injectFault({ method: 'POST', path: '/api/v2/block-lists-entries', count: 2, status: 429, retryAfter: 3 });
		const first = await addEntry('a.com');
		expect(first.status).toBe(429);
		expect(first.headers.get('retry-after')).toBe('3');
		expect((await addEntry('b.com')).status).toBe(429);
		expect((await addEntry('c.com')).status).toBe(200);
		expect(entryCount()).toBe(1);
	});

	it('matches templated paths and drops the connection without applying', async () => {
		const entry = (await addEntry('keep.com')).body;
		simulator.injectFault({ method: 'DELETE', path: '/api/v2/block-lists-entries/{id}', kind: 'drop' });
		await expect(api('DELETE', `/api/v2/block-lists-entries/${entry.id}`)).rejects.toThrow();
		expect(entryCount()).toBe(1);
		expect(simulator.requests.at(-1)).toMatchObject({ dropped: true, fault: 'drop' });
	});

	it('applies the write and then loses the response (drop or 5xx), so duplicates can be detected', async () => {
		simulator.injectFault({ method: 'POST', path: '/api/v2/block-lists-entries', kind: 'applyThenDrop' });
		await expect(addEntry('once.com')).rejects.toThrow();
		expect(entryCount()).toBe(1);
		simulator.injectFault({ method: 'POST', path: '/api/v2/leads/add', kind: 'applyThenStatus', status: 502 });
		const lost = await api('POST', '/api/v2/leads/add', { list_id: (await api('POST', '/api/v2/lead-lists', { name: 'L' })).body.id, leads: [{ email: 'x@y.com' }] });
		expect(lost.status).toBe(502);
		expect(simulator.workspace(KEY).leads.size).toBe(1);
	});

	it('applies the call, then answers with a raw body: empty 204, empty 200 or text/plain', async () => {
		simulator.injectFault({ method: 'POST', path: '/api/v2/block-lists-entries', kind: 'answer', status: 204 });
		const noContent = await addEntry('a.com');
		expect(noContent.status).toBe(204);
		expect(noContent.headers.get('content-type')).toBeNull();
		simulator.injectFault({ method: 'POST', path: '/api/v2/block-lists-entries', kind: 'answer', text: 'OK' });
		const text = await fetch(`${simulator.url}/api/v2/block-lists-entries`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
			body: JSON.stringify({ bl_value: 'b.com' }),
		});
		expect(text.status).toBe(200);
		expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await text.text()).toBe('OK');
		expect(entryCount()).toBe(2);
	});

	it('leaves a hung call unanswered and unapplied until the client gives up', async () => {
		simulator.injectFault({ method: 'POST', path: '/api/v2/block-lists-entries', kind: 'hang' });
		const controller = new AbortController();
		const pending = fetch(`${simulator.url}/api/v2/block-lists-entries`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
			body: JSON.stringify({ bl_value: 'hung.com' }),
			signal: controller.signal,
		});
		// The request must have arrived before the client gives up; nothing else would end it.
		while (!simulator.requests.some((request) => request.fault === 'hang')) await new Promise(setImmediate);
		controller.abort();
		await expect(pending).rejects.toThrow();
		expect(entryCount()).toBe(0);
		expect(simulator.requests.at(-1)).toMatchObject({ fault: 'hang', status: null });
	});

	it('adds latency to every API call, on the simulator clock', async () => {
		simulator.setLatency(120);
		const answer = api('GET', '/api/v2/campaigns');
		await clock.whenSomeoneSleeps();
		expect(clock.pending()).toEqual([120]);
		await clock.advance(119);
		expect(clock.pending()).toEqual([1]);
		expect(simulator.requests).toEqual([]);
		await clock.advance(1);
		expect((await answer).status).toBe(200);
		expect(simulator.requests).toHaveLength(1);
	});

	it('answers 429 per workspace once the window is used up', async () => {
		simulator.setRateLimits({ perSecond: 3, perMinute: 100 });
		const other = apiClient(simulator.url, simulator.createWorkspace().apiKey);
		const statuses = await Promise.all(Array.from({ length: 5 }, () => api('GET', '/api/v2/campaigns').then((r) => r.status)));
		expect(statuses.filter((status) => status === 429)).toHaveLength(2);
		expect((await other('GET', '/api/v2/campaigns')).status).toBe(200);
		const limited = await api('GET', '/api/v2/campaigns');
		expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' });
		await clock.advance(999);
		expect((await api('GET', '/api/v2/campaigns')).status).toBe(429);
		await clock.advance(1);
		expect((await api('GET', '/api/v2/campaigns')).status).toBe(200);
		simulator.setRateLimits(false);
		expect((await api('GET', '/api/v2/campaigns')).status).toBe(200);
	});

	it('can be driven entirely through the /__simulator/ control API', async () => {
		const control = apiClient(simulator.url);
		const routes = (await control('GET', '/__simulator/')).body;
		expect(routes).toContainEqual({ method: 'GET', path: '/__simulator/', summary: expect.any(String) });
		expect(routes).toContainEqual({ method: 'POST', path: '/__simulator/workspaces/:id/api-keys', summary: expect.any(String) });
		expect(routes).toContainEqual({ method: 'POST', path: '/__simulator/clock/advance', summary: expect.any(String) });
		expect(routes.every((route: { summary: string }) => route.summary.length > 0)).toBe(true);
		const workspace = (await control('POST', '/__simulator/workspaces', { apiKey: 'ctl-key', name: 'Client A' })).body;
		expect(workspace).toEqual({ id: expect.any(String), apiKey: 'ctl-key' });
		await control('POST', `/__simulator/workspaces/${workspace.id}/api-keys`, { apiKey: 'ctl-read', scopes: ['leads:read'] });
		expect((await apiClient(simulator.url, 'ctl-read')('POST', '/api/v2/block-lists-entries', { bl_value: 'a.com' })).status).toBe(403);
		await control('POST', '/__simulator/faults', { method: 'GET', path: '/api/v2/campaigns', count: 1, status: 503, kind: 'status' });
		expect((await apiClient(simulator.url, 'ctl-key')('GET', '/api/v2/campaigns')).status).toBe(503);
		await apiClient(simulator.url, 'ctl-key')('GET', '/api/v2/nope');
		expect((await control('GET', '/__simulator/requests?invalid=1')).body).toEqual([
			{ method: 'GET', path: '/api/v2/nope', status: 404, reason: 'Route GET:/api/v2/nope not found' },
		]);
		const events = await control('POST', '/__simulator/events', { apiKey: 'ctl-key', event_type: 'email_sent', lead_email: 'n@x.com' });
		expect(events.body).toEqual([]);
		const state = (await control('GET', `/__simulator/workspaces/${workspace.id}/state`)).body;
		expect(Object.keys(state)).toEqual(expect.arrayContaining(['campaigns', 'leads', 'leadLists', 'leadLabels', 'blockListEntries', 'webhooks', 'backgroundJobs', 'deliveries']));
		expect((await control('DELETE', '/__simulator/requests')).status).toBe(200);
		expect((await control('GET', '/__simulator/requests')).body).toEqual([]);
		await control('POST', '/__simulator/reset');
		expect((await apiClient(simulator.url, 'ctl-key')('GET', '/api/v2/campaigns')).status).toBe(401);
	});

	it('seeds a demo workspace whose responses match the spec', async () => {
		const demo = await startSimulator({ seedDemo: true });
		try {
			const demoApi = apiClient(demo.url, 'demo-key');
			const campaigns = (await demoApi('GET', '/api/v2/campaigns')).body.items;
			expect(campaigns).toHaveLength(2);
			expect((await demoApi('POST', '/api/v2/leads/list', { limit: 100 })).body.items).toHaveLength(30);
			const [analytics] = (await demoApi('GET', `/api/v2/campaigns/analytics?id=${campaigns[0].id}`)).body;
			expect(analytics.emails_sent_count).toBeGreaterThan(0);
			await demoApi('GET', `/api/v2/campaigns/analytics/steps?campaign_id=${campaigns[0].id}`);
			await demoApi('GET', '/api/v2/lead-labels');
			await demoApi('GET', '/api/v2/block-lists-entries');
			expect(demo.responseViolations).toEqual([]);
			expect(demo.invalidRequests).toEqual([]);
		} finally {
			await demo.close();
		}
	});
});
