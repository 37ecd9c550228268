/**
 * Guessing how a delimited text file is written from a large sample of it (the first 2 MB, up to
 * 10,000 records): delimiter, quote, header row (title lines above it allowed), decimal and
 * thousands separators and the missing-value tokens in use. Every guess says why in `evidence`,
 * as a key and its values: the page words it in the person's language.
 *
 * Record numbers count every record of the file, empty lines included, as a spreadsheet does and
 * as the raw table's `__row` does (see readSql.ts).
 */
import { detectEncoding, toUtf8 } from './encoding';
import { because, type Evidence } from './evidence';
import { chooseSeparators, looksNumeric } from './numberSeparators';
import { quoteProblems } from './recordScan';
import { readRecords, type ReadRecords } from './records';
import type { Delimiter, Dialect, Encoding, UploadProblem } from './types';

export const SAMPLE_BYTES = 2 * 1024 * 1024;
export const SAMPLE_RECORDS = 10_000;
export const DEFAULT_MISSING = ['', 'NA', 'N/A', 'n/a', '..', '-', 'NaN', 'null'];
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
/** Columns the header row is judged on: the first ones tell it as well as all of them. */
const HEADER_COLUMNS = 1000;

export interface SniffOptions {
	/** The text is the start of a longer file: its last record may be cut and is not used. */
	truncated?: boolean;
}

/**
 * Records of the sample as the import reads them (readRecords), [] standing for an empty line,
 * and how many of them have broken quotes. A sample cut from a longer file loses its last record
 * when that may be incomplete.
 */
function parseRecords(
	text: string,
	delimiter: Delimiter,
	quote: Dialect['quote'],
	limit: number,
	cut = false
): { records: string[][]; quoteErrors: number; read: ReadRecords } {
	const read = readRecords(text, { delimiter, quote }, { limit, cut });
	const quoteErrors = read.strayQuoteRows.length + (read.unterminatedQuoteRow === null ? 0 : 1);
	return { records: read.records, quoteErrors, read };
}

function isBlank(record: string[]): boolean {
	return record.length === 0;
}

interface Candidate {
	delimiter: Delimiter;
	quote: Dialect['quote'];
	records: string[][];
	modal: number;
	consistency: number;
	/** Malformed quotes this reading runs into: a wrong delimiter often makes quotes look broken. */
	quoteErrors: number;
	/** Fields holding the quote character: a wrong delimiter leaves quotes inside its fields. */
	quotedText: number;
}

function evaluate(
	{ records, quoteErrors }: { records: string[][]; quoteErrors: number },
	delimiter: Delimiter,
	quote: Dialect['quote']
): Candidate {
	const counts = new Map<number, number>();
	let total = 0;
	let quotedText = 0;
	for (const r of records) {
		if (isBlank(r)) continue;
		if (quote) for (const cell of r) if (cell.includes(quote)) quotedText++;
		counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
		total++;
	}
	let modal = 1;
	let best = 0;
	for (const [fields, k] of counts) {
		if (k > best || (k === best && fields > modal)) {
			modal = fields;
			best = k;
		}
	}
	return {
		delimiter,
		quote,
		records,
		modal,
		consistency: total ? best / total : 0,
		quoteErrors,
		quotedText
	};
}

function sampleRecords(
	text: string,
	delimiter: Delimiter,
	quote: Dialect['quote'],
	truncated: boolean
) {
	const { records, quoteErrors } = parseRecords(text, delimiter, quote, SAMPLE_RECORDS, truncated);
	return { records, quoteErrors };
}

/** Whether single quotes, not double ones, wrap fields: no " at all and 'x' fields on several lines. */
function singleQuoted(text: string, delimiter: Delimiter): boolean {
	if (text.includes('"')) return false;
	const d = delimiter === '|' ? '\\|' : delimiter;
	const field = new RegExp(`(?:^|${d})'[^'\\r\\n]*'(?=${d}|\\r|\\n|$)`, 'gm');
	const lines = text.split(/\r\n|\r|\n/, 2000).length;
	const hits = text.slice(0, 200_000).match(field)?.length ?? 0;
	return hits >= 2 && hits >= lines * 0.05;
}

