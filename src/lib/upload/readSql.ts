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
 *   quotes and the line-end kinds, and prepareText (records.ts) writes each broken field as a
 *   proper quoted field of its text and mixed line ends as LF before DuckDB reads it, so DuckDB
 *   reads the records the step-2 preview shows. strict_mode is still turned off for files the
 *   scan has reported, in case bytes come here without prepareText.
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
import { cellExcerpt } from '$lib/domain/cellExcerpt';
import type { RecordScan } from './recordScan';
import type { Dialect, UploadProblem } from './types';

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
	const read = `read_csv(?, header = false, auto_detect = false, columns = ${columns},
		delim = ?, quote = ?, escape = ?, null_padding = true, nullstr = ?,
		allow_quoted_nulls = false, parallel = false, max_line_size = ?,
		encoding = 'utf-8', skip = 0, comment = ''${lenient ? ', strict_mode = false' : ''}${newLine ? ', new_line = ?' : ''})`;
	const params = [
		registeredName,
		dialect.delimiter,
		quote,
		quote,
		PADDING,
		MAX_LINE_BYTES,
		...(newLine ? [newLine] : [])
	];
	// Without empty lines a record's number is its place in the file: row_number() OVER () streams
	// and the table is written as the file is read. The join below (and its ORDER BY) holds every
	// record at once, about as much memory again as the table: a 10 M-row file staged this way
	// runs out of DuckDB-WASM's memory where the streaming form fits.
	if (!scan || scan.blankRows.length === 0) {
		const sql = `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
SELECT CAST(row_number() OVER () AS INTEGER) AS __row, CAST(${fieldCount} AS INTEGER) AS __fields,
	${kept.join(', ')}
FROM ${read}`;
		return { sql, params };
	}
	const sql = `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
WITH parsed AS (
	SELECT row_number() OVER () AS __k, ${fieldCount} AS __fields, ${kept.join(', ')}
	FROM ${read}
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
	return { sql, params: [...params, gaps] };
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
