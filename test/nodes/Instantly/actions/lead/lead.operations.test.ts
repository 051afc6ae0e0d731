import { RESET_INTEREST_STATUS } from '../../../../../nodes/Instantly/helpers/enums';
import { getInterestStatuses } from '../../../../../nodes/Instantly/methods/interestStatuses';
import { Instantly } from '../../../../../nodes/Instantly/Instantly.node';
import { itemsOf, rl } from '../setup';
import { loadOptionsContext } from '../../../../harness/context';
import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();
const MISSING = '01900000-0000-7000-8000-000000000000';

/** A campaign with `count` leads, then a clean request log. */
async function campaignWithLeads(count: number): Promise<{ campaignId: string; ids: string[] }> {
	const campaignId = await t.campaign();
	const ids = await t.leads(count, { campaign_id: campaignId });
	t.reset();
	return { campaignId, ids };
}

/** A lead list with `count` leads, then a clean request log. */
async function listWithLeads(count: number): Promise<{ listId: string; ids: string[] }> {
	const listId = await t.list();
	const ids = await t.leads(count, { list_id: listId });
	t.reset();
	return { listId, ids };
}

describe('Lead → Create', () => {
	it('posts the lead with `campaign` (not campaign_id), custom variables and skip flags', async () => {
		const campaignId = await t.campaign();
		t.reset();
		const { items } = await t.run({
			resource: 'lead',
			operation: 'create',
			target: 'campaign',
			campaignId: rl(`https://app.instantly.ai/app/campaign/${campaignId}/analytics`, 'url'),
			email: 'jane@example.com',
			additionalFields: {
				firstName: 'Jane',
				companyName: 'Acme',
				skipIfInCampaign: true,
				customVariables: { variable: [{ key: 'city', value: 'Paris' }, { key: 'seats', value: 12 }] },
			},
		});
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/leads',
				query: {},
				body: {
					campaign: campaignId,
					email: 'jane@example.com',
					first_name: 'Jane',
					company_name: 'Acme',
					custom_variables: { city: 'Paris', seats: 12 },
					skip_if_in_campaign: true,
				},
			},
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const lead = t.state.leads.get(items[0].json.id as string);
		expect(lead).toMatchObject({ email: 'jane@example.com', campaign: campaignId, first_name: 'Jane' });
	});

	it('refuses a bad email, and with continueOnFail pairs the error to its item', async () => {
		const listId = await t.list();
		t.reset();
		const { items } = await t.run(
			{ resource: 'lead', operation: 'create', target: 'list', listId: rl(listId), email: (item) => item.json.email },
			{ items: itemsOf({ email: 'a@example.com' }, { email: 'nope' }, { email: 'b@example.com' }), continueOnFail: true },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe('Email: "nope" is not a valid email address');
		expect(t.requests().map((request) => (request.body as { email: string }).email)).toEqual([
			'a@example.com',
			'b@example.com',
		]);
		await expect(
			t.run({ resource: 'lead', operation: 'create', target: 'campaign', campaignId: rl('xyz'), email: 'a@b.co' }),
		).rejects.toThrow(/Campaign: "xyz" is not a valid Instantly ID/);
		expect(t.requests()).toHaveLength(2);
	});
});

describe('Lead → Get, Update, Delete', () => {
	it('gets, patches and deletes a lead by id', async () => {
		const [id] = (await campaignWithLeads(1)).ids;
		const got = await t.run({ resource: 'lead', operation: 'get', leadId: id });
		expect(got.items[0]).toEqual({ json: expect.objectContaining({ id, email: 'lead0@example.com' }), pairedItem: { item: 0 } });

		const updated = await t.run({
			resource: 'lead',
			operation: 'update',
			leadId: id,
			updateFields: { jobTitle: 'CTO', customVariables: { variable: [{ key: 'vip', value: true }] } },
		});
		expect(updated.items[0].json).toMatchObject({ id, job_title: 'CTO' });
		expect(t.state.leads.get(id)?.payload).toMatchObject({ vip: true });

		const deleted = await t.run({ resource: 'lead', operation: 'deleteLead', leadId: id });
		expect(deleted.items[0].json).toMatchObject({ id });
		expect(t.state.leads.has(id)).toBe(false);

		expect(t.requests()).toEqual([
			{ method: 'GET', path: `/api/v2/leads/${id}`, query: {}, body: undefined },
			{ method: 'PATCH', path: `/api/v2/leads/${id}`, query: {}, body: { job_title: 'CTO', custom_variables: { vip: true } } },
			{ method: 'DELETE', path: `/api/v2/leads/${id}`, query: {}, body: undefined },
		]);
	});

	it('Update with no fields and Get with a bad id send nothing', async () => {
		t.reset();
		await expect(t.run({ resource: 'lead', operation: 'update', leadId: MISSING, updateFields: {} })).rejects.toThrow(
			/choose at least one field/,
		);
		await expect(t.run({ resource: 'lead', operation: 'get', leadId: 'abc' })).rejects.toThrow(/Lead ID: "abc"/);
		expect(t.requests()).toEqual([]);
	});

	it('a 404 from Instantly becomes an error item with continueOnFail', async () => {
		t.reset();
		const { items } = await t.run({ resource: 'lead', operation: 'get', leadId: MISSING }, { continueOnFail: true });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({ error: expect.any(String), statusCode: 404 });
	});
});