function chooseDelimiter(text: string, truncated: boolean, evidence: Evidence[]): Candidate {
	const candidates = DELIMITERS.map((d) =>
		evaluate(sampleRecords(text, d, '"', truncated), d, '"')
	);
	const usable = candidates.filter((c) => c.modal >= 2);
	if (usable.length === 0) {
		evidence.push(because('one_column'));
		return candidates[0]!;
	}
	// Most consistent field count wins; near ties go to more fields, then to the list order.
	// Most consistent field count wins, a reading with broken quotes counting as less consistent;
	// near ties go to the reading with fewer quote characters left inside fields, then to more
	// records (quotes closed where they should be), then to more fields, then to the list order.
	const score = (c: Candidate) => c.consistency - (c.quoteErrors > 0 ? 0.25 : 0);
	usable.sort((a, b) =>
		Math.abs(score(a) - score(b)) > 0.005
			? score(b) - score(a)
			: a.quotedText - b.quotedText || b.records.length - a.records.length || b.modal - a.modal
	);
	let chosen = usable[0]!;
	if (singleQuoted(text, chosen.delimiter)) {
		const alt = evaluate(
			sampleRecords(text, chosen.delimiter, "'", truncated),
			chosen.delimiter,
			"'"
		);
		if (alt.modal >= 2 && alt.consistency >= chosen.consistency) {
			chosen = alt;
			evidence.push(because('single_quotes'));
		}
	}
	const rows = chosen.records.filter((r) => !isBlank(r)).length;
	evidence.push(
		because('delimiter', {
			delimiter: chosen.delimiter,
			matching: Math.round(chosen.consistency * rows),
			rows,
			fields: chosen.modal
		})
	);
	for (const other of usable.slice(1, 2)) {
		evidence.push(
			because('delimiter_alternative', {
				delimiter: other.delimiter,
				percent: Math.round(other.consistency * 100)
			})
		);
	}
	return chosen;
}

/**
 * The header row (1-based, counting empty lines), or 0; and where data begins. Judged on the first
 * HEADER_COLUMNS columns, so a very wide file costs no more than a wide one. A lone record of
 * distinct texts with no number is taken for the header: in a sample cut so early that only one
 * complete record is left (a huge field in the first data row) more records follow it, and a file
 * of that record alone is a header without data (reported as such, not as a row of data).
 */
function chooseHeader(
	c: Candidate,
	evidence: Evidence[]
): { headerRow: number; firstData: number } {
	const { records, modal } = c;
	const nonBlank = records.map((r, i) => [r, i] as const).filter(([r]) => !isBlank(r));
	let start = 0;
	for (let k = 0; k < nonBlank.length; k++) {
		const next = nonBlank[k + 1];
		const r = nonBlank[k]![0];
		// Title lines exported from a spreadsheet often carry the table's width in empty cells.
		const filled = r.filter((cell) => cell.trim() !== '').length;
		const wide = filled >= Math.min(modal, Math.max(2, Math.ceil(modal / 2)));
		if (r.length === modal && wide && (!next || next[0].length === modal)) {
			start = k;
			break;
		}
	}
	const [whole, index] = nonBlank[start] ?? [[], 0];
	const candidate = whole.slice(0, HEADER_COLUMNS);
	const titles = start;
	const body = nonBlank.slice(start + 1).map(([r]) => r);
	let numericColumns = 0;
	let textHeaderOverNumbers = 0;
	let repeats = 0;
	for (let col = 0; col < candidate.length; col++) {
		const cells = body.map((r) => r[col] ?? '').filter((v) => v.trim() !== '');
		const numeric = cells.filter(looksNumeric).length;
		const head = candidate[col]!.trim();
		if (cells.length > 0 && numeric >= cells.length * 0.8) {
			numericColumns++;
			if (head !== '' && !looksNumeric(head)) textHeaderOverNumbers++;
		}
		if (head !== '' && cells.includes(candidate[col]!)) repeats++;
	}
	const distinct = new Set(candidate.map((h) => h.trim())).size === candidate.length;
	const anyNumericHead = candidate.some((h) => looksNumeric(h));
	const header =
		textHeaderOverNumbers > 0 ||
		(numericColumns === 0 && !anyNumericHead && distinct && repeats === 0 && candidate.length > 0);
	if (titles > 0) evidence.push(because('title_lines', { count: titles, columns: modal }));
	if (!header) {
		evidence.push(because('no_header'));
		return { headerRow: 0, firstData: 0 };
	}
	evidence.push(
		textHeaderOverNumbers > 0
			? because('header_numeric', { row: index + 1, count: textHeaderOverNumbers })
			: because('header_distinct', { row: index + 1 })
	);
	return { headerRow: index + 1, firstData: index + 1 };
}

