import { DEFAULT_RATE_LIMITS } from '../../../../../simulator';
import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();

describe('Lead List', () => {
	it('creates a list with only the fields given', async () => {
		t.reset();
		const { items } = await t.run({
			resource: 'leadList',
			operation: 'create',
			name: '  Webinar sign-ups ',
			additionalFields: { hasEnrichmentTask: false },
		});
		expect(t.requests()).toEqual([
			{ method: 'POST', path: '/api/v2/lead-lists', query: {}, body: { name: 'Webinar sign-ups', has_enrichment_task: false } },
		]);
		expect(t.state.leadLists.get(items[0].json.id as string)).toMatchObject({ name: 'Webinar sign-ups' });
	});

	it('refuses an empty name before sending', async () => {
		t.reset();
		await expect(t.run({ resource: 'leadList', operation: 'create', name: ' ' })).rejects.toThrow('Name is required');
		expect(t.requests()).toEqual([]);
	});

	it('gets a list by ID or by URL', async () => {
		const id = await t.list('Prospects');
		const byId = await t.run({ resource: 'leadList', operation: 'get', listId: rl(id) });
		expect(byId.items[0].json).toMatchObject({ id, name: 'Prospects' });
		const byUrl = await t.run({ resource: 'leadList', operation: 'get', listId: rl(`https://app.instantly.ai/app/lead-list/${id}`, 'url') });
		expect(byUrl.items[0].json.id).toBe(id);
	});

	it('lists lists by name, and all of them over pages', async () => {
		await t.list('Alpha');
		await t.list('Beta');
		t.reset();
		const found = await t.run({ resource: 'leadList', operation: 'getAll', returnAll: false, limit: 10, filters: { search: 'alp' } });
		expect(t.requests()[0].query).toEqual({ limit: '10', search: 'alp' });
		expect(found.items.map((item) => item.json.name)).toEqual(['Alpha']);
		// Seeding 100 lists at once would pass Instantly's 100 requests per second.
		t.sim.setRateLimits(false);
		for (let index = 0; index < 100; index++) await t.list(`List ${index}`);
		t.sim.setRateLimits(DEFAULT_RATE_LIMITS);
		t.reset();
		const all = await t.run({ resource: 'leadList', operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(102);
		expect(t.requests()).toHaveLength(2);
	});

	it('renames a list and refuses an empty update', async () => {
		const id = await t.list('Old');
		t.reset();
		await t.run({ resource: 'leadList', operation: 'update', listId: rl(id), updateFields: { name: 'New' } });
		expect(t.requests()[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/lead-lists/${id}`, body: { name: 'New' } });
		expect(t.state.leadLists.get(id)).toMatchObject({ name: 'New' });
		t.reset();
		await expect(
			t.run({ resource: 'leadList', operation: 'update', listId: rl(id), updateFields: {} }),
		).rejects.toThrow('choose at least one field');
		expect(t.requests()).toEqual([]);
	});

	it('deletes a list', async () => {
		const id = await t.list('Temp');
		t.reset();
		await t.run({ resource: 'leadList', operation: 'deleteList', listId: rl(id) });
		expect(t.requests()).toEqual([{ method: 'DELETE', path: `/api/v2/lead-lists/${id}`, query: {}, body: undefined }]);
		expect(t.state.leadLists.has(id)).toBe(false);
	});

	it('gets verification stats of the list’s leads', async () => {
		const id = await t.list('Verified');
		await t.leads(3, { list_id: id });
		t.reset();
		const { items } = await t.run({ resource: 'leadList', operation: 'getVerificationStats', listId: rl(id) });
		expect(t.requests()[0]).toMatchObject({ method: 'GET', path: `/api/v2/lead-lists/${id}/verification-stats` });
		expect(items[0].json).toBeInstanceOf(Object);
		expect(JSON.stringify(items[0].json)).toMatch(/\d/);
	});

	it('refuses an ID that is not a UUID', async () => {
		t.reset();
		await expect(t.run({ resource: 'leadList', operation: 'get', listId: rl('list-1') })).rejects.toThrow(
			'Lead List: "list-1" is not a valid Instantly ID',
		);
		expect(t.requests()).toEqual([]);
	});
});