describe('Lead → Get Many', () => {
	it('Return All over 250 leads makes 3 page requests with `campaign` in the body', async () => {
		const { campaignId } = await campaignWithLeads(250);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'getAll',
			returnAll: true,
			filters: { campaignId: rl(campaignId), emails: '', search: '' },
		});
		const requests = t.requests();
		expect(requests).toHaveLength(3);
		expect(requests[0]).toEqual({
			method: 'POST',
			path: '/api/v2/leads/list',
			query: {},
			body: { campaign: campaignId, limit: 100 },
		});
		expect(requests[1].body).toEqual({ campaign: campaignId, limit: 100, starting_after: expect.any(String) });
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(items[0].json).not.toHaveProperty('items');
	});

	it('Limit 30 makes one request with limit 30', async () => {
		await campaignWithLeads(250);
		const { items } = await t.run({ resource: 'lead', operation: 'getAll', returnAll: false, limit: 30 });
		expect(t.requests()).toEqual([{ method: 'POST', path: '/api/v2/leads/list', query: {}, body: { limit: 30 } }]);
		expect(items).toHaveLength(30);
	});

	it('filters by list, status, search and emails', async () => {
		const { listId } = await listWithLeads(5);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'getAll',
			returnAll: true,
			filters: {
				listId: rl(listId),
				status: 'FILTER_VAL_ACTIVE',
				search: 'lead1',
				emails: 'lead1@example.com, lead2@example.com',
			},
		});
		expect(t.requests()[0].body).toEqual({
			list_id: listId,
			search: 'lead1',
			filter: 'FILTER_VAL_ACTIVE',
			contacts: ['lead1@example.com', 'lead2@example.com'],
			limit: 100,
		});
		expect(items.map((item) => item.json.email)).toEqual(['lead1@example.com']);
	});
});

describe('Lead → Delete Many', () => {
	it('deletes the given ids from a campaign', async () => {
		const { campaignId, ids } = await campaignWithLeads(3);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'deleteMany',
			deleteFrom: 'campaign',
			campaignId: rl(campaignId),
			selectBy: 'ids',
			leadIds: `${ids[0]}, ${ids[2]}`,
		});
		expect(t.requests()).toEqual([
			{ method: 'DELETE', path: '/api/v2/leads', query: {}, body: { campaign_id: campaignId, ids: [ids[0], ids[2]] } },
		]);
		expect(items[0].json).toMatchObject({ count: 2 });
		expect([...t.state.leads.keys()]).toEqual([ids[1]]);
	});

	it('deletes up to a limit of leads with a status from a list', async () => {
		const { listId } = await listWithLeads(5);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'deleteMany',
			deleteFrom: 'list',
			listId: rl(listId),
			selectBy: 'limit',
			maxLeads: 2,
			leadStatus: 1,
		});
		expect(t.requests()[0].body).toEqual({ list_id: listId, limit: 2, status: 1 });
		expect(items[0].json.count).toBe(2);
		expect(t.state.leads.size).toBe(3);
	});

	it('refuses a filter that would delete everything, sending nothing', async () => {
		const { campaignId } = await campaignWithLeads(3);
		const base = { resource: 'lead', operation: 'deleteMany', deleteFrom: 'campaign', campaignId: rl(campaignId) };
		await expect(t.run({ ...base, selectBy: 'ids', leadIds: ' , ' })).rejects.toThrow(/give at least one lead ID/);
		await expect(t.run({ ...base, selectBy: 'limit', maxLeads: 0 })).rejects.toThrow(/from 1 to 10000/);
		await expect(
			t.run({ ...base, campaignId: rl('', 'list'), selectBy: 'limit', maxLeads: 5 }),
		).rejects.toThrow(/Campaign is required/);
		expect(t.requests()).toEqual([]);
		expect(t.state.leads.size).toBe(3);
	});
});

