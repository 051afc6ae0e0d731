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

/**
 * Yields the items of an Instantly cursor list (`limit` + `starting_after` → `next_starting_after`),
 * asking for no more than the caller still needs. The cursor travels in the query for GET lists and
 * in the body for POST lists (`/leads/list`). Stops at the limit, on an empty page, and on a missing
 * or repeated cursor.
 */
export async function* paginate<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: PaginateRequest = {},
): AsyncGenerator<T> {
	const { limit, ...base } = request;
	const cursorInBody = endpoint.method !== 'GET';
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	let remaining = limit ?? Infinity;

	while (remaining > 0) {
		const pageParams: IDataObject = { limit: Math.min(PAGE_SIZE_LIMIT, remaining) };
		if (cursor !== undefined) pageParams.starting_after = cursor;
		const page = (await instantlyApiRequest.call(
			this,
			endpoint,
			cursorInBody
				? { ...base, body: { ...base.body, ...pageParams } }
				: { ...base, qs: { ...base.qs, ...pageParams } },
		)) as Page<T>;

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
