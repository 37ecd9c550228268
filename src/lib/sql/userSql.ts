/**
 * SQL typed by an analyst, run read-only over the loaded tables.
 *
 * The typed text never reaches DuckDB as SQL of its own: it is a bound value of DuckDB's `query()`
 * table function (`SELECT … FROM query(?)`), which parses it and accepts exactly one SELECT-like
 * statement (SELECT, WITH, FROM-first, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE, PIVOT with its
 * values listed) and refuses everything else (DROP, INSERT, COPY, ATTACH, INSTALL, LOAD, SET,
 * PRAGMA, CALL, several statements). EXPLAIN is written around that wrapper.
 *
 * A SELECT could still name files, through a table function (`read_csv(…)`, `glob(…)`) or a file
 * name in FROM (`'data.csv'`, `'https://…'`, read by replacement scan). The engine itself reads
 * nothing but the app's registered buffers and cannot be reconfigured (src/lib/db/lockdown.ts);
 * the text checks here are a second line that refuses early with a clearer message: a table
 * function not on a short read-nothing list, named before `(`; anything that looks like a
 * data-file name or a URL, wherever it stands, also when spelled as quoted name parts
 * (`"data/x"."csv"`); and escape strings (`E'\x3a'`) and Unicode escapes, which can spell what
 * the checks look for. They err on the side of refusing (a string value `'x.csv'` is refused too).
 *
 * (json_serialize_sql would give a parse tree, but DuckDB-WASM does not build in the json
 * extension and loading it would fetch it from extensions.duckdb.org.)
 */
import { CELL_EXCERPT_CHARS } from '$lib/domain/cellExcerpt';
import { quoteLiteral } from '$lib/db/quote';

/** Rows fetched for the on-screen table; one more is asked for to know that there are more. */
export const DISPLAY_ROW_LIMIT = 10_000;
/** Rows a CSV download holds at most. */
export const CSV_ROW_LIMIT = 100_000;
/**
 * Characters of a text cell fetched for the screen; a longer cell comes with its full length. A
 * single cell of 100 million characters would otherwise cross to the page and into the DOM whole.
 */
export const DISPLAY_CELL_CHARS = CELL_EXCERPT_CHARS;
/** A query still running after this long is stopped, and the panel says so beforehand. */
export const QUERY_TIME_LIMIT_MS = 60_000;

/** Why a statement was refused before it ran. */
export type Refusal =
	| { kind: 'empty' }
	| { kind: 'not-read-only'; keyword: string }
	| { kind: 'several-statements'; count: number }
	| { kind: 'pivot-needs-values' }
	| { kind: 'unicode-escape' }
	| { kind: 'escape-string' }
	| { kind: 'nul-character' }
	| { kind: 'table-function'; name: string }
	| { kind: 'file'; name: string };

export class SqlRefusedError extends Error {
	readonly refusal: Refusal;
	constructor(refusal: Refusal) {
		super(`refused: ${refusal.kind}`);
		this.name = 'SqlRefusedError';
		this.refusal = refusal;
	}
}

/** DuckDB refused the query (parse, bind or run time); `message` is DuckDB's own text, trimmed. */
export class SqlEngineError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SqlEngineError';
	}
}

export type ResultCell = string | number | null;

export interface ResultColumn {
	name: string;
	/** DuckDB's type name, e.g. `DOUBLE`, `VARCHAR`, `STRUCT(a INTEGER)`. */
	type: string;
	/** Numbers come back as numbers; every other type as DuckDB's text form. */
	numeric: boolean;
}

export interface UserSqlResult {
	columns: ResultColumn[];
	/** At most `limit` rows, in the query's order; text cut to `cellChars` when that is set. */
	rows: ResultCell[][];
	/** The full length of each text cell that was cut, by row and column index. */
	cut: { row: number; column: number; length: number }[];
	/** How many rows the whole result has (counted separately when it is over the limit). */
	totalRows: number;
	truncated: boolean;
	/** Wall-clock time of the whole run: checks, query and count. */
	elapsedMs: number;
}

/** Table functions that read nothing outside the database and change nothing. */
const ALLOWED_TABLE_FUNCTIONS = new Set([
	'range',
	'generate_series',
	'unnest',
	'repeat',
	'repeat_row',
	'json_each',
	'json_tree',
	'pragma_table_info',
	'pragma_show',
	'pragma_version',
	'pragma_database_size',
	'pragma_storage_info',
	'pragma_platform',
	'pragma_collations'
]);

export function isAllowedTableFunction(name: string): boolean {
	const lower = name.toLowerCase();
	if (ALLOWED_TABLE_FUNCTIONS.has(lower)) return true;
	// The catalogue functions (duckdb_tables(), duckdb_columns(), …) only describe the database.
	return lower.startsWith('duckdb_') && lower !== 'duckdb_secrets';
}

const SPACE = /\s/;

