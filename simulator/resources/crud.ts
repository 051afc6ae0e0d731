import { notFound } from '../errors';
import { nowIso } from '../ids';
import { paginate, type Page } from '../pagination';
import type { ApiObject } from '../state';

export function getOr404<T extends ApiObject>(collection: Map<string, T>, id: string, what: string): T {
	const item = collection.get(id);
	if (!item) throw notFound(what);
	return item;
}

export function deleteOr404<T extends ApiObject>(collection: Map<string, T>, id: string, what: string): T {
	const item = getOr404(collection, id, what);
	collection.delete(id);
	return item;
}

/** Copies the given fields onto the item; bodies were validated, so only spec'd fields arrive. */
export function applyPatch<T extends ApiObject>(item: T, changes: Record<string, unknown>): T {
	Object.assign(item, changes);
	if ('timestamp_updated' in item) Object.assign(item, { timestamp_updated: nowIso() });
	return item;
}

export function listPage<T extends ApiObject>(
	collection: Map<string, T>,
	page: { limit?: unknown; starting_after?: unknown },
	keep: (item: T) => boolean = () => true,
): Page<T> {
	return paginate([...collection.values()].filter(keep), page.limit, page.starting_after);
}

export function containsText(value: unknown, search: unknown): boolean {
	if (typeof search !== 'string' || search === '') return true;
	return typeof value === 'string' && value.toLowerCase().includes(search.toLowerCase());
}

/** Keeps an item when the filter is absent or equal. */
export function equalsFilter(value: unknown, filter: unknown): boolean {
	return filter === undefined || filter === null || value === filter;
}
