import { chunk, groupBy, splitList } from '../../../../nodes/Instantly/helpers/lists';

describe('helpers/lists', () => {
	it.each([
		[0, []],
		[1, [1]],
		[1000, [1000]],
		[1001, [1000, 1]],
		[2500, [1000, 1000, 500]],
	])('chunk of %i into 1000s has sizes %j', (count, sizes) => {
		expect(chunk(Array.from({ length: count }, (_, i) => i), 1000).map((batch) => batch.length)).toEqual(sizes);
	});

	it('splitList trims and drops blanks', () => {
		expect(splitList(' a, b ,,\nc;d ')).toEqual(['a', 'b', 'c', 'd']);
		expect(splitList(undefined)).toEqual([]);
	});
});

describe('groupBy', () => {
	it('keeps input order inside each group and the order keys first appear', () => {
		const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (value) => value[0]);
		expect([...groups.entries()]).toEqual([
			['b', ['b1', 'b2']],
			['a', ['a1', 'a2']],
			['c', ['c1']],
		]);
	});

	it('treats undefined as a key of its own', () => {
		const groups = groupBy([{ key: undefined }, { key: 'x' }, { key: undefined }], (value) => value.key);
		expect(groups.get(undefined)).toHaveLength(2);
		expect(groups.get('x')).toHaveLength(1);
	});
});
