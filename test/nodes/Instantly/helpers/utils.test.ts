import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { chunk, compact, isDomain, isEmail, splitList, toCustomVariables, toDateOnly, toInstant } from '../../../../nodes/Instantly/helpers/utils';

const node = { name: 'Instantly' } as INode;

/** The Luxon n8n itself ships (through n8n-workflow), for the DateTime values expressions produce. */
const { DateTime } = jest.requireActual<{
	DateTime: { fromISO(text: string, options?: { zone: string }): { toISODate(): string | null; toMillis(): number } };
}>('luxon');

describe('helpers/utils', () => {
	it.each([
		['jane@example.com', true],
		['jane.doe+x@sub.example.co.uk', true],
		['jane@', false],
		['example.com', false],
		['a b@example.com', false],
	])('isEmail(%s) = %s', (value, expected) => expect(isEmail(value)).toBe(expected));

	it.each([
		['example.com', true],
		['sub.example.co.uk', true],
		['-bad.com', false],
		['nodot', false],
		['a@example.com', false],
	])('isDomain(%s) = %s', (value, expected) => expect(isDomain(value)).toBe(expected));

	it.each([
		[0, []],
		[1, [1]],
		[1000, [1000]],
		[1001, [1000, 1]],
		[2500, [1000, 1000, 500]],
	])('chunk of %i into 1000s has sizes %j', (count, sizes) => {
		expect(chunk(Array.from({ length: count }, (_, i) => i), 1000).map((batch) => batch.length)).toEqual(sizes);
	});

	it('compact drops empty strings, undefined and empty arrays but keeps false and 0', () => {
		expect(compact({ a: '', b: undefined, c: [], d: false, e: 0, f: ['x'] })).toEqual({ d: false, e: 0, f: ['x'] });
	});

	it('splitList trims and drops blanks', () => {
		expect(splitList(' a, b ,,\nc;d ')).toEqual(['a', 'b', 'c', 'd']);
		expect(splitList(undefined)).toEqual([]);
	});

	it('toCustomVariables keeps scalars and refuses objects', () => {
		expect(toCustomVariables(node, [{ key: 'a', value: 'x' }, { key: 'b', value: 2 }, { key: 'c', value: false }, { key: '', value: 1 }], 0)).toEqual({
			a: 'x',
			b: 2,
			c: false,
		});
		expect(toCustomVariables(node, [], 0)).toBeUndefined();
		expect(() => toCustomVariables(node, [{ key: 'o', value: { x: 1 } }], 0)).toThrow(/Custom variable "o"/);
	});

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
		])('%s', (_case, value, expected) => expect(toDateOnly(berlin, value, 'Start Date', 0)).toBe(expected));

		it('reads a JS Date in the workflow time zone', () => {
			const instant = new Date('2030-01-15T03:00:00Z');
			expect(toDateOnly(inZone('America/Los_Angeles'), instant, 'End Date', 0)).toBe('2030-01-14');
			expect(toDateOnly(inZone('Asia/Tokyo'), instant, 'End Date', 0)).toBe('2030-01-15');
		});

		it('leaves an empty value out', () => {
			expect(toDateOnly(berlin, '', 'Start Date', 0)).toBeUndefined();
			expect(toDateOnly(berlin, undefined, 'Start Date', 0)).toBeUndefined();
		});

		it.each(['soon', '2025-02-30', '2025-13-01', '01/15/2030', '2030-01-15T25', '2030-01-15T24:00'])('refuses "%s" naming the field', (value) => {
			expect(() => toDateOnly(berlin, value, 'Start Date', 0)).toThrow(`Start Date: "${value}" is not a date`);
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
		])('toInstant: %s', (_case, zone, value, expected) => expect(toInstant(inZone(zone), value, 'Created After', 0)).toBe(expected));

		it('refuses an invalid Luxon DateTime and an invalid Date', () => {
			expect(() => toDateOnly(berlin, DateTime.fromISO('nope'), 'End Date', 0)).toThrow('End Date: "Invalid DateTime" is not a date');
			expect(() => toDateOnly(berlin, new Date('nope'), 'End Date', 0)).toThrow('End Date: "Invalid Date" is not a date');
		});
	});
});
