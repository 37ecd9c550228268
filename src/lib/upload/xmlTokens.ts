/**
 * A small, safe XML tokenizer for the parts of a workbook Pengo reads (workbook.xml, its
 * relationships, sharedStrings.xml, styles.xml, worksheets). Workers have no DOMParser, and none
 * is needed: these files are machine-written, so the tokenizer knows elements, attributes, text,
 * character references, CDATA, comments, processing instructions and the DOCTYPE line (skipped,
 * never expanded: no entity of the file's own is ever defined or followed). Names lose their
 * namespace prefix (`x:c` is `c`), as some writers prefix every element.
 */

export type XmlToken =
	| { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
	| { type: 'close'; name: string }
	| { type: 'text'; text: string };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character and the five predefined entity references resolved; others kept. */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED[ref] ?? whole;
	});
}

function localName(qualified: string): string {
	const colon = qualified.indexOf(':');
	return colon === -1 ? qualified : qualified.slice(colon + 1);
}

const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';

/** name="value" or name='value' pairs, read by hand (a regular expression per tag is slower). */
function attributesOf(text: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	let i = 0;
	const n = text.length;
	while (i < n) {
		while (i < n && isSpace(text[i]!)) i++;
		const nameStart = i;
		while (i < n && text[i] !== '=' && !isSpace(text[i]!)) i++;
		const name = text.slice(nameStart, i);
		while (i < n && isSpace(text[i]!)) i++;
		if (name === '' || text[i] !== '=') return attrs;
		i++;
		while (i < n && isSpace(text[i]!)) i++;
		const quote = text[i];
		if (quote !== '"' && quote !== "'") return attrs;
		const end = text.indexOf(quote, i + 1);
		if (end === -1) return attrs;
		// Prefixed attributes keep their prefix (r:id); the bare name is also set unless taken.
		const value = decodeEntities(text.slice(i + 1, end));
		attrs[name] = value;
		const local = localName(name);
		if (!(local in attrs) && !name.startsWith('xmlns')) attrs[local] = value;
		i = end + 1;
	}
	return attrs;
}

/** The tokens of an XML text, in order. Malformed input ends the tokens; it never throws. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
	let i = 0;
	const n = xml.length;
	while (i < n) {
		const lt = xml.indexOf('<', i);
		const textEnd = lt === -1 ? n : lt;
		if (textEnd > i) yield { type: 'text', text: decodeEntities(xml.slice(i, textEnd)) };
		if (lt === -1) return;
		if (xml.startsWith('<!--', lt)) {
			const end = xml.indexOf('-->', lt + 4);
			if (end === -1) return;
			i = end + 3;
		} else if (xml.startsWith('<![CDATA[', lt)) {
			const end = xml.indexOf(']]>', lt + 9);
			if (end === -1) return;
			yield { type: 'text', text: xml.slice(lt + 9, end) };
			i = end + 3;
		} else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
			const end = xml.indexOf('>', lt + 2);
			if (end === -1) return;
			i = end + 1;
		} else {
			const end = tagEnd(xml, lt + 1);
			if (end === -1) return;
			const inner = xml.slice(lt + 1, end);
			i = end + 1;
			if (inner[0] === '/') {
				yield { type: 'close', name: localName(inner.slice(1).trim()) };
				continue;
			}
			const selfClosing = inner.endsWith('/');
			const body = selfClosing ? inner.slice(0, -1) : inner;
			const space = body.search(/\s/);
			const name = localName(space === -1 ? body : body.slice(0, space));
			const attrs = space === -1 ? {} : attributesOf(body.slice(space));
			yield { type: 'open', name, attrs, selfClosing };
		}
	}
}

/** Index of the `>` closing a tag whose text starts at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
	let quote = '';
	for (let i = from; i < xml.length; i++) {
		const ch = xml[i]!;
		if (quote) {
			if (ch === quote) quote = '';
		} else if (ch === '"' || ch === "'") quote = ch;
		else if (ch === '>') return i;
	}
	return -1;
}
