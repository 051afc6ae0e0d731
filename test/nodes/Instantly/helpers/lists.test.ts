import { chunk, splitList } from '../../../../nodes/Instantly/helpers/lists';

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
