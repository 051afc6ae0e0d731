import type { IDataObject } from 'n8n-workflow';

export const PAGE_SIZE_LIMIT = 100;

export interface PageCursor {
	/** How many items the page may hold, at most PAGE_SIZE_LIMIT. */
	limit: number;
	/** The `next_starting_after` of the page before; undefined for the first page. */
	cursor?: string;
}

/** The query or body fields that ask Instantly for one page. */
export function pageParams({ limit, cursor }: PageCursor): IDataObject {
	return cursor === undefined ? { limit } : { limit, starting_after: cursor };
}

export interface Page<T> {
	items: T[];
	next_starting_after?: string | null;
}

/**
 * Walks an Instantly cursor list (`limit` + `starting_after` → `next_starting_after`) through
 * `fetchPage`, asking for no more than the caller still needs. Stops at the limit, on an empty
 * page, and on a missing or repeated cursor.
 */
export async function* cursorItems<T>(
	fetchPage: (pageParams: IDataObject) => Promise<Page<T>>,
	limit?: number,
): AsyncGenerator<T> {
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	let remaining = limit ?? Infinity;

	while (remaining > 0) {
		const page = await fetchPage(pageParams({ limit: Math.min(PAGE_SIZE_LIMIT, remaining), cursor }));

		const items = page.items ?? [];
		for (const item of items.slice(0, remaining)) yield item;
		remaining -= items.length;

		const next = page.next_starting_after;
		if (items.length === 0 || !next || seenCursors.has(next)) return;
		seenCursors.add(next);
		cursor = next;
	}
}
