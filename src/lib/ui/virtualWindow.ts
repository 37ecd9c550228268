/**
 * Which rows of a long table to draw: those in view plus a margin above and below, and the height
 * of the rows left out on each side, so the scroll bar stays true to the whole table. Rows are
 * taken to be equally high (a virtual table keeps every row on one line).
 */
export interface WindowInput {
	/** Rows in the table. */
	rowCount: number;
	/** Height of one row, in pixels. */
	rowHeight: number;
	/** How far the first row's top lies above the top of the view, in pixels (negative: below it). */
	scrolled: number;
	/** Height of the view, in pixels. */
	viewport: number;
	/** Rows drawn beyond each edge of the view, so a short scroll shows no gap before redrawing. */
	overscan: number;
}

export interface RowWindow {
	/** First row drawn (0-based). */
	start: number;
	/** One past the last row drawn. */
	end: number;
	/** Height standing in for the rows before `start`, in pixels. */
	before: number;
	/** Height standing in for the rows from `end` on, in pixels. */
	after: number;
}

export function virtualWindow({
	rowCount,
	rowHeight,
	scrolled,
	viewport,
	overscan
}: WindowInput): RowWindow {
	const height = Math.max(1, rowHeight);
	const rows = Math.max(0, Math.floor(rowCount));
	const clamp = (n: number, lo: number) => Math.min(rows, Math.max(lo, n));
	const start = clamp(Math.floor(scrolled / height) - overscan, 0);
	const end = clamp(Math.ceil((scrolled + Math.max(0, viewport)) / height) + overscan, start);
	return { start, end, before: start * height, after: (rows - end) * height };
}
