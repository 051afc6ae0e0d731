import { useSimulator } from '../../../../harness/simulator';
import { campaignWithLeads, MISSING } from './leads';

const t = useSimulator();

describe('Lead → Update', () => {
	it('patches a lead by id', async () => {
		const [id] = (await campaignWithLeads(t, 1)).ids;
		const updated = await t.run({
			resource: 'lead',
			operation: 'update',
			leadId: id,
			updateFields: { jobTitle: 'CTO', customVariables: { variable: [{ key: 'vip', value: true }] } },
		});
		expect(updated.items[0].json).toMatchObject({ id, job_title: 'CTO' });
		expect(t.state.leads.get(id)?.payload).toMatchObject({ vip: true });
		expect(t.requests()).toEqual([
			{ method: 'PATCH', path: `/api/v2/leads/${id}`, query: {}, body: { job_title: 'CTO', custom_variables: { vip: true } } },
		]);
	});

	it('Update with no fields sends nothing', async () => {
		t.reset();
		await expect(t.run({ resource: 'lead', operation: 'update', leadId: MISSING, updateFields: {} })).rejects.toThrow(
			/choose at least one field/,
		);
		expect(t.requests()).toEqual([]);
	});
});
