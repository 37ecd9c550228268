/**
 * An uploaded dataset's mapping (everything needed to rebuild it from its original file), the
 * tables it owns in DuckDB, and the SQL around its import: the person's region decisions, the
 * written region names for review, the rows kept aside, and dropping it all again. The import's
 * stages have their own SQL: readSql.ts (read), judgeSql.ts (judge), loadSql.ts (load).
 *
 * The raw table (see readSql.ts) has `__row` (the record number as a spreadsheet shows it),
 * `__fields` (fields found in that record) and `c1..cN` holding the exact text of every cell. Every
 * column name here is generated (`c3`), never taken from the file, and still goes through
 * quoteIdent; every value from the file or the person (region spellings, area codes, names) is a
 * bound parameter.
 */
import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import type { ItemNames } from './itemNames';
import type { WorkbookChoice } from './xlsx.worker';
import type { ColumnAssignment, Dialect, RoleGuess } from './types';

/** What the person decided about every written region name: an ISO code, an island, or nothing. */
export interface RegionDecision {
	written: string;
	/**
	 * 'region' → isoCode is set; 'island' → island code (UNGUJA/PEMBA); 'national' → the national
	 * code (an indicator table's national figure); 'zone' and 'none' are kept aside.
	 */
	kind: 'region' | 'island' | 'national' | 'zone' | 'none';
	code: string | null;
}

/** Everything needed to rebuild a dataset from its original file. Stored with the file. */
export interface ImportMapping {
	dialect: Dialect;
	/** Number of columns the header (or the widest first record) has. */
	columnCount: number;
	/** Column labels as shown to the person (unique, see headerLabels). */
	labels: string[];
	roles: RoleGuess;
	regions: RegionDecision[];
	unit: 'percent' | 'count' | 'per100';
	/** The indicator name when the table has no indicator column (and for microdata items' prefix). */
	indicatorName: string;
	/** Names the person gave items in step 3 (itemNames.ts); absent in mappings stored before them. */
	names?: ItemNames;
	/** An Excel workbook's sheet and header rows, read again from the stored workbook on reload. */
	workbook?: Required<WorkbookChoice>;
	/**
	 * 'site-parquet': a Parquet file of this site, read by its address; the store keeps that
	 * address (parquetUrl.ts), never the file. Absent for a file the person chose.
	 */
	origin?: 'site-parquet';
}

/** A dataset id (a UUID or any text) as letters and digits only, for table names and indicator ids. */
export function datasetKey(id: string): string {
	const key = id.toLowerCase().replace(/[^a-z0-9]/g, '');
	if (key.length === 0) throw new Error(`A dataset id needs letters or digits: ${id}`);
	return key;
}

/** Names of the tables one dataset owns, all derived from its id (letters and digits only). */
export function datasetTables(id: string) {
	const key = datasetKey(id);
	return {
		key,
		raw: `upload_${key}_raw`,
		regions: `upload_${key}_regions`,
		problems: `upload_${key}_problems`,
		rows: `upload_${key}`,
		judged: `upload_${key}_judged`,
		source: `upload-${key}`
	};
}

/** The tables of one dataset (datasetTables). */
export type DatasetTables = ReturnType<typeof datasetTables>;

export const col = (index: number) => quoteIdent(`c${index}`);

export function roleColumns(
	mapping: ImportMapping,
	role: ColumnAssignment['role']
): ColumnAssignment[] {
	return mapping.roles.columns.filter((c) => c.role === role);
}

export function one(mapping: ImportMapping, role: ColumnAssignment['role']): number | null {
	return roleColumns(mapping, role)[0]?.index ?? null;
}

/** Give a staged table its dataset's name (replacing an older table of that name). */
export function renameTableQuery(from: string, to: string): BoundQuery {
	return {
		sql: `DROP TABLE IF EXISTS ${quoteIdent(to)}; ALTER TABLE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`,
		params: []
	};
}

