import { useSimulator } from '../../../../harness/simulator';
import { campaignWithLeads, MISSING } from './leads';

const t = useSimulator();

describe('Lead → Get', () => {
	it('gets a lead by id', async () => {
		const [id] = (await campaignWithLeads(t, 1)).ids;
		const got = await t.run({ resource: 'lead', operation: 'get', leadId: id });
		expect(got.items[0]).toEqual({ json: expect.objectContaining({ id, email: 'lead0@example.com' }), pairedItem: { item: 0 } });
		expect(t.requests()).toEqual([{ method: 'GET', path: `/api/v2/leads/${id}`, query: {}, body: undefined }]);
	});

	it('Get with a bad id sends nothing', async () => {
		t.reset();
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
