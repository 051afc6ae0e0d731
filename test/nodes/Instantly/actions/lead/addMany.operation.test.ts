import type { INodeExecutionData } from 'n8n-workflow';

import { itemsOf, rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();

describe('Lead → Add Many', () => {
	it('adds 2,500 items in exactly 3 requests and outputs 2,500 paired items', async () => {
		const campaignId = await t.campaign();
		t.reset();
		const input = Array.from({ length: 2500 }, (_, i) => ({ email: `p${i}@example.com`, firstName: `P${i}` }));
		const { items } = await t.run(
			{ resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto' },
			{ items: itemsOf(...input) },
		);
		const requests = t.requests();
		expect(requests).toHaveLength(3);
		expect(requests.every((request) => request.method === 'POST' && request.path === '/api/v2/leads/add')).toBe(true);
		const bodies = requests.map((request) => request.body as { campaign_id: string; leads: unknown[] });
		expect(bodies.map((body) => body.leads.length)).toEqual([1000, 1000, 500]);
		expect(bodies[0]).toEqual({
			campaign_id: campaignId,
			leads: expect.arrayContaining([{ email: 'p0@example.com', first_name: 'P0' }]),
		});
		expect(bodies[2].leads[0]).toEqual({ email: 'p2000@example.com', first_name: 'P2000' });
		expect(items).toHaveLength(2500);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ status: 'created', email: `p${index}@example.com`, id: expect.any(String) });
		});
		expect(t.state.leads.size).toBe(2500);
		expect(t.state.leads.get(items[2499].json.id as string)?.campaign).toBe(campaignId);
	});

	it('says which leads were not created and why (blocked, duplicate in input)', async () => {
		const listId = await t.list();
		await t.api('POST', '/api/v2/block-lists-entries', { bl_value: 'blocked.com' });
		t.reset();
		const { items } = await t.run(
			{
				resource: 'lead',
				operation: 'addMany',
				target: 'list',
				listId: rl(listId),
				mapping: 'auto',
				options: { skipIfInWorkspace: true, verifyLeadsOnImport: false },
			},
			{
				items: itemsOf(
					{ email: 'ok@example.com', company: 'Acme' },
					{ email: 'who@blocked.com' },
					{ email: 'OK@example.com' },
					{ first_name: 'NoEmail' },
				),
			},
		);
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/leads/add',
				query: {},
				body: {
					list_id: listId,
					skip_if_in_workspace: true,
					verify_leads_on_import: false,
					leads: [
						{ email: 'ok@example.com', company_name: 'Acme' },
						{ email: 'who@blocked.com' },
						{ email: 'OK@example.com' },
						{ first_name: 'NoEmail' },
					],
				},
			},
		]);
		expect(items.map((item) => [item.json.status, item.json.reason])).toEqual([
			['created', undefined],
			['not_created', 'blocked'],
			['not_created', 'duplicate_in_input'],
			['created', undefined],
		]);
		expect(items[1].json.batchSummary).toMatchObject({ in_blocklist: 1, leads_uploaded: 2 });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('maps fields defined with expressions, with custom variables', async () => {
		const campaignId = await t.campaign();
		t.reset();
		const { items } = await t.run(
			{
				resource: 'lead',
				operation: 'addMany',
				target: 'campaign',
				campaignId: rl(campaignId),
				mapping: 'manual',
				email: (item) => item.json.mail,
				leadFields: {
					lastName: (item: INodeExecutionData) => item.json.surname,
					customVariables: { variable: [{ key: 'tier', value: 'gold' }] },
				},
			},
			{ items: itemsOf({ mail: 'a@example.com', surname: 'A' }) },
		);
		expect(t.requests()[0].body).toEqual({
			campaign_id: campaignId,
			leads: [{ email: 'a@example.com', last_name: 'A', custom_variables: { tier: 'gold' } }],
		});
		expect(items[0].json.status).toBe('created');
	});

	it('validates every item before sending: one bad email stops the node with nothing sent', async () => {
		const campaignId = await t.campaign();
		t.reset();
		await expect(
			t.run(
				{ resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto' },
				{ items: itemsOf({ email: 'good@example.com' }, { email: 'bad-email' }, { name: 'no email' }) },
			),
		).rejects.toThrow(/Email: "bad-email" is not a valid email address/);
		expect(t.requests()).toEqual([]);
	});

	it('with continueOnFail, the bad item becomes a paired error item and the others are added', async () => {
		const campaignId = await t.campaign();
		t.reset();
		const { items } = await t.run(
			{ resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto' },
			{ items: itemsOf({ email: 'good@example.com' }, { email: 'bad-email' }, { email: 'fine@example.com' }), continueOnFail: true },
		);
		expect(t.requests()).toHaveLength(1);
		expect((t.requests()[0].body as { leads: unknown[] }).leads).toEqual([
			{ email: 'good@example.com' },
			{ email: 'fine@example.com' },
		]);
		expect(items[0].json).toMatchObject({ status: 'created', email: 'good@example.com' });
		expect(items[1]).toEqual({ json: expect.objectContaining({ error: expect.stringMatching(/bad-email/) }), pairedItem: { item: 1 } });
		expect(items[2].json).toMatchObject({ status: 'created', email: 'fine@example.com' });
	});

	it('refuses a missing campaign before sending', async () => {
		t.reset();
		await expect(
			t.run(
				{ resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl('', 'list'), mapping: 'auto' },
				{ items: itemsOf({ email: 'a@example.com' }) },
			),
		).rejects.toThrow(/Campaign is required/);
		expect(t.requests()).toEqual([]);
	});
	it('when a later batch fails, says which batches were already applied and how to finish', async () => {
		const campaignId = await t.campaign();
		t.reset();
		t.sim.injectFault({ method: 'POST', path: '/api/v2/leads/add', skip: 2, status: 403 });
		const input = Array.from({ length: 2500 }, (_, i) => ({ email: `b${i}@example.com` }));
		const error = (await t
			.run(
				{ resource: 'lead', operation: 'addMany', target: 'campaign', campaignId: rl(campaignId), mapping: 'auto' },
				{ items: itemsOf(...input) },
			)
			.catch((caught: unknown) => caught)) as { description: string; httpCode: string };

		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('Batch 3 failed; batches 1–2 (2000 items) had already been applied in Instantly.');
		expect(error.description).toContain('Re-run with the Skip If In Workspace option');
		expect(t.state.leads.size).toBe(2000);
	});
});
