import type { RowBands } from './figurePlacement';
import { FONT_FAMILY, textWidth } from './svgLayout';
import { el, type SvgNode } from './svgTree';

/**
 * A table drawn as an SVG figure, for views whose figure is a table (the comparison of regions).
 * Pure: column widths come from the same text-width estimate as the frame, so the layout is the
 * same in Node and in every browser. Text stays text.
 */

/** A figure ready to be framed: an SVG tree and its size in CSS pixels. */
export interface Figure {
	node: SvgNode;
	width: number;
	height: number;
	/** Its rows, when it is a ranked chart or a table that may be set in columns on a page. */
	rows?: RowBands | null;
}

export interface FigureRow {
	/** Stable key of the row (a region code), kept as `data-iso` so a reader can find each row. */
	key: string;
	cells: readonly string[];
}

export const TABLE_STYLE = {
	size: 12,
	row: 22,
	padX: 8,
	/** Bold text runs wider than the average estimate. */
	boldFactor: 1.1,
	header: '#eef3f7',
	rule: '#dde3ea',
	text: '#1a1a1a'
} as const;

/** Widths of the columns: the widest cell (the header set bold) plus padding on both sides. */
export function columnWidths(header: readonly string[], rows: readonly FigureRow[]): number[] {
	const { size, padX, boldFactor } = TABLE_STYLE;
	return header.map((h, i) => {
		const widest = Math.max(
			textWidth(h, size) * boldFactor,
			// The first column is the row's header, set bold as on the page.
			...rows.map((r) => textWidth(r.cells[i] ?? '', size) * (i === 0 ? boldFactor : 1))
		);
		return Math.ceil(widest + 2 * padX);
	});
}

function cellTexts(cells: readonly string[], xs: readonly number[], y: number, bold: boolean[]) {
	const { size, padX, text } = TABLE_STYLE;
	return cells.map((cell, i) =>
		el(
			'text',
			{
				x: xs[i]! + padX,
				y,
				'font-size': size,
				'font-weight': bold[i] ? 'bold' : null,
				fill: text
			},
			[cell]
		)
	);
}

export function tableFigure(header: readonly string[], rows: readonly FigureRow[]): Figure {
	const { row: rowHeight, size, rule } = TABLE_STYLE;
	const widths = columnWidths(header, rows);
	const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
	const width = widths.reduce((a, b) => a + b, 0);
	const height = rowHeight * (rows.length + 1) + 1;
	// Baseline of a line: the middle of the row plus a third of the font size.
	const baseline = (i: number) => i * rowHeight + rowHeight / 2 + size / 3;
	const ruleAt = (y: number) => el('line', { x1: 0, x2: width, y1: y, y2: y, stroke: rule });

	const head = el('g', { class: 'table-head' }, [
		el('rect', { x: 0, y: 0, width, height: rowHeight, fill: TABLE_STYLE.header }),
		...cellTexts(
			header,
			xs,
			baseline(0),
			header.map(() => true)
		),
		ruleAt(rowHeight)
	]);
	const body = rows.map((r, i) =>
		el('g', { class: 'table-row', 'data-iso': r.key || null }, [
			...cellTexts(
				header.map((_, c) => r.cells[c] ?? ''),
				xs,
				baseline(i + 1),
				header.map((_, c) => c === 0)
			),
			ruleAt((i + 2) * rowHeight)
		])
	);
	return {
		node: el('g', { class: 'table', 'font-family': FONT_FAMILY }, [head, ...body]),
		width,
		height,
		// The head repeats atop each column; the rule under the last row is its foot.
		rows: { top: rowHeight, rowHeight, count: rows.length, height }
	};
}
