import type { ColourScale } from '$lib/charts/colourScale';
import type { FooterLine } from './exportView';
import { naturalPlacement, placeFigure, type Placement, type RowBands } from './figurePlacement';
import { marksNodes, type MarkItem } from './marksLegend';
import { el, num, SVG_NS, type SvgNode } from './svgTree';

/**
 * Where the title, subtitle, legend and footer of an exported image go, around a chart or map of
 * known size. Pure: text widths are estimated from the font size, so layout is the same in Node
 * and in every browser (a long word may overrun by a little; it never overlaps the next line).
 */
export const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
export const PAD = 16;
export const MIN_WIDTH = 480;
/** Average advance of a character, as a share of the font size (sans-serif, mixed case). */
const CHAR_WIDTH = 0.56;

const STYLE = {
	title: { size: 18, line: 23, weight: 'bold', colour: '#111111' },
	subtitle: { size: 12, line: 16, weight: 'normal', colour: '#3a4450' },
	legendTitle: { size: 12, line: 16, weight: 'bold', colour: '#222222' },
	legendItem: { size: 11, line: 18, weight: 'normal', colour: '#222222' },
	footer: { size: 10, line: 13, weight: 'normal', colour: '#3a4450' },
	strong: { size: 10, line: 13, weight: 'bold', colour: '#5a4200' }
} as const;
type TextStyle = (typeof STYLE)[keyof typeof STYLE];

export interface LegendItem {
	colour: string;
	label: string;
}

export interface Legend {
	title: string;
	items: LegendItem[];
}

export interface FrameInput {
	title: string;
	subtitle: string;
	legend: Legend | null;
	/** The key to the chart's marks (intervals, "ns", the national line): only those drawn. */
	marks?: readonly MarkItem[];
	footer: FooterLine[];
	/** Size of the chart or map, in CSS pixels; its rows, when it may be cut into columns. */
	content: { width: number; height: number; rows?: RowBands | null };
	/** The page's size in layout pixels (a slide, A4); without one, the page fits the content. */
	box?: { width: number; height: number } | null;
}

export interface Frame {
	width: number;
	height: number;
	/** Where the chart or map goes, and the size it takes there. */
	content: { x: number; y: number; width: number; height: number };
	/** How the figure is scaled and cut into columns to take that place. */
	placement: Placement;
	nodes: SvgNode[];
}

export function textWidth(text: string, size: number): number {
	return [...text].length * size * CHAR_WIDTH;
}

