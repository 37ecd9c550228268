import type { CellProblem, ColumnSpec, TableSpec } from '$lib/domain/tableSpec';
import { quoteIdent, quoteLiteral } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import { unionChecks } from './ingest';

/**
 * The ingest pipeline's SQL for a bundled file (src/lib/data/ingest.ts describes the stages): read
 * it by its header's names, every column as text, so that one bad cell becomes a reported problem
 * (file, line, column, value) instead of a failed cast somewhere deep in the engine; judge every
 * cell against the file's TableSpec; load the typed table once nothing was found.
 */

export const LINE = '__line';

export function rawTableName(spec: TableSpec): string {
	return `raw_${spec.table}`;
}

/**
 * Columns the header lacks, and header names the spec does not know. Checked before reading, so
 * the read can name every column itself and never has to guess the dialect.
 */
export function headerProblems(spec: TableSpec, header: readonly string[]): CellProblem[] {
	const known = new Set(spec.columns.map((c) => c.name));
	const present = new Set(header);
	const problems: CellProblem[] = [];
	for (const c of spec.columns) {
		if (!present.has(c.name))
			problems.push({ file: spec.file, line: 1, column: c.name, kind: 'missing-column' });
	}
	for (const name of header) {
		if (!known.has(name))
			problems.push({
				file: spec.file,
				line: 1,
				column: name,
				value: name,
				kind: 'unexpected-column'
			});
	}
	return problems;
}

/**
 * Read the registered file into a text-only table, numbering lines as a person counts them (the
 * header is line 1). `header` must have passed headerProblems: every name is one of the spec's own.
 */
export function readRawQuery(
	spec: TableSpec,
	registeredName: string,
	header: readonly string[]
): BoundQuery {
	const known = new Set(spec.columns.map((c) => c.name));
	const columns = header.map((name) => {
		if (!known.has(name)) throw new Error(`${spec.file}: unexpected column ${name}`);
		return `${quoteLiteral(name)}: 'VARCHAR'`;
	});
	const sql = `CREATE OR REPLACE TABLE ${quoteIdent(rawTableName(spec))} AS
SELECT (row_number() OVER ()) + 1 AS ${quoteIdent(LINE)}, *
FROM read_csv(?, header = true, auto_detect = false, columns = {${columns.join(', ')}},
	delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
	return { sql, params: [registeredName] };
}

const NUMBER_CAST = { integer: 'BIGINT', double: 'DOUBLE' } as const;

type Param = BoundQuery['params'][number];

/** One SELECT per check, each yielding a ProblemRow (sql/ingest.ts), every one an error. */
function columnChecks(spec: TableSpec, column: ColumnSpec): BoundQuery[] {
	const c = quoteIdent(column.name);
	const raw = quoteIdent(rawTableName(spec));
	const check = (kind: string, where: string, whereParams: Param[] = [], detail: Param = null) => ({
		sql: `SELECT ${quoteIdent(LINE)} AS row, ? AS col, ${c} AS value, ? AS kind, ?::VARCHAR AS detail, 'error' AS severity FROM ${raw} WHERE ${where}`,
		params: [column.name, kind, detail, ...whereParams]
	});
	const present = `${c} IS NOT NULL AND trim(${c}) <> ''`;
	const checks: BoundQuery[] = [];
	if (column.required) checks.push(check('empty', `${c} IS NULL OR trim(${c}) = ''`));
	if (column.type === 'integer' || column.type === 'double') {
		const cast = `TRY_CAST(trim(${c}) AS ${NUMBER_CAST[column.type]})`;
		const kind = column.type === 'integer' ? 'not-integer' : 'not-number';
		checks.push(check(kind, `${present} AND (${cast} IS NULL OR NOT isfinite(${cast}))`));
		const bounds: string[] = [];
		const params: number[] = [];
		if (column.min !== undefined) {
			bounds.push(`${cast} < ?`);
			params.push(column.min);
		}
		if (column.max !== undefined) {
			bounds.push(`${cast} > ?`);
			params.push(column.max);
		}
		if (bounds.length > 0) {
			const range = `${column.min ?? ''} … ${column.max ?? ''}`;
			checks.push(
				check('out-of-range', `${cast} IS NOT NULL AND (${bounds.join(' OR ')})`, params, range)
			);
		}
	}
	if (column.type === 'boolean') {
		checks.push(check('not-boolean', `${present} AND lower(trim(${c})) NOT IN ('true', 'false')`));
	}
	if (column.allowed) {
		const marks = column.allowed.map(() => '?').join(', ');
		checks.push(
			check(
				'not-allowed',
				`${present} AND ${c} NOT IN (${marks})`,
				[...column.allowed],
				column.allowed.join(', ')
			)
		);
	}
	if (column.pattern) {
		checks.push(
			check(
				'bad-format',
				`${present} AND NOT regexp_full_match(${c}, ?)`,
				[column.pattern],
				column.pattern
			)
		);
	}
	if (column.references) {
		const { table, column: target } = column.references;
		checks.push(
			check(
				'unknown-reference',
				`${present} AND ${c} NOT IN (SELECT ${quoteIdent(target)} FROM ${quoteIdent(table)} WHERE ${quoteIdent(target)} IS NOT NULL)`,
				[],
				`${table}.${target}`
			)
		);
	}
	return checks;
}

/** Every cell problem in the file, first `limit` in file order, plus the total count. */
export function problemsQuery(spec: TableSpec, limit = 50): BoundQuery {
	const parts = spec.columns.flatMap((column) => columnChecks(spec, column));
	if (parts.length === 0) {
		return { sql: 'SELECT NULL AS row WHERE false', params: [] };
	}
	const union = unionChecks(parts);
	return {
		sql: `WITH problems AS (${union.sql})
SELECT row, col, value, kind, detail, severity, count(*) OVER () AS total
FROM problems ORDER BY row, col LIMIT ?`,
		params: [...union.params, limit]
	};
}

const TYPED = { text: 'VARCHAR', integer: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN' } as const;

/** The typed table, built only after problemsQuery came back empty. */
export function createTypedQuery(spec: TableSpec): BoundQuery {
	const columns = spec.columns.map((column) => {
		const c = quoteIdent(column.name);
		const cleaned = column.type === 'text' ? c : `NULLIF(trim(${c}), '')`;
		return `CAST(${cleaned} AS ${TYPED[column.type]}) AS ${c}`;
	});
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(spec.table)} AS SELECT ${quoteIdent(LINE)}, ${columns.join(', ')} FROM ${quoteIdent(rawTableName(spec))} ORDER BY ${quoteIdent(LINE)}`,
		params: []
	};
}
