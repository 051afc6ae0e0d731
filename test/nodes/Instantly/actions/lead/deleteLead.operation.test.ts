import { useSimulator } from '../../../../harness/simulator';
import { campaignWithLeads } from './leads';

const t = useSimulator();

describe('Lead → Delete', () => {
	it('deletes a lead by id', async () => {
		const [id] = (await campaignWithLeads(t, 1)).ids;
		const deleted = await t.run({ resource: 'lead', operation: 'deleteLead', leadId: id });
		expect(deleted.items[0].json).toMatchObject({ id });
		expect(t.state.leads.has(id)).toBe(false);
		expect(t.requests()).toEqual([{ method: 'DELETE', path: `/api/v2/leads/${id}`, query: {}, body: undefined }]);
	});
});
