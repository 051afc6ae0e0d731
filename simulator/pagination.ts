import type { ApiObject } from './state';

export const DEFAULT_PAGE_SIZE = 10;

export interface Page<T> {
	items: T[];
	next_starting_after?: string;
}

/**
 * Cursor pagination over items sorted by their time-ordered id. Like Instantly, a full page
 * always carries a cursor, so a client may make one extra request that returns nothing.
 * `descending` serves newest first (the unibox order); the cursor is still the last id served.
 */
export function paginate<T extends ApiObject>(items: Iterable<T>, limit: unknown, startingAfter: unknown, descending = false): Page<T> {
	const size = typeof limit === 'number' ? limit : DEFAULT_PAGE_SIZE;
	const direction = descending ? -1 : 1;
	const sorted = [...items].sort((a, b) => (a.id < b.id ? -direction : a.id > b.id ? direction : 0));
	const hasCursor = typeof startingAfter === 'string' && startingAfter !== '';
	const remaining = hasCursor ? sorted.filter((item) => (descending ? item.id < startingAfter : item.id > startingAfter)) : sorted;
	const page = remaining.slice(0, size);
	return page.length === size && page.length > 0 ? { items: page, next_starting_after: page[page.length - 1].id } : { items: page };
}
