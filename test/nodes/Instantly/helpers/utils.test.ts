import type { INode } from 'n8n-workflow';

import { chunk, compact, isDomain, isEmail, splitList, toCustomVariables, toDateOnly } from '../../../../nodes/Instantly/helpers/utils';

const node = { name: 'Instantly' } as INode;

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

	it('toDateOnly takes dates and ISO timestamps', () => {
		expect(toDateOnly(node, '2025-02-03', 'Start Date', 0)).toBe('2025-02-03');
		expect(toDateOnly(node, '2025-02-03T10:00:00.000Z', 'Start Date', 0)).toBe('2025-02-03');
		expect(toDateOnly(node, '', 'Start Date', 0)).toBeUndefined();
		expect(() => toDateOnly(node, 'soon', 'Start Date', 0)).toThrow(/Start Date: "soon" is not a date/);
	});
});
