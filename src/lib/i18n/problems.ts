import type { CellProblem } from '$lib/domain/tableSpec';
import type { UrlProblem } from '$lib/domain/urlProblem';
import { m } from '$lib/paraglide/messages.js';

/** One sentence per problem: where (file, line, column, value), what is wrong, in the UI language. */
export function describeProblem(p: CellProblem): { where: string; what: string } {
	const where = [
		p.file,
		p.line !== undefined ? m.problem_line({ line: String(p.line) }) : null,
		p.column !== undefined ? m.problem_column({ column: p.column }) : null,
		p.value !== undefined ? m.problem_value({ value: p.value }) : null
	]
		.filter((x): x is string => x !== null)
		.join(', ');
	const detail = p.detail ?? '';
	const what = {
		'missing-column': () => m.problem_missing_column(),
		'unexpected-column': () => m.problem_unexpected_column(),
		empty: () => m.problem_empty(),
		'not-integer': () => m.problem_not_integer(),
		'not-number': () => m.problem_not_number(),
		'not-boolean': () => m.problem_not_boolean(),
		'not-allowed': () => m.problem_not_allowed({ detail }),
		'bad-format': () => m.problem_bad_format({ detail }),
		'out-of-range': () => m.problem_out_of_range({ detail }),
		'unknown-reference': () => m.problem_unknown_reference({ detail }),
		unreadable: () => m.problem_unreadable({ detail })
	}[p.kind]();
	return { where, what };
}

/** One line per part of an explorer link that Pengo does not have. */
export function describeUrlProblem(p: UrlProblem): string {
	switch (p.kind) {
		case 'unknown-indicator':
			return m.url_unknown_indicator({ value: p.value });
		case 'unknown-year':
			return m.url_unknown_year({ value: p.value });
		case 'unknown-measure':
			return m.url_unknown_measure({ value: p.value });
		case 'unknown-region':
			return m.url_unknown_region({ value: p.value });
	}
}
