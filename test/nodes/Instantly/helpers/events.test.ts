import {
	customEventOption,
	deliveredName,
	EVENT_LABELS,
	EVENT_TYPES,
	matchDelivery,
	parseEventOption,
	subscribedName,
} from '../../../../nodes/Instantly/helpers/events';
import type { Subscription } from '../../../../nodes/Instantly/helpers/events';

const subscriptions = (...options: string[]): Subscription[] => options.map((option) => parseEventOption(option)!);

describe('helpers/events', () => {
	it('lists the 19 event types of the create enum, each with a label', () => {
		expect(EVENT_TYPES).toHaveLength(19);
		expect(new Set(EVENT_TYPES).size).toBe(19);
		for (const type of EVENT_TYPES) expect(EVENT_LABELS[type]).toMatch(/\w/);
	});

	it.each([
		['email_link_clicked', 'link_clicked'],
		['email_sent', 'email_sent'],
		['reply_received', 'reply_received'],
		['lead_no_show', 'lead_no_show'],
	] as const)('subscription %s is delivered as %s, and back', (subscription, delivered) => {
		expect(deliveredName(subscription)).toBe(delivered);
		expect(subscribedName(delivered)).toBe(subscription);
	});

	it.each([
		['reply_received', { eventType: 'reply_received', customInterestValue: null, label: 'Reply Received' }],
		['custom:101:Hot Lead', { eventType: null, customInterestValue: 101, label: 'Hot Lead' }],
		['custom:-7:Odd: name', { eventType: null, customInterestValue: -7, label: 'Odd: name' }],
	])('parses the option %s', (option, expected) => {
		expect(parseEventOption(option)).toEqual({ option, ...expected });
	});

	it.each(['', 'email.sent', 'link_clicked', 'custom:abc:Label', 'custom:5:'])('rejects the option %j', (option) => {
		expect(parseEventOption(option)).toBeUndefined();
	});

	it('encodes a custom label option that parses back', () => {
		expect(parseEventOption(customEventOption(102, 'Warm'))).toMatchObject({ customInterestValue: 102, label: 'Warm' });
	});

	it.each([
		// [selected, delivered, reported event (undefined = not selected)]
		[['email_link_clicked'], 'link_clicked', 'email_link_clicked'],
		[['email_link_clicked'], 'email_link_clicked', 'email_link_clicked'],
		[['email_sent'], 'email_opened', undefined],
		[['reply_received'], 'auto_reply_received', undefined],
		[['all_events'], 'auto_reply_received', 'auto_reply_received'],
		[['all_events'], 'link_clicked', 'email_link_clicked'],
		[['all_events'], 'Hot Lead', 'Hot Lead'],
		[['all_events'], 'test_event', undefined],
		[['custom:101:Hot Lead'], 'Hot Lead', 'Hot Lead'],
		[['custom:101:Hot Lead'], 'Renamed Hot Lead', 'Renamed Hot Lead'],
		[['custom:101:Hot Lead'], 'email_sent', undefined],
		[['email_sent', 'custom:101:Hot Lead'], 'email_sent', 'email_sent'],
	])('selected %j, delivered %s → %s', (selected, delivered, event) => {
		expect(matchDelivery(subscriptions(...selected), delivered)?.event).toBe(event);
	});

	it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
		'a custom label named %s is reported by that name, as text',
		(label) => {
			expect(subscribedName(label)).toBe(label);
			for (const selected of [['all_events'], [customEventOption(101, label)]]) {
				expect(matchDelivery(subscriptions(...selected), label)?.event).toBe(label);
			}
		},
	);
});
