import type { IDataObject } from 'n8n-workflow';

import type { Page } from './cursor';
import { cursorItems } from './cursor';
import type { Endpoint } from './endpoints';
import type { InstantlyContext, InstantlyRequest } from './request';
import { instantlyApiRequest } from './request';

export { PAGE_SIZE_LIMIT } from './cursor';
export type { Page } from './cursor';

export interface PaginateRequest extends InstantlyRequest {
	/** Stop after this many items; undefined means every page. */
	limit?: number;
}

/**
 * Yields the items of an Instantly cursor list. The cursor travels in the query for GET lists and
 * in the body for POST lists (`/leads/list`).
 */
export async function* paginate<T = IDataObject>(
	this: InstantlyContext,
	endpoint: Endpoint,
	request: PaginateRequest = {},
): AsyncGenerator<T> {
	const { limit, ...base } = request;
	const cursorInBody = endpoint.method !== 'GET';
	yield* cursorItems(
		async (pageParams) =>
			(await instantlyApiRequest.call(
				this,
				endpoint,
				cursorInBody
					? { ...base, body: { ...base.body, ...pageParams } }
					: { ...base, qs: { ...base.qs, ...pageParams } },
			)) as Page<T>,
		limit,
	);
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
