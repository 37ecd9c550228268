/**
 * A minimal .xlsx writer for tests (unit and e2e): fflate's zip and XML strings, so fixtures are
 * made from a few lines of code and no workbook binary is committed. It writes what Excel writes
 * for the cases the reader handles: shared, inline and rich strings, numbers, dates (a date number
 * format), booleans, error values, formulas with a cached value, merged ranges and the 1904 flag.
 */
import { strToU8, zipSync } from 'fflate';

export type CellSpec =
	| string
	| number
	| boolean
	| null
	| undefined
	| { date: number; format?: 'builtin' | string }
	| { percent: number }
	| { error: string }
	| { formula: string; cached: number | string }
	| { inline: string }
	| { rich: string[] };

export interface SheetSpec {
	name: string;
	/** rows[i] is sheet row i + 1; rows[i][j] is column j + 1. */
	rows: CellSpec[][];
	/** Merged ranges, "B3:C3". */
	merges?: string[];
}

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnLetters(n: number): string {
	let s = '';
	for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
		s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
	return s;
}

export function writeXlsx(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Uint8Array {
	const strings: string[] = [];
	const stringIndex = new Map<string, number>();
	const shared = (text: string) => {
		let i = stringIndex.get(text);
		if (i === undefined) {
			i = strings.length;
			strings.push(`<si><t xml:space="preserve">${esc(text)}</t></si>`);
			stringIndex.set(text, i);
		}
		return i;
	};
	// Styles: 0 General, 1 built-in date (14), 2 custom date "dd/mm/yyyy", 3 percent (0.00%).
	const cellXml = (ref: string, cell: CellSpec): string => {
		if (cell === null || cell === undefined) return '';
		if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
		if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
		if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
		if ('date' in cell) {
			const style = cell.format === undefined || cell.format === 'builtin' ? 1 : 2;
			return `<c r="${ref}" s="${style}"><v>${cell.date}</v></c>`;
		}
		if ('percent' in cell) return `<c r="${ref}" s="3"><v>${cell.percent}</v></c>`;
		if ('error' in cell) return `<c r="${ref}" t="e"><f>1/0</f><v>${esc(cell.error)}</v></c>`;
		if ('formula' in cell) {
			const t = typeof cell.cached === 'string' ? ' t="str"' : '';
			return `<c r="${ref}"${t}><f>${esc(cell.formula)}</f><v>${esc(String(cell.cached))}</v></c>`;
		}
		if ('inline' in cell)
			return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
		const runs = cell.rich.map((r, i) => `<r>${i ? '<rPr><b/></rPr>' : ''}<t>${esc(r)}</t></r>`);
		const index = strings.length;
		strings.push(`<si>${runs.join('')}<rPh sb="0" eb="1"><t>phonetic</t></rPh></si>`);
		return `<c r="${ref}" t="s"><v>${index}</v></c>`;
	};
	const files: Record<string, Uint8Array> = {};
	const sheetEntries: string[] = [];
	const rels: string[] = [];
	sheets.forEach((sheet, i) => {
		const rows = sheet.rows
			.map((row, r) => {
				const cells = row.map((c, j) => cellXml(`${columnLetters(j + 1)}${r + 1}`, c)).join('');
				return cells === '' ? '' : `<row r="${r + 1}">${cells}</row>`;
			})
			.join('');
		const merges = sheet.merges?.length
			? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
			: '';
		files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${merges}</worksheet>`
		);
		sheetEntries.push(`<sheet name="${esc(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
		rels.push(
			`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
		);
	});
	const n = sheets.length;
	rels.push(
		`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
		`<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	);
	files['[Content_Types].xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
	);
	files['xl/workbook.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries.join('')}</sheets></workbook>`
	);
	files['xl/_rels/workbook.xml.rels'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
	);
	files['xl/sharedStrings.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings.join('')}</sst>`
	);
	files['xl/styles.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>`
	);
	return zipSync(files);
}

/** The first bytes of an OLE2 compound file, as an .xls or a password-protected .xlsx starts. */
export function compoundFile(encrypted: boolean): Uint8Array {
	const bytes = new Uint8Array(2048);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	const name = encrypted ? 'EncryptedPackage' : 'Workbook';
	for (let i = 0; i < name.length; i++) bytes[1024 + 2 * i] = name.charCodeAt(i);
	return bytes;
}

/** A zip holding a binary workbook part, as an .xlsb does. */
export function xlsbFile(): Uint8Array {
	return zipSync({ 'xl/workbook.bin': new Uint8Array([0, 1, 2, 3]) });
}
