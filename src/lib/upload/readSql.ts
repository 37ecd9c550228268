/**
 * From UTF-8 bytes to a raw text table in DuckDB, keeping every record of the file in order, with
 * its spreadsheet row number and how many fields it had, and every field's exact text.
 *
 * What DuckDB 1.4/1.5's read_csv does, found by experiment (see readSql.test.ts), and what we do:
 * - Empty unquoted fields become NULL under the default nullstr '', and `force_not_null` would turn
 *   the padding of short rows into '' as well. So nullstr is a sentinel that contains a NUL and
 *   cannot be a real field, `allow_quoted_nulls = false` keeps "" as '', and `null_padding = true`
 *   pads short rows with NULL: a NULL cell always means "the record had no such field", and
 *   `__fields` counts the non-NULL cells (padding is always at the end of a record).
 * - `null_padding` with quoted newlines is refused by the parallel scanner: `parallel = false`.
 * - Completely empty lines are skipped in the output, yet counted in the "Line" of its error
 *   messages (a record with quoted newlines counts once): that is the row a spreadsheet shows. The
 *   byte scan below finds the empty lines and the query adds them back into `__row`.
 * - strict_mode (the default) fails on a record with more fields than declared, on a quote
 *   followed by text ("x"y), and on a file mixing LF and CRLF line ends; with strict_mode off
 *   such fields are mangled or dropped silently, and an unterminated quote at the end of the file
 *   is silently turned into padding even in strict mode. So the byte scan is the judge of structure:
 *   it gives the widest record (declared columns are never fewer), the stray and unterminated
 *   quotes and the line-end kinds; strict_mode is turned off only for files the scan has already
 *   reported, so those load and their rows are named in the report.
 * - CR-only line ends and quoted newlines (LF or CRLF) are read correctly, but DuckDB's guess of
 *   the line end also looks inside quoted fields (a CRLF inside a quote in an LF file fails), so the
 *   scan's line end is passed as new_line. Writing `strict_mode = true` out loud together with
 *   new_line '\r\n' returns no rows at all (DuckDB 1.5.6), so strict mode is left as the default
 *   and only ever switched off.
 * - store_rejects only lists rows it leaves out of the result, which we never want, so it is not used.
 * - A field up to max_line_size bytes is read; the default (2 MB) is raised.
 */
import { quoteIdent, quoteLiteral } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import { CELL_EXCERPT_CHARS, cellExcerpt } from '$lib/domain/cellExcerpt';
import { BLANKS, trimmedMissingSql, trimmedNumberSql, trimmedSql } from './numbers';
import type { ColumnProfile, Dialect, UploadProblem } from './types';

/**
 * Columns an upload may have. Measured on native DuckDB and DuckDB-WASM with this file's own
 * staging and profile SQL (see columnLimit.measure.ts): the cost of profiling grows with every
 * column whatever the rows, and far wider tables run out of WASM memory while staging.
 */
export const MAX_COLUMNS = 1000;

/** The refusal of a file wider than MAX_COLUMNS, naming the file and its column count; else null. */
export function tooManyColumns(file: string, columns: number): UploadProblem | null {
	if (columns <= MAX_COLUMNS) return null;
	return { file, kind: 'too-many-columns', detail: String(columns), severity: 'error' };
}

/** Stands for "no such field" in read_csv; contains a NUL, which the app never puts in a field. */
const PADDING = '\u0000pengo:no-field\u0000';
const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Stray-quote rows remembered by the scan; a file with more is reported by its first ones. */
const MAX_REPORTED_ROWS = 1000;

