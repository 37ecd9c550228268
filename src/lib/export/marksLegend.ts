import { el, type SvgNode } from './svgTree';

/**
 * The key to the marks a chart draws besides its bars and dots: interval lines, the "(ns)" of a
 * gap that is not significant, and the dashed line of the national value. Only marks the
 * exported figure actually holds are listed (`marksInFigure` reads the figure itself).
 */
export type MarkKind = 'interval' | 'notSignificant' | 'national';

export interface MarkItem {
	kind: MarkKind;
	label: string;
}

const ORDER: readonly MarkKind[] = ['interval', 'notSignificant', 'national'];

function classesOf(node: SvgNode): string[] {
	const c = node.attrs.class;
	return typeof c === 'string' ? c.split(/\s+/) : [];
}

/**
 * Which marks a chart's tree draws, by the classes the charts give them (or, for "(ns)", the
 * mark written after a value: `nsMark`), in a fixed order.
 */
export function marksInFigure(node: SvgNode, nsMark?: string): MarkKind[] {
	const found = new Set<MarkKind>();
	const visit = (n: SvgNode) => {
		const classes = classesOf(n);
		if (nsMark && n.children.some((c) => typeof c === 'string' && c.includes(nsMark)))
			found.add('notSignificant');
		if (classes.includes('ci')) found.add('interval');
		if (classes.includes('not-significant')) found.add('notSignificant');
		if (classes.includes('national') && n.children.some((c) => typeof c !== 'string'))
			found.add('national');
		for (const c of n.children) if (typeof c !== 'string') visit(c);
	};
	visit(node);
	return ORDER.filter((k) => found.has(k));
}

/** The words of each mark, in the language of the export. */
export interface MarkWords {
	interval: string | null;
	notSignificant: string;
	national: string;
}

/** The marks drawn, each with its words; a mark without words (no interval level) is left out. */
export function markItems(kinds: readonly MarkKind[], words: MarkWords): MarkItem[] {
	return kinds.flatMap((kind) => {
		const label = words[kind];
		return label ? [{ kind, label }] : [];
	});
}

const GLYPH = 24;
const INK = '#222222';

/** A small drawing of the mark, 24 × 12, with its top left at (x, y). */
export function markGlyph(kind: MarkKind, x: number, y: number): SvgNode {
	const mid = y + 6;
	if (kind === 'interval')
		return el('g', { class: 'mark-glyph' }, [
			el('line', { x1: x + 2, x2: x + 22, y1: mid, y2: mid, stroke: INK, 'stroke-width': 1.2 }),
			el('line', {
				x1: x + 2,
				x2: x + 2,
				y1: mid - 4,
				y2: mid + 4,
				stroke: INK,
				'stroke-width': 1.2
			}),
			el('line', {
				x1: x + 22,
				x2: x + 22,
				y1: mid - 4,
				y2: mid + 4,
				stroke: INK,
				'stroke-width': 1.2
			})
		]);
	if (kind === 'national')
		return el('line', {
			class: 'mark-glyph',
			x1: x + 12,
			x2: x + 12,
			y1: y,
			y2: y + 12,
			stroke: '#111111',
			'stroke-width': 1.5,
			'stroke-dasharray': '4 3'
		});
	return el('line', {
		class: 'mark-glyph',
		x1: x + 2,
		x2: x + 22,
		y1: mid,
		y2: mid,
		stroke: '#c3cad2',
		'stroke-width': 3,
		'stroke-dasharray': '3 3'
	});
}

export const MARK_STYLE = { size: 11, line: 18, colour: '#222222' } as const;

/**
 * The marks in rows that fit `width`, each a glyph and its words; returns the nodes and the
 * height used. `measure` gives a text's width at a font size (the frame's estimate).
 */
export function marksNodes(
	items: readonly MarkItem[],
	x: number,
	top: number,
	width: number,
	measure: (text: string, size: number) => number
): { nodes: SvgNode[]; height: number } {
	const { size, line, colour } = MARK_STYLE;
	const nodes: SvgNode[] = [];
	let cx = x;
	let row = 0;
	for (const item of items) {
		const w = GLYPH + 6 + measure(item.label, size) + 16;
		if (cx > x && cx + w > x + width) {
			cx = x;
			row += 1;
		}
		const y = top + row * line;
		nodes.push(
			markGlyph(item.kind, cx, y + 3),
			el('text', { x: cx + GLYPH + 6, y: y + 13, 'font-size': size, fill: colour }, [item.label])
		);
		cx += w;
	}
	return { nodes, height: items.length === 0 ? 0 : (row + 1) * line };
}
