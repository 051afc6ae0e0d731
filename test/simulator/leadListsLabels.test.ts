import { MINIMAL_CAMPAIGN, useSimulator } from '../harness/simulator';

describe('simulator: lead lists and lead labels', () => {
	const KEY = 'lists-key';
	const env = useSimulator({ apiKey: KEY, simulator: { rateLimits: false } });

	it('creates, gets, lists, patches and deletes lead lists', async () => {
		const list = (await env.api('POST', '/api/v2/lead-lists', { name: 'Webinar', has_enrichment_task: true })).body;
		expect(list).toMatchObject({ name: 'Webinar', has_enrichment_task: true, organization_id: env.sim.workspace(KEY).id });
		await env.api('POST', '/api/v2/lead-lists', { name: 'Trials' });
		expect((await env.api('GET', `/api/v2/lead-lists/${list.id}`)).body.name).toBe('Webinar');
		expect((await env.api('GET', '/api/v2/lead-lists?search=tri')).body.items).toHaveLength(1);
		expect((await env.api('GET', '/api/v2/lead-lists?has_enrichment_task=true')).body.items).toHaveLength(1);
		const first = await env.api('GET', '/api/v2/lead-lists?limit=1');
		expect((await env.api('GET', `/api/v2/lead-lists?limit=1&starting_after=${first.body.next_starting_after}`)).body.items[0].name).toBe('Trials');
		expect((await env.api('PATCH', `/api/v2/lead-lists/${list.id}`, { name: 'Webinar – June' })).body.name).toBe('Webinar – June');
		expect((await env.api('DELETE', `/api/v2/lead-lists/${list.id}`)).body.id).toBe(list.id);
		expect((await env.api('GET', `/api/v2/lead-lists/${list.id}`)).status).toBe(404);
	});

	it('counts a list’s leads by verification status', async () => {
		const list = (await env.api('POST', '/api/v2/lead-lists', { name: 'To verify' })).body;
		await env.api('POST', '/api/v2/leads/add', { list_id: list.id, leads: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ email: `${name}@acme.com` })) });
		const leads = [...env.sim.workspace(KEY).leads.values()];
		leads[1].verification_status = -1;
		leads[2].verification_status = -2;
		leads[3].verification_status = 12;
		const campaign = (await env.api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body;
		await env.api('POST', '/api/v2/leads', { campaign: campaign.id, email: 'elsewhere@acme.com' });
		const stats = await env.api('GET', `/api/v2/lead-lists/${list.id}/verification-stats`);
		expect(stats.body).toEqual({
			stats: { verified: 2, invalid: 1, risky: 1, catch_all: 0, job_change: 0, verification_job_pending_leadfinder: 0, verification_job_pending_user: 1 },
			total_leads: 5,
		});
		expect((await env.api('GET', '/api/v2/lead-lists/00000000-0000-7000-8000-000000000000/verification-stats')).status).toBe(404);
	});

	it('creates, gets, lists, patches lead labels and deletes one with reassigned_status in a JSON body', async () => {
		const hot = (await env.api('POST', '/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive', description: 'Call now' })).body;
		const cold = (await env.api('POST', '/api/v2/lead-labels', { label: 'Cold', interest_status_label: 'negative' })).body;
		expect(hot).toMatchObject({ label: 'Hot', interest_status_label: 'positive', interest_status: expect.any(Number), use_with_ai: false });
		expect(cold.interest_status).not.toBe(hot.interest_status);
		expect((await env.api('GET', `/api/v2/lead-labels/${hot.id}`)).body.label).toBe('Hot');
		expect((await env.api('GET', '/api/v2/lead-labels?interest_status=negative')).body.items.map((label: { id: string }) => label.id)).toEqual([cold.id]);
		expect((await env.api('GET', '/api/v2/lead-labels?search=ho')).body.items).toHaveLength(1);
		const patched = await env.api('PATCH', `/api/v2/lead-labels/${hot.id}`, { label: 'Very hot', use_with_ai: true });
		expect(patched.body).toMatchObject({ label: 'Very hot', use_with_ai: true, interest_status: hot.interest_status });

		const campaign = (await env.api('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body;
		const lead = (await env.api('POST', '/api/v2/leads', { campaign: campaign.id, email: 'x@acme.com' })).body;
		await env.api('POST', '/api/v2/leads/update-interest-status', { lead_email: 'x@acme.com', interest_value: hot.interest_status });
		const email = env.sim.addEmail(KEY, { lead: 'x@acme.com' });
		expect(email.i_status).toBe(hot.interest_status);
		const deleted = await env.api('DELETE', `/api/v2/lead-labels/${hot.id}`, { reassigned_status: 1 });
		expect(deleted.body.id).toBe(hot.id);
		expect((await env.api('GET', `/api/v2/leads/${lead.id}`)).body.lt_interest_status).toBe(1);
		expect((await env.api('GET', `/api/v2/emails/${email.id}`)).body.i_status).toBe(1);
		expect((await env.api('DELETE', `/api/v2/lead-labels/${cold.id}`)).status).toBe(200);
		expect((await env.api('GET', '/api/v2/lead-labels')).body.items).toEqual([]);
		await env.sim.waitForIdle();
	});
});
