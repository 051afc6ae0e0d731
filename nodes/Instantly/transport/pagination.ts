import type { IDataObject } from 'n8n-workflow';

import type { Page, PageCursor } from './cursor';
import { cursorItems, pageParams } from './cursor';
import type { Endpoint } from './endpoints';
import type { InstantlyContext } from './context';
import type { InstantlyRequest } from './request';
import { instantlyApiRequest } from './request';

export { PAGE_SIZE_LIMIT } from './cursor';
export type { Page, PageCursor } from './cursor';

export interface PaginateRequest extends InstantlyRequest {
	/** Stop after this many items; undefined means every page. */
	limit?: number;
}

/**
 * One page of an Instantly cursor list. The cursor travels in the query for GET lists and in the
 * body for POST lists (`/leads/list`).
 */
export async function fetchPage<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: InstantlyRequest,
	cursor: PageCursor,
): Promise<Page<T>> {
	return await requestPage<T>(this, endpoint, request, pageParams(cursor));
}

/** Yields the items of an Instantly cursor list, asking for no more than `limit` if one is given. */
export async function* paginate<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: PaginateRequest = {},
): AsyncGenerator<T> {
	const { limit, ...base } = request;
	yield* cursorItems((params) => requestPage<T>(this, endpoint, base, params), limit);
}

async function requestPage<T>(
	context: InstantlyContext,
	endpoint: Endpoint,
	request: InstantlyRequest,
	params: IDataObject,
): Promise<Page<T>> {
	const paged =
		endpoint.method === 'GET'
			? { ...request, qs: { ...request.qs, ...params } }
			: { ...request, body: { ...request.body, ...params } };
	return (await instantlyApiRequest.call(context, endpoint, paged)) as Page<T>;
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
