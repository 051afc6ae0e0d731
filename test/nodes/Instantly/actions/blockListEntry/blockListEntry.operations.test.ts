import { itemsOf } from '../setup';
import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();
const BASE = '/api/v2/block-lists-entries';

describe('Block List Entry', () => {
	it('Create sends bl_value and returns the entry', async () => {
		t.reset();
		const { items } = await t.run({ resource: 'blockListEntry', operation: 'create', value: ' spam.example.com ' });
		expect(t.requests()).toEqual([{ method: 'POST', path: BASE, query: {}, body: { bl_value: 'spam.example.com' } }]);
		expect(items).toEqual([
			{ json: expect.objectContaining({ bl_value: 'spam.example.com', is_domain: true }), pairedItem: { item: 0 } },
		]);
		expect([...t.state.blockListEntries.values()].map((entry) => entry.bl_value)).toEqual(['spam.example.com']);
	});

	it('Create refuses a value that is neither an email nor a domain, sending nothing', async () => {
		t.reset();
		await expect(t.run({ resource: 'blockListEntry', operation: 'create', value: 'not a domain' })).rejects.toThrow(
			/neither an email address nor a domain/,
		);
		expect(t.requests()).toEqual([]);
	});

	it('Create with continueOnFail pairs an error item to the bad input and still creates the others', async () => {
		t.reset();
		const { items } = await t.run(
			{ resource: 'blockListEntry', operation: 'create', value: (item) => item.json.v },
			{ items: itemsOf({ v: 'a@x.com' }, { v: 'nope' }, { v: 'b.com' }), continueOnFail: true },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.bl_value).toBe('a@x.com');
		expect(items[1].json.error).toMatch(/"nope" is neither/);
		expect(items[2].json.bl_value).toBe('b.com');
		expect(t.requests()).toHaveLength(2);
	});

	it('Create Many sends 2,500 values in exactly 3 bulk-create requests and pairs 2,500 items', async () => {
		t.reset();
		const input = Array.from({ length: 2500 }, (_, i) => ({ email: `blocked${i}@example.com` }));
		const { items } = await t.run(
			{ resource: 'blockListEntry', operation: 'createMany', value: (item) => item.json.email },
			{ items: itemsOf(...input) },
		);
		const requests = t.requests();
		expect(requests.map((request) => [request.method, request.path])).toEqual([
			['POST', `${BASE}/bulk-create`],
			['POST', `${BASE}/bulk-create`],
			['POST', `${BASE}/bulk-create`],
		]);
		expect(requests.map((request) => (request.body as { bl_values: string[] }).bl_values.length)).toEqual([
			1000, 1000, 500,
		]);
		expect((requests[2].body as { bl_values: string[] }).bl_values[0]).toBe('blocked2000@example.com');
		expect(items).toHaveLength(2500);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ status: 'blocked', bl_value: `blocked${index}@example.com` });
		});
		expect(t.state.blockListEntries.size).toBe(2500);
	});

	it('Create Many validates every item before sending anything', async () => {
		t.reset();
		await expect(
			t.run(
				{ resource: 'blockListEntry', operation: 'createMany', value: (item) => item.json.email },
				{ items: itemsOf({ email: 'ok@example.com' }, { email: 'bad value' }) },
			),
		).rejects.toThrow(/bad value/);
		expect(t.requests()).toEqual([]);
	});

	it('Create Many with continueOnFail: a failed batch becomes error items, the other batch goes through', async () => {
		t.reset();
		t.sim.injectFault({ method: 'POST', path: `${BASE}/bulk-create`, kind: 'status', status: 400, count: 1 });
		const input = Array.from({ length: 1001 }, (_, i) => ({ email: `x${i}@example.com` }));
		const { items } = await t.run(
			{ resource: 'blockListEntry', operation: 'createMany', value: (item) => item.json.email },
			{ items: itemsOf(...input), continueOnFail: true },
		);
		expect(items).toHaveLength(1001);
		expect(items[0].json.error).toBeDefined();
		expect(items[999].json.error).toBeDefined();
		expect(items[1000].json).toMatchObject({ status: 'blocked', bl_value: 'x1000@example.com' });
		expect(items[1000].pairedItem).toEqual({ item: 1000 });
	});

	it('Get, Get Many (search, domains only, limit) and Delete', async () => {
		const created = await t.api('POST', `${BASE}/bulk-create`, {
			bl_values: ['one.com', 'two.com', 'me@one.com'],
		});
		const [first] = created.body.items as Array<{ id: string }>;
		t.reset();

		const got = await t.run({ resource: 'blockListEntry', operation: 'get', entryId: first.id });
		expect(got.items[0].json).toMatchObject({ id: first.id, bl_value: 'one.com' });

		const many = await t.run({
			resource: 'blockListEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'one', domainsOnly: true },
		});
		expect(many.items.map((item) => item.json.bl_value)).toEqual(['one.com']);

		const limited = await t.run({ resource: 'blockListEntry', operation: 'getAll', returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);

		const deleted = await t.run({ resource: 'blockListEntry', operation: 'deleteEntry', entryId: first.id });
		expect(deleted.items[0].json).toMatchObject({ id: first.id });
		expect(t.state.blockListEntries.has(first.id)).toBe(false);

		expect(t.requests()).toEqual([
			{ method: 'GET', path: `${BASE}/${first.id}`, query: {}, body: undefined },
			{ method: 'GET', path: BASE, query: { limit: '100', search: 'one', domains_only: 'true' }, body: undefined },
			{ method: 'GET', path: BASE, query: { limit: '2' }, body: undefined },
			{ method: 'DELETE', path: `${BASE}/${first.id}`, query: {}, body: undefined },
		]);
	});

	it('Get refuses an entry id that is not a UUID', async () => {
		t.reset();
		await expect(t.run({ resource: 'blockListEntry', operation: 'get', entryId: '123' })).rejects.toThrow(
			/Entry ID: "123" is not a valid Instantly ID/,
		);
		expect(t.requests()).toEqual([]);
	});

	it('Delete Many sends the ids in batches of 1,000 and reports each item', async () => {
		const created = await t.api('POST', `${BASE}/bulk-create`, {
			bl_values: Array.from({ length: 1000 }, (_, i) => `d${i}.com`),
		});
		const extra = await t.api('POST', BASE, { bl_value: 'last.com' });
		const ids = [...(created.body.items as Array<{ id: string }>).map((entry) => entry.id), extra.body.id as string];
		const missing = '01900000-0000-7000-8000-000000000000';
		t.reset();
		const { items } = await t.run(
			{ resource: 'blockListEntry', operation: 'deleteMany', entryId: (item) => item.json.id },
			{ items: itemsOf(...[...ids, missing].map((id) => ({ id }))) },
		);
		const requests = t.requests();
		expect(requests.map((request) => [request.method, request.path])).toEqual([
			['POST', `${BASE}/bulk-delete`],
			['POST', `${BASE}/bulk-delete`],
		]);
		expect((requests[1].body as { ids: string[] }).ids).toEqual([ids[1000], missing]);
		expect(items).toHaveLength(1002);
		expect(items[0].json).toMatchObject({ deleted: true, id: ids[0], bl_value: 'd0.com' });
		expect(items[1001]).toEqual({ json: { deleted: false, id: missing, reason: 'not_found' }, pairedItem: { item: 1001 } });
		expect(t.state.blockListEntries.size).toBe(0);
	});
});
