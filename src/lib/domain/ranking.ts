/**
 * Order for ranked charts: largest first, rows without a value last (in name order), so "no data"
 * is visible instead of vanishing.
 */
export function rankDescending<T>(
	rows: readonly T[],
	value: (row: T) => number | null,
	name: (row: T) => string
): T[] {
	return [...rows].sort((a, b) => {
		const va = value(a);
		const vb = value(b);
		if (va === null && vb === null) return name(a).localeCompare(name(b));
		if (va === null) return 1;
		if (vb === null) return -1;
		return vb - va || name(a).localeCompare(name(b));
	});
}
