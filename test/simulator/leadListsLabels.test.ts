import { startSimulator, type Simulator } from './index';
import { apiClient, MINIMAL_CAMPAIGN } from './testClient';

describe('simulator: lead lists and lead labels', () => {
	let simulator: Simulator;
	let api: ReturnType<typeof apiClient>;
	const KEY = 'lists-key';

	beforeAll(async () => {
		simulator = await startSimulator({ rateLimits: false });
	});
	afterAll(() => simulator.close());
	beforeEach(() => {
		simulator.reset();
		api = apiClient(simulator.url, simulator.createWorkspace({ apiKey: KEY }).apiKey);
	});
	afterEach(() => {
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
	});

	it('creates, gets, lists, patches and deletes lead lists', async () => {
		const list = (await api('POST', '/api/v2/lead-lists', { name: 'Webinar', has_enrichment_task: true })).body;
		expect(list).toMatchObject({ name: 'Webinar', has_enrichment_task: true, organization_id: simulator.workspace(KEY).id });
		await api('POST', '/api/v2/lead-lists', { name: 'Trials' });
		expect((await api('GET', `/api/v2/lead-lists/${list.id}`)).body.name).toBe('Webinar');
		expect((await api('GET', '/api/v2/lead-lists?search=tri')).body.items).toHaveLength(1);
		expect((await api('GET', '/api/v2/lead-lists?has_enrichment_task=true')).body.items).toHaveLength(1);
		const first = await api('GET', '/api/v2/lead-lists?limit=1');
		expect((await api('GET', `/api/v2/lead-lists?limit=1&starting_after=${first.body.next_starting_after}`)).body.items[0].name).toBe('Trials');
		expect((await api('PATCH', `/api/v2/lead-lists/${list.id}`, { name: 'Webinar – June' })).body.name).toBe('Webinar – June');
		expect((await api('DELETE', `/api/v2/lead-lists/${list.id}`)).body.id).toBe(list.id);
		expect((await api('GET', `/api/v2/lead-lists/${list.id}`)).status).toBe(404);
	});

	it('counts a list’s leads by verification status', async () => {
		const list = (await api('POST', '/api/v2/lead-lists', { name: 'To verify' })).body;
		await api('POST', '/api/v2/leads/add', { list_id: list.id, leads: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ email: `${name}@acme.com` })) });
		const leads = [...simulator.workspace(KEY).leads.values()];
		leads[1].verification_status = -1;
		leads[2].verification_status = -2;
		leads[3].verification_status = 12;
		const campaign = (await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body;
		await api('POST', '/api/v2/leads', { campaign: campaign.id, email: 'elsewhere@acme.com' });
		const stats = await api('GET', `/api/v2/lead-lists/${list.id}/verification-stats`);
		expect(stats.body).toEqual({
			stats: { verified: 2, invalid: 1, risky: 1, catch_all: 0, job_change: 0, verification_job_pending_leadfinder: 0, verification_job_pending_user: 1 },
			total_leads: 5,
		});
		expect((await api('GET', '/api/v2/lead-lists/00000000-0000-7000-8000-000000000000/verification-stats')).status).toBe(404);
	});

	it('creates, gets, lists, patches lead labels and deletes one with reassigned_status in a JSON body', async () => {
		const hot = (await api('POST', '/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive', description: 'Call now' })).body;
		const cold = (await api('POST', '/api/v2/lead-labels', { label: 'Cold', interest_status_label: 'negative' })).body;
		expect(hot).toMatchObject({ label: 'Hot', interest_status_label: 'positive', interest_status: expect.any(Number), use_with_ai: false });
		expect(cold.interest_status).not.toBe(hot.interest_status);
		expect((await api('GET', `/api/v2/lead-labels/${hot.id}`)).body.label).toBe('Hot');
		expect((await api('GET', '/api/v2/lead-labels?interest_status=negative')).body.items.map((label: { id: string }) => label.id)).toEqual([cold.id]);
		expect((await api('GET', '/api/v2/lead-labels?search=ho')).body.items).toHaveLength(1);
		const patched = await api('PATCH', `/api/v2/lead-labels/${hot.id}`, { label: 'Very hot', use_with_ai: true });
		expect(patched.body).toMatchObject({ label: 'Very hot', use_with_ai: true, interest_status: hot.interest_status });

		const campaign = (await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body;
		const lead = (await api('POST', '/api/v2/leads', { campaign: campaign.id, email: 'x@acme.com' })).body;
		await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'x@acme.com', interest_value: hot.interest_status });
		const email = simulator.addEmail(KEY, { lead: 'x@acme.com' });
		expect(email.i_status).toBe(hot.interest_status);
		const deleted = await api('DELETE', `/api/v2/lead-labels/${hot.id}`, { reassigned_status: 1 });
		expect(deleted.body.id).toBe(hot.id);
		expect((await api('GET', `/api/v2/leads/${lead.id}`)).body.lt_interest_status).toBe(1);
		expect((await api('GET', `/api/v2/emails/${email.id}`)).body.i_status).toBe(1);
		expect((await api('DELETE', `/api/v2/lead-labels/${cold.id}`)).status).toBe(200);
		expect((await api('GET', '/api/v2/lead-labels')).body.items).toEqual([]);
		await simulator.waitForIdle();
	});
});
