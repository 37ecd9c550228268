/**
 * SQL shared by both kinds of file in the ingest pipeline's judge stage (the stages are described
 * in src/lib/data/ingest.ts): every check is one SELECT yielding the same problem columns, and the
 * checks run as one query.
 */
import type { BoundQuery } from '$lib/db/connector';

/** 'error' keeps a row out of an upload and fails a bundled file; a 'warning' row loads. */
export type Severity = 'error' | 'warning';

/**
 * One problem as a check yields it, in this column order: the row as a spreadsheet counts it (the
 * header is row 1; NULL for the whole file), the column (a bundled file's column name, an upload's
 * 1-based column index; NULL for the whole row), the cell's text, the kind, a detail (allowed
 * values, bounds, the first row of a duplicate) and the severity.
 */
export type ProblemRow<Column extends string | number> = {
	row: number | null;
	col: Column | null;
	value: string | null;
	kind: string;
	detail: string | null;
	severity: Severity;
};

/** The checks, each a SELECT yielding ProblemRow's columns, as one UNION ALL (params in order). */
export function unionChecks(checks: readonly BoundQuery[]): BoundQuery {
	return {
		sql: checks.map((c) => c.sql).join('\nUNION ALL\n'),
		params: checks.flatMap((c) => [...c.params])
	};
}
