import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { toDateOnly, toInstant } from '../../../../nodes/Instantly/helpers/dates';

const node = { name: 'Instantly' } as INode;

/** The Luxon n8n itself ships (through n8n-workflow), for the DateTime values expressions produce. */
const { DateTime } = jest.requireActual<{
	DateTime: { fromISO(text: string, options?: { zone: string }): { toISODate(): string | null; toMillis(): number } };
}>('luxon');

describe('helpers/dates', () => {
	describe('toDateOnly: the calendar day as written, whatever the zones', () => {
		const inZone = (timeZone: string) => ({ getNode: () => node, getTimezone: () => timeZone }) as unknown as IExecuteFunctions;
		const berlin = inZone('Europe/Berlin');

		it.each([
			['a date', '2025-02-03', '2025-02-03'],
			["n8n's date picker (no offset, local midnight)", '2030-01-15T00:00:00', '2030-01-15'],
			['the picker just before midnight', '2025-12-31T23:59:59', '2025-12-31'],
			['UTC with Z', '2025-02-03T23:30:00.000Z', '2025-02-03'],
			['an offset ahead of UTC (a Luxon DateTime as text)', '2030-01-15T00:00:00.000+01:00', '2030-01-15'],
			['an offset behind UTC', '2030-01-14T23:30:00-08:00', '2030-01-14'],
			['a space instead of T', '2030-01-15 08:00', '2030-01-15'],
			['a JS Date, read on the workflow clock', new Date('2030-01-14T23:30:00Z'), '2030-01-15'],
			['a Luxon DateTime, in its own zone', DateTime.fromISO('2030-01-15T00:30:00', { zone: 'Asia/Tokyo' }), '2030-01-15'],
		])('%s', (_case, value, expected) => expect(toDateOnly(berlin, { value, label: 'Start Date', itemIndex: 0 })).toBe(expected));

		it('reads a JS Date in the workflow time zone', () => {
			const instant = new Date('2030-01-15T03:00:00Z');
			expect(toDateOnly(inZone('America/Los_Angeles'), { value: instant, label: 'End Date', itemIndex: 0 })).toBe('2030-01-14');
			expect(toDateOnly(inZone('Asia/Tokyo'), { value: instant, label: 'End Date', itemIndex: 0 })).toBe('2030-01-15');
		});

		it('leaves an empty value out', () => {
			expect(toDateOnly(berlin, { value: '', label: 'Start Date', itemIndex: 0 })).toBeUndefined();
			expect(toDateOnly(berlin, { value: undefined, label: 'Start Date', itemIndex: 0 })).toBeUndefined();
		});

		it.each(['soon', '2025-02-30', '2025-13-01', '01/15/2030', '2030-01-15T25', '2030-01-15T24:00'])('refuses "%s" naming the field', (value) => {
			expect(() => toDateOnly(berlin, { value, label: 'Start Date', itemIndex: 0 })).toThrow(`Start Date: "${value}" is not a date`);
		});

		it.each([
			["n8n's date picker: a time on the workflow's clock", 'Europe/Berlin', '2025-01-31T09:00:00', '2025-01-31T08:00:00.000Z'],
			['the picker in summer time', 'Europe/Berlin', '2025-07-01T09:00:00', '2025-07-01T07:00:00.000Z'],
			['the picker behind UTC', 'America/Los_Angeles', '2025-01-31T09:00:00', '2025-01-31T17:00:00.000Z'],
			['a date alone: midnight on the workflow clock', 'Asia/Tokyo', '2025-01-31', '2025-01-30T15:00:00.000Z'],
			['the hour after a DST change', 'Europe/Berlin', '2025-03-30T03:30:00', '2025-03-30T01:30:00.000Z'],
			['an explicit offset wins', 'Asia/Tokyo', '2025-01-31T09:00:00+01:00', '2025-01-31T08:00:00.000Z'],
			['UTC with Z and milliseconds', 'Asia/Tokyo', '2025-01-31T09:00:00.250Z', '2025-01-31T09:00:00.250Z'],
			['a JS Date', 'Asia/Tokyo', new Date('2025-01-31T09:00:00Z'), '2025-01-31T09:00:00.000Z'],
			['a Luxon DateTime', 'UTC', DateTime.fromISO('2025-01-31T09:00:00', { zone: 'Asia/Tokyo' }), '2025-01-31T00:00:00.000Z'],
		])('toInstant: %s', (_case, zone, value, expected) => expect(toInstant(inZone(zone), { value, label: 'Created After', itemIndex: 0 })).toBe(expected));

		it('refuses an invalid Luxon DateTime and an invalid Date', () => {
			expect(() => toDateOnly(berlin, { value: DateTime.fromISO('nope'), label: 'End Date', itemIndex: 0 })).toThrow('End Date: "Invalid DateTime" is not a date');
			expect(() => toDateOnly(berlin, { value: new Date('nope'), label: 'End Date', itemIndex: 0 })).toThrow('End Date: "Invalid Date" is not a date');
		});
	});
});
