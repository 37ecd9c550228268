/**
 * The one reader of an upload's records. The step-2 preview and the sniff read their sample with
 * it, and the import reads the whole file with the same splitter (scanRecords) before DuckDB sees
 * it, so both show the same records under the same row numbers and name the same broken rows.
 *
 * DuckDB's own reading of a broken quote cannot be the rule: with strict_mode off it drops or
 * mangles the text after a closing quote and may run a record on over the next lines (see
 * readSql.ts), which no preview can foretell. So a broken field is kept exactly as written, quotes
 * included, and the import hands DuckDB the file with each broken field quoted properly
 * (`wellFormed`): DuckDB then reads the records the splitter found, cell for cell.
 */
import { cellExcerpt } from '$lib/domain/cellExcerpt';
import type { Transcoded } from './encoding';
import { scanRecords, type FieldForm, type RecordScan } from './recordScan';
import type { Dialect, UploadProblem } from './types';

type Split = Pick<Dialect, 'delimiter' | 'quote'>;

const decoder = new TextDecoder('utf-8');

/** A field's text: a quoted field without its quotes (and spaces around) and doubled quotes undone. */
function fieldText(
	bytes: Uint8Array,
	start: number,
	end: number,
	form: FieldForm,
	quote: string
): string {
	if (form === 'plain' || form === 'broken') return decode(bytes, start, end);
	if (form === 'padded') [start, end] = withoutSpaces(bytes, start, end);
	const inner = decode(bytes, start + 1, end - 1);
	return inner.includes(quote) ? inner.replaceAll(quote + quote, quote) : inner;
}

/** [start, end) without the spaces around a padded quoted field. */
function withoutSpaces(bytes: Uint8Array, start: number, end: number): [number, number] {
	while (bytes[start] === 0x20) start++;
	while (bytes[end - 1] === 0x20) end--;
	return [start, end];
}

/** Short ASCII fields are most fields; building them directly is several times faster. */
function decode(bytes: Uint8Array, start: number, end: number): string {
	if (end - start > 64) return decoder.decode(bytes.subarray(start, end));
	let text = '';
	for (let i = start; i < end; i++) {
		const b = bytes[i]!;
		if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
		text += String.fromCharCode(b);
	}
	return text;
}

export interface ReadRecords {
	/** Record i is row i + 1; an empty line is [] (a record of one empty quoted field is ['']). */
	records: string[][];
	/** Rows among `records` whose quotes are broken (see RecordScan). */
	strayQuoteRows: number[];
	unterminatedQuoteRow: number | null;
	/** The scan itself, over what was read (a cut last record included). */
	scan: RecordScan;
}

export interface ReadOptions {
	/** Records to read at most. */
	limit?: number;
	/**
	 * The bytes are the start of a longer file: a last record not ended by a line end outside quotes
	 * may be cut, and is left out with whatever broken quote it seemed to have.
	 */
	cut?: boolean;
}

/** The records of UTF-8 text (bytes, or a string read as its UTF-8 bytes), as the import reads them. */
export function readRecords(
	text: Uint8Array | string,
	dialect: Split,
	{ limit = Infinity, cut = false }: ReadOptions = {}
): ReadRecords {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	const records: string[][] = [];
	let fields: string[] = [];
	let lastEnd = -1;
	let empty = false;
	const scan = scanRecords(bytes, dialect, {
		field(start, end, form) {
			fields.push(fieldText(bytes, start, end, form, dialect.quote));
			empty = start === end;
			lastEnd = end;
		},
		record(row) {
			records.push(fields.length === 1 && empty ? [] : fields);
			fields = [];
			return row < limit;
		}
	});
	let { strayQuoteRows, unterminatedQuoteRow } = scan;
	// A record ended by the end of the bytes rather than by a line end (an open quote included).
	if (cut && records.length > 0 && lastEnd === bytes.length) {
		records.pop();
		strayQuoteRows = strayQuoteRows.filter((r) => r <= records.length);
		unterminatedQuoteRow = null;
	}
	return { records, strayQuoteRows, unterminatedQuoteRow, scan };
}

/** A change wellFormed makes to bytes [start, end): a broken or padded field, or a line end. */
type Edit = (start: number, end: number, kind: 'broken' | 'padded' | 'line-end') => void;

/**
 * Calls `edit` in file order for every broken field, every padded field and, when the file mixes
 * line ends, every line end that is not LF.
 */
function forEachEdit(bytes: Uint8Array, dialect: Split, mixedEnds: boolean, edit: Edit): void {
	let lastEnd = 0;
	scanRecords(bytes, dialect, {
		field(start, end, form) {
			lastEnd = end;
			if (form === 'broken' || form === 'padded') edit(start, end, form);
		},
		record() {
			// A record ended by the end of the file has no line end.
			if (mixedEnds && lastEnd < bytes.length && bytes[lastEnd] === 0x0d) {
				edit(lastEnd, bytes[lastEnd + 1] === 0x0a ? lastEnd + 2 : lastEnd + 1, 'line-end');
			}
			return true;
		}
	});
}

