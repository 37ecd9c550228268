/**
 * A Parquet file into the same raw text table a CSV becomes (see readSql.ts), so that every later
 * step (profiles, roles, region review, checks, load) is the one a CSV takes. DuckDB's own reader
 * reads the file where it is registered: nothing passes through a JavaScript string.
 *
 * Row 1 of the table holds the column names, as a CSV's header row would, and the file's k-th row
 * (counting from 1) is row k + 1: the row a spreadsheet shows when it opens the file with its
 * header. Every value is cast to text exactly once here (DuckDB writes a double in its shortest
 * round-trip form, a date as ISO 8601, a boolean as true/false); a null becomes the empty text,
 * which the Parquet dialect counts as missing.
 */
import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import { rawColumnName } from './readSql';
import type { Dialect } from './types';

/** The first and last four bytes of every Parquet file. */
const MAGIC = [0x50, 0x41, 0x52, 0x31];

/** True when the bytes (the whole file, or its first and last bytes) are Parquet's. */
export function isParquet(head: Uint8Array, tail: Uint8Array = head): boolean {
	const at = (bytes: Uint8Array, from: number) => MAGIC.every((b, i) => bytes[from + i] === b);
	return head.length >= 4 && tail.length >= 4 && at(head, 0) && at(tail, tail.length - 4);
}

/** How the raw table of a Parquet file is to be read: header in row 1, plain numbers, '' missing. */
export const PARQUET_DIALECT: Dialect = {
	encoding: 'utf-8',
	delimiter: ',',
	quote: '"',
	headerRow: 1,
	decimal: '.',
	thousands: '',
	missing: ['']
};

/** The file's columns, in order, with DuckDB's name for their type. */
export function parquetColumnsQuery(path: string): BoundQuery {
	return {
		sql: `SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet(?))`,
		params: [path]
	};
}

/**
 * CREATE OR REPLACE TABLE `table` (__row, __fields, c1 … cN VARCHAR) from a registered Parquet
 * file whose columns are `names` (from parquetColumnsQuery). Column names go through quoteIdent;
 * as header texts they are bound values.
 */
export function readParquetQuery(
	path: string,
	names: readonly string[],
	table: string
): BoundQuery {
	const n = names.length;
	// The reader's own row number, unless the file has a column of that name (then counted here,
	// in the order the reader gives, which is the file's with insertion order preserved).
	const ownRowNumber = names.some((name) => name.toLowerCase() === 'file_row_number');
	const rowNumber = ownRowNumber ? 'row_number() OVER () - 1' : 'file_row_number';
	const cells = names.map((name) => ({ file: quoteIdent(name) }));
	const header = parquetHeaderQuery(names, table);
	return {
		sql: `${header.sql}
UNION ALL
SELECT CAST(${rowNumber} + 2 AS INTEGER), ${n},
	${cells.map((c) => `coalesce(CAST(${c.file} AS VARCHAR), '')`).join(',\n\t')}
FROM read_parquet(?${ownRowNumber ? '' : ', file_row_number = true'})`,
		params: [...header.params, path]
	};
}

/**
 * CREATE OR REPLACE TABLE `table` holding only row 1, the column names, with the raw table's
 * columns and types (__row, __fields INTEGER, c1 … cN VARCHAR). The page appends the file's rows
 * to it (parquetStage.ts); readParquetQuery appends them in the same statement.
 */
export function parquetHeaderQuery(names: readonly string[], table: string): BoundQuery {
	const cells = names.map((_, i) => `CAST(? AS VARCHAR) AS ${quoteIdent(rawColumnName(i + 1))}`);
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
SELECT 1 AS __row, ${names.length} AS __fields, ${cells.join(', ')}`,
		params: [...names]
	};
}
