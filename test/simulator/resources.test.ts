import { startSimulator, type Simulator } from '../../simulator';
import { apiClient, MINIMAL_CAMPAIGN } from '../harness/simulator';

describe('simulator: resources', () => {
	let simulator: Simulator;
	let api: ReturnType<typeof apiClient>;
	let campaignId: string;

	beforeAll(async () => {
		simulator = await startSimulator({ clock: 'manual', backgroundJobStepMs: 80 });
	});
	afterAll(() => simulator.close());
	beforeEach(async () => {
		simulator.reset();
		api = apiClient(simulator.url, simulator.createWorkspace({ apiKey: 'resources-key' }).apiKey);
		campaignId = (await api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body.id;
	});
	afterEach(() => {
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
	});

	it('summarises /leads/add: index per created lead, invalid, duplicates, block list, skip flags', async () => {
		await api('POST', '/api/v2/block-lists-entries', { bl_value: 'blocked.com' });
		const other = (await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Other' })).body.id;
		await api('POST', '/api/v2/leads/add', { campaign_id: other, leads: [{ email: 'elsewhere@x.com' }] });
		const response = await api('POST', '/api/v2/leads/add', {
			campaign_id: campaignId,
			skip_if_in_campaign: true,
			leads: [
				{ email: 'ann@acme.com', first_name: 'Ann' },
				{ email: 'not-an-email' },
				{ email: 'ANN@acme.com' },
				{ email: 'bob@blocked.com' },
				{ email: 'elsewhere@x.com' },
				{ first_name: 'No email' },
				{ email: 'cy@acme.com', custom_variables: { seats: 12 } },
			],
		});
		expect(response.body).toMatchObject({
			status: 'success',
			total_sent: 7,
			leads_uploaded: 2,
			invalid_email_count: 1,
			duplicate_email_count: 1,
			in_blocklist: 1,
			skipped_count: 1,
			incomplete_count: 1,
			duplicated_leads: 0,
		});
		expect(response.body.created_leads.map((lead: { index: number; email: string }) => [lead.index, lead.email])).toEqual([
			[0, 'ann@acme.com'],
			[6, 'cy@acme.com'],
		]);
		const again = await api('POST', '/api/v2/leads/add', { campaign_id: campaignId, leads: [{ email: 'ann@acme.com' }] });
		expect(again.body).toMatchObject({ leads_uploaded: 0, duplicated_leads: 1 });
		const both = await api('POST', '/api/v2/leads/add', { campaign_id: campaignId, list_id: campaignId, leads: [{ email: 'z@z.com' }] });
		expect(both.status).toBe(400);
		simulator.clearRequests();
	});

	it('pages leads with the body cursor and filters by contacts, search and ids', async () => {
		const emails = Array.from({ length: 25 }, (_, index) => `lead${index}@acme.com`);
		await api('POST', '/api/v2/leads/add', { campaign_id: campaignId, leads: emails.map((email) => ({ email })) });
		const seen: string[] = [];
		let cursor: string | undefined;
		let calls = 0;
		do {
			const page = await api('POST', '/api/v2/leads/list', { campaign: campaignId, limit: 10, ...(cursor ? { starting_after: cursor } : {}) });
			seen.push(...page.body.items.map((lead: { email: string }) => lead.email));
			cursor = page.body.next_starting_after;
			calls++;
		} while (cursor);
		expect(seen).toEqual(emails);
		expect(calls).toBe(3);
		const found = await api('POST', '/api/v2/leads/list', { contacts: ['LEAD3@acme.com', 'lead7@acme.com'] });
		expect(found.body.items.map((lead: { email: string }) => lead.email)).toEqual(['lead3@acme.com', 'lead7@acme.com']);
		expect((await api('POST', '/api/v2/leads/list', { search: 'lead24' })).body.items).toHaveLength(1);
		const webhooks = await api('GET', '/api/v2/webhooks?limit=1');
		expect(webhooks.body).toEqual({ items: [] });
	});

	it('updates, deletes in bulk and changes interest status (202, null resets)', async () => {
		const lead = (await api('POST', '/api/v2/leads', { campaign: campaignId, email: 'dee@acme.com', first_name: 'Dee' })).body;
		const patched = await api('PATCH', `/api/v2/leads/${lead.id}`, { last_name: 'Lee', custom_variables: { plan: 'pro' } });
		expect(patched.body.payload).toMatchObject({ firstName: 'Dee', lastName: 'Lee', plan: 'pro' });
		const interest = await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'dee@acme.com', interest_value: 1, campaign_id: campaignId });
		expect(interest.status).toBe(202);
		expect(simulator.workspace('resources-key').leads.get(lead.id)?.lt_interest_status).toBe(1);
		await api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'dee@acme.com', interest_value: null });
		expect(simulator.workspace('resources-key').leads.get(lead.id)?.lt_interest_status).toBeUndefined();
		await api('POST', '/api/v2/leads/add', { campaign_id: campaignId, leads: [{ email: 'e1@acme.com' }, { email: 'e2@acme.com' }] });
		expect((await api('DELETE', '/api/v2/leads', { campaign_id: campaignId, limit: 2 })).body).toEqual({ count: 2 });
		expect((await api('DELETE', '/api/v2/leads', { campaign_id: campaignId })).body).toEqual({ count: 1 });
	});

	it('moves leads in a background job that starts pending and ends in success', async () => {
		const list = (await api('POST', '/api/v2/lead-lists', { name: 'Source' })).body;
		await api('POST', '/api/v2/leads/add', { list_id: list.id, leads: [{ email: 'm1@acme.com' }, { email: 'm2@acme.com' }] });
		const job = await api('POST', '/api/v2/leads/move', { list_id: list.id, to_campaign_id: campaignId });
		expect(job.body).toMatchObject({ type: 'move-leads', status: 'pending', progress: 0 });
		const status = async () => (await api('GET', `/api/v2/background-jobs/${job.body.id}`)).body;
		await simulator.runAllTimers();
		expect(await status()).toMatchObject({ status: 'success', progress: 100 });
		const moved = await api('POST', '/api/v2/leads/list', { campaign: campaignId });
		expect(moved.body.items.map((lead: { email: string }) => lead.email)).toEqual(['m1@acme.com', 'm2@acme.com']);
	});

	it('manages block list entries: is_domain, bulk create and delete, domains_only', async () => {
		const bulk = await api('POST', '/api/v2/block-lists-entries/bulk-create', { bl_values: ['spam.com', 'joe@x.com', 'not valid'] });
		expect(bulk.body).toMatchObject({ valid_count: 2, invalid_count: 1 });
		expect(bulk.body.items.map((entry: { is_domain: boolean }) => entry.is_domain)).toEqual([true, false]);
		expect((await api('GET', '/api/v2/block-lists-entries?domains_only=true')).body.items).toHaveLength(1);
		const deleted = await api('POST', '/api/v2/block-lists-entries/bulk-delete', { ids: [bulk.body.items[0].id] });
		expect(deleted.body).toHaveLength(1);
		expect((await api('GET', '/api/v2/block-lists-entries')).body.items).toHaveLength(1);
	});

	it('lists lead labels as custom webhook event types', async () => {
		const label = (await api('POST', '/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive' })).body;
		expect(typeof label.interest_status).toBe('number');
		const types = (await api('GET', '/api/v2/webhooks/event-types')).body.event_types;
		expect(types.filter((type: { type: string }) => type.type === 'standard')).toHaveLength(19);
		expect(types).toContainEqual({ id: String(label.interest_status), label: 'Hot', type: 'custom' });
	});

	it('keeps workspaces isolated', async () => {
		const other = apiClient(simulator.url, simulator.createWorkspace().apiKey);
		expect((await other('GET', '/api/v2/campaigns')).body.items).toEqual([]);
		expect((await other('GET', `/api/v2/campaigns/${campaignId}`)).status).toBe(404);
		expect((await api('GET', `/api/v2/campaigns/${campaignId}`)).status).toBe(200);
	});

	it('activates, pauses and paginates campaigns with a cursor on full pages', async () => {
		expect((await api('POST', `/api/v2/campaigns/${campaignId}/activate`)).body.status).toBe(1);
		expect((await api('POST', `/api/v2/campaigns/${campaignId}/pause`)).body.status).toBe(2);
		await api('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Second' });
		const first = await api('GET', '/api/v2/campaigns?limit=1');
		const second = await api('GET', `/api/v2/campaigns?limit=1&starting_after=${first.body.next_starting_after}`);
		const third = await api('GET', `/api/v2/campaigns?limit=1&starting_after=${second.body.next_starting_after}`);
		expect([first.body.items[0].name, second.body.items[0].name, third.body.items]).toEqual(['Test campaign', 'Second', []]);
		expect((await api('GET', '/api/v2/campaigns?search=second')).body.items).toHaveLength(1);
	});
});
