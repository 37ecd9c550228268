/**
 * One sheet's cells as the CSV the rest of the import reads. The sheet's own row numbers are kept:
 * rows above the header (titles, notes) and empty rows become empty lines, which the byte scan and
 * the raw table count as rows without records (readSql.ts), so `__row`, every message and the
 * rejected-rows file name the row Excel shows. The header row(s) come out as one line of column
 * names at the last header row; with two or more header rows (a merged "Urban" over two columns
 * above "2022" and "2023") each column's name joins its header cells: "Access 2022 Urban" is
 * "Access" / "2022" / "Urban" read down. Merged ranges at or below the header repeat their value
 * over the range. Empty rows and columns at the table's edges are left out.
 */
import type { Cell, SheetCells } from './xlsxRead';

export interface HeaderChoice {
	/** The first header row, as the sheet numbers it (1-based). */
	headerRow: number;
	/** How many rows the header takes (1 for one row of names). */
	headerRows: number;
}

/** How far down a header is looked for: titles and notes above a table are a few rows. */
const HEADER_SEARCH_ROWS = 50;
export const MAX_HEADER_ROWS = 5;

/** Excel's error values, each a missing value when it is read. */
export const ERROR_CODES = [
	'#NULL!',
	'#DIV/0!',
	'#VALUE!',
	'#REF!',
	'#NAME?',
	'#NUM!',
	'#N/A',
	'#GETTING_DATA',
	'#SPILL!',
	'#CALC!'
];

/** A number written as text ("12.5", "1,234", "45%"): it counts as data, not as a name. */
const NUMBER_TEXT = /^[+-]?(?:[0-9]+|[0-9]{1,3}(?:[,. \u00a0][0-9]{3})+)(?:[.,][0-9]+)?\s?%?$/;

/** A whole number that reads as a year (a header "2022" over its column is a name). */
function isYear(cell: Cell): boolean {
	return cell.kind !== 'date' && /^(19|20)[0-9]{2}$/.test(cell.text.trim());
}

function isNamelike(cell: Cell): boolean {
	return (cell.kind === 'text' && !NUMBER_TEXT.test(cell.text.trim())) || isYear(cell);
}

/** A number that is data: numeric (or a number written as text) and not a year. */
function isDataNumber(cell: Cell): boolean {
	const numeric =
		cell.kind === 'number' || cell.kind === 'date' || NUMBER_TEXT.test(cell.text.trim());
	return numeric && !isYear(cell);
}

/** Every merged range's value repeated over the range, for ranges starting at or below `fromRow`. */
export function fillMerges(sheet: SheetCells, fromRow: number): SheetCells['rows'] {
	if (!sheet.merges.some((m) => m.top >= fromRow)) return sheet.rows;
	const rows = new Map([...sheet.rows].map(([r, cells]) => [r, new Map(cells)]));
	for (const m of sheet.merges) {
		if (m.top < fromRow) continue;
		const value = sheet.rows.get(m.top)?.get(m.left);
		if (!value) continue;
		for (let r = m.top; r <= m.bottom; r++) {
			let row = rows.get(r);
			if (!row) rows.set(r, (row = new Map()));
			for (let c = m.left; c <= m.right; c++) row.set(c, value);
		}
	}
	return rows;
}

/**
 * The header guessed: the first row with at least two cells, most of them names (text that is not
 * a number, or a year), with a row of data (a number that is not a year) in the next few rows. The
 * rows under it belong to the header while they hold no data and leave the table's first column
 * blank (the space under "Region" while "Urban" and "Rural" are named under "2022"); a data row
 * names its region there. With no such row, the first non-empty row is the header.
 */