/** Picks the dialect from a decoded sample (encoding is left for the caller to fill in). */
export function sniffDialect(
	text: string,
	options: SniffOptions = {}
): { dialect: Dialect; evidence: Evidence[]; sampleRecords: number } {
	const evidence: Evidence[] = [];
	const chosen = chooseDelimiter(text, options.truncated ?? false, evidence);
	const { headerRow, firstData } = chooseHeader(chosen, evidence);
	const cells = chosen.records.slice(firstData).flatMap((r) => (isBlank(r) ? [] : r));
	const { decimal, thousands } = chooseSeparators(cells, chosen.delimiter, evidence);
	// Every default token stays in the list even when the sample lacks it: a column that turns into
	// "N/A" after the first 2 MB must still read as numeric with missing cells.
	const seen = new Set(cells.map((c) => c.trim()));
	const missing = [...DEFAULT_MISSING];
	const tokens = missing.filter((m) => m !== '' && seen.has(m));
	if (tokens.length) {
		evidence.push(because('missing', { tokens: tokens.map((m) => `"${m}"`).join(', ') }));
	}
	return {
		dialect: {
			encoding: 'utf-8',
			delimiter: chosen.delimiter,
			quote: chosen.quote,
			headerRow,
			decimal,
			thousands,
			missing
		},
		evidence,
		sampleRecords: chosen.records.length
	};
}

export interface Preview {
	header: string[];
	rows: string[][];
	/** The file's row number of each preview row. */
	rowNumbers: number[];
	/** Fields in the widest record read (header included): the file has at least this many columns. */
	columns: number;
	problems: UploadProblem[];
	/** What a whole file read to its end lacks (see emptiness); null when it has data or was cut. */
	empty: Emptiness;
}

/** A file with no text at all (empty lines, a byte order mark), or text only down to its header. */
export type Emptiness = 'empty' | 'header-only' | null;

/**
 * Whether records holding a whole file have nothing to load: no record with any text in it, or
 * none after the header. A record of empty or blank cells only (",,") is no data either.
 */
export function emptiness(records: readonly string[][], headerRow: number): Emptiness {
	const hasText = (r: readonly string[]) => r.some((cell) => cell.trim() !== '');
	if (!records.some(hasText)) return 'empty';
	return records.slice(headerRow).some(hasText) ? null : 'header-only';
}

/**
 * The header and the first `limit` data rows read with an explicit dialect, and what went wrong in
 * them, worded as the import words it: a broken quote is named once, by its row, and a row with
 * another number of fields than the header is named as the import's check names it. `cut`: the
 * text is the start of a longer file, so its last record may be incomplete.
 */
export function previewRows(
	text: string,
	dialect: Dialect,
	limit: number,
	file = '',
	cut = false
): Preview {
	const wanted = dialect.headerRow + limit;
	const { records, read } = parseRecords(
		text,
		dialect.delimiter,
		dialect.quote,
		wanted + 1000,
		cut
	);
	let columns = 0;
	for (const r of records) if (r.length > columns) columns = r.length;
	const header = dialect.headerRow > 0 ? (records[dialect.headerRow - 1] ?? []) : [];
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	const problems: UploadProblem[] = [];
	const expected =
		header.length ||
		evaluate(
			{ records: records.slice(0, wanted), quoteErrors: 0 },
			dialect.delimiter,
			dialect.quote
		).modal;
	for (let i = dialect.headerRow; i < records.length && rows.length < limit; i++) {
		const r = records[i]!;
		if (isBlank(r)) continue;
		rows.push(r);
		rowNumbers.push(i + 1);
		if (r.length !== expected) {
			problems.push({
				file,
				row: i + 1,
				kind: 'ragged-row',
				detail: `${r.length}/${expected}`,
				severity: 'error'
			});
		}
	}
	const lastRow = rowNumbers.at(-1) ?? dialect.headerRow;
	problems.push(...quoteProblems(read, file).filter((p) => p.row! <= lastRow));
	problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	const whole = !cut && records.length < wanted + 1000;
	const empty = whole ? emptiness(records, dialect.headerRow) : null;
	return { header, rows, rowNumbers, columns, problems, empty };
}

export interface SampleSniff {
	encoding: Encoding;
	dialect: Dialect;
	evidence: Evidence[];
	/** The decoded sample, kept for previews with another dialect. */
	text: string;
	truncated: boolean;
	/** Records the sample holds (empty lines included; a cut last record excluded). */
	sampleRecords: number;
}

/** Decodes the first bytes of a file (given whole when small) and sniffs them. */
export function sniffSample(
	sample: Uint8Array,
	fileSize: number,
	encoding?: Encoding
): SampleSniff {
	const truncated = fileSize > sample.length;
	const enc = encoding ?? detectEncoding(sample);
	const bytes =
		enc.startsWith('utf-16') && sample.length % 2 ? sample.subarray(0, sample.length - 1) : sample;
	const text = new TextDecoder('utf-8').decode(toUtf8(bytes, enc));
	const { dialect, evidence, sampleRecords } = sniffDialect(text, { truncated });
	evidence.unshift(because('encoding', { encoding: enc }));
	dialect.encoding = enc;
	return { encoding: enc, dialect, evidence, text, truncated, sampleRecords };
}
