import type { DisplayUnit } from '$lib/i18n/format';
import type { CsvCell } from './csvWriter';

/**
 * How many decimals a data export's numbers keep: the precision the source supports, one rule
 * per unit, so a CSV never prints 15–17 decimals of floating-point arithmetic.
 *
 * - A value: percentages, percentage points and rates per 100 to one decimal (as the DHS and
 *   the TCRA publish them, and as the page shows them); a parity ratio to three (a ratio of two
 *   one-decimal shares, one more than the page's two); a count to none.
 * - An interval bound: one decimal more than its value (a gap's bound is arithmetic on two
 *   published bounds, and its second decimal says on which side of a rounding it falls); a
 *   count's to none.
 * - A confidence level to two decimals (0.9, 0.95); years and respondents to none.
 */
export function valueDecimals(unit: DisplayUnit): number {
	return unit === 'count' ? 0 : unit === 'ratio' ? 3 : 1;
}

export function intervalDecimals(unit: DisplayUnit): number {
	return unit === 'count' ? 0 : valueDecimals(unit) + 1;
}

/** Half away from zero, to `decimals`; the result prints with at most that many decimals. */
export function roundTo(value: number, decimals: number): number {
	if (!Number.isFinite(value)) return value;
	const factor = 10 ** decimals;
	const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
	return Object.is(rounded, -0) ? 0 : rounded;
}

/** A table of cells under a header, as the CSV writer takes it. */
export interface NumberTable {
	header: string[];
	rows: CsvCell[][];
}

/**
 * The table with each column of `decimals` rounded, and the exact numbers of the columns in
 * `full` again at the end, as `<column>_full`. Text cells and empty cells pass as they are.
 */
export function roundColumns<T extends NumberTable>(
	table: T,
	decimals: Readonly<Record<string, number>>,
	full: readonly string[] = []
): T {
	const exact = table.header.flatMap((h, i) => (full.includes(h) ? [i] : []));
	const round = (cell: CsvCell, d: number | undefined) =>
		typeof cell === 'number' && d !== undefined ? roundTo(cell, d) : cell;
	return {
		...table,
		header: [...table.header, ...exact.map((i) => `${table.header[i]}_full`)],
		rows: table.rows.map((row) => [
			...row.map((cell, i) => round(cell, decimals[table.header[i]!])),
			...exact.map((i) => row[i] ?? null)
		])
	};
}
