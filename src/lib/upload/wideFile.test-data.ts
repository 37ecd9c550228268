import type { Dialect } from './types';

/** Comma-separated, double quotes, a header in row 1, no missing tokens but the empty cell. */
export const plainComma: Dialect = {
	encoding: 'utf-8',
	delimiter: ',',
	quote: '"',
	headerRow: 1,
	decimal: '.',
	thousands: '',
	missing: ['']
};

/** A CSV of `columns` columns (col1 … colN) and `rows` rows of one-digit numbers, as UTF-8. */
export function wideCsv(columns: number, rows: number): Uint8Array {
	const header = Array.from({ length: columns }, (_, i) => `col${i + 1}`).join(',');
	const body = Array.from({ length: rows }, (_, r) =>
		Array.from({ length: columns }, (_, i) => String((r * 7 + i) % 10)).join(',')
	);
	return new TextEncoder().encode(`${[header, ...body].join('\n')}\n`);
}
