import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';
import { CREATE_CAMPAIGN } from './parameters';

const t = useSimulator();

const createParameters = {
	...CREATE_CAMPAIGN,
	days: ['1', '3', '5'],
	steps: {
		step: [
			{ subject: 'Hi {{firstName}}', body: 'Hello', delay: 2 },
			{ subject: 'Re: Hi', body: 'Bump', delay: 0 },
		],
	},
	additionalFields: {
		emailList: 'a@acme.com, b@acme.com',
		dailyLimit: 40,
		stopOnReply: true,
		openTracking: false,
		linkTracking: true,
		startDate: '2025-09-01T00:00:00.000Z',
	},
};

describe('Campaign → Create', () => {
	it('creates a Draft with schedule, sequence, accounts and settings', async () => {
		t.reset();
		const { items } = await t.run(createParameters);
		expect(t.requests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/campaigns',
				query: {},
				body: {
					name: 'Founders Q3',
					campaign_schedule: {
						start_date: '2025-09-01',
						schedules: [
							{
								name: 'Default schedule',
								timing: { from: '08:30', to: '16:00' },
								days: { '0': false, '1': true, '2': false, '3': true, '4': false, '5': true, '6': false },
								timezone: 'America/Detroit',
							},
						],
					},
					daily_limit: 40,
					email_list: ['a@acme.com', 'b@acme.com'],
					link_tracking: true,
					open_tracking: false,
					stop_on_reply: true,
					sequences: [
						{
							steps: [
								{ type: 'email', delay: 2, delay_unit: 'days', variants: [{ subject: 'Hi {{firstName}}', body: 'Hello' }] },
								{ type: 'email', delay: 0, delay_unit: 'days', variants: [{ subject: 'Re: Hi', body: 'Bump' }] },
							],
						},
					],
				},
			},
		]);
		expect(items[0].json).toMatchObject({ name: 'Founders Q3', status: 0 });
		expect(t.state.campaigns.get(items[0].json.id as string)?.status).toBe(0);
	});

	it.each([
		[{ timezone: 'America/New_York' }, /Timezone: "America\/New_York"/],
		[{ fromTime: '9am' }, /Send From: "9am" is not a time/],
		[{ fromTime: '18:00' }, /Send From must be before Send To/],
		[{ days: [] }, /choose at least one day/],
		[{ name: '  ' }, /Name is required/],
		[{ additionalFields: { emailList: 'not-an-email' } }, /Sending Accounts: "not-an-email"/],
		[{ steps: { step: [{ subject: 'x', body: '', delay: 1 }] } }, /step 1: Body is required/],
	])('refuses %o before sending', async (override, message) => {
		t.reset();
		await expect(t.run({ ...createParameters, ...override })).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});
});

