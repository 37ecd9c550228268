/** Reading values out of SQL result rows: one place decides what counts as missing. */
export type SqlRow = Record<string, unknown>;

/** A number, or null for SQL NULL and non-finite values (never NaN). */
export const num = (v: unknown): number | null =>
	v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))
		? null
		: Number(v);

export const text = (v: unknown): string | null =>
	v === null || v === undefined ? null : String(v);

/** An estimate's columns `<value>`, `<p>_lower`, `<p>_upper`, `<p>_se`, `<p>_n`, `<p>_note`. */
export function estimateColumns(row: SqlRow | undefined, valueKey: string, prefix: string) {
	return {
		value: num(row?.[valueKey]),
		lower: num(row?.[`${prefix}_lower`]),
		upper: num(row?.[`${prefix}_upper`]),
		se: num(row?.[`${prefix}_se`]),
		n: num(row?.[`${prefix}_n`]),
		note: text(row?.[`${prefix}_note`])
	};
}

/** A source record as every view shows it. */
export interface SourceRecord {
	id: string;
	title: string;
	publisher: string;
	year: string | null;
	licence: string;
	note: string | null;
	/** Kiswahili title and licence when the source record has them (see `$lib/i18n/sourceText`). */
	titleSw?: string | null;
	licenceSw?: string | null;
}

export function sourceRecord(s: SqlRow): SourceRecord {
	return {
		id: String(s.source_id),
		title: String(s.title),
		publisher: String(s.publisher),
		year: text(s.year),
		licence: String(s.licence),
		note: text(s.note),
		titleSw: text(s.title_sw),
		licenceSw: text(s.licence_sw)
	};
}
