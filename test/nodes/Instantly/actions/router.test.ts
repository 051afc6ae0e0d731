import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { itemsOf, useInstantly } from './setup';

const t = useInstantly();

describe('router', () => {
	it('sends items in parallel and still outputs them in input order, each paired to its input', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(30, { campaign_id: campaignId });
		t.reset();
		// The simulator holds requests at the door until ten are waiting at once, then lets all through.
		const door = t.sim.holdRequests();
		const run = t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 10 },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);
		await door.whenHeld(10);
		door.release();
		const { items } = await run;

		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(t.sim.peakConcurrentRequests).toBe(10);
	});

	it('sends one item at a time with Parallel Requests = 1', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(5, { campaign_id: campaignId });
		t.reset();

		await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 1 },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);
		expect(t.requests()).toHaveLength(5);
		expect(t.sim.peakConcurrentRequests).toBe(1);
	});

	it('without Continue On Fail, reports the first failing item and that the others were applied', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(6, { campaign_id: campaignId });
		const missing = '0b7d3b1e-1111-4222-8333-944444444444';
		const input = [...ids.slice(0, 3), missing, ...ids.slice(3)].map((id) => ({ id }));

		const error = (await t
			.run({ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 4 }, { items: itemsOf(...input) })
			.catch((caught: unknown) => caught)) as { context: { itemIndex: number }; description: string };
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toMatch(/other item\(s\) had already been sent successfully/);
	});

	it('with Continue On Fail, keeps going and pairs the error item to its input', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(4, { campaign_id: campaignId });
		const missing = '0b7d3b1e-1111-4222-8333-944444444444';
		const { items } = await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 3 },
			{ items: itemsOf(...[ids[0], missing, ids[1], ids[2], ids[3]].map((id) => ({ id }))), continueOnFail: true },
		);
		expect(items).toHaveLength(5);
		expect(items[1]).toEqual({ json: expect.objectContaining({ statusCode: 404 }), pairedItem: { item: 1 } });
		expect(items.filter((item) => item.json.error === undefined).map((item) => item.json.id)).toEqual(ids);
	});

	it('does not offer Parallel Requests on bulk operations', () => {
		const shownFor = new Instantly().description.properties
			.filter((property) => property.name === 'parallelRequests')
			.flatMap((property) => (property.displayOptions?.show?.operation ?? []) as string[]);
		expect(shownFor).toContain('get');
		expect(shownFor).not.toContain('addMany');
		expect(shownFor).not.toContain('createMany');
	});
});