/** Greedy line breaking at spaces; a word longer than a line is cut. */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
	const perLine = Math.max(1, Math.floor(maxWidth / (size * CHAR_WIDTH) + 1e-9));
	const lines: string[] = [];
	let line = '';
	for (let word of text.split(/\s+/).filter(Boolean)) {
		while ([...word].length > perLine) {
			if (line) lines.push(line);
			const chars = [...word];
			lines.push(chars.slice(0, perLine).join(''));
			word = chars.slice(perLine).join('');
			line = '';
		}
		const next = line ? `${line} ${word}` : word;
		if ([...next].length <= perLine) line = next;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

function textLines(lines: string[], x: number, top: number, style: TextStyle): SvgNode[] {
	return lines.map((line, i) =>
		el(
			'text',
			{
				x,
				// Baseline: the line box's top plus the font's ascent (≈ 0.8 em), as a browser sets text.
				y: top + i * style.line + (style.line - style.size) / 2 + style.size * 0.8,
				'font-size': style.size,
				'font-weight': style.weight === 'bold' ? 'bold' : null,
				fill: style.colour
			},
			[line]
		)
	);
}

/** Legend swatches laid out in rows that fit the width; returns nodes and the height used. */
export function legendNodes(legend: Legend, x: number, top: number, width: number) {
	const titleLines = wrapText(legend.title, width, STYLE.legendTitle.size);
	const nodes = textLines(titleLines, x, top, STYLE.legendTitle);
	const item = STYLE.legendItem;
	let cx = x;
	let row = 0;
	const itemsTop = top + titleLines.length * STYLE.legendTitle.line + 2;
	for (const { colour, label } of legend.items) {
		const w = 12 + 5 + textWidth(label, item.size) + 14;
		if (cx > x && cx + w > x + width) {
			cx = x;
			row += 1;
		}
		const y = itemsTop + row * item.line;
		nodes.push(
			el('rect', {
				x: cx,
				y: y + 3,
				width: 12,
				height: 12,
				fill: colour,
				stroke: '#666677',
				'stroke-width': 1
			}),
			el('text', { x: cx + 17, y: y + 13, 'font-size': item.size, fill: item.colour }, [label])
		);
		cx += w;
	}
	const rows = legend.items.length === 0 ? 0 : row + 1;
	return { nodes, height: itemsTop - top + rows * item.line };
}

/** Title and subtitle from `top`; returns their nodes and the y below them. */
function headNodes(input: FrameInput, inner: number, top: number) {
	const nodes: SvgNode[] = [];
	let y = top;
	const block = (text: string, style: TextStyle) => {
		const lines = wrapText(text, inner, style.size);
		nodes.push(...textLines(lines, PAD, y, style));
		y += lines.length * style.line;
	};
	block(input.title, STYLE.title);
	y += 2;
	block(input.subtitle, STYLE.subtitle);
	return { nodes, bottom: y + 10 };
}

/** Legend, marks, rule and footer from `top`; returns their nodes and the y below them. */
function footNodes(input: FrameInput, width: number, top: number) {
	const inner = width - 2 * PAD;
	const nodes: SvgNode[] = [];
	let y = top;
	if (input.legend) {
		const legend = legendNodes(input.legend, PAD, y, inner);
		nodes.push(...legend.nodes);
		y += legend.height + 10;
	}
	if (input.marks && input.marks.length > 0) {
		const marks = marksNodes(input.marks, PAD, y, inner, textWidth);
		nodes.push(...marks.nodes);
		y += marks.height + 8;
	}
	nodes.push(
		el('line', { x1: PAD, x2: width - PAD, y1: y, y2: y, stroke: '#dde3ea', 'stroke-width': 1 })
	);
	y += 6;
	for (const line of input.footer) {
		const style = line.strong ? STYLE.strong : STYLE.footer;
		const lines = wrapText(line.text, inner, style.size);
		nodes.push(...textLines(lines, PAD, y, style));
		y += lines.length * style.line;
	}
	return { nodes, bottom: y };
}

/** Space left for the figure on a page of `box`, after title, subtitle, legends and footer. */
export function contentArea(
	input: Omit<FrameInput, 'content'>,
	box: { width: number; height: number }
): { width: number; height: number } {
	const head = headNodes({ ...input, content: { width: 0, height: 0 } }, box.width - 2 * PAD, PAD);
	const foot = footNodes({ ...input, content: { width: 0, height: 0 } }, box.width, 0);
	return {
		width: box.width - 2 * PAD,
		height: Math.max(40, box.height - PAD - head.bottom - 12 - foot.bottom)
	};
}

export function composeFrame(input: FrameInput): Frame {
	const box = input.box ?? null;
	const width = box ? box.width : Math.max(MIN_WIDTH, Math.ceil(input.content.width) + 2 * PAD);
	const inner = width - 2 * PAD;
	const head = headNodes(input, inner, PAD);
	const placement = box
		? placeFigure(input.content, contentArea(input, box))
		: naturalPlacement(input.content);
	const content = {
		x: box ? PAD + (inner - placement.width) / 2 : PAD,
		y: head.bottom,
		width: placement.width,
		height: placement.height
	};
	const footHeight = footNodes(input, width, 0).bottom;
	// On a page the footer sits at its foot; otherwise right under the figure.
	const footTop = box ? box.height - PAD - footHeight : content.y + content.height + 12;
	const foot = footNodes(input, width, footTop);
	return {
		width,
		height: box ? box.height : Math.ceil(foot.bottom + PAD),
		content,
		placement,
		nodes: [...head.nodes, ...foot.nodes]
	};
}

/** The legend of a classed colour scale: one swatch per class, then "No data". */
export function legendFromScale(
	title: string,
	scale: ColourScale,
	format: (v: number) => string,
	noDataLabel: string
): Legend {
	return {
		title,
		items: [
			...scale.bins.map((b) => ({
				colour: b.colour,
				label: `${format(b.from)} – ${format(b.to)}`
			})),
			{ colour: scale.noData, label: noDataLabel }
		]
	};
}

/** The figure at its place: whole, or in strips (a clip and a shift each) for columns. */
function placedFigure(frame: Frame, chart: SvgNode): SvgNode[] {
	const { x, y } = frame.content;
	const { scale, strips, columnStep } = frame.placement;
	const at =
		scale === 1
			? `translate(${num(x)} ${num(y)})`
			: `translate(${num(x)} ${num(y)}) scale(${scale})`;
	if (strips.length === 0) return [el('g', { class: 'chart', transform: at }, [chart])];
	const wide = columnStep * 4;
	return [
		el('defs', {}, [
			el('g', { id: 'figure' }, [chart]),
			...strips.map((s, i) =>
				el('clipPath', { id: `strip-${i}` }, [
					el('rect', { x: -wide, y: s.y0, width: 2 * wide, height: s.y1 - s.y0 })
				])
			)
		]),
		el(
			'g',
			{ class: 'chart columns', transform: at },
			strips.map((s, i) =>
				el('g', { transform: `translate(${num(s.column * columnStep)} ${num(s.dy)})` }, [
					el('g', { 'clip-path': `url(#strip-${i})` }, [el('use', { href: '#figure' })])
				])
			)
		)
	];
}

/**
 * The whole document: white page, frame, and the chart moved to its place. `chart` is the chart
 * as a tree (see `chartToTree`); without one (the map) the content area is left for a raster.
 * `pixels`, when given, is the document's size in image pixels (a preset's 1920 × 1080); the
 * layout keeps its own units in the viewBox.
 */
export function composeDocument(
	frame: Frame,
	chart: SvgNode | null,
	title: string,
	pixels?: { width: number; height: number }
): SvgNode {
	return el(
		'svg',
		{
			xmlns: SVG_NS,
			width: pixels?.width ?? frame.width,
			height: pixels?.height ?? frame.height,
			viewBox: `0 0 ${num(frame.width)} ${num(frame.height)}`,
			'font-family': FONT_FAMILY
		},
		[
			el('title', {}, [title]),
			el('rect', { x: 0, y: 0, width: frame.width, height: frame.height, fill: '#ffffff' }),
			...frame.nodes,
			...(chart ? placedFigure(frame, chart) : [])
		]
	);
}
