import { composeDocument, type Frame } from './svgLayout';
import { el, treeToDom, XML_DECLARATION, type SvgNode } from './svgTree';

/**
 * A chart's on-screen `<svg>` as a standalone tree: geometry attributes kept, the CSS it relies
 * on (fill, stroke, font) inlined from computed styles, since component CSS does not travel with
 * a copy; interaction attributes (roles, tabindex, handlers) and invisible hit areas left out.
 * Reads the live element and builds a new tree: the page's chart is never touched.
 */
const GEOMETRY = [
	'x',
	'y',
	'x1',
	'x2',
	'y1',
	'y2',
	'cx',
	'cy',
	'r',
	'rx',
	'ry',
	'width',
	'height',
	'd',
	'dx',
	'dy',
	'points',
	'transform',
	'text-anchor',
	'data-iso'
];
const PAINT = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-size',
	'font-weight',
	'font-family'
];
/**
 * Kept only where they differ from SVG's defaults: a map label's halo and centred baseline, the
 * map's borders that keep their width while the drawing is scaled.
 */
const PAINT_IF_SET: Record<string, string> = {
	'paint-order': 'normal',
	'stroke-linejoin': 'miter',
	'dominant-baseline': 'auto',
	'vector-effect': 'none'
};
const ELEMENTS = new Set([
	'g',
	'rect',
	'line',
	'path',
	'circle',
	'ellipse',
	'polygon',
	'polyline',
	'text',
	'tspan'
]);
const TRANSPARENT = /^(transparent|none|rgba\(0, 0, 0, 0\))$/;

function isHidden(element: Element, style: CSSStyleDeclaration): boolean {
	if (style.display === 'none' || style.visibility === 'hidden') return true;
	if (element.getAttribute('data-export') === 'skip') return true;
	// Hit areas: shapes that paint nothing.
	return (
		element.localName !== 'g' &&
		element.localName !== 'text' &&
		TRANSPARENT.test(style.fill) &&
		TRANSPARENT.test(style.stroke)
	);
}

export function chartToTree(element: Element): SvgNode | null {
	const name = element.localName === 'svg' ? 'g' : element.localName;
	if (!ELEMENTS.has(name)) return null;
	const style = getComputedStyle(element);
	if (element.localName !== 'svg' && isHidden(element, style)) return null;
	const attrs: Record<string, string> = {};
	for (const a of GEOMETRY) {
		const v = element.getAttribute(a);
		if (v !== null) attrs[a] = v;
	}
	const classes = [...element.classList].filter((c) => !c.startsWith('svelte-'));
	if (classes.length) attrs.class = classes.join(' ');
	if (name !== 'g') for (const p of PAINT) attrs[p] = style.getPropertyValue(p);
	for (const [p, normal] of Object.entries(PAINT_IF_SET)) {
		const v = style.getPropertyValue(p);
		if (v && v !== normal) attrs[p] = v;
	}
	// A label broken into lines keeps its lines: each <tspan> is kept with its own x and dy.
	if ((name === 'text' || name === 'tspan') && element.querySelector('tspan') === null) {
		const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
		return el(name, attrs, text ? [text] : []);
	}
	const children = [...element.children].map(chartToTree).filter((c): c is SvgNode => c !== null);
	return el(name, attrs, children);
}

/** The composed document as SVG text: built as DOM (never markup) and written by XMLSerializer. */
export function svgDocumentText(
	frame: Frame,
	chart: SvgNode | null,
	title: string,
	pixels?: { width: number; height: number }
): string {
	const tree = composeDocument(frame, chart, title, pixels);
	return XML_DECLARATION + new XMLSerializer().serializeToString(treeToDom(document, tree)) + '\n';
}