/**
 * The bytes as DuckDB reads them right by RFC 4180, with the records and cells readRecords gives:
 * every broken field written as a proper quoted field of its text as written (its quotes
 * doubled), every padded one without its spaces, and, in a file that mixes line ends (which
 * DuckDB splits its own way), every line end as LF. The same bytes when none of that is needed.
 */
export function wellFormed(bytes: Uint8Array, dialect: Split, scan: RecordScan): Uint8Array {
	const { unterminatedQuoteRow, strayQuoteRows, paddedFields } = scan;
	const mixedEnds = lineEndKinds(scan) > 1;
	const broken = unterminatedQuoteRow !== null || strayQuoteRows.length > 0 || paddedFields > 0;
	if (!mixedEnds && !broken) return bytes;
	const quote = dialect.quote === '' ? -1 : dialect.quote.charCodeAt(0);
	let size = bytes.length;
	forEachEdit(bytes, dialect, mixedEnds, (start, end, kind) => {
		if (kind === 'line-end') size -= end - start - 1;
		else if (kind === 'padded') {
			const [s, e] = withoutSpaces(bytes, start, end);
			size -= end - start - (e - s);
		} else {
			size += 2;
			for (let i = start; i < end; i++) if (bytes[i] === quote) size++;
		}
	});
	const out = new Uint8Array(size);
	let from = 0;
	let o = 0;
	forEachEdit(bytes, dialect, mixedEnds, (start, end, kind) => {
		out.set(bytes.subarray(from, start), o);
		o += start - from;
		from = end;
		if (kind === 'line-end') out[o++] = 0x0a;
		else if (kind === 'padded') {
			const [s, e] = withoutSpaces(bytes, start, end);
			out.set(bytes.subarray(s, e), o);
			o += e - s;
		} else {
			out[o++] = quote;
			for (let i = start; i < end; i++) {
				const b = bytes[i]!;
				out[o++] = b;
				if (b === quote) out[o++] = quote;
			}
			out[o++] = quote;
		}
	});
	out.set(bytes.subarray(from), o);
	return out;
}

function lineEndKinds(scan: RecordScan): number {
	return Object.values(scan.lineEnds).filter((k) => k > 0).length;
}

/**
 * What the import hands DuckDB: the file's UTF-8 text made well-formed (see wellFormed), and the
 * scan of the file as it was, whose broken rows the report names; its line ends are those of the
 * text handed on (all LF when they were mixed).
 */
export function prepareText(
	utf8: Uint8Array,
	dialect: Split
): { utf8: Uint8Array; scan: RecordScan } {
	const scan = scanRecords(utf8, dialect);
	const text = wellFormed(utf8, dialect, scan);
	if (lineEndKinds(scan) > 1) {
		const { lf, crlf, cr } = scan.lineEnds;
		scan.lineEnds = { lf: lf + crlf + cr, crlf: 0, cr: 0 };
	}
	return { utf8: text, scan };
}

/** The rows (as readRecords numbers them) holding the given byte offsets, ascending, each once. */
export function rowsAt(bytes: Uint8Array, dialect: Split, offsets: readonly number[]): number[] {
	const rows: number[] = [];
	let k = 0;
	let end = 0;
	scanRecords(bytes, dialect, {
		field(_, fieldEnd) {
			end = fieldEnd;
		},
		record(row) {
			while (k < offsets.length && offsets[k]! <= end) {
				if (rows.at(-1) !== row) rows.push(row);
				k++;
			}
			return k < offsets.length;
		}
	});
	return rows;
}

/** Rows a warning names one by one; more are counted. */
const NAMED_ROWS = 10;

/**
 * The warning for a UTF-8 file some of whose lines were read as Windows-1252 (see transcode), or
 * null: it names the rows (`detail`: "7, 19", or "7, 19, …;1204" with the count of lines when there
 * are more) and shows the first such line as its value, to check that its accents read right.
 * `lastRow`: rows after it (a cut record at the end of a sample) are left out.
 */
export function windows1252Warning(
	file: string,
	transcoded: Transcoded,
	dialect: Split,
	lastRow = Infinity
): UploadProblem | null {
	const { utf8, windows1252Lines: lines, windows1252Count: count } = transcoded;
	const rows = rowsAt(utf8, dialect, lines).filter((r) => r <= lastRow);
	if (rows.length === 0) return null;
	const named = rows.slice(0, NAMED_ROWS).join(', ');
	// Past the lines remembered, only the count of lines is known.
	const total = count > lines.length ? count : rows.length;
	const more = total > NAMED_ROWS;
	const start = lines[0]!;
	let end = start;
	while (end < utf8.length && utf8[end] !== 0x0a && utf8[end] !== 0x0d) end++;
	const line = cellExcerpt(decoder.decode(utf8.subarray(start, Math.min(end, start + 4096))));
	return {
		file,
		kind: 'windows-1252-rows',
		detail: more ? `${named}, …;${total}` : named,
		value: line.text,
		severity: 'warning'
	};
}
