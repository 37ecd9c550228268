/**
 * A CSV writer that spreadsheets cannot be tricked by (OWASP "CSV injection"): every field is
 * quoted, `"` is doubled, and a text cell that a spreadsheet would read as a formula (starting
 * with `=`, `+`, `-`, `@`, tab, carriage return or line feed) gets a leading `'`. Numbers are
 * written as numbers, never prefixed: a negative gap stays a number, and so does a text that is a
 * plain negative number ("-12.5", "-1,234.5", "-3,2": digits and separators only, nothing a
 * spreadsheet could run), as the cells of an uploaded file's rejected rows are.
 */

/** A cell: text (neutralised), a number (kept numeric), or null (empty). */
export type CsvCell = string | number | null;

export const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A minus sign, then digits in groups parted by single dots or commas: a number, never a formula. */
export const PLAIN_NEGATIVE_NUMBER = /^-(?:\d+(?:[.,]\d+)*|[.,]\d+)$/;

/** The text a spreadsheet will show, with a formula-looking start neutralised. */
export function neutraliseText(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}

/** Shortest text that reads back as exactly the same double; non-finite numbers are empty. */
function numberText(value: number): string {
	if (!Number.isFinite(value)) return '';
	return Object.is(value, -0) ? '0' : String(value);
}

export function csvField(cell: CsvCell): string {
	const text =
		cell === null ? '' : typeof cell === 'number' ? numberText(cell) : neutraliseText(cell);
	return `"${text.replaceAll('"', '""')}"`;
}

/** Rows joined with CRLF (RFC 4180), ending with a line break. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	for (const [i, row] of rows.entries()) {
		if (row.length !== header.length)
			throw new Error(`CSV row ${i + 1} has ${row.length} cells, the header has ${header.length}`);
	}
	return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
