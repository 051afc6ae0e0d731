import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();

async function label(name = 'Hot Lead', sentiment = 'positive') {
	const response = await t.api('POST', '/api/v2/lead-labels', { label: name, interest_status_label: sentiment });
	return response.body as { id: string; interest_status: number };
}

describe('Lead Label', () => {
	it('creates a custom interest status and returns its numeric value', async () => {
		t.reset();
		const { items } = await t.run({
			resource: 'leadLabel',
			operation: 'create',
			label: 'Hot Lead',
			sentiment: 'positive',
			additionalFields: { description: 'Asked for pricing', useWithAi: true },
		});
		expect(t.requests()[0]).toEqual({
			method: 'POST',
			path: '/api/v2/lead-labels',
			query: {},
			body: { label: 'Hot Lead', interest_status_label: 'positive', description: 'Asked for pricing', use_with_ai: true },
		});
		expect(typeof items[0].json.interest_status).toBe('number');
		expect(t.state.leadLabels.has(items[0].json.id as string)).toBe(true);
	});

	it('the new label is offered to the trigger and Update Interest Status (webhook event types)', async () => {
		const created = await label('Champion');
		const types = (await t.api('GET', '/api/v2/webhooks/event-types')).body.event_types as Array<{ id: unknown; label: string }>;
		expect(types).toContainEqual(expect.objectContaining({ label: 'Champion', id: String(created.interest_status), type: 'custom' }));
	});

	it('gets, lists, updates and deletes labels', async () => {
		const hot = await label('Hot Lead');
		await label('Maybe later', 'neutral');
		t.reset();
		const got = await t.run({ resource: 'leadLabel', operation: 'get', labelId: hot.id });
		expect(got.items[0].json).toMatchObject({ id: hot.id, label: 'Hot Lead' });

		const neutral = await t.run({ resource: 'leadLabel', operation: 'getAll', returnAll: true, filters: { sentiment: 'neutral' } });
		expect(t.requests()[1].query).toEqual({ limit: '100', interest_status: 'neutral' });
		expect(neutral.items.map((item) => item.json.label)).toEqual(['Maybe later']);

		t.reset();
		await t.run({ resource: 'leadLabel', operation: 'update', labelId: hot.id, updateFields: { label: 'Very hot', sentiment: 'neutral' } });
		expect(t.requests()[0]).toMatchObject({
			method: 'PATCH',
			path: `/api/v2/lead-labels/${hot.id}`,
			body: { label: 'Very hot', interest_status_label: 'neutral' },
		});
		expect(t.state.leadLabels.get(hot.id)).toMatchObject({ label: 'Very hot', interest_status_label: 'neutral' });

		t.reset();
		await t.run({ resource: 'leadLabel', operation: 'deleteLabel', labelId: hot.id });
		expect(t.requests()).toEqual([{ method: 'DELETE', path: `/api/v2/lead-labels/${hot.id}`, query: {}, body: undefined }]);
		expect(t.state.leadLabels.has(hot.id)).toBe(false);
	});

	it('refuses an empty label, an empty update and a bad ID before sending', async () => {
		t.reset();
		await expect(t.run({ resource: 'leadLabel', operation: 'create', label: '' })).rejects.toThrow('Label is required');
		await expect(
			t.run({ resource: 'leadLabel', operation: 'update', labelId: '0199e9d9-0000-7000-8000-000000000000', updateFields: {} }),
		).rejects.toThrow('choose at least one field');
		await expect(t.run({ resource: 'leadLabel', operation: 'get', labelId: '7' })).rejects.toThrow(
			'Lead Label: "7" is not a valid Instantly ID',
		);
		expect(t.requests()).toEqual([]);
	});
});
