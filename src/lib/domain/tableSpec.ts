/** What a column of a bundled CSV must hold. Validation SQL is generated from these specs. */
export type ColumnType = 'text' | 'integer' | 'double' | 'boolean';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	/** An empty cell is a problem. */
	required?: boolean;
	/** The only values allowed (text columns). */
	allowed?: readonly string[];
	/** A full-match regular expression the text must satisfy. */
	pattern?: string;
	/** Inclusive numeric bounds. */
	min?: number;
	max?: number;
	/** Every value must exist in this column of an already loaded table. */
	references?: { table: string; column: string };
}

export interface TableSpec {
	/** File name as shipped (the name a person sees in error messages). */
	file: string;
	/** The typed table created from it. */
	table: string;
	columns: readonly ColumnSpec[];
}

export type ProblemKind =
	| 'missing-column'
	| 'unexpected-column'
	| 'empty'
	| 'not-integer'
	| 'not-number'
	| 'not-boolean'
	| 'not-allowed'
	| 'bad-format'
	| 'out-of-range'
	| 'unknown-reference'
	| 'unreadable';

/** One thing wrong with one cell (or with the file as a whole, when row and column are absent). */
export interface CellProblem {
	file: string;
	/** 1-based line in the file, counting the header as line 1. */
	line?: number;
	column?: string;
	value?: string;
	kind: ProblemKind;
	/** Extra detail: the allowed values, the bounds, or the engine's own message. */
	detail?: string;
}
