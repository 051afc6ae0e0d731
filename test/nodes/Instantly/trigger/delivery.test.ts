import {
	clearRecentDeliveries,
	isDuplicate,
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
		['{"event_type":"email_sent"}', false],
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
});
