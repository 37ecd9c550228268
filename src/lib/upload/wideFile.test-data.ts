import { PARQUET_DIALECT } from './parquetSql';
import type { Dialect } from './types';

/**
 * Comma-separated, double quotes, a header in row 1, no missing tokens but the empty cell: the
 * plain dialect a Parquet file's raw table is read with.
 */
export const plainComma: Dialect = PARQUET_DIALECT;

/** A CSV of `columns` columns (col1 … colN) and `rows` rows of one-digit numbers, as UTF-8. */
export function wideCsv(columns: number, rows: number): Uint8Array {
	const header = Array.from({ length: columns }, (_, i) => `col${i + 1}`).join(',');
	const body = Array.from({ length: rows }, (_, r) =>
		Array.from({ length: columns }, (_, i) => String((r * 7 + i) % 10)).join(',')
	);
	return new TextEncoder().encode(`${[header, ...body].join('\n')}\n`);
}
