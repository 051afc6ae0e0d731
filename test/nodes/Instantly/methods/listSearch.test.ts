import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { searchCampaigns, searchLeadLabels, searchLeadLists } from '../../../../nodes/Instantly/methods/listSearch';
import { loadOptionsContext } from '../../../harness/context';
import { DEFAULT_RATE_LIMITS } from '../../../../simulator';
import { useSimulator } from '../../../harness/simulator';

const t = useSimulator();

type Search = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** Each picker, the path it lists, and how a test makes one of its entries. */
const pickers = [
	{ picker: 'campaign', search: searchCampaigns, path: '/api/v2/campaigns', make: (name: string) => t.campaign(name) },
	{ picker: 'lead list', search: searchLeadLists, path: '/api/v2/lead-lists', make: (name: string) => t.list(name) },
	{ picker: 'lead label', search: searchLeadLabels, path: '/api/v2/lead-labels', make: makeLabel },
];

async function makeLabel(label: string): Promise<string> {
	return ((await t.api('POST', '/api/v2/lead-labels', { label, interest_status_label: 'positive' })).body as { id: string }).id;
}

function apiKey(): string {
	return t.state.apiKeys.keys().next().value as string;
}

/** One more entry than a page of 100, made with the rate limit off: seeding is not what is tested. */
async function moreThanAPage(make: (name: string) => Promise<string>, prefix: string): Promise<string[]> {
	const ids: string[] = [];
	t.sim.setRateLimits(false);
	try {
		for (let index = 1; index <= 101; index++) ids.push(await make(`${prefix} ${index}`));
	} finally {
		t.sim.setRateLimits(DEFAULT_RATE_LIMITS);
	}
	t.reset();
	return ids;
}

/** Runs a listSearch method as n8n does when the picker opens, is filtered, or scrolls on. */
async function search(method: Search, filter?: string, paginationToken?: string, key = apiKey()) {
	const { context } = loadOptionsContext({
		nodeType: new Instantly(),
		credentials: { apiKey: key, baseUrl: t.sim.url },
		parameters: {},
	});
	return await method.call(context, filter, paginationToken);
}

describe('listSearch', () => {
	it('lists campaigns by name and ID, each with its Instantly link', async () => {
		const spring = await t.campaign('Spring outreach');
		const autumn = await t.campaign('Autumn outreach');
		t.reset();

		const page = await search(searchCampaigns);

		expect(page).toEqual({
			results: [
				{ name: 'Spring outreach', value: spring, url: `https://app.instantly.ai/app/campaign/${spring}/analytics` },
				{ name: 'Autumn outreach', value: autumn, url: `https://app.instantly.ai/app/campaign/${autumn}/analytics` },
			],
			paginationToken: undefined,
		});
		expect(t.requests()).toEqual([{ method: 'GET', path: '/api/v2/campaigns', query: { limit: '100' }, body: undefined }]);
	});

	// The lead list locator takes a link, but no page of Instantly's app for one list is documented, so none is offered.
	it('lists lead lists by name and ID', async () => {
		const customers = await t.list('Customers');
		const prospects = await t.list('Prospects');
		t.reset();

		const page = await search(searchLeadLists);

		expect(page).toEqual({
			results: [
				{ name: 'Customers', value: customers },
				{ name: 'Prospects', value: prospects },
			],
			paginationToken: undefined,
		});
		expect(t.requests()).toEqual([{ method: 'GET', path: '/api/v2/lead-lists', query: { limit: '100' }, body: undefined }]);
	});

	describe.each(pickers)('the $picker picker', ({ search: method, path, make }) => {
		it('sends the typed filter as Instantly\'s search and shows what Instantly matched', async () => {
			const spring = await make('Spring promo');
			await make('Newsletter');
			const autumn = await make('Autumn PROMO');
			t.reset();

			const page = await search(method, 'promo');

			expect(page.results.map(({ name, value }) => ({ name, value }))).toEqual([
				{ name: 'Spring promo', value: spring },
				{ name: 'Autumn PROMO', value: autumn },
			]);
			expect(page.paginationToken).toBeUndefined();
			expect(t.requests()).toEqual([{ method: 'GET', path, query: { limit: '100', search: 'promo' }, body: undefined }]);
		});

		it('pages on with Instantly\'s cursor until a short page, each entry once', async () => {
			const ids = await moreThanAPage(make, 'Entry');

			const first = await search(method);
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe(ids[99]);

			// n8n hands the token back as it was given when the list is scrolled to its end.
			const second = await search(method, undefined, String(first.paginationToken));
			expect(second.results.map(({ name, value }) => ({ name, value }))).toEqual([{ name: 'Entry 101', value: ids[100] }]);
			expect(second.paginationToken).toBeUndefined();

			expect([...first.results, ...second.results].map((result) => result.value)).toEqual(ids);
			expect(t.requests().map((request) => request.query)).toEqual([
				{ limit: '100' },
				{ limit: '100', starting_after: ids[99] },
			]);
		});

		it('keeps the filter while paging on', async () => {
			const ids = await moreThanAPage(make, 'Match');

			const first = await search(method, 'match');
			expect(first.paginationToken).toBe(ids[99]);
			await search(method, 'match', String(first.paginationToken));

			expect(t.requests().map((request) => request.query)).toEqual([
				{ limit: '100', search: 'match' },
				{ limit: '100', search: 'match', starting_after: ids[99] },
			]);
		});

		it('shows an empty list, with no further page, when nothing matches', async () => {
			await make('Newsletter');
			t.reset();

			expect(await search(method, 'no such name')).toEqual({ results: [], paginationToken: undefined });
			expect(await search(method)).toEqual({ results: [expect.objectContaining({ name: 'Newsletter' })], paginationToken: undefined });
		});

		it('names the missing scope when the API key may not list, and never shows the key', async () => {
			const key = t.sim.createWorkspace({ scopes: ['leads:all'] }).apiKey;

			const error = await search(method, undefined, undefined, key).catch((caught: unknown) => caught);

			expect(error).toBeInstanceOf(Error);
			const { message, description } = error as Error & { description?: string };
			expect(description).toMatch(/^The API key lacks the scope this action needs: .*:read/);
			expect(JSON.stringify({ message, description })).not.toContain(key);
		});

		it('says Instantly refused the key when it is not accepted, and never shows the key', async () => {
			const key = 'not-a-valid-instantly-key';

			const error = await search(method, undefined, undefined, key).catch((caught: unknown) => caught);

			expect(error).toBeInstanceOf(Error);
			const { message, description } = error as Error & { description?: string };
			expect(description).toMatch(/^Instantly did not accept the API key/);
			expect(JSON.stringify({ message, description })).not.toContain(key);
		});
	});
});