/** What a byte-level pass over the whole file finds about its records. */
export interface RecordScan {
	/** Records in the file, empty lines included (the last row number a spreadsheet shows). */
	records: number;
	/** Row numbers of empty lines, which DuckDB leaves out of its result. */
	blankRows: number[];
	/** Fields in the widest record. */
	maxFields: number;
	lineEnds: { lf: number; crlf: number; cr: number };
	/** Row where a quoted field opens and never closes (it runs to the end of the file). */
	unterminatedQuoteRow: number | null;
	/** Rows where a closing quote is followed by text other than a delimiter or line end. */
	strayQuoteRows: number[];
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * One pass over UTF-8 bytes (no strings), splitting records the way RFC 4180 and DuckDB do:
 * a field that starts with the quote runs to the next quote not doubled.
 */
export function scanRecords(
	bytes: Uint8Array,
	dialect: Pick<Dialect, 'delimiter' | 'quote'>
): RecordScan {
	const delim = dialect.delimiter.charCodeAt(0);
	const quote = dialect.quote === '' ? -1 : dialect.quote.charCodeAt(0);
	const blankRows: number[] = [];
	const strayQuoteRows: number[] = [];
	const lineEnds = { lf: 0, crlf: 0, cr: 0 };
	let row = 1;
	let fields = 1;
	let maxFields = 0;
	let recordBytes = 0;
	let fieldStart = true;
	let inQuotes = false;
	let afterQuote = false;
	let unterminatedQuoteRow: number | null = null;
	const n = bytes.length;

	const endRecord = () => {
		if (recordBytes === 0) blankRows.push(row);
		else if (fields > maxFields) maxFields = fields;
		row++;
		fields = 1;
		recordBytes = 0;
		fieldStart = true;
		afterQuote = false;
	};

	for (let i = 0; i < n; i++) {
		const b = bytes[i]!;
		if (inQuotes) {
			recordBytes++;
			if (b === quote) {
				if (bytes[i + 1] === quote) {
					i++;
					recordBytes++;
				} else {
					inQuotes = false;
					afterQuote = true;
				}
			}
			continue;
		}
		if (b === LF || b === CR) {
			if (b === CR && bytes[i + 1] === LF) {
				i++;
				lineEnds.crlf++;
			} else if (b === CR) lineEnds.cr++;
			else lineEnds.lf++;
			endRecord();
			continue;
		}
		recordBytes++;
		if (b === delim) {
			fields++;
			fieldStart = true;
			afterQuote = false;
			continue;
		}
		if (fieldStart && b === quote) {
			inQuotes = true;
			fieldStart = false;
			continue;
		}
		if (afterQuote) {
			if (strayQuoteRows.at(-1) !== row && strayQuoteRows.length < MAX_REPORTED_ROWS) {
				strayQuoteRows.push(row);
			}
			afterQuote = false;
		}
		fieldStart = false;
	}
	if (inQuotes) unterminatedQuoteRow = row;
	// A last record without a line end still counts; an empty tail after the last line end does not.
	if (recordBytes > 0) endRecord();
	return {
		records: row - 1,
		blankRows,
		maxFields,
		lineEnds,
		unterminatedQuoteRow,
		strayQuoteRows
	};
}

/** The structural problems a scan found, each naming its row. */
export function scanProblems(scan: RecordScan, file: string): UploadProblem[] {
	const problems: UploadProblem[] = [];
	if (scan.records === scan.blankRows.length) {
		problems.push({ file, kind: 'empty-file', severity: 'error' });
	}
	if (scan.unterminatedQuoteRow !== null) {
		problems.push({
			file,
			row: scan.unterminatedQuoteRow,
			kind: 'unterminated-quote',
			detail:
				'The quoted field opened in this row is never closed; it runs to the end of the file.',
			severity: 'error'
		});
	}
	for (const row of scan.strayQuoteRows) {
		problems.push({
			file,
			row,
			kind: 'unterminated-quote',
			detail: 'A closing quote is followed by more text in the same field.',
			severity: 'error'
		});
	}
	return problems;
}

export function rawColumnName(index: number): string {
	return `c${index}`;
}

/**
 * CREATE OR REPLACE TABLE `table` (__row INTEGER, __fields INTEGER, c1 … cN VARCHAR) from a
 * registered UTF-8 file. N is the larger of `columnCount` and the scan's widest record. Without a
 * scan, empty lines shift later row numbers and structural faults are left to DuckDB's errors.
 */
export function readRawQuery(
	registeredName: string,
	dialect: Pick<Dialect, 'delimiter' | 'quote'>,
	columnCount: number,
	table: string,
	scan?: RecordScan
): BoundQuery {
	const n = Math.max(1, columnCount, scan?.maxFields ?? 0);
	// One declared column would make DuckDB keep empty lines as '' records; a spare column keeps the
	// rule "empty lines are skipped" the same for every width. It is not kept in the table.
	const declared = Math.max(n, 2);
	const names = Array.from({ length: declared }, (_, i) => rawColumnName(i + 1));
	const columns = `{${names.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`;
	const kept = names.slice(0, n).map(quoteIdent);
	const fieldCount = balancedSum(names.map((c) => `(${quoteIdent(c)} IS NOT NULL)::INTEGER`));
	const endKinds = scan ? (['lf', 'crlf', 'cr'] as const).filter((k) => scan.lineEnds[k] > 0) : [];
	const lenient =
		scan !== undefined &&
		(scan.unterminatedQuoteRow !== null || scan.strayQuoteRows.length > 0 || endKinds.length > 1);
	// DuckDB's own guess of the line end also looks inside quoted fields, so a CRLF in a quoted
	// field of an LF file makes it fail: the scan's answer is given instead (as escaped text,
	// the form the option accepts).
	const newLine =
		endKinds.length === 1 ? { lf: '\\n', crlf: '\\r\\n', cr: '\\r' }[endKinds[0]!] : null;
	// Empty line j (1-based among empty lines) at row b comes after b - j non-empty records.
	const gaps = JSON.stringify((scan?.blankRows ?? []).map((b, j) => b - (j + 1)));
	const quote = dialect.quote;
	const sql = `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
WITH parsed AS (
	SELECT row_number() OVER () AS __k, ${fieldCount} AS __fields, ${kept.join(', ')}
	FROM read_csv(?, header = false, auto_detect = false, columns = ${columns},
		delim = ?, quote = ?, escape = ?, null_padding = true, nullstr = ?,
		allow_quoted_nulls = false, parallel = false, max_line_size = ?,
		encoding = 'utf-8', skip = 0, comment = ''${lenient ? ', strict_mode = false' : ''}${newLine ? ', new_line = ?' : ''})
),
gaps AS (
	SELECT p, sum(count(*)) OVER (ORDER BY p) AS before
	FROM (SELECT unnest(CAST(? AS INTEGER[])) AS p)
	GROUP BY p
)
SELECT CAST(parsed.__k + coalesce(gaps.before, 0) AS INTEGER) AS __row,
	CAST(parsed.__fields AS INTEGER) AS __fields, ${kept.map((c) => `parsed.${c}`).join(', ')}
FROM parsed ASOF LEFT JOIN gaps ON parsed.__k > gaps.p
ORDER BY parsed.__k`;
	return {
		sql,
		params: [
			registeredName,
			dialect.delimiter,
			quote,
			quote,
			PADDING,
			MAX_LINE_BYTES,
			...(newLine ? [newLine] : []),
			gaps
		]
	};
}

/**
 * `a + b + c + …` nested as a balanced tree: a chain of N terms is N expressions deep, and DuckDB
 * refuses a query deeper than 1000 ("Max expression depth"); the tree is log2(N) deep.
 */
function balancedSum(terms: readonly string[]): string {
	if (terms.length <= 2) return terms.join(' + ');
	const half = Math.ceil(terms.length / 2);
	return `(${balancedSum(terms.slice(0, half))}) + (${balancedSum(terms.slice(half))})`;
}

/** A problem from DuckDB's message when read_csv fails, with the row when the message names one. */
export function structuralProblem(engineMessage: string, file: string): UploadProblem {
	const line = /CSV Error on Line: (\d+)/.exec(engineMessage);
	// DuckDB 1.5 puts the line's text on the line after "Original Line:".
	const original = /Original Line: ?\n?([^\n]*)/.exec(engineMessage);
	const kind: UploadProblem['kind'] = /unterminated quote/i.test(engineMessage)
		? 'unterminated-quote'
		: /Expected Number of Columns/i.test(engineMessage)
			? 'ragged-row'
			: 'unreadable';
	const firstLine = engineMessage.split('\n').find((l) => l.trim() !== '') ?? engineMessage;
	const problem: UploadProblem = { file, kind, detail: firstLine.trim(), severity: 'error' };
	if (line) problem.row = Number(line[1]);
	if (original) {
		const value = cellExcerpt(original[1]!);
		problem.value = value.text;
		if (value.cut) problem.valueLength = value.length;
	}
	return problem;
}

const EXAMPLES = 8;
/** Characters of an example text the profile carries (see columnProfilesQuery). */
const TEXT_CHARS = CELL_EXCERPT_CHARS;
/** Columns profiled by one query. */
export const PROFILE_BATCH_COLUMNS = 250;

/**
 * SQL: `expr` trimmed exactly as trimmedSql trims, but trim only runs on texts that start or end with
 * a blank. trim with a set of characters is costly per text, and most cells have nothing to trim;
 * comparing the first and last bytes is cheap, and UTF-8 keeps a prefix or suffix test exact.
 */
function trimmedCheaplySql(expr: string): string {
	const edges = [...BLANKS]
		.map(
			(c) => `starts_with(${expr}, ${quoteLiteral(c)}) OR ends_with(${expr}, ${quoteLiteral(c)})`
		)
		.join(' OR ');
	return `CASE WHEN ${edges} THEN ${trimmedSql(expr)} ELSE ${expr} END`;
}

/**
 * One row per column with what all its data rows (rows after `headerRow`) hold; read with
 * toColumnProfiles. Cells are judged trimmed (missing tokens, numbers, leading zeros); distinct
 * values and examples are the text as written.
 *
 * Everything a profile holds depends on a cell only through its text, so each column's cells are
 * first grouped by text, keeping how often each text occurs and the first row holding it. Trimming,
 * the missing test, the number pattern and the cast then run once per distinct text of a column
 * rather than once per cell, and every column's counts, bounds, first non-number and most frequent
 * texts come from one grouped pass over those texts (about 5× faster on a million rows).
 *
 * Results are plain scalar columns (examples as example_1 … example_8): a LIST arrives as an array
 * from native DuckDB but as an Arrow vector from DuckDB-WASM, which also lacks to_json. Example
 * texts are cut to their first CELL_EXCERPT_CHARS characters, with their whole length beside them
 * (example_1_length …): a cell can hold megabytes, and the page shows only the start of it.
 *
 * The query covers columns `first` … `columnCount`. Its planning cost grows faster than the number
 * of columns (native DuckDB, 50 rows: 500 columns 0.9 s, 1000 columns 4.5 s, 2000 columns 19 s),
 * so wide files are profiled PROFILE_BATCH_COLUMNS at a time (columnProfileBatches).
 */
export function columnProfilesQuery(
	table: string,
	columnCount: number,
	dialect: Pick<Dialect, 'decimal' | 'thousands' | 'missing'>,
	headerRow: number,
	first = 1
): BoundQuery {
	const n = Math.max(1, columnCount);
	const from = Math.min(Math.max(1, first), n);
	const indexes = Array.from({ length: n - from + 1 }, (_, i) => from + i);
	// A NULL cell is a field the record does not have, which counts as missing like an empty one.
	// Grouping each column on its own (one branch per column) is about twice as fast as unfolding
	// the table into (col, v) pairs first and grouping those.
	const texts = indexes
		.map((i) => {
			const c = quoteIdent(rawColumnName(i));
			return `SELECT ${i} AS col, ${c} AS v, count(*) AS k, min(__row) AS first_row
	FROM ${quoteIdent(table)} WHERE __row > ? AND ${c} IS NOT NULL GROUP BY ${c}`;
		})
		.join('\n\tUNION ALL\n\t');
	// Missing texts stay in `judged` and every aggregate skips them with FILTER: a WHERE on the trimmed
	// text would be pushed below the GROUP BY by the optimiser and run on every cell again.
	// The examples are the texts with the highest count, ties in text order; (-k, v) is unique per
	// column, so the eight smallest keys are one well-defined list, ranked.
	const examples = Array.from(
		{ length: EXAMPLES },
		(_, k) =>
			`left(ex[${k + 1}], ${TEXT_CHARS}) AS example_${k + 1}, length(ex[${k + 1}]) AS example_${k + 1}_length`
	).join(', ');
	const sql = `WITH texts AS (
	${texts}
),
judged AS (
	SELECT col, v, k, first_row, tv, miss,
		CASE WHEN NOT miss THEN ${trimmedNumberSql('tv', dialect)} END AS dv
	FROM (SELECT col, v, k, first_row, tv, ${trimmedMissingSql('tv', dialect)} AS miss
		FROM (SELECT col, v, k, first_row, ${trimmedCheaplySql('v')} AS tv FROM texts))
),
profiles AS (
	SELECT col,
		sum(k) FILTER (WHERE NOT miss) AS present,
		sum(k) FILTER (WHERE isfinite(dv)) AS "numeric",
		sum(k) FILTER (WHERE NOT miss AND regexp_full_match(tv, '0[0-9]+')) AS leading_zero,
		count(*) FILTER (WHERE NOT miss) AS distinct_values,
		min(first_row) FILTER (WHERE NOT miss AND NOT coalesce(isfinite(dv), false)) AS non_numeric_row,
		arg_min(v, first_row) FILTER (WHERE NOT miss AND NOT coalesce(isfinite(dv), false)) AS non_numeric_value,
		min(dv) FILTER (WHERE isfinite(dv)) AS min_value,
		max(dv) FILTER (WHERE isfinite(dv)) AS max_value,
		arg_min(v, row(-k, v), ${EXAMPLES}) FILTER (WHERE NOT miss) AS ex
	FROM judged
	GROUP BY col
)
SELECT wanted.col,
	CAST(coalesce(present, 0) AS BIGINT) AS present,
	CAST(coalesce(p."numeric", 0) AS BIGINT) AS "numeric",
	CAST(coalesce(leading_zero, 0) AS BIGINT) AS leading_zero,
	coalesce(distinct_values, 0) AS distinct_values,
	non_numeric_row, left(non_numeric_value, ${TEXT_CHARS}) AS non_numeric_value, min_value, max_value,
	${examples}
FROM (SELECT CAST(range AS INTEGER) AS col FROM range(${from}, ${n + 1})) AS wanted
LEFT JOIN profiles AS p USING (col)
ORDER BY wanted.col`;
	return { sql, params: indexes.map(() => headerRow) };
}

/** Column ranges [first, last] of at most PROFILE_BATCH_COLUMNS, covering 1 … columnCount. */
export function columnProfileBatches(columnCount: number): [number, number][] {
	const n = Math.max(1, columnCount);
	const batches: [number, number][] = [];
	for (let first = 1; first <= n; first += PROFILE_BATCH_COLUMNS) {
		batches.push([first, Math.min(n, first + PROFILE_BATCH_COLUMNS - 1)]);
	}
	return batches;
}

/** Turns columnProfilesQuery's rows (of every batch, in column order) into labelled profiles. */
export function toColumnProfiles(
	rows: Record<string, unknown>[],
	headers: string[]
): ColumnProfile[] {
	const padded = rows.map((_, i) => headers[i] ?? '');
	const { labels } = headerLabels(padded, '', 0);
	const exampleSlots = (r: Record<string, unknown>) =>
		Array.from({ length: EXAMPLES }, (_, k) => k + 1).filter(
			(k) => r[`example_${k}`] !== null && r[`example_${k}`] !== undefined
		);
	return rows.map((r, i) => {
		const present = Number(r.present);
		const numeric = Number(r.numeric);
		const mostlyNumeric = numeric > 0 && numeric >= present / 2;
		const nonNumericRow = r.non_numeric_row == null ? null : Number(r.non_numeric_row);
		return {
			index: Number(r.col),
			header: padded[i]!,
			label: labels[i]!,
			present,
			numeric,
			leadingZero: Number(r.leading_zero),
			distinct: Number(r.distinct_values),
			examples: exampleSlots(r).map((k) => String(r[`example_${k}`])),
			exampleLengths: exampleSlots(r).map((k) => Number(r[`example_${k}_length`])),
			firstNonNumeric:
				mostlyNumeric && nonNumericRow !== null
					? { row: nonNumericRow, value: String(r.non_numeric_value) }
					: null,
			min: r.min_value == null ? null : Number(r.min_value),
			max: r.max_value == null ? null : Number(r.max_value)
		};
	});
}

/** A header cell as the upload keeps it: whole, or its first characters and "…" when very long. */
export function headerText(cell: string): string {
	const header = cellExcerpt(cell);
	return header.cut ? `${header.text}…` : header.text;
}

/**
 * Names safe to show and unique within the file, ignoring case (DuckDB identifiers ignore case):
 * the trimmed header, "column N" when it is empty, and " (2)", " (3)" … after a repeat. Header text
 * is only ever text here. With headerRow 0 (no header row) no problems are reported.
 */
export function headerLabels(
	headers: string[],
	file: string,
	headerRow = 1
): { labels: string[]; problems: UploadProblem[] } {
	const problems: UploadProblem[] = [];
	const labels: string[] = new Array<string>(headers.length);
	const used = new Set<string>();
	const unique = (base: string) => {
		let label = base;
		for (let k = 2; used.has(label.toLowerCase()); k++) label = `${base} (${k})`;
		used.add(label.toLowerCase());
		return label;
	};
	const report = (problem: Omit<UploadProblem, 'file' | 'severity'>) => {
		if (headerRow > 0) problems.push({ file, row: headerRow, severity: 'warning', ...problem });
	};
	const firstExact = new Map<string, number>();
	const firstFolded = new Map<string, number>();
	// Real names first, so a generated "column 3" never takes the name a header gives itself.
	headers.forEach((raw, i) => {
		const h = raw.trim();
		if (h === '') return;
		const label = unique(h);
		labels[i] = label;
		const exact = firstExact.get(h);
		const folded = firstFolded.get(h.toLowerCase());
		if (exact !== undefined) {
			report({
				column: raw,
				value: raw,
				kind: 'duplicate-header',
				detail: `${label} (as column ${exact + 1})`
			});
		} else if (folded !== undefined) {
			report({
				column: raw,
				value: raw,
				kind: 'case-colliding-header',
				detail: `${label} (as column ${folded + 1})`
			});
		}
		if (exact === undefined) firstExact.set(h, i);
		if (folded === undefined) firstFolded.set(h.toLowerCase(), i);
	});
	headers.forEach((raw, i) => {
		if (raw.trim() !== '') return;
		const label = unique(`column ${i + 1}`);
		labels[i] = label;
		report({ column: label, kind: 'empty-header', detail: label });
	});
	return { labels, problems };
}
