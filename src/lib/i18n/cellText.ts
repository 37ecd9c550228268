import { formatValue } from '$lib/i18n/format';
import { intlLocale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import { CELL_EXCERPT_CHARS, cellExcerpt } from '$lib/domain/cellExcerpt';

export interface ShownCell {
	/** The cell, or its start followed by "…". */
	text: string;
	/** "(10,485,760 characters)" when the text is cut, in the UI language; otherwise null. */
	note: string | null;
}

/**
 * A cell as a page shows it: whole when short, else its first characters and its length.
 * `length` is the whole length of a text the database has already cut.
 */
export function shownCell(
	text: string,
	options: { max?: number; length?: number } = {}
): ShownCell {
	const max = options.max ?? CELL_EXCERPT_CHARS;
	// Most cells are short: no more UTF-16 units than `max` means no more characters either.
	if (text.length <= max && options.length === undefined) return { text, note: null };
	const e = cellExcerpt(text, max, options.length);
	if (!e.cut) return { text: e.text, note: null };
	return {
		text: `${e.text}…`,
		note: m.table_cell_length({ count: formatValue(e.length, 'count', intlLocale()) })
	};
}

/** The same in one line of text, for places that take a string (lists, messages). */
export function shownCellText(text: string, options: { max?: number; length?: number } = {}) {
	const shown = shownCell(text, options);
	return shown.note ? `${shown.text} ${shown.note}` : shown.text;
}
