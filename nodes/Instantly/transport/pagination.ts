import type { IDataObject } from 'n8n-workflow';

import type { Endpoint } from './endpoints';
import type { InstantlyContext, InstantlyRequest } from './request';
import { instantlyApiRequest } from './request';

export const PAGE_SIZE_LIMIT = 100;

export interface Page<T> {
	items: T[];
	next_starting_after?: string | null;
}

export interface PaginateRequest extends InstantlyRequest {
	/** Stop after this many items; undefined means every page. */
	limit?: number;
}

export interface PageCursor {
	/** How many items the page may hold, at most PAGE_SIZE_LIMIT. */
	limit: number;
	/** The `next_starting_after` of the page before; undefined for the first page. */
	cursor?: string;
}

/**
 * One page of an Instantly cursor list. The cursor travels in the query for GET lists and in the
 * body for POST lists (`/leads/list`).
 */
export async function fetchPage<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: InstantlyRequest,
	{ limit, cursor }: PageCursor,
): Promise<Page<T>> {
	const pageParams: IDataObject = { limit };
	if (cursor !== undefined) pageParams.starting_after = cursor;
	const paged =
		endpoint.method === 'GET'
			? { ...request, qs: { ...request.qs, ...pageParams } }
			: { ...request, body: { ...request.body, ...pageParams } };
	return (await instantlyApiRequest.call(this, endpoint, paged)) as Page<T>;
}

/**
 * Yields the items of an Instantly cursor list (`limit` + `starting_after` → `next_starting_after`),
 * asking for no more than the caller still needs. Stops at the limit, on an empty page, and on a
 * missing or repeated cursor.
 */
export async function* paginate<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: PaginateRequest = {},
): AsyncGenerator<T> {
	const { limit, ...base } = request;
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	let remaining = limit ?? Infinity;

	while (remaining > 0) {
		const pageCursor = { limit: Math.min(PAGE_SIZE_LIMIT, remaining), cursor };
		const page = (await fetchPage.call(this, endpoint, base, pageCursor)) as Page<T>;

		const items = page.items ?? [];
		for (const item of items.slice(0, remaining)) yield item;
		remaining -= items.length;

		const next = page.next_starting_after;
		if (items.length === 0 || !next || seenCursors.has(next)) return;
		seenCursors.add(next);
		cursor = next;
	}
}

/** Collects `paginate` into an array. */
export async function fetchAll<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: PaginateRequest = {},
): Promise<T[]> {
	const items: T[] = [];
	for await (const item of paginate.call(this, endpoint, request) as AsyncGenerator<T>) items.push(item);
	return items;
}