/**
 * The statements in the text, as ranges without surrounding whitespace, comments and semicolons.
 * Strings, quoted names, comments and dollar quotes are skipped whole, so a `;` or `--` inside
 * them splits nothing. Only used to trim the text and to word a refusal: DuckDB's parser decides.
 */
export function statementRanges(text: string): { start: number; end: number }[] {
	const ranges: { start: number; end: number }[] = [];
	let current: { start: number; end: number } | null = null;
	const mark = (from: number, to: number) => {
		if (!current) {
			current = { start: from, end: to };
			ranges.push(current);
		} else current.end = to;
	};
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		if (c === ';') {
			current = null;
			i++;
		} else if (SPACE.test(c)) {
			i++;
		} else if (c === '-' && text[i + 1] === '-') {
			const nl = text.indexOf('\n', i);
			i = nl < 0 ? text.length : nl + 1;
		} else if (c === '/' && text[i + 1] === '*') {
			let depth = 1;
			i += 2;
			while (i < text.length && depth > 0) {
				if (text.startsWith('/*', i)) {
					depth++;
					i += 2;
				} else if (text.startsWith('*/', i)) {
					depth--;
					i += 2;
				} else i++;
			}
		} else if (c === "'" || c === '"') {
			const from = i;
			i++;
			while (i < text.length) {
				if (text[i] === c && text[i + 1] === c) i += 2;
				else if (text[i] === c) break;
				else i++;
			}
			i = Math.min(i + 1, text.length);
			mark(from, i);
		} else if (c === '$') {
			const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
			const from = i;
			if (tag) {
				const close = text.indexOf(tag[0], i + tag[0].length);
				i = close < 0 ? text.length : close + tag[0].length;
			} else i++;
			mark(from, i);
		} else {
			mark(i, i + 1);
			i++;
		}
	}
	return ranges;
}

