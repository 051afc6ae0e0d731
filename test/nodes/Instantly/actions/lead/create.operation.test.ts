import { itemsOf, rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();

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
