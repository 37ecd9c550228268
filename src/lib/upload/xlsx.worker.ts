/**
 * Reads a workbook off the main thread: unzips it, lists its sheets, and writes the chosen sheet
 * (the first one with cells unless told) from its header down as UTF-8 CSV (xlsxTable.ts). The CSV
 * goes back by transfer; the workbook itself is read here and left to the collector.
 */
import { openWorkbook, WorkbookError, type WorkbookRefusal } from './xlsxRead';
import { guessHeader, sheetTable, type HeaderChoice } from './xlsxTable';
import { serveInWorker } from './workerServe';

/** Which sheet, and which rows hold its header; without the rows they are guessed. */
export interface WorkbookChoice extends Partial<HeaderChoice> {
	sheet: string;
}

export interface XlsxRequest {
	file: Blob;
	choice?: WorkbookChoice;
}

export interface WorkbookSheet {
	name: string;
	/** False for a sheet with no cell. */
	hasCells: boolean;
}

export type XlsxResult =
	| {
			ok: true;
			sheets: WorkbookSheet[];
			choice: Required<WorkbookChoice>;
			/** The sheet's table as CSV; its header line stands for sheet row `csvHeaderRow`. */
			csv: Uint8Array;
			csvHeaderRow: number;
			/** Excel error values in the table (#DIV/0!), read as missing values. */
			errorCodes: string[];
	  }
	| { ok: false; reason: WorkbookRefusal };

export function readWorkbookBytes(bytes: Uint8Array, choice?: WorkbookChoice): XlsxResult {
	try {
		const book = openWorkbook(bytes);
		// Only the chosen sheet's cells are read; the others are only looked at for a value.
		const sheets = book.sheets.map((s, i) => ({ name: s.name, hasCells: book.hasCells(i) }));
		const byName = choice ? sheets.findIndex((s) => s.name === choice.sheet) : -1;
		const index =
			byName >= 0
				? byName
				: Math.max(
						0,
						sheets.findIndex((s) => s.hasCells)
					);
		if (!sheets[index]) return { ok: false, reason: 'damaged' };
		const sheet = book.sheet(index);
		const header =
			byName >= 0 && choice?.headerRow !== undefined && choice.headerRows !== undefined
				? { headerRow: choice.headerRow, headerRows: choice.headerRows }
				: guessHeader(sheet);
		const table = sheetTable(sheet, header);
		return {
			ok: true,
			sheets,
			choice: { sheet: sheets[index]!.name, ...header },
			csv: table.csv,
			csvHeaderRow: table.csvHeaderRow,
			errorCodes: table.errorCodes
		};
	} catch (error) {
		if (error instanceof WorkbookError) return { ok: false, reason: error.reason };
		throw error;
	}
}

export async function xlsxRequest(
	request: XlsxRequest,
	report: (fraction: number) => void = () => {}
): Promise<XlsxResult> {
	report(0);
	const bytes = new Uint8Array(await request.file.arrayBuffer());
	report(0.5);
	const result = readWorkbookBytes(bytes, request.choice);
	report(1);
	return result;
}

const transfers = (result: XlsxResult): Transferable[] =>
	result.ok ? [result.csv.buffer as ArrayBuffer] : [];

serveInWorker(xlsxRequest, transfers);