describe('Campaign → Get, Get Many, Update, Delete, Activate, Pause', () => {
	it('sends each request as Instantly expects', async () => {
		const id = await t.campaign('Alpha');
		await t.campaign('Beta');
		t.reset();

		const got = await t.run({ resource: 'campaign', operation: 'get', campaignId: rl(id) });
		expect(got.items[0].json).toMatchObject({ id, name: 'Alpha' });

		const many = await t.run({ resource: 'campaign', operation: 'getAll', returnAll: true, filters: { search: 'alp', status: 0 } });
		expect(many.items.map((item) => item.json.name)).toEqual(['Alpha']);
		const limited = await t.run({ resource: 'campaign', operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited.items).toHaveLength(1);

		const updated = await t.run({
			resource: 'campaign',
			operation: 'update',
			campaignId: rl(id),
			updateFields: { name: 'Alpha 2', dailyLimit: 25, openTracking: true },
		});
		expect(updated.items[0].json).toMatchObject({ name: 'Alpha 2', daily_limit: 25, open_tracking: true });

		const activated = await t.run({ resource: 'campaign', operation: 'activate', campaignId: rl(id) });
		expect(activated.items[0].json.status).toBe(1);
		const paused = await t.run({ resource: 'campaign', operation: 'pause', campaignId: rl(id) });
		expect(paused.items[0].json.status).toBe(2);
		const deleted = await t.run({ resource: 'campaign', operation: 'deleteCampaign', campaignId: rl(id) });
		expect(deleted.items[0].json.id).toBe(id);
		expect(t.state.campaigns.has(id)).toBe(false);

		expect(t.requests()).toEqual([
			{ method: 'GET', path: `/api/v2/campaigns/${id}`, query: {}, body: undefined },
			{ method: 'GET', path: '/api/v2/campaigns', query: { limit: '100', search: 'alp', status: '0' }, body: undefined },
			{ method: 'GET', path: '/api/v2/campaigns', query: { limit: '1' }, body: undefined },
			{
				method: 'PATCH',
				path: `/api/v2/campaigns/${id}`,
				query: {},
				body: { daily_limit: 25, open_tracking: true, name: 'Alpha 2' },
			},
			{ method: 'POST', path: `/api/v2/campaigns/${id}/activate`, query: {}, body: undefined },
			{ method: 'POST', path: `/api/v2/campaigns/${id}/pause`, query: {}, body: undefined },
			{ method: 'DELETE', path: `/api/v2/campaigns/${id}`, query: {}, body: undefined },
		]);
		const activate = t.sim.requests.find((request) => request.path.endsWith('/activate'))!;
		expect(activate.rawBody).toBe('');
		expect(activate.headers['content-type']).toBeUndefined();
	});

	it('refuses an empty update and a bad campaign id before sending', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'campaign', operation: 'update', campaignId: rl('3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70'), updateFields: {} }),
		).rejects.toThrow(/choose at least one field/);
		await expect(t.run({ resource: 'campaign', operation: 'pause', campaignId: rl('https://example.com/x', 'url') })).rejects.toThrow(
			/not a valid Instantly URL/,
		);
		expect(t.requests()).toEqual([]);
	});
});

describe('Campaign → Get Analytics', () => {
	it.each(['constructor', 'toString'])('Get Analytics refuses the type %s, naming the field, before sending anything', async (analyticsType) => {
		t.reset();
		await expect(t.run({ resource: 'campaign', operation: 'getAnalytics', analyticsType })).rejects.toThrow(`Type: "${analyticsType}" is not an analytics type`);
		expect(t.requests()).toEqual([]);
	});

	it('uses `id` for totals and overview and `campaign_id` for daily and steps, with dates', async () => {
		const id = await t.campaign();
		t.reset();
		const options = { startDate: '2025-01-01', endDate: '2025-01-31T12:00:00.000Z' };
		const totals = await t.run({ resource: 'campaign', operation: 'getAnalytics', analyticsType: 'totals', campaignId: rl(id), options });
		expect(totals.items[0].json).toMatchObject({ campaign_id: id });
		await t.run({ resource: 'campaign', operation: 'getAnalytics', analyticsType: 'overview', campaignId: rl(id), options });
		await t.run({ resource: 'campaign', operation: 'getAnalytics', analyticsType: 'daily', campaignId: rl(id), options });
		await t.run({ resource: 'campaign', operation: 'getAnalytics', analyticsType: 'steps', campaignId: rl(id), options: {} });
		const dates = { start_date: '2025-01-01', end_date: '2025-01-31' };
		expect(t.requests()).toEqual([
			{ method: 'GET', path: '/api/v2/campaigns/analytics', query: { id, ...dates }, body: undefined },
			{ method: 'GET', path: '/api/v2/campaigns/analytics/overview', query: { id, ...dates }, body: undefined },
			{ method: 'GET', path: '/api/v2/campaigns/analytics/daily', query: { campaign_id: id, ...dates }, body: undefined },
			{ method: 'GET', path: '/api/v2/campaigns/analytics/steps', query: { campaign_id: id }, body: undefined },
		]);
	});

	it('refuses a start date after the end date before sending', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'campaign', operation: 'getAnalytics', analyticsType: 'daily', options: { startDate: '2025-02-01T00:00:00', endDate: '2025-01-31T00:00:00' } }),
		).rejects.toThrow('Start Date must not be after End Date');
		expect(t.requests()).toEqual([]);
	});
});
