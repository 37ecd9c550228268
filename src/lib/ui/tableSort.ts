/** Sorting for data tables: numbers numerically, text by the reader's locale, missing values last. */
export type SortDirection = 'ascending' | 'descending';
export type Cell = string | number | null;

/** One collator per locale: localeCompare with options builds a new one on every call. */
const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
	let c = collators.get(locale);
	if (!c) {
		c = new Intl.Collator(locale, { numeric: true });
		collators.set(locale, c);
	}
	return c;
}

export function compareCells(a: Cell, b: Cell, direction: SortDirection, locale = 'en'): number {
	const missingA = a === null || (typeof a === 'number' && !Number.isFinite(a));
	const missingB = b === null || (typeof b === 'number' && !Number.isFinite(b));
	if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
	const order =
		typeof a === 'number' && typeof b === 'number'
			? a - b
			: collator(locale).compare(String(a), String(b));
	return direction === 'ascending' ? order : -order;
}

/** A stable sort of rows by one column; each row's value is read once. */
export function sortRows<R>(
	rows: readonly R[],
	value: (row: R) => Cell,
	direction: SortDirection,
	locale = 'en'
): R[] {
	return rows
		.map((row, i) => ({ row, i, v: value(row) }))
		.sort((x, y) => compareCells(x.v, y.v, direction, locale) || x.i - y.i)
		.map((x) => x.row);
}

/** One column of a data table: a header, the value to sort by, and how to show it. */
export interface TableColumn<Row> {
	key: string;
	label: string;
	value: (row: Row) => Cell;
	/** Display text; defaults to the value as text. */
	text?: (row: Row) => string;
	/** The whole length of a text the database already cut to its start (undefined: not cut). */
	fullLength?: (row: Row) => number | undefined;
	numeric?: boolean;
}
