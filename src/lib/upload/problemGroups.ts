/**
 * The report's problems by kind: which kinds come first, how many each has, and the pages of one
 * kind. Counts come from the problems table (a SQL count over the whole file), never from the
 * capped list the report carries.
 */
import type { Evidence } from './evidence';
import type { UploadProblem, UploadProblemKind } from './types';

/**
 * Kinds in the order a person should read them: what stops the whole file, then the file's
 * encoding and structure (a broken quote or a ragged row means the rows around it may be misread), the header,
 * the row errors (the row is kept aside), and last the warnings (the row loads or is skipped).
 */
export const KIND_ORDER: readonly UploadProblemKind[] = [
	'too-large',
	'too-many-columns',
	'too-many-cells',
	'parquet-in-browser',
	'workbook-unreadable',
	'empty-file',
	'not-text',
	'unreadable',
	'cancelled',
	'engine-offline',
	'windows-1252-rows',
	'unterminated-quote',
	'ragged-row',
	'empty-header',
	'duplicate-header',
	'case-colliding-header',
	'conflicting-duplicate',
	'unknown-region',
	'zone-total',
	'unknown-area',
	'blank-indicator-name',
	'bad-year',
	'not-number',
	'percent-out-of-range',
	'bad-weight',
	'not-binary',
	'repeated-row',
	'island-total',
	'missing-value',
	'few-cases',
	'suppressed-cases'
];

/** Kinds that say the file's records themselves are broken, not one value in them. */
export const STRUCTURAL_KINDS: ReadonlySet<UploadProblemKind> = new Set([
	'windows-1252-rows',
	'unterminated-quote',
	'ragged-row'
]);

export interface ProblemGroup {
	kind: UploadProblemKind;
	count: number;
}

const rank = (kind: UploadProblemKind) => {
	const i = KIND_ORDER.indexOf(kind);
	return i === -1 ? KIND_ORDER.length : i;
};

/** The kinds that occur, in KIND_ORDER (a kind it does not list last, by name), with their counts. */
export function problemGroups(counts: Partial<Record<UploadProblemKind, number>>): ProblemGroup[] {
	return (Object.entries(counts) as [UploadProblemKind, number | undefined][])
		.filter((e): e is [UploadProblemKind, number] => (e[1] ?? 0) > 0)
		.map(([kind, count]) => ({ kind, count }))
		.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind));
}

/** The structural problems of a list (as the preview finds them), counted by kind, in order. */
export function structuralGroups(problems: readonly UploadProblem[]): ProblemGroup[] {
	const counts: Partial<Record<UploadProblemKind, number>> = {};
	for (const p of problems) {
		if (STRUCTURAL_KINDS.has(p.kind)) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
	}
	return problemGroups(counts);
}

export const PAGE_SIZE = 50;

/** One page of `total` problems: its 0-based index, the 1-based first and last shown, the offset. */
export interface ProblemPageRange {
	page: number;
	pages: number;
	offset: number;
	/** 1-based number of the first problem shown; 0 when there are none. */
	first: number;
	last: number;
	total: number;
}

/** Page `page` (clamped to the pages there are) of `total` problems, `size` a page. */
export function pageRange(total: number, page: number, size = PAGE_SIZE): ProblemPageRange {
	const pages = Math.max(1, Math.ceil(total / size));
	const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
	const offset = p * size;
	return {
		page: p,
		pages,
		offset,
		first: total === 0 ? 0 : offset + 1,
		last: Math.min(offset + size, total),
		total
	};
}

/**
 * Records of the sniffed sample whose field count differs from most records', from the sniff's
 * delimiter evidence (the whole file when it fits the sample): ragged rows and the records a broken
 * quote made. Null when they all agree or the sniff gave no such evidence (a dialect the person set).
 */
export function sampleOddRecords(
	evidence: readonly Evidence[]
): { odd: number; records: number; fields: number } | null {
	const delimiter = evidence.find((e) => e.key === 'delimiter');
	if (!delimiter) return null;
	const records = Number(delimiter.params.rows);
	const odd = records - Number(delimiter.params.matching);
	const fields = Number(delimiter.params.fields);
	return odd > 0 && Number.isFinite(odd) ? { odd, records, fields } : null;
}
