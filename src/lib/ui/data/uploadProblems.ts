import { shownCell } from '$lib/i18n/cellText';
import { formatValue } from '$lib/i18n/format';
import { intlLocale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import { MAX_COLUMNS } from '$lib/upload/readSql';
import { conflictDetail } from '$lib/upload/judgeSql';
import { MAX_CELLS } from '$lib/upload/uploadLimit';
import type { UploadProblem, UploadProblemKind } from '$lib/upload/types';

const count = (n: number) => formatValue(n, 'count', intlLocale());
/** Characters of a value named in a problem's "where". */
const VALUE_CHARS = 80;

type Texts = {
	what: (p: UploadProblem) => string;
	fix: (p: UploadProblem) => string;
};

/** What a workbook that cannot be read is, and what to do, by its refusal. */
const workbookTexts: Record<string, [() => string, () => string]> = {
	xls: [m.xlsx_what_xls, m.xlsx_fix_save],
	xlsb: [m.xlsx_what_xlsb, m.xlsx_fix_save],
	encrypted: [m.xlsx_what_encrypted, m.xlsx_fix_encrypted],
	'too-large': [m.xlsx_what_too_large, m.xlsx_fix_too_large],
	damaged: [m.xlsx_what_damaged, m.xlsx_fix_save]
};

const texts: Record<UploadProblemKind, Texts> = {
	'too-large': {
		what: ({ detail = '' }) => m.upload_what_too_large({ detail }),
		fix: () => m.upload_fix_too_large()
	},
	'too-many-columns': {
		what: ({ detail }) =>
			m.upload_what_too_many_columns({ count: count(Number(detail)), limit: count(MAX_COLUMNS) }),
		fix: () => m.upload_fix_too_many_columns()
	},
	'too-many-cells': {
		what: ({ detail = '' }) => {
			const { rows, columns, estimated } = JSON.parse(detail) as {
				rows: number;
				columns: number;
				estimated: boolean;
			};
			const params = {
				rows: count(rows),
				columns: count(columns),
				cells: count(rows * columns),
				limit: count(MAX_CELLS)
			};
			return estimated
				? m.upload_what_too_many_cells_about(params)
				: m.upload_what_too_many_cells(params);
		},
		fix: () => m.upload_fix_too_many_cells()
	},
	'parquet-in-browser': {
		what: () => m.upload_what_parquet_in_browser(),
		fix: () => m.upload_fix_parquet_in_browser()
	},
	// detail: why the workbook cannot be read (xlsxRead.ts's WorkbookRefusal).
	'workbook-unreadable': {
		what: ({ detail = '' }) => (workbookTexts[detail] ?? workbookTexts.damaged!)[0](),
		fix: ({ detail = '' }) => (workbookTexts[detail] ?? workbookTexts.damaged!)[1]()
	},
	// detail 'header-only': the file's only text is its header (see emptyFileProblem).
	'empty-file': {
		what: ({ detail = '' }) =>
			detail === 'header-only' ? m.upload_what_header_only() : m.upload_what_empty_file(),
		fix: ({ detail = '' }) =>
			detail === 'header-only' ? m.upload_fix_header_only() : m.upload_fix_empty_file()
	},
	'not-text': { what: () => m.upload_what_not_text(), fix: () => m.upload_fix_not_text() },
	unreadable: {
		what: ({ detail = '' }) => m.upload_what_unreadable({ detail }),
		fix: () => m.upload_fix_unreadable()
	},
	cancelled: { what: () => m.upload_what_cancelled(), fix: () => m.upload_fix_cancelled() },
	'engine-offline': {
		what: () => m.upload_what_engine_offline(),
		fix: () => m.upload_fix_engine_offline()
	},
	'unterminated-quote': {
		what: ({ detail = '' }) => m.upload_what_unterminated_quote({ detail }),
		fix: () => m.upload_fix_unterminated_quote()
	},
	'windows-1252-rows': {
		what: ({ detail = '' }) => {
			const [rows = '', total] = detail.split(';');
			return total === undefined
				? m.upload_what_windows1252_rows({ rows })
				: m.upload_what_windows1252_rows_many({ rows, count: count(Number(total)) });
		},
		fix: () => m.upload_fix_windows1252_rows()
	},
	'ragged-row': {
		what: ({ detail = '' }) => m.upload_what_ragged_row({ detail }),
		fix: () => m.upload_fix_ragged_row()
	},
	'empty-header': {
		what: () => m.upload_what_empty_header(),
		fix: () => m.upload_fix_empty_header()
	},
	'duplicate-header': {
		what: () => m.upload_what_duplicate_header(),
		fix: () => m.upload_fix_duplicate_header()
	},
	'case-colliding-header': {
		what: () => m.upload_what_case_colliding_header(),
		fix: () => m.upload_fix_case_colliding_header()
	},
	'not-number': { what: () => m.upload_what_not_number(), fix: () => m.upload_fix_not_number() },
	'percent-out-of-range': {
		what: () => m.upload_what_percent_out_of_range(),
		fix: () => m.upload_fix_percent_out_of_range()
	},
	'unknown-region': {
		what: () => m.upload_what_unknown_region(),
		fix: () => m.upload_fix_unknown_region()
	},
	'island-total': {
		what: () => m.upload_what_island_total(),
		fix: () => m.upload_fix_island_total()
	},
	'zone-total': { what: () => m.upload_what_zone_total(), fix: () => m.upload_fix_zone_total() },
	'unknown-area': {
		what: () => m.upload_what_unknown_area(),
		fix: () => m.upload_fix_unknown_area()
	},
	'conflicting-duplicate': {
		what: ({ detail = '', value = '' }) => {
			const kept = conflictDetail(detail);
			return m.upload_what_conflicting_duplicate({
				row: kept.row,
				key: kept.key,
				first: kept.value,
				value
			});
		},
		fix: () => m.upload_fix_conflicting_duplicate()
	},
	'repeated-row': {
		what: ({ detail = '' }) => m.upload_what_repeated_row({ detail }),
		fix: () => m.upload_fix_repeated_row()
	},
	'bad-weight': { what: () => m.upload_what_bad_weight(), fix: () => m.upload_fix_bad_weight() },
	'not-binary': { what: () => m.upload_what_not_binary(), fix: () => m.upload_fix_not_binary() },
	'blank-indicator-name': {
		what: () => m.upload_what_blank_indicator_name(),
		fix: () => m.upload_fix_blank_indicator_name()
	},
	'bad-year': { what: () => m.upload_what_bad_year(), fix: () => m.upload_fix_bad_year() },
	'missing-value': {
		what: () => m.upload_what_missing_value(),
		fix: () => m.upload_fix_missing_value()
	},
	'few-cases': { what: () => m.upload_what_few_cases(), fix: () => m.upload_fix_few_cases() },
	'suppressed-cases': {
		what: () => m.upload_what_suppressed_cases(),
		fix: () => m.upload_fix_suppressed_cases()
	}
};

/** The name of a kind of problem, plural where it names many ("Ragged rows"). */
const kindNames: Record<UploadProblemKind, () => string> = {
	'too-large': () => m.upload_kind_too_large(),
	'too-many-columns': () => m.upload_kind_too_many_columns(),
	'too-many-cells': () => m.upload_kind_too_many_cells(),
	'parquet-in-browser': () => m.upload_kind_parquet_in_browser(),
	'workbook-unreadable': () => m.xlsx_kind(),
	'empty-file': () => m.upload_kind_empty_file(),
	'not-text': () => m.upload_kind_not_text(),
	unreadable: () => m.upload_kind_unreadable(),
	cancelled: () => m.upload_kind_cancelled(),
	'engine-offline': () => m.upload_kind_engine_offline(),
	'windows-1252-rows': () => m.upload_kind_windows1252_rows(),
	'unterminated-quote': () => m.upload_kind_unterminated_quote(),
	'ragged-row': () => m.upload_kind_ragged_row(),
	'empty-header': () => m.upload_kind_empty_header(),
	'duplicate-header': () => m.upload_kind_duplicate_header(),
	'case-colliding-header': () => m.upload_kind_case_colliding_header(),
	'not-number': () => m.upload_kind_not_number(),
	'percent-out-of-range': () => m.upload_kind_percent_out_of_range(),
	'unknown-region': () => m.upload_kind_unknown_region(),
	'island-total': () => m.upload_kind_island_total(),
	'zone-total': () => m.upload_kind_zone_total(),
	'unknown-area': () => m.upload_kind_unknown_area(),
	'blank-indicator-name': () => m.upload_kind_blank_indicator_name(),
	'conflicting-duplicate': () => m.upload_kind_conflicting_duplicate(),
	'repeated-row': () => m.upload_kind_repeated_row(),
	'bad-weight': () => m.upload_kind_bad_weight(),
	'not-binary': () => m.upload_kind_not_binary(),
	'bad-year': () => m.upload_kind_bad_year(),
	'missing-value': () => m.upload_kind_missing_value(),
	'few-cases': () => m.upload_kind_few_cases(),
	'suppressed-cases': () => m.upload_kind_suppressed_cases()
};

export const kindName = (kind: UploadProblemKind): string =>
	(kindNames[kind] ?? kindNames.unreadable)();

/** value “the start of it…” (3,145,728 characters) */
function shownValue(value: string, length: number | undefined): string {
	const shown = shownCell(value, { max: VALUE_CHARS, length });
	const quoted = m.upload_value({ value: shown.text });
	return shown.note ? `${quoted} ${shown.note}` : quoted;
}

/** Where (file, row, column, value), what is wrong and what to do, in the UI language. */
export function describeUploadProblem(p: UploadProblem): {
	where: string;
	what: string;
	fix: string;
} {
	const where = [
		p.file,
		p.row !== undefined ? m.upload_row({ row: String(p.row) }) : null,
		p.column !== undefined ? m.upload_column({ column: p.column }) : null,
		p.value !== undefined ? shownValue(p.value, p.valueLength) : null
	]
		.filter((x): x is string => x !== null)
		.join(', ');
	const t = texts[p.kind] ?? texts.unreadable;
	return { where, what: t.what(p), fix: t.fix(p) };
}
