import {
	clearRecentDeliveries,
	deliveryKey,
	isDuplicate,
	isForCampaign,
	outputItem,
	parsePayload,
	publicHeaders,
} from '../../../../nodes/Instantly/trigger/delivery';

describe('trigger/delivery', () => {
	it.each([
		[{ event_type: 'email_sent' }, true],
		[{ event_type: 'email_sent', nested: { a: 1 } }, true],
		[{ event_type: '' }, false],
		[{ event_type: 5 }, false],
		[{ lead_email: 'a@b.c' }, false],
		[[{ event_type: 'email_sent' }], false],
		['{"event_type":"email_sent"}', true],
		[JSON.stringify('{"event_type":"email_sent"}'), true],
		['\uFEFF{"event_type":"email_sent"}', true],
		['{"event_type":', false],
		['event_type=email_sent', false],
		['"just text"', false],
		[null, false],
		[undefined, false],
	])('parsePayload(%j) accepts: %s', (body, accepted) => {
		expect(parsePayload(body) !== undefined).toBe(accepted);
	});

	it('drops only our secret header, whatever its case', () => {
		expect(
			publicHeaders({ 'X-N8N-Instantly-Secret': 's', 'x-n8n-instantly-secret': 's', 'content-type': 'application/json', 'user-agent': 'axios/0.21.4' }),
		).toEqual({ 'content-type': 'application/json', 'user-agent': 'axios/0.21.4' });
	});

	it('keeps a header named __proto__ as a plain field', () => {
		const headers = JSON.parse('{"__proto__":"x","accept":"*/*"}') as Record<string, unknown>;
		const copy = publicHeaders(headers);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.keys(copy)).toEqual(['__proto__', 'accept']);
	});

	it.each([
		[null, { campaign_id: 'a' }, true],
		['a', { campaign_id: 'a' }, true],
		['a', { campaign_id: 'A ' }, true],
		['a', { campaign_id: 'b' }, false],
		['a', { campaign: 'b' }, false],
		['a', {}, true],
		['a', { campaign_id: null }, true],
	])('campaign filter %j lets %j through: %s', (campaign, payload, passes) => {
		expect(isForCampaign(payload, campaign)).toBe(passes);
	});

	it('keeps every delivered field, also one named like an added field', () => {
		const payload = { event_type: 'reply_received', event: 'a lead variable', my_custom_var: 'x' };
		expect(outputItem(payload, { event: 'reply_received', received_at: 'now' })).toEqual({ ...payload, received_at: 'now' });
	});

	describe('isDuplicate', () => {
		beforeEach(clearRecentDeliveries);
		const delivery = { event_type: 'email_opened', campaign_id: 'c', lead_email: 'l@x.io', step: 1, variant: 1, timestamp: 't1', email_id: 'e' };

		it('drops a repeat within the window, and nothing when the window is 0', () => {
			expect(isDuplicate('node', delivery, 10, 0)).toBe(false);
			expect(isDuplicate('node', { ...delivery }, 10, 60_000)).toBe(true);
			expect(isDuplicate('other node', delivery, 10, 60_000)).toBe(false);
			expect(isDuplicate('node', delivery, 0, 60_000)).toBe(false);
		});

		it('keeps a repeat after the window and deliveries that differ in any key field', () => {
			expect(isDuplicate('node', delivery, 1, 0)).toBe(false);
			expect(isDuplicate('node', delivery, 1, 61_000)).toBe(false);
			for (const [field, value] of Object.entries({ timestamp: 't2', step: 2, variant: 2, email_id: 'f', lead_email: 'm@x.io', campaign_id: 'd', event_type: 'email_sent' })) {
				expect(isDuplicate('node', { ...delivery, [field]: value }, 1, 62_000)).toBe(false);
			}
		});

		it('remembers a bounded number of deliveries', () => {
			for (let index = 0; index < 1500; index++) isDuplicate('node', { ...delivery, timestamp: `t${index}` }, 60, index);
			expect(isDuplicate('node', { ...delivery, timestamp: 't1499' }, 60, 2000)).toBe(true);
			expect(isDuplicate('node', { ...delivery, timestamp: 't0' }, 60, 2000)).toBe(false);
		});
	});

	describe('deliveryKey', () => {
		const nested = (depth: number, leaf: unknown) => {
			let value: unknown = leaf;
			for (let level = 0; level < depth; level++) value = { next: value };
			return value;
		};

		it('keys a 10,000-deep value without exhausting the stack, and tells two apart', () => {
			const first = deliveryKey({ event_type: 'reply_received', timestamp: nested(10_000, 1) as string });
			expect(first).toMatch(/^[0-9a-f]{64}$/);
			expect(deliveryKey({ event_type: 'reply_received', timestamp: nested(10_000, 1) as string })).toBe(first);
			expect(deliveryKey({ event_type: 'reply_received', timestamp: nested(10_000, 2) as string })).not.toBe(first);
		});

		it('a 10,000-deep delivery is dropped as a repeat, not thrown on', () => {
			clearRecentDeliveries();
			const deep = { event_type: 'reply_received', step: nested(10_000, 'x') as number };
			expect(isDuplicate('node', deep, 10, 0)).toBe(false);
			expect(isDuplicate('node', deep, 10, 1)).toBe(true);
		});

		it('does not depend on field order, and tells types apart', () => {
			expect(deliveryKey({ event_type: 'a', step: { x: 1, y: 2 } as never })).toBe(deliveryKey({ event_type: 'a', step: { y: 2, x: 1 } as never }));
			expect(deliveryKey({ event_type: 'a', step: 1 })).not.toBe(deliveryKey({ event_type: 'a', step: '1' }));
			expect(deliveryKey({ event_type: 'a', step: [1, 2] as never })).not.toBe(deliveryKey({ event_type: 'a', step: [12] as never }));
		});

		it('gives up on a value too big to compare: such a delivery is never dropped', () => {
			const huge = { event_type: 'a', step: Array.from({ length: 200_000 }, (_, index) => index) as never };
			expect(deliveryKey(huge)).toBeUndefined();
			clearRecentDeliveries();
			expect(isDuplicate('node', huge, 10, 0)).toBe(false);
			expect(isDuplicate('node', huge, 10, 1)).toBe(false);
		});
	});
});
