/**
 * Excel workbooks in the import: a chosen .xlsx is read in its own worker (xlsx.worker.ts), and its
 * chosen sheet becomes a CSV file that takes the CSV path from step 2 on with a fixed dialect
 * (comma, double quote, UTF-8, the header at the sheet's own row). The workbook's bytes are what
 * the store keeps, with the sheet and header choice in the mapping, so a reload reads it again
 * the same way.
 */
import { DEFAULT_MISSING } from './sniff';
import type { Dialect, UploadProblem } from './types';
import { callWorker } from './workerCall';
import type { WorkbookChoice, XlsxRequest, XlsxResult } from './xlsx.worker';
import { looksLikeWorkbook } from './xlsxMagic';
import { ERROR_CODES } from './xlsxTable';

export type { WorkbookChoice, WorkbookSheet } from './xlsx.worker';

export function readWorkbookFile(
	file: Blob,
	choice?: WorkbookChoice,
	options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): Promise<XlsxResult> {
	// Where there are no workers (Node, when tests rebuild datasets) the same code runs in-process.
	if (typeof Worker === 'undefined') {
		return import('./xlsx.worker').then((w) => w.xlsxRequest({ file, choice }));
	}
	return callWorker<XlsxRequest, XlsxResult>(
		() => new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' }),
		{ file, choice },
		options
	);
}

/** True when the first bytes say the file is a workbook (or another zip) rather than text. */
export async function isWorkbookFile(file: File): Promise<boolean> {
	const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
	return looksLikeWorkbook(head);
}

/** The problem shown for a workbook that cannot be read, naming the file. */
export function workbookProblem(
	file: string,
	reason: Extract<XlsxResult, { ok: false }>['reason']
): UploadProblem {
	return { file, kind: 'workbook-unreadable', detail: reason, severity: 'error' };
}

/**
 * The dialect the sheet's CSV is read with: what the CSV writer wrote (UTF-8, comma, double
 * quote) and the header at the sheet's own row. Numbers stored as text are read as the CSV path
 * reads them (decimal point, thousands comma unless the person chose otherwise before), and
 * Excel's error values are missing values. `before` keeps the person's separators and missing
 * values when the sheet or header changes; the error codes of the sheet read before are dropped.
 */
export function workbookDialect(
	csvHeaderRow: number,
	errorCodes: readonly string[],
	before?: Dialect
): Dialect {
	const missing = (before?.missing ?? DEFAULT_MISSING).filter((t) => !ERROR_CODES.includes(t));
	for (const code of errorCodes) if (!missing.includes(code)) missing.push(code);
	return {
		encoding: 'utf-8',
		delimiter: ',',
		quote: '"',
		headerRow: csvHeaderRow,
		decimal: before?.decimal ?? '.',
		thousands: before?.thousands ?? ',',
		missing
	};
}

/** The sheet's CSV as a File named like the workbook, so every message names the workbook. */
export function sheetCsvFile(csv: Uint8Array, workbookName: string): File {
	return new File([csv as Uint8Array<ArrayBuffer>], workbookName, { type: 'text/csv' });
}

/** The workbook being imported: its bytes (what the store keeps), its sheets and the choice made. */
export interface WorkbookDraft {
	original: File;
	sheets: import('./xlsx.worker').WorkbookSheet[];
	choice: Required<WorkbookChoice>;
	errorCodes: string[];
}

/**
 * A chosen file as the CSV the import reads: null when it is not a workbook; the problem when it
 * is one that cannot be read; else the sheet's CSV (named like the workbook) and the workbook.
 */
export async function workbookAsCsv(
	file: File,
	choice: WorkbookChoice | undefined,
	options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): Promise<null | { problem: UploadProblem } | { file: File; workbook: WorkbookDraft }> {
	if (!(await isWorkbookFile(file))) return null;
	const read = await readWorkbookFile(file, choice, options);
	if (!read.ok) return { problem: workbookProblem(file.name, read.reason) };
	return {
		file: sheetCsvFile(read.csv, file.name),
		workbook: {
			original: file,
			sheets: read.sheets,
			choice: read.choice,
			errorCodes: read.errorCodes
		}
	};
}

/**
 * A stored original as the bytes the CSV path reads: a workbook's chosen sheet as CSV (by the
 * choice kept in its mapping), any other file as it is.
 */
export async function storedAsCsv(
	original: Blob,
	fileName: string,
	choice: WorkbookChoice | undefined
): Promise<Blob> {
	if (!choice) return original;
	const read = await readWorkbookFile(new File([original], fileName), choice);
	if (!read.ok) throw new Error(`${fileName}: the workbook cannot be read (${read.reason}).`);
	return new Blob([read.csv as Uint8Array<ArrayBuffer>]);
}
