/**
 * A byte-level pass over a whole UTF-8 file that finds its record structure before DuckDB reads it:
 * the number of records, empty lines, the widest record, line-end kinds, and stray or unterminated
 * quotes (see readSql.ts for why DuckDB's reader alone cannot be the judge of structure).
 */
import type { Dialect, UploadProblem } from './types';

/** Stray-quote rows remembered by the scan; a file with more is reported by its first ones. */
const MAX_REPORTED_ROWS = 1000;
/** What a byte-level pass over the whole file finds about its records. */
export interface RecordScan {
	/** Records in the file, empty lines included (the last row number a spreadsheet shows). */
	records: number;
	/** Row numbers of empty lines, which DuckDB leaves out of its result. */
	blankRows: number[];
	/** Fields in the widest record. */
	maxFields: number;
	lineEnds: { lf: number; crlf: number; cr: number };
	/** Row where a quoted field opens and never closes (it runs to the end of the file). */
	unterminatedQuoteRow: number | null;
	/** Rows where a closing quote is followed by text other than a delimiter or line end. */
	strayQuoteRows: number[];
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * One pass over UTF-8 bytes (no strings), splitting records the way RFC 4180 and DuckDB do:
 * a field that starts with the quote runs to the next quote not doubled.
 */
export function scanRecords(
	bytes: Uint8Array,
	dialect: Pick<Dialect, 'delimiter' | 'quote'>
): RecordScan {
	const delim = dialect.delimiter.charCodeAt(0);
	const quote = dialect.quote === '' ? -1 : dialect.quote.charCodeAt(0);
	const blankRows: number[] = [];
	const strayQuoteRows: number[] = [];
	const lineEnds = { lf: 0, crlf: 0, cr: 0 };
	let row = 1;
	let fields = 1;
	let maxFields = 0;
	let recordBytes = 0;
	let fieldStart = true;
	let inQuotes = false;
	let afterQuote = false;
	let unterminatedQuoteRow: number | null = null;
	const n = bytes.length;

	const endRecord = () => {
		if (recordBytes === 0) blankRows.push(row);
		else if (fields > maxFields) maxFields = fields;
		row++;
		fields = 1;
		recordBytes = 0;
		fieldStart = true;
		afterQuote = false;
	};

	for (let i = 0; i < n; i++) {
		const b = bytes[i]!;
		if (inQuotes) {
			recordBytes++;
			if (b === quote) {
				if (bytes[i + 1] === quote) {
					i++;
					recordBytes++;
				} else {
					inQuotes = false;
					afterQuote = true;
				}
			}
			continue;
		}
		if (b === LF || b === CR) {
			if (b === CR && bytes[i + 1] === LF) {
				i++;
				lineEnds.crlf++;
			} else if (b === CR) lineEnds.cr++;
			else lineEnds.lf++;
			endRecord();
			continue;
		}
		recordBytes++;
		if (b === delim) {
			fields++;
			fieldStart = true;
			afterQuote = false;
			continue;
		}
		if (fieldStart && b === quote) {
			inQuotes = true;
			fieldStart = false;
			continue;
		}
		if (afterQuote) {
			if (strayQuoteRows.at(-1) !== row && strayQuoteRows.length < MAX_REPORTED_ROWS) {
				strayQuoteRows.push(row);
			}
			afterQuote = false;
		}
		fieldStart = false;
	}
	if (inQuotes) unterminatedQuoteRow = row;
	// A last record without a line end still counts; an empty tail after the last line end does not.
	if (recordBytes > 0) endRecord();
	return {
		records: row - 1,
		blankRows,
		maxFields,
		lineEnds,
		unterminatedQuoteRow,
		strayQuoteRows
	};
}

/** The structural problems a scan found, each naming its row. */
export function scanProblems(scan: RecordScan, file: string): UploadProblem[] {
	const problems: UploadProblem[] = [];
	if (scan.records === scan.blankRows.length) {
		problems.push({ file, kind: 'empty-file', severity: 'error' });
	}
	if (scan.unterminatedQuoteRow !== null) {
		problems.push({
			file,
			row: scan.unterminatedQuoteRow,
			kind: 'unterminated-quote',
			detail:
				'The quoted field opened in this row is never closed; it runs to the end of the file.',
			severity: 'error'
		});
	}
	for (const row of scan.strayQuoteRows) {
		problems.push({
			file,
			row,
			kind: 'unterminated-quote',
			detail: 'A closing quote is followed by more text in the same field.',
			severity: 'error'
		});
	}
	return problems;
}
