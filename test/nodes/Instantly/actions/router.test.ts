import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { itemsOf, useInstantly } from './setup';

const t = useInstantly();

/** How many requests were in flight at once, from the simulator's arrival and answer order. */
function peakInFlight(arrivals: number[], latencyMs: number): number {
	return Math.max(...arrivals.map((start) => arrivals.filter((other) => other >= start && other < start + latencyMs).length));
}

describe('router', () => {
	afterEach(() => t.sim.setLatency(0));

	it('sends items in parallel and still outputs them in input order, each paired to its input', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(30, { campaign_id: campaignId });
		t.reset();
		t.sim.setLatency(60);

		const { items } = await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 10 },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);

		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		const arrivals = t.sim.requests.map((request) => Date.parse(request.timestamp));
		expect(peakInFlight(arrivals, 60)).toBeGreaterThan(1);
		expect(peakInFlight(arrivals, 60)).toBeLessThanOrEqual(10);
	});

	it.each([
		['lead', 'constructor'],
		['lead', 'toString'],
		['__proto__', 'toString'],
		['constructor', 'name'],
	])('refuses resource %s, operation %s, naming them, before sending anything', async (resource, operation) => {
		await expect(t.run({ resource, operation })).rejects.toThrow(`The operation "${operation}" is not supported for resource "${resource}"`);
		expect(t.requests()).toEqual([]);
	});

	it('sends one item at a time with Parallel Requests = 1', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(5, { campaign_id: campaignId });
		t.reset();
		t.sim.setLatency(40);

		await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 1 },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);
		const arrivals = t.sim.requests.map((request) => Date.parse(request.timestamp));
		expect(peakInFlight(arrivals, 40)).toBe(1);
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
