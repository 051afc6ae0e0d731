import { RESET_INTEREST_STATUS } from '../../../../../nodes/Instantly/helpers/enums';
import { getInterestStatuses } from '../../../../../nodes/Instantly/methods/interestStatuses';
import { Instantly } from '../../../../../nodes/Instantly/Instantly.node';
import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';
import { loadOptionsContext } from '../../../../harness/context';
import { campaignWithLeads } from './leads';

const t = useSimulator();

describe('Lead → Update Interest Status', () => {
	it('sends the numeric status, and null for the reset sentinel', async () => {
		const { campaignId } = await campaignWithLeads(t, 1);
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
