/**
 * Reading an Excel workbook (.xlsx, Office Open XML): a zip (fflate) of XML parts read with our own
 * tokenizer (xmlTokens.ts). What is read: the sheets' names and order (workbook.xml and its
 * relationships), the 1904 date flag, shared strings (plain and rich text, without phonetic runs),
 * the cell formats that show dates (styles.xml), and one sheet's cells with their merged ranges.
 * A cell is what Excel last computed and stored: a formula's cached value, never the formula.
 *
 * Old binary workbooks (.xls), binary .xlsb and password-protected files are told apart by their
 * bytes so the page can say what to do with each.
 */
import { unzipSync } from 'fflate';
import { formatShowsTime, isDateFormat, isPercentFormat, serialToIso } from './xlsxDates';
import { xmlTokens } from './xmlTokens';
import { CFB_MAGIC } from './xlsxMagic';

/** Why a chosen file cannot be read as a workbook. */
export type WorkbookRefusal = 'xls' | 'xlsb' | 'encrypted' | 'damaged' | 'too-large';

/**
 * The most unpacked bytes one part may have: its text must fit one JavaScript string (about 512 M
 * characters in V8), and a small zip can unpack to far more than that.
 */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

export class WorkbookError extends Error {
	constructor(readonly reason: WorkbookRefusal) {
		super(`The workbook cannot be read (${reason}).`);
	}
}

/** A compound file holding "EncryptedPackage" (UTF-16 in its directory) is a protected .xlsx. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
	const name = 'EncryptedPackage';
	outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
		for (let k = 0; k < name.length; k++) {
			if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
		}
		return true;
	}
	return false;
}

export interface SheetInfo {
	name: string;
	/** The part's path inside the zip (xl/worksheets/sheet1.xml). */
	path: string;
}

export interface Workbook {
	sheets: SheetInfo[];
	date1904: boolean;
	/** Reads one sheet's cells (by its index in `sheets`). */
	sheet(index: number): SheetCells;
	/** Whether a sheet has any cell with a value, found without reading its cells. */
	hasCells(index: number): boolean;
}

/** A cell as the table builder needs it: its text, and what kind of value wrote it. */
export interface Cell {
	text: string;
	/** 'number' and 'date' come from numeric cells; 'error' holds the error code (#DIV/0!). */
	kind: 'text' | 'number' | 'date' | 'bool' | 'error';
}

export interface MergedRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export interface SheetCells {
	/** Row number (1-based, as Excel shows it) → column number (1-based) → cell. Empty cells absent. */
	rows: Map<number, Map<number, Cell>>;
	merges: MergedRange[];
}

const decoder = new TextDecoder('utf-8');

/** Column letters (A, AB) → 1-based number. */
export function columnNumber(letters: string): number {
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n;
}

