/** Splits a list into consecutive batches of at most `size`. */
export function chunk<T>(list: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

/** Groups values by a key, keeping input order inside each group and the order keys first appear. */
export function groupBy<T, K>(values: Iterable<T>, keyOf: (value: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const value of values) {
		const key = keyOf(value);
		const group = groups.get(key);
		if (group) group.push(value);
		else groups.set(key, [value]);
	}
	return groups;
}

/** Splits a comma/newline separated string (or takes an array) into trimmed, non-empty values. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(/[,\n;]/);
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

