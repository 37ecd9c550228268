/** Sorting for data tables: numbers numerically, text by the reader's locale, missing values last. */
export type SortDirection = 'ascending' | 'descending';
export type Cell = string | number | null;

export function compareCells(a: Cell, b: Cell, direction: SortDirection, locale = 'en'): number {
	const missingA = a === null || (typeof a === 'number' && !Number.isFinite(a));
	const missingB = b === null || (typeof b === 'number' && !Number.isFinite(b));
	if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
	const order =
		typeof a === 'number' && typeof b === 'number'
			? a - b
			: String(a).localeCompare(String(b), locale, { numeric: true });
	return direction === 'ascending' ? order : -order;
}

/** A stable sort of rows by one column. */
export function sortRows<R>(
	rows: readonly R[],
	value: (row: R) => Cell,
	direction: SortDirection,
	locale = 'en'
): R[] {
	return rows
		.map((row, i) => ({ row, i }))
		.sort((x, y) => compareCells(value(x.row), value(y.row), direction, locale) || x.i - y.i)
		.map((x) => x.row);
}

/** One column of a data table: a header, the value to sort by, and how to show it. */
export interface TableColumn<Row> {
	key: string;
	label: string;
	value: (row: Row) => Cell;
	/** Display text; defaults to the value as text. */
	text?: (row: Row) => string;
	numeric?: boolean;
}
