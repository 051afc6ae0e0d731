import { PerRunCache } from '../../../../nodes/Instantly/helpers/perRun';

describe('PerRunCache', () => {
	it('asks once per run and key, however often it is asked', async () => {
		const cache = new PerRunCache<number>();
		const run = {};
		let asked = 0;
		const load = async () => ++asked;
		expect(await Promise.all([cache.get(run, 'a', load), cache.get(run, 'a', load), cache.get(run, 'b', load)])).toEqual([1, 1, 2]);
		expect(await cache.get({}, 'a', load)).toBe(3);
		expect(asked).toBe(3);
	});

	it('does not keep a failed answer: the next ask loads again', async () => {
		const cache = new PerRunCache<string>();
		const run = {};
		await expect(cache.get(run, 'k', async () => await Promise.reject(new Error('refused')))).rejects.toThrow('refused');
		expect(await cache.get(run, 'k', async () => 'answered')).toBe('answered');
	});
});