export function guessHeader(sheet: SheetCells): HeaderChoice {
	const numbers = [...sheet.rows.keys()].filter((r) => (sheet.rows.get(r)?.size ?? 0) > 0);
	numbers.sort((a, b) => a - b);
	if (numbers.length === 0) return { headerRow: 1, headerRows: 1 };
	const cellsOf = (r: number) => [...(sheet.rows.get(r)?.values() ?? [])];
	const hasData = (r: number) => cellsOf(r).some(isDataNumber);
	const namelike = (r: number) => {
		const cells = cellsOf(r);
		return cells.length >= 2 && cells.filter(isNamelike).length * 2 > cells.length;
	};
	for (const [i, r] of numbers.slice(0, HEADER_SEARCH_ROWS).entries()) {
		if (!namelike(r) || hasData(r)) continue;
		const below = numbers.slice(i + 1, i + 1 + MAX_HEADER_ROWS);
		const dataRow = below.find(hasData);
		if (dataRow === undefined) continue;
		const block = [r, ...below.filter((b) => b <= dataRow)];
		const left = Math.min(...block.flatMap((b) => [...(sheet.rows.get(b)?.keys() ?? [])]));
		let headerRows = 1;
		while (headerRows < MAX_HEADER_ROWS) {
			const next = r + headerRows;
			if (next >= dataRow || hasData(next) || !sheet.rows.get(next)?.size) break;
			if (sheet.rows.get(next)?.has(left)) break;
			headerRows++;
		}
		return { headerRow: r, headerRows };
	}
	return { headerRow: numbers[0]!, headerRows: 1 };
}

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line end. */
export function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface SheetTable {
	/** UTF-8 CSV: empty lines up to the header line, which sits at the last header row. */
	csv: Uint8Array;
	/** The sheet row the CSV's header line stands for (the dialect's header row). */
	csvHeaderRow: number;
	/** Columns kept (after trimming empty edge columns). */
	columns: number;
	/** Excel error codes found in the table (#DIV/0!), to be read as missing values. */
	errorCodes: string[];
}

/** The sheet from its header down as CSV, by the sheet's row numbers (see the module comment). */
export function sheetTable(sheet: SheetCells, choice: HeaderChoice): SheetTable {
	const first = Math.max(1, Math.floor(choice.headerRow));
	const depth = Math.max(1, Math.min(MAX_HEADER_ROWS, Math.floor(choice.headerRows)));
	const headerEnd = first + depth - 1;
	const rows = fillMerges(sheet, first);
	let left = Infinity;
	let right = 0;
	let last = headerEnd;
	for (const [r, cells] of rows) {
		if (r < first || cells.size === 0) continue;
		last = Math.max(last, r);
		for (const c of cells.keys()) {
			left = Math.min(left, c);
			right = Math.max(right, c);
		}
	}
	const columns = right === 0 ? 0 : right - left + 1;
	const lines: string[] = new Array<string>(Math.max(0, headerEnd - 1)).fill('');
	const names: string[] = [];
	for (let c = left; c <= right; c++) {
		const parts: string[] = [];
		for (let r = first; r <= headerEnd; r++) {
			const text = (rows.get(r)?.get(c)?.text ?? '').replace(/\s+/g, ' ').trim();
			if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
		}
		names.push(parts.join(' '));
	}
	lines.push(names.map(csvField).join(','));
	const errors = new Set<string>();
	for (let r = headerEnd + 1; r <= last; r++) {
		const cells = rows.get(r);
		if (!cells || cells.size === 0) {
			lines.push('');
			continue;
		}
		const fields: string[] = [];
		for (let c = left; c <= right; c++) {
			const cell = cells.get(c);
			if (cell?.kind === 'error') errors.add(cell.text);
			fields.push(csvField((cell?.text ?? '').replace(/\r\n?/g, '\n')));
		}
		// A row whose cells are all blank text would be a line of commas: an empty line instead.
		lines.push(fields.every((f) => f === '') ? '' : fields.join(','));
	}
	return {
		csv: new TextEncoder().encode(lines.join('\n') + '\n'),
		csvHeaderRow: headerEnd,
		columns,
		errorCodes: ERROR_CODES.filter((code) => errors.has(code))
	};
}
