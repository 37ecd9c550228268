/**
 * How a figure of fixed size goes into an area of fixed size (a slide, a page): scaled as one,
 * or, for a chart of many rows, cut into side-by-side columns of rows so its text stays large
 * enough to read. Pure: the same numbers in Node and in every browser.
 */

/** The rows of a ranked chart (or table): a band of equal rows between a head and a foot. */
export interface RowBands {
	/** Where the first row starts (the axis and the key sit above). */
	top: number;
	rowHeight: number;
	count: number;
	/** The whole figure's height: the foot (the national line's label) is below the last row. */
	height: number;
}

/** The size of the text of a chart's rows, in its own units (ChartRows sets 12 px). */
export const ROW_FONT = 12;
/**
 * The smallest row text, in the export's layout pixels (the PNG has two image pixels to each):
 * 8 px is 16 image pixels on a 1920 × 1080 slide, about 11 pt when the slide fills a screen.
 */
export const MIN_FONT = 8;
/** Space between columns, in layout pixels. */
export const COLUMN_GAP = 24;
/** A small figure in a large box grows, but not beyond this. */
export const MAX_SCALE = 3;

/** One piece of the figure: the part between `y0` and `y1` of it, moved down by `dy`. */
export interface Strip {
	column: number;
	y0: number;
	y1: number;
	dy: number;
}

export interface Placement {
	scale: number;
	columns: number;
	/** Size of the placed figure, in layout pixels. */
	width: number;
	height: number;
	/** Empty when the figure is drawn whole. */
	strips: Strip[];
	/** Horizontal distance between columns, in the figure's own units. */
	columnStep: number;
}

/** Rows per column, first columns fullest: 31 rows in 2 columns are 16 and 15. */
export function rowsPerColumn(count: number, columns: number): number[] {
	const per = Math.ceil(count / columns);
	return Array.from({ length: columns }, (_, c) =>
		Math.max(0, Math.min(per, count - c * per))
	).filter((n) => n > 0);
}

/**
 * The strips of each column: the head (above the rows), the column's rows, and the foot, moved
 * up to sit right under them. `dy` moves a strip from its place in the figure to its place in
 * its column.
 */
export function columnStrips(rows: RowBands, columns: number): Strip[] {
	const strips: Strip[] = [];
	let first = 0;
	for (const [column, n] of rowsPerColumn(rows.count, columns).entries()) {
		const bandTop = rows.top + first * rows.rowHeight;
		const rowsEnd = rows.top + rows.count * rows.rowHeight;
		strips.push(
			{ column, y0: 0, y1: rows.top, dy: 0 },
			{ column, y0: bandTop, y1: bandTop + n * rows.rowHeight, dy: (0 - first) * rows.rowHeight },
			{ column, y0: rowsEnd, y1: rows.height, dy: (n - rows.count) * rows.rowHeight }
		);
		first += n;
	}
	return strips;
}

function columnHeight(figure: { height: number; rows?: RowBands | null }, columns: number) {
	const rows = figure.rows;
	if (!rows) return figure.height;
	const most = rowsPerColumn(rows.count, columns)[0] ?? 0;
	return rows.height - (rows.count - most) * rows.rowHeight;
}

/**
 * The placement with the largest scale: one column, or, for rows, two or three. Ties keep
 * fewer columns. A figure with no rows is only scaled.
 */
export function placeFigure(
	figure: { width: number; height: number; rows?: RowBands | null },
	area: { width: number; height: number }
): Placement {
	const most = figure.rows ? Math.min(3, figure.rows.count) : 1;
	let best: Placement | null = null;
	for (let columns = 1; columns <= most; columns += 1) {
		const height = columnHeight(figure, columns);
		const scale = Math.min(
			MAX_SCALE,
			(area.width - (columns - 1) * COLUMN_GAP) / (columns * figure.width),
			area.height / height
		);
		if (best && scale <= best.scale + 1e-9) continue;
		best = {
			scale,
			columns,
			width: columns * figure.width * scale + (columns - 1) * COLUMN_GAP,
			height: height * scale,
			strips: columns > 1 && figure.rows ? columnStrips(figure.rows, columns) : [],
			columnStep: figure.width + COLUMN_GAP / scale
		};
	}
	return best!;
}

/** Which of several drawings of one figure reads largest in `area`; the first on a tie. */
export function largestFigure(
	figures: readonly { width: number; height: number; rows?: RowBands | null }[],
	area: { width: number; height: number }
): number {
	let best = 0;
	let scale = -Infinity;
	for (const [i, f] of figures.entries()) {
		const s = placeFigure(f, area).scale;
		if (s > scale + 1e-9) [best, scale] = [i, s];
	}
	return best;
}

/** The figure as it is, at its own size. */
export function naturalPlacement(figure: { width: number; height: number }): Placement {
	return { scale: 1, columns: 1, ...figure, strips: [], columnStep: figure.width };
}

/**
 * The rows of a chart from the vertical centres of its rows' names, when they are evenly spaced
 * (as ChartRows draws them); null for fewer than two rows or uneven spacing.
 */
export function rowBandsFromCentres(centres: readonly number[], height: number): RowBands | null {
	if (centres.length < 2) return null;
	const rowHeight = centres[1]! - centres[0]!;
	if (!(rowHeight > 0)) return null;
	const even = centres.every((c, i) => Math.abs(c - centres[0]! - i * rowHeight) < 0.01);
	if (!even) return null;
	const top = centres[0]! - rowHeight / 2;
	if (top < 0 || top + centres.length * rowHeight > height + 0.01) return null;
	return { top, rowHeight, count: centres.length, height };
}
