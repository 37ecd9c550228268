/**
 * A plain SVG tree: what the export composes, before it becomes a DOM (in the browser) or a string
 * (in tests). Text is always a text node, never markup, so data cannot inject elements.
 */
export interface SvgNode {
	name: string;
	attrs: Record<string, string | number>;
	children: (SvgNode | string)[];
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

export function el(
	name: string,
	attrs: Record<string, string | number | null | undefined> = {},
	children: (SvgNode | string)[] = []
): SvgNode {
	const kept: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) kept[k] = v;
	return { name, attrs: kept, children };
}

/** Numbers with at most two decimals, so output is stable across platforms. */
export function num(value: number): string {
	const r = Math.round(value * 100) / 100;
	return String(Object.is(r, -0) ? 0 : r);
}

const attrText = (v: string | number) => (typeof v === 'number' ? num(v) : v);

/** XML 1.0 cannot hold C0 control characters other than tab, line feed and carriage return. */
const allowedInXml = (c: string) => {
	const code = c.codePointAt(0)!;
	return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
};

export function escapeXml(text: string): string {
	return [...text]
		.filter(allowedInXml)
		.join('')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

function checkName(name: string): string {
	if (!NAME.test(name)) throw new Error(`not an SVG name: ${JSON.stringify(name)}`);
	return name;
}

/** The tree as XML text, one element per line where it holds elements, for readable golden files. */
export function serializeSvg(node: SvgNode, depth = 0): string {
	const pad = '\t'.repeat(depth);
	const attrs = Object.entries(node.attrs)
		.map(([k, v]) => ` ${checkName(k)}="${escapeXml(attrText(v))}"`)
		.join('');
	const open = `${pad}<${checkName(node.name)}${attrs}`;
	if (node.children.length === 0) return `${open}/>`;
	if (node.children.every((c) => typeof c === 'string'))
		return `${open}>${escapeXml(node.children.join(''))}</${node.name}>`;
	const inner = node.children
		.map((c) => (typeof c === 'string' ? `${pad}\t${escapeXml(c)}` : serializeSvg(c, depth + 1)))
		.join('\n');
	return `${open}>\n${inner}\n${pad}</${node.name}>`;
}

/** The tree as DOM nodes: `createElementNS`, `setAttribute` and text nodes, never markup. */
export function treeToDom(doc: Document, node: SvgNode): SVGElement {
	const element = doc.createElementNS(SVG_NS, checkName(node.name)) as SVGElement;
	for (const [k, v] of Object.entries(node.attrs)) {
		// The namespace comes with createElementNS; an xmlns attribute would be written twice.
		if (k !== 'xmlns') element.setAttribute(checkName(k), attrText(v));
	}
	for (const child of node.children) {
		element.appendChild(
			typeof child === 'string' ? doc.createTextNode(child) : treeToDom(doc, child)
		);
	}
	return element;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
