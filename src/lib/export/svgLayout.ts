import type { ColourScale } from '$lib/charts/colourScale';
import type { FooterLine } from './exportView';
import { el, SVG_NS, type SvgNode } from './svgTree';

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
	footer: FooterLine[];
	/** Size of the chart or map, in CSS pixels. */
	content: { width: number; height: number };
}

export interface Frame {
	width: number;
	height: number;
	/** Where the chart or map goes. */
	content: { x: number; y: number; width: number; height: number };
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

export function composeFrame(input: FrameInput): Frame {
	const width = Math.max(MIN_WIDTH, Math.ceil(input.content.width) + 2 * PAD);
	const inner = width - 2 * PAD;
	const nodes: SvgNode[] = [];
	let y = PAD;
	const block = (text: string, style: TextStyle) => {
		const lines = wrapText(text, inner, style.size);
		nodes.push(...textLines(lines, PAD, y, style));
		y += lines.length * style.line;
	};
	block(input.title, STYLE.title);
	y += 2;
	block(input.subtitle, STYLE.subtitle);
	y += 10;
	const content = { x: PAD, y, width: input.content.width, height: input.content.height };
	y += input.content.height + 12;
	if (input.legend) {
		const legend = legendNodes(input.legend, PAD, y, inner);
		nodes.push(...legend.nodes);
		y += legend.height + 10;
	}
	nodes.push(
		el('line', { x1: PAD, x2: width - PAD, y1: y, y2: y, stroke: '#dde3ea', 'stroke-width': 1 })
	);
	y += 6;
	for (const line of input.footer) block(line.text, line.strong ? STYLE.strong : STYLE.footer);
	return { width, height: Math.ceil(y + PAD), content, nodes };
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

/**
 * The whole document: white page, frame, and the chart moved to its place. `chart` is the chart
 * as a tree (see `chartToTree`); without one (the map) the content area is left for a raster.
 */
export function composeDocument(frame: Frame, chart: SvgNode | null, title: string): SvgNode {
	const { x, y } = frame.content;
	return el(
		'svg',
		{
			xmlns: SVG_NS,
			width: frame.width,
			height: frame.height,
			viewBox: `0 0 ${frame.width} ${frame.height}`,
			'font-family': FONT_FAMILY
		},
		[
			el('title', {}, [title]),
			el('rect', { x: 0, y: 0, width: frame.width, height: frame.height, fill: '#ffffff' }),
			...frame.nodes,
			...(chart ? [el('g', { class: 'chart', transform: `translate(${x} ${y})` }, [chart])] : [])
		]
	);
}