/** "B3" → { row: 3, column: 2 }; null when the reference is not a cell. */
export function cellRef(ref: string): { row: number; column: number } | null {
	const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(ref);
	return m ? { column: columnNumber(m[1]!), row: Number(m[2]) } : null;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(base: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = base.split('/').slice(0, -1);
	for (const piece of target.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.') parts.push(piece);
	}
	return parts.join('/');
}

function workbookParts(
	xml: string,
	rels: string
): { sheets: SheetInfo[]; date1904: boolean; strings: string; styles: string } {
	const targets = new Map<string, { target: string; type: string }>();
	for (const t of xmlTokens(rels)) {
		if (t.type === 'open' && t.name === 'Relationship' && t.attrs.Id && t.attrs.Target) {
			targets.set(t.attrs.Id, { target: t.attrs.Target, type: t.attrs.Type ?? '' });
		}
	}
	const sheets: SheetInfo[] = [];
	let date1904 = false;
	for (const t of xmlTokens(xml)) {
		if (t.type !== 'open') continue;
		if (t.name === 'workbookPr') date1904 = ['1', 'true'].includes(t.attrs.date1904 ?? '');
		if (t.name === 'sheet') {
			const rel = targets.get(t.attrs['r:id'] ?? t.attrs.id ?? '');
			// Chart sheets and dialog sheets hold no cells.
			if (!rel || !/\/worksheet$/.test(rel.type)) continue;
			sheets.push({ name: t.attrs.name ?? '', path: resolvePart('xl/workbook.xml', rel.target) });
		}
	}
	// Writers name these parts as they like; the relationships say where they are.
	const part = (kind: string, fallback: string) => {
		const rel = [...targets.values()].find((r) => r.type.endsWith(`/${kind}`));
		return rel ? resolvePart('xl/workbook.xml', rel.target) : fallback;
	};
	return {
		sheets,
		date1904,
		strings: part('sharedStrings', 'xl/sharedStrings.xml'),
		styles: part('styles', 'xl/styles.xml')
	};
}

/** Shared strings: each <si>'s text, rich runs joined, phonetic guides (<rPh>) left out. */
export function sharedStrings(xml: string): string[] {
	const out: string[] = [];
	let current: string[] | null = null;
	let inText = false;
	let phonetic = 0;
	for (const t of xmlTokens(xml)) {
		if (t.type === 'open') {
			if (t.name === 'si') {
				current = [];
				if (t.selfClosing) {
					out.push('');
					current = null;
				}
			} else if (t.name === 'rPh' && !t.selfClosing) phonetic++;
			else if (t.name === 't' && !t.selfClosing) inText = true;
		} else if (t.type === 'close') {
			if (t.name === 'si' && current) {
				out.push(current.join(''));
				current = null;
			} else if (t.name === 'rPh') phonetic--;
			else if (t.name === 't') inText = false;
		} else if (inText && phonetic === 0 && current) current.push(t.text);
	}
	return out;
}

/** What a cell format (the `s` of a cell) does to its number. */
export interface CellStyle {
	/** Shows a date; `time`: with the time of day. */
	date: boolean;
	time: boolean;
	/** Shows the number × 100 with a percent sign (0.452 as 45.2%). */
	percent: boolean;
}

/** Per cell format: whether it shows a date (and the time) or a percentage. */
export function cellStyles(xml: string): CellStyle[] {
	const codes = new Map<number, string>();
	const styles: CellStyle[] = [];
	let inCellXfs = false;
	for (const t of xmlTokens(xml)) {
		if (t.type === 'open' && t.name === 'numFmt') {
			codes.set(Number(t.attrs.numFmtId), t.attrs.formatCode ?? '');
		} else if (t.type === 'open' && t.name === 'cellXfs') inCellXfs = !t.selfClosing;
		else if (t.type === 'close' && t.name === 'cellXfs') inCellXfs = false;
		else if (t.type === 'open' && t.name === 'xf' && inCellXfs) {
			const id = Number(t.attrs.numFmtId ?? 0);
			styles.push({
				date: isDateFormat(id, codes.get(id)),
				time: formatShowsTime(id, codes.get(id)),
				percent: isPercentFormat(id, codes.get(id))
			});
		}
	}
	return styles;
}

/**
 * A number as Excel shows it in a cell of General format: 15 significant digits, so the binary
 * noise some writers store (12.300000000000001) is gone.
 */
export function excelNumberText(stored: string): string {
	// Short plain decimals (most cells) have no noise to round away.
	if (stored.length <= 15 && /^-?[0-9]+(\.[0-9]+)?$/.test(stored)) return stored;
	const n = Number(stored);
	if (stored.trim() === '' || !Number.isFinite(n)) return stored;
	return String(Number(n.toPrecision(15)));
}

interface SheetContext {
	strings: string[];
	styles: CellStyle[];
	date1904: boolean;
}

function cellValue(
	type: string,
	style: number,
	value: string | null,
	inline: string | null,
	ctx: SheetContext
): Cell | null {
	switch (type) {
		case 's': {
			const text = value === null ? undefined : ctx.strings[Number(value)];
			return text === undefined || text === '' ? null : { text, kind: 'text' };
		}
		case 'inlineStr':
			return inline === null || inline === '' ? null : { text: inline, kind: 'text' };
		case 'str':
			return value === null || value === '' ? null : { text: value, kind: 'text' };
		case 'b':
			return value === null ? null : { text: value === '1' ? 'TRUE' : 'FALSE', kind: 'bool' };
		case 'e':
			return value === null ? null : { text: value, kind: 'error' };
		case 'd':
			// An ISO date written as text (strict Open XML): its date part.
			return value === null ? null : { text: value.slice(0, 10), kind: 'date' };
		default: {
			if (value === null || value.trim() === '') return null;
			const format = ctx.styles[style];
			if (format?.date) {
				const iso = serialToIso(Number(value), ctx.date1904, format.time);
				if (iso !== null) return { text: iso, kind: 'date' };
			}
			// As Excel shows it and saves it to CSV: 45.2%, which the CSV path reads as 45.2.
			if (format?.percent && Number.isFinite(Number(value))) {
				return { text: `${excelNumberText(String(Number(value) * 100))}%`, kind: 'number' };
			}
			return { text: excelNumberText(value), kind: 'number' };
		}
	}
}

/** The cells and merged ranges of one worksheet's XML. */
export function sheetCells(xml: string, ctx: SheetContext): SheetCells {
	const rows = new Map<number, Map<number, Cell>>();
	const merges: MergedRange[] = [];
	let rowNumber = 0;
	let column = 0;
	let cell: { row: number; column: number; type: string; style: number } | null = null;
	let value: string[] | null = null;
	let inline: string[] | null = null;
	let into: 'v' | 't' | null = null;
	let phonetic = 0;
	const finishCell = () => {
		if (!cell) return;
		const v = value === null ? null : value.join('');
		const found = cellValue(
			cell.type,
			cell.style,
			v,
			inline === null ? null : inline.join(''),
			ctx
		);
		if (found) {
			let row = rows.get(cell.row);
			if (!row) rows.set(cell.row, (row = new Map()));
			row.set(cell.column, found);
		}
		cell = null;
		value = null;
		inline = null;
	};
	for (const t of xmlTokens(xml)) {
		if (t.type === 'open') {
			if (t.name === 'row') {
				rowNumber = t.attrs.r ? Number(t.attrs.r) : rowNumber + 1;
				column = 0;
			} else if (t.name === 'c') {
				const ref = t.attrs.r ? cellRef(t.attrs.r) : null;
				column = ref ? ref.column : column + 1;
				cell = {
					row: ref ? ref.row : rowNumber,
					column,
					type: t.attrs.t ?? 'n',
					style: Number(t.attrs.s ?? 0)
				};
				if (t.selfClosing) finishCell();
			} else if (t.name === 'v' && !t.selfClosing) {
				value = [];
				into = 'v';
			} else if (t.name === 'is') inline = [];
			else if (t.name === 'rPh' && !t.selfClosing) phonetic++;
			else if (t.name === 't' && !t.selfClosing && inline !== null) into = 't';
			else if (t.name === 'mergeCell' && t.attrs.ref) {
				const [from, to = from] = t.attrs.ref.split(':');
				const a = cellRef(from ?? '');
				const b = cellRef(to ?? '');
				if (a && b) {
					merges.push({
						top: Math.min(a.row, b.row),
						left: Math.min(a.column, b.column),
						bottom: Math.max(a.row, b.row),
						right: Math.max(a.column, b.column)
					});
				}
			}
		} else if (t.type === 'close') {
			if (t.name === 'c') finishCell();
			else if (t.name === 'v' || t.name === 't') into = null;
			else if (t.name === 'rPh') phonetic--;
		} else if (into === 'v') value?.push(t.text);
		else if (into === 't' && phonetic === 0) inline?.push(t.text);
	}
	return { rows, merges };
}

/**
 * Opens a workbook's bytes. Throws WorkbookError with the reason when they are an .xls, an .xlsb,
 * a password-protected workbook, or not a readable .xlsx.
 */
export function openWorkbook(bytes: Uint8Array, maxPartBytes = MAX_PART_BYTES): Workbook {
	if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
		throw new WorkbookError(isEncryptedPackage(bytes) ? 'encrypted' : 'xls');
	}
	// Parts are unpacked one at a time when asked for, so a workbook of many large sheets holds
	// only one sheet's XML at once. Names are compared without case: writers spell them freely.
	const unpack = (wanted: (name: string) => boolean): Record<string, Uint8Array> => {
		let tooLarge = false;
		let files: Record<string, Uint8Array>;
		try {
			files = unzipSync(bytes, {
				filter: (f) => {
					const take = wanted(f.name.toLowerCase());
					// Told by the zip's directory: a part too large is never unpacked.
					if (take && f.originalSize > maxPartBytes) tooLarge = true;
					return take && !tooLarge;
				}
			});
		} catch {
			throw new WorkbookError('damaged');
		}
		if (tooLarge) throw new WorkbookError('too-large');
		return files;
	};
	const text = (path: string): string | null => {
		const entry = Object.values(unpack((name) => name === path.toLowerCase()))[0];
		return entry ? decoder.decode(entry) : null;
	};
	const names: string[] = [];
	unpack((name) => {
		names.push(name);
		return false;
	});
	if (names.includes('xl/workbook.bin')) throw new WorkbookError('xlsb');
	const workbookXml = text('xl/workbook.xml');
	const rels = text('xl/_rels/workbook.xml.rels');
	if (workbookXml === null || rels === null) throw new WorkbookError('damaged');
	const parts = workbookParts(workbookXml, rels);
	const { sheets, date1904 } = parts;
	const shared = text(parts.strings);
	const styles = text(parts.styles);
	const ctx: SheetContext = {
		strings: shared === null ? [] : sharedStrings(shared),
		styles: styles === null ? [] : cellStyles(styles),
		date1904
	};
	// The last sheet's text is kept: the chosen sheet is looked at, then read.
	let last: { index: number; xml: string } | null = null;
	const sheetXml = (index: number): string => {
		if (last?.index === index) return last.xml;
		const info = sheets[index];
		const xml = info ? text(info.path) : null;
		if (xml === null) throw new WorkbookError('damaged');
		last = { index, xml };
		return xml;
	};
	return {
		sheets,
		date1904,
		sheet: (index) => sheetCells(sheetXml(index), ctx),
		hasCells: (index) => /<(?:\w+:)?(?:v|is)>/.test(sheetXml(index))
	};
}
