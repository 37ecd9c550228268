/**
 * A table wider than its box scrolls sideways, and a phone shows no scroll bar until a finger
 * moves: the columns past the right edge (Gap, Rank) are then hidden with nothing to say so.
 * These find which columns those are, so a hint can name them.
 */

/** A column's header text and its horizontal extent in the scrolled content's pixels. */
export interface ColumnExtent {
	label: string;
	left: number;
	right: number;
}

/**
 * The columns not wholly in view to the right of a box `viewWidth` wide scrolled `scrollLeft`
 * from the start, in their order. A pixel of overhang (rounding) does not count.
 */
export function columnsPastRightEdge(
	columns: readonly ColumnExtent[],
	scrollLeft: number,
	viewWidth: number
): string[] {
	const edge = scrollLeft + viewWidth + 1;
	return columns.filter((c) => c.right > edge && c.label !== '').map((c) => c.label);
}

/**
 * The columns a hint names: the first `max` of them, and how many more there are, so a wide
 * table's hint stays a line or two on a phone.
 */
export function hintedColumns(
	labels: readonly string[],
	max = 3
): { named: string[]; more: number } {
	return { named: labels.slice(0, max), more: Math.max(0, labels.length - max) };
}

/** A header cell's text as a person reads it: without the sort arrows, on one line. */
export function headerLabel(text: string): string {
	return text.replace(/[▲▼↕]/g, '').replace(/\s+/g, ' ').trim();
}

/** The first header row's columns of the table inside `scroller`, measured as laid out. */
export function measureColumns(scroller: HTMLElement): ColumnExtent[] {
	const cells = scroller.querySelector('table')?.tHead?.rows[0]?.cells;
	if (!cells) return [];
	const origin = scroller.getBoundingClientRect().left - scroller.scrollLeft;
	return [...cells].map((cell) => {
		const box = cell.getBoundingClientRect();
		return {
			label: headerLabel(cell.textContent ?? ''),
			left: box.left - origin,
			right: box.right - origin
		};
	});
}
