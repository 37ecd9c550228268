/**
 * How much of one cell a page draws. A cell from an upload or a query can hold megabytes of text,
 * and laying out such a text node blocks the page for minutes; the page draws the start of it and
 * states how long the whole text is.
 */

/** Characters of a cell drawn in tables, lists and examples. */
export const CELL_EXCERPT_CHARS = 200;

export interface CellExcerpt {
	/** The start of the text, at most `max` characters; a character is never split in half. */
	text: string;
	/** The whole text's length in characters (Unicode code points, as DuckDB's length() counts). */
	length: number;
	/** True when `text` is only the start of the whole. */
	cut: boolean;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Code points in text[from..]: UTF-16 units less the second half of each surrogate pair. */
function codePointsFrom(text: string, from: number): number {
	let pairs = 0;
	for (let i = from + 1; i < text.length; i++) {
		if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) pairs++;
	}
	return text.length - from - pairs;
}

/**
 * The first `max` characters of `text` and its length. `wholeLength` is for a text that is itself
 * already the start of a longer one (cut by the database): the length of that whole.
 */
export function cellExcerpt(
	text: string,
	max = CELL_EXCERPT_CHARS,
	wholeLength?: number
): CellExcerpt {
	let end = 0;
	let shown = 0;
	while (end < text.length && shown < max) {
		end += isHigh(text.charCodeAt(end)) && isLow(text.charCodeAt(end + 1)) ? 2 : 1;
		shown++;
	}
	const length = end < text.length ? shown + codePointsFrom(text, end) : shown;
	const whole = Math.max(length, wholeLength ?? 0);
	return { text: text.slice(0, end), length: whole, cut: whole > shown };
}
