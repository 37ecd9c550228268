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
	/** Rows where a closing quote is followed by text other than spaces, a delimiter or a line end. */
	strayQuoteRows: number[];
	/**
	 * Quoted fields with spaces before the opening or after the closing quote. DuckDB skips one
	 * space before a quote but not two: such fields are quoted again before DuckDB reads them.
	 */
	paddedFields: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * How a field is written: plain text, a quoted field, a quoted field with spaces around its quotes
 * (the spaces are not part of it), or broken quotes.
 */
export type FieldForm = 'plain' | 'quoted' | 'padded' | 'broken';

/**
 * Told of every field and record as the scan splits them, for readers that need the fields
 * themselves (the preview, the repair of broken fields); the whole-file scan passes none.
 */
export interface RecordVisitor {
	/** A field's bytes [start, end) exactly as written, quotes included. */
	field(start: number, end: number, form: FieldForm): void;
	/** Record `row` (1-based, empty lines included) is complete; false stops the scan after it. */
	record(row: number): boolean;
}

/**
 * One pass over UTF-8 bytes (no strings), splitting records the way RFC 4180 and DuckDB do:
 * a field that starts with the quote runs to the next quote not doubled. Spaces before the
 * opening quote or after the closing one are not part of the field (DuckDB skips one before and
 * any after). A quote anywhere else in a field is text. A closing quote followed by more text in
 * its field, or a quote still open at the end, makes the field broken: its row is reported, and
 * readers keep it exactly as written. Every structural byte (delimiter, quote, CR, LF) is ASCII,
 * which UTF-8 never uses inside a multi-byte character, so splitting bytes splits the text.
 */
export function scanRecords(
	bytes: Uint8Array,
	dialect: Pick<Dialect, 'delimiter' | 'quote'>,
	visitor?: RecordVisitor
): RecordScan {
	const scanner = recordScanner(dialect, visitor);
	scanner.feed(bytes, true);
	return scanner.finish();
}

/**
 * The same pass over a file read in pieces of any size, for files too big to hold at once (the
 * aggregate command reads census files in place): feed every piece in order, then finish. A
 * visitor's offsets count from the start of the first piece. `last` says no piece follows, so a
 * CR or a quote at the end of this one needs no look at the next.
 */
export function recordScanner(
	dialect: Pick<Dialect, 'delimiter' | 'quote'>,
	visitor?: RecordVisitor
): { feed(bytes: Uint8Array, last?: boolean): void; finish(): RecordScan } {
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
	let fieldOffset = 0;
	let form: FieldForm = 'plain';
	let inQuotes = false;
	let afterQuote = false;
	let stopped = false;
	let paddedFields = 0;
	let leadingSpaces = false;
	// The bytes of earlier pieces, and what a piece's last byte left open: a CR whose LF may come
	// next, or a quote inside a quoted field that may be doubled.
	let base = 0;
	let pendingCr = false;
	let pendingQuote = false;
	let finished = false;

	const endRecord = (next: number) => {
		if (recordBytes === 0) blankRows.push(row);
		else if (fields > maxFields) maxFields = fields;
		if (visitor && !visitor.record(row)) stopped = true;
		row++;
		fields = 1;
		recordBytes = 0;
		fieldStart = true;
		fieldOffset = next;
		form = 'plain';
		afterQuote = false;
		leadingSpaces = false;
	};

	const feed = (bytes: Uint8Array, last = false) => {
		if (finished) throw new Error('The scan is finished.');
		const n = bytes.length;
		let i = 0;
		if (n > 0 && pendingCr) {
			pendingCr = false;
			if (bytes[0] === LF) {
				i = 1;
				lineEnds.crlf++;
			} else lineEnds.cr++;
			endRecord(base + i);
		} else if (n > 0 && pendingQuote) {
			pendingQuote = false;
			if (bytes[0] === quote) {
				i = 1;
				recordBytes++;
			} else {
				inQuotes = false;
				afterQuote = true;
			}
		}
		for (; i < n && !stopped; i++) {
			const b = bytes[i]!;
			if (inQuotes) {
				recordBytes++;
				if (b === quote) {
					if (i + 1 === n && !last) pendingQuote = true;
					else if (bytes[i + 1] === quote) {
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
				visitor?.field(fieldOffset, base + i, form);
				if (b === CR && i + 1 === n && !last) {
					pendingCr = true;
					continue;
				}
				if (b === CR && bytes[i + 1] === LF) {
					i++;
					lineEnds.crlf++;
				} else if (b === CR) lineEnds.cr++;
				else lineEnds.lf++;
				endRecord(base + i + 1);
				continue;
			}
			recordBytes++;
			if (b === delim) {
				visitor?.field(fieldOffset, base + i, form);
				fields++;
				fieldStart = true;
				fieldOffset = base + i + 1;
				form = 'plain';
				afterQuote = false;
				leadingSpaces = false;
				continue;
			}
			if (fieldStart) {
				if (b === quote) {
					inQuotes = true;
					fieldStart = false;
					form = leadingSpaces ? 'padded' : 'quoted';
					if (leadingSpaces) paddedFields++;
					continue;
				}
				if (b === SPACE && quote !== -1) {
					leadingSpaces = true;
					continue;
				}
			}
			if (afterQuote) {
				if (b === SPACE) {
					if (form === 'quoted') {
						form = 'padded';
						paddedFields++;
					}
					continue;
				}
				if (strayQuoteRows.at(-1) !== row && strayQuoteRows.length < MAX_REPORTED_ROWS) {
					strayQuoteRows.push(row);
				}
				form = 'broken';
				afterQuote = false;
			}
			fieldStart = false;
		}
		base += n;
	};

	const finish = (): RecordScan => {
		finished = true;
		if (pendingCr) {
			pendingCr = false;
			lineEnds.cr++;
			endRecord(base);
		}
		if (pendingQuote) {
			pendingQuote = false;
			inQuotes = false;
			afterQuote = true;
		}
		let unterminatedQuoteRow: number | null = null;
		if (inQuotes) {
			unterminatedQuoteRow = row;
			form = 'broken';
		}
		// A last record without a line end still counts; an empty tail after the last line end does not.
		if (!stopped && recordBytes > 0) {
			visitor?.field(fieldOffset, base, form);
			endRecord(base);
		}
		return {
			records: row - 1,
			blankRows,
			maxFields,
			lineEnds,
			unterminatedQuoteRow,
			strayQuoteRows,
			paddedFields
		};
	};

	return { feed, finish };
}

/** The structural problems a scan found, each naming its row. */
export function scanProblems(scan: RecordScan, file: string): UploadProblem[] {
	const empty: UploadProblem[] =
		scan.records === scan.blankRows.length ? [{ file, kind: 'empty-file', severity: 'error' }] : [];
	return [...empty, ...quoteProblems(scan, file)];
}

/** One problem a row whose quotes are broken, in row order. */
export function quoteProblems(
	found: Pick<RecordScan, 'unterminatedQuoteRow' | 'strayQuoteRows'>,
	file: string
): UploadProblem[] {
	const problems: UploadProblem[] = found.strayQuoteRows.map((row) => ({
		file,
		row,
		kind: 'unterminated-quote',
		detail: 'A closing quote is followed by more text in the same field.',
		severity: 'error'
	}));
	// A quote left open runs to the end of the file: its row comes after every other.
	if (found.unterminatedQuoteRow !== null) {
		problems.push({
			file,
			row: found.unterminatedQuoteRow,
			kind: 'unterminated-quote',
			detail:
				'The quoted field opened in this row is never closed; it runs to the end of the file.',
			severity: 'error'
		});
	}
	return problems;
}