describe('Lead → Update Interest Status', () => {
	it('sends the numeric status, and null for the reset sentinel', async () => {
		const { campaignId } = await campaignWithLeads(1);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'updateInterestStatus',
			leadEmail: 'lead0@example.com',
			interestStatus: 2,
			options: { campaignId: rl(campaignId), disableAutoInterest: true },
		});
		expect(items[0].json).toMatchObject({ lead_email: 'lead0@example.com', interest_value: 2, message: expect.any(String) });
		expect([...t.state.leads.values()][0].lt_interest_status).toBe(2);

		await t.run({
			resource: 'lead',
			operation: 'updateInterestStatus',
			leadEmail: 'lead0@example.com',
			interestStatus: RESET_INTEREST_STATUS,
		});
		expect([...t.state.leads.values()][0].lt_interest_status).toBeUndefined();
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/leads/update-interest-status',
				query: {},
				body: { lead_email: 'lead0@example.com', interest_value: 2, campaign_id: campaignId, disable_auto_interest: true },
			},
			{
				method: 'POST',
				path: '/api/v2/leads/update-interest-status',
				query: {},
				body: { lead_email: 'lead0@example.com', interest_value: null },
			},
		]);
		await t.sim.waitForIdle();
	});

	it('refuses a bad email or status before sending', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'lead', operation: 'updateInterestStatus', leadEmail: 'x', interestStatus: 1 }),
		).rejects.toThrow(/Lead Email/);
		await expect(
			t.run({ resource: 'lead', operation: 'updateInterestStatus', leadEmail: 'a@b.co', interestStatus: 'hot' }),
		).rejects.toThrow(/Interest Status: "hot"/);
		expect(t.requests()).toEqual([]);
	});

	it('lists the named statuses, the reset option and the custom labels', async () => {
		await t.api('POST', '/api/v2/lead-labels', { label: 'Champion', interest_status_label: 'positive' });
		t.reset();
		const { context } = loadOptionsContext({
			nodeType: new Instantly(),
			credentials: { apiKey: t.state.apiKeys.keys().next().value as string, baseUrl: t.sim.url },
			parameters: {},
		});
		const options = await getInterestStatuses.call(context);
		expect(options.map((option) => [option.name, option.value])).toEqual([
			['Interested', 1],
			['Meeting Booked', 2],
			['Meeting Completed', 3],
			['Won', 4],
			['Out of Office', 0],
			['Not Interested', -1],
			['Wrong Person', -2],
			['Lost', -3],
			['No Show', -4],
			['Lead (Reset)', RESET_INTEREST_STATUS],
			['Champion', 101],
		]);
		expect(t.requests()).toEqual([{ method: 'GET', path: '/api/v2/lead-labels', query: { limit: '100' }, body: undefined }]);
	});

	it('still offers the built-in statuses when the key may not read lead labels', async () => {
		const readOnlyLeads = t.sim.createWorkspace({ scopes: ['leads:all'] }).apiKey;
		const { context, logs } = loadOptionsContext({
			nodeType: new Instantly(),
			credentials: { apiKey: readOnlyLeads, baseUrl: t.sim.url },
			parameters: {},
		});
		const options = await getInterestStatuses.call(context);
		expect(options).toHaveLength(10);
		expect(options.at(-1)?.value).toBe(RESET_INTEREST_STATUS);
		expect(logs).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringMatching(/could not load the workspace's lead labels/) })]);
	});
});

describe('Lead → Move', () => {
	it('moves leads to a list and waits for the background job', async () => {
		const listId = await t.list();
		const { campaignId, ids } = await campaignWithLeads(3);
		const { items } = await t.run({
			resource: 'lead',
			operation: 'move',
			from: 'campaign',
			fromCampaignId: rl(campaignId),
			to: 'list',
			toListId: rl(listId),
			leadIds: `${ids[0]},${ids[1]}`,
			waitForCompletion: true,
			timeout: 30,
			options: { checkDuplicates: true },
		});
		const requests = t.requests();
		expect(requests[0]).toEqual({
			method: 'POST',
			path: '/api/v2/leads/move',
			query: {},
			body: { campaign: campaignId, to_list_id: listId, ids: [ids[0], ids[1]], check_duplicates: true },
		});
		expect(requests.slice(1).every((request) => request.method === 'GET' && request.path.startsWith('/api/v2/background-jobs/'))).toBe(true);
		expect(items[0].json).toMatchObject({ status: 'success', progress: 100, timedOut: false });
		expect(t.state.leads.get(ids[0])?.list_id).toBe(listId);
		expect(t.state.leads.get(ids[2])?.campaign).toBe(campaignId);
	});

	it('returns the job at once when not waiting, and refuses the same source and destination', async () => {
		const campaignId = await t.campaign();
		const otherId = await t.campaign('Other');
		t.reset();
		const { items } = await t.run({
			resource: 'lead',
			operation: 'move',
			from: 'campaign',
			fromCampaignId: rl(campaignId),
			to: 'campaign',
			toCampaignId: rl(otherId),
			waitForCompletion: false,
			options: { maxLeads: 10, copyLeads: true },
		});
		expect(items[0].json).toMatchObject({ status: 'pending', type: 'move-leads' });
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/leads/move',
				query: {},
				body: { campaign: campaignId, to_campaign_id: otherId, limit: 10, copy_leads: true },
			},
		]);
		t.reset();
		await expect(
			t.run({
				resource: 'lead',
				operation: 'move',
				from: 'campaign',
				fromCampaignId: rl(campaignId),
				to: 'campaign',
				toCampaignId: rl(campaignId),
			}),
		).rejects.toThrow(/From and To are the same/);
		expect(t.requests()).toEqual([]);
	});
});