/** The text from the first statement's start to the last one's end. */
export function significantRange(text: string): { start: number; end: number } {
	const ranges = statementRanges(text);
	return ranges.length === 0
		? { start: 0, end: 0 }
		: { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
}

const IDENT_CHAR = '[A-Za-z0-9_$\\u0080-\\uFFFF]';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first denied table function called in the text: its name (bare or in double quotes, any
 * case, after a schema or not) followed by `(`, or by a comment that could hide the `(`.
 */
export function findTableFunctionCall(text: string, denied: readonly string[]): string | null {
	for (const name of denied) {
		const call = new RegExp(`(?<!${IDENT_CHAR})"?${escapeRegExp(name)}"?\\s*(\\(|/\\*|--)`, 'i');
		if (call.test(text)) return name;
	}
	return null;
}

/** Extensions DuckDB reads by replacement scan (with optional compression), and URL schemes. */
const FILE_LIKE =
	/\.(?:csv|tsv|parquet|json|jsonl|ndjson)(?:\.(?:gz|zst))?(?![A-Za-z0-9_])|[A-Za-z][A-Za-z0-9+.-]*:\/\/|^\s*['"]?(?:\/|~|\.\.?\/)/i;

/**
 * Dotted names with their quotes taken off: DuckDB reads `"data/x"."csv"` and `data.csv` as the
 * file `data/x.csv` by replacement scan when no table has that name.
 */
function joinNameParts(text: string): string {
	return text
		.replace(/"\s*\.\s*"/g, '.')
		.replace(/"\s*\.\s*/g, '.')
		.replace(/\s*\.\s*"/g, '.');
}

/** The first thing in the text that looks like a data file or URL, as the quoted text holding it. */
export function findFileName(text: string): string | null {
	const quoted = /'(?:[^']|'')*'|"(?:[^"]|"")*"/g;
	for (const source of [text, joinNameParts(text)]) {
		for (const match of source.matchAll(quoted)) {
			const inner = match[0].slice(1, -1);
			if (FILE_LIKE.test(inner) || /^(?:\/|~|\.\.?\/)/.test(inner)) return inner;
		}
	}
	const joined = joinNameParts(text);
	const bare = FILE_LIKE.exec(text) ?? FILE_LIKE.exec(joined);
	return bare ? bare[0].trim() : null;
}

function firstKeyword(body: string): string {
	return (/^[A-Za-z_]+/.exec(body)?.[0] ?? body.slice(0, 12)).toUpperCase();
}

/** The text to run, after the guard: EXPLAIN's operand or the whole statement. */
export interface CheckedSql {
	body: string;
	explain: '' | 'EXPLAIN' | 'EXPLAIN ANALYZE';
}

/**
 * Statements that are not queries, by their first word: refused with a clear reason. Any other
 * text goes on to DuckDB, whose query() accepts a single SELECT-like statement only, so a typo
 * such as `SELEC 1` gets DuckDB's own syntax error.
 */
const NOT_A_QUERY = new Set(
	(
		'ABORT ALTER ANALYZE ATTACH BEGIN CALL CHECKPOINT COMMENT COMMIT COPY CREATE DEALLOCATE ' +
		'DELETE DETACH DROP END EXECUTE EXPORT FORCE IMPORT INSERT INSTALL LOAD MERGE PRAGMA ' +
		'PREPARE RESET ROLLBACK SET START TRUNCATE UPDATE USE VACUUM'
	).split(' ')
);

/**
 * Refuses, before anything runs, what the text checks can see: empty text, a statement that is
 * not a query, several statements, a table function on the `denied` list (the catalogue's
 * file-reading ones), a file name or URL.
 * DuckDB's query() still refuses any other statement when the text runs.
 */
export function checkUserSqlText(text: string, denied: readonly string[]): CheckedSql {
	const range = significantRange(text);
	let body = text.slice(range.start, range.end);
	let explain: CheckedSql['explain'] = '';
	const prefix = /^explain(\s+analyze)?\s+/i.exec(body);
	if (prefix) {
		explain = prefix[1] ? 'EXPLAIN ANALYZE' : 'EXPLAIN';
		const rest = body.slice(prefix[0].length);
		const inner = significantRange(rest);
		body = rest.slice(inner.start, inner.end);
	}
	if (body === '') throw new SqlRefusedError({ kind: 'empty' });
	const count = statementRanges(body).length;
	if (count > 1) throw new SqlRefusedError({ kind: 'several-statements', count });
	const keyword = firstKeyword(body);
	if (NOT_A_QUERY.has(keyword)) throw new SqlRefusedError({ kind: 'not-read-only', keyword });
	if (body.includes('\u0000')) throw new SqlRefusedError({ kind: 'nul-character' });
	if (/U&\s*['"]/i.test(body)) throw new SqlRefusedError({ kind: 'unicode-escape' });
	// E'…' strings turn \x3a into ':' and \x2e into '.' after the text checks have looked.
	if (/(?<![A-Za-z0-9_$\u0080-\uFFFF"'])E'/i.test(body))
		throw new SqlRefusedError({ kind: 'escape-string' });
	const fn = findTableFunctionCall(body, denied);
	if (fn) throw new SqlRefusedError({ kind: 'table-function', name: fn });
	const file = findFileName(body);
	if (file !== null) throw new SqlRefusedError({ kind: 'file', name: file });
	if (keyword === 'PIVOT' && !/\bIN\s*\(/i.test(body))
		throw new SqlRefusedError({ kind: 'pivot-needs-values' });
	return { body, explain };
}

/**
 * The typed text as a subquery, parsed by DuckDB as a single SELECT. It is written as a string
 * literal through the one quoting function rather than bound: DuckDB-WASM can interrupt only a
 * statement without bound values (its pending-query API takes none). A standard '…' literal with
 * its quotes doubled is read back verbatim (backslashes are plain characters outside E'…'), and
 * a test checks that against a bound value for arbitrary text.
 */
export function fromQuery(body: string): string {
	return `FROM query(${quoteLiteral(body)})`;
}

const NUMERIC_TYPE =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;

export function isNumericType(type: string): boolean {
	return NUMERIC_TYPE.test(type.trim().toUpperCase());
}

/**
 * DuckDB's message without what a person cannot use: the "LINE n: … ^" pointer (it points into
 * the wrapper, not the typed text), JavaScript stack frames, and anything past a few lines.
 */
export function engineMessage(error: unknown): string {
	const raw = error instanceof Error ? error.message : String(error);
	const lines: string[] = [];
	for (const line of raw.replace(/\r\n?/g, '\n').split('\n')) {
		if (/^LINE \d+:/.test(line) || /^\s+at\s/.test(line)) break;
		lines.push(line);
	}
	while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
	const text = lines.slice(0, 6).join('\n').trim() || raw.split('\n')[0]!.trim();
	return text.length > 600 ? `${text.slice(0, 599)}…` : text;
}

/** A loaded table or view, as the explorer lists it. */
export interface Relation {
	schema: string;
	name: string;
	kind: 'table' | 'view';
	columns: { name: string; type: string }[];
	/** What to insert in the editor: the quoted name, with its schema when that is not `main`. */
	reference: string;
}

/** What the panel opens with: regions ranked by the urban–rural gap in household phone ownership. */
export const DEFAULT_USER_SQL = `SELECT r.name_official AS region,
  round(u.value, 1) AS urban_pct,
  round(ru.value, 1) AS rural_pct,
  round(u.value - ru.value, 1) AS gap_pp
FROM observations u
JOIN observations ru USING (indicator_id, geo_level, geo_code, year)
JOIN regions r ON r.iso_code = u.geo_code
WHERE u.indicator_id = 'hh_owns_mobile' AND u.year = 2024
  AND u.geo_level = 'region' AND u.area = 'urban' AND ru.area = 'rural'
ORDER BY u.value - ru.value DESC;`;