/** The region-decision table of a dataset, from the person's choices (values bound). */
export function regionDecisionsQuery(
	table: string,
	decisions: readonly RegionDecision[]
): BoundQuery {
	if (decisions.length === 0) {
		return {
			sql: `CREATE OR REPLACE TABLE ${quoteIdent(table)} (written VARCHAR, kind VARCHAR, code VARCHAR)`,
			params: []
		};
	}
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
SELECT * FROM (VALUES ${decisions.map(() => '(?, ?, ?)').join(', ')}) t(written, kind, code)`,
		params: decisions.flatMap((d) => [d.written, d.kind, d.code])
	};
}

/** Distinct region cells with how many data rows carry each, for the review screen. */
export function writtenRegionsQuery(
	raw: string,
	regionColumn: number,
	headerRow: number
): BoundQuery {
	return {
		sql: `SELECT ${col(regionColumn)} AS written, count(*) AS rows, min(__row) AS first_row
FROM ${quoteIdent(raw)} WHERE __row > ? AND ${col(regionColumn)} IS NOT NULL AND trim(${col(regionColumn)}) <> ''
GROUP BY ALL ORDER BY first_row`,
		params: [headerRow]
	};
}

/**
 * The number of fields most data records have (the larger on a tie), as `width`; no row when the
 * file has no data rows. The dataset's columns are this many: a record with another number of
 * fields is a ragged row, and one long row does not make every other row short.
 */
export function usualWidthQuery(raw: string, headerRow: number): BoundQuery {
	return {
		sql: `SELECT __fields AS width FROM ${quoteIdent(raw)}
WHERE __row > ? AND NOT (__fields = 1 AND coalesce(c1, '') = '')
GROUP BY __fields ORDER BY count(*) DESC, __fields DESC LIMIT 1`,
		params: [headerRow]
	};
}

/** The data rows of the raw table: after the header, without blank lines. */
export function dataRowsSql(tables: DatasetTables, headerRow: number): string {
	return `SELECT * FROM ${quoteIdent(tables.raw)} WHERE __row > ${Number(headerRow)} AND NOT (__fields = 1 AND coalesce(c1, '') = '')`;
}

/**
 * One page of a dataset's problems, all kinds or only `kind`: in file order (row, then column; a
 * whole-row problem first), or with `kindOrder` the kinds in that order first (kinds it does not
 * list after them), each in file order. A problem's value is a cell, which can hold megabytes: the
 * page carries its first `valueChars` characters and its length.
 */
export function problemPageQuery(
	tables: DatasetTables,
	page: { kind: string | null; offset: number; limit: number; kindOrder?: readonly string[] },
	valueChars: number
): BoundQuery {
	const { kind, offset, limit, kindOrder = [] } = page;
	const rank =
		kindOrder.length > 0
			? `CASE kind ${kindOrder.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE ${kindOrder.length} END, `
			: '';
	return {
		sql: `SELECT row, col, left(value, ${Number(valueChars)}) AS value, length(value) AS value_length,
	kind, detail, severity
FROM ${quoteIdent(tables.problems)}${kind === null ? '' : ' WHERE kind = ?'}
ORDER BY ${rank}row NULLS FIRST, col NULLS FIRST, kind LIMIT ? OFFSET ?`,
		params: [...(kind === null ? [] : [kind]), ...kindOrder, limit, offset]
	};
}

/**
 * Rows kept aside, in row order: every cell as read (`c1`…, all the raw table has, a ragged row's
 * extra fields included; NULL where the record had no such field) and its errors as one text,
 * `kind` or `kind <column index>`, parted by '; '. A problem row the raw table does not hold (a
 * record the reader split otherwise) still comes, with NULL cells.
 */
export function rejectedRowsQuery(tables: DatasetTables): BoundQuery {
	return {
		sql: `SELECT p.row AS __rejected, p.errors, r.* EXCLUDE (__row, __fields)
FROM (SELECT row, string_agg(kind || coalesce(' ' || CAST(col AS VARCHAR), ''), '; ' ORDER BY col NULLS FIRST, kind) AS errors
	FROM ${quoteIdent(tables.problems)} WHERE severity = 'error' GROUP BY row) p
LEFT JOIN ${quoteIdent(tables.raw)} r ON r.__row = p.row
ORDER BY p.row`,
		params: []
	};
}

/** Everything a dataset added: its observations, definitions, source and tables. */
export function dropDatasetQueries(tables: DatasetTables): BoundQuery[] {
	return [
		{ sql: 'DELETE FROM observations WHERE source_id = ?', params: [tables.source] },
		{
			sql: `DELETE FROM indicator_definitions WHERE source_ids = ?`,
			params: [tables.source]
		},
		{ sql: 'DELETE FROM sources WHERE source_id = ?', params: [tables.source] },
		...[tables.rows, tables.problems, tables.judged, tables.regions, tables.raw].map((t) => ({
			sql: `DROP TABLE IF EXISTS ${quoteIdent(t)}`,
			params: []
		}))
	];
}
