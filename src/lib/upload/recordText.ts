/**
 * The text of chosen records of a delimited file exactly as the file writes them: quotes, every
 * field (a ragged row's extra ones too) and the line ends inside quoted fields, without the line
 * end that closes the record. Records are split by the rules of the byte scan (recordScan.ts) and
 * numbered as it numbers them (empty lines count): a field that starts with the quote runs to the
 * next quote that is not doubled, and one that never closes runs to the end of the file, so an
 * unterminated quote's record holds the lines it swallowed.
 */
import type { Dialect } from './types';
import { callWorker } from './workerCall';

/** Record number → its text, for the wanted record numbers the text has. */
export function recordTexts(
	text: string,
	dialect: Pick<Dialect, 'delimiter' | 'quote'>,
	wanted: Iterable<number>
): Map<number, string> {
	const rows = new Set(wanted);
	const found = new Map<number, string>();
	const lastWanted = Math.max(0, ...rows);
	const { delimiter, quote } = dialect;
	let record = 1;
	let recordStart = 0;
	let atFieldStart = true;
	let i = 0;
	while (i < text.length && record <= lastWanted) {
		const ch = text[i]!;
		if (atFieldStart && quote !== '' && ch === quote) {
			i = quotedFieldEnd(text, quote, i + 1);
			atFieldStart = false;
		} else if (ch === '\n' || ch === '\r') {
			if (rows.has(record)) found.set(record, text.slice(recordStart, i));
			i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
			record++;
			recordStart = i;
			atFieldStart = true;
		} else {
			atFieldStart = ch === delimiter;
			i++;
		}
	}
	// The last record may have no line end (and an unterminated quote runs to the end of the text).
	if (recordStart < text.length && rows.has(record) && !found.has(record)) {
		found.set(record, text.slice(recordStart));
	}
	return found;
}

/** Index just past the quote closing a quoted field whose text starts at `from`; the end if none. */
function quotedFieldEnd(text: string, quote: string, from: number): number {
	for (let at = from; ;) {
		const close = text.indexOf(quote, at);
		if (close === -1) return text.length;
		if (text[close + 1] !== quote) return close + 1;
		at = close + 2;
	}
}

/**
 * The texts of the wanted records of a kept file, found in a module worker (recordText.worker.ts):
 * the page never reads or decodes the whole file. In-process where there are no workers (Node).
 */
export function keptRecordTexts(
	file: Blob,
	dialect: Pick<Dialect, 'encoding' | 'delimiter' | 'quote'>,
	rows: number[]
): Promise<Map<number, string>> {
	const request = { file, dialect: { ...dialect }, rows };
	if (typeof Worker === 'undefined') {
		return import('./recordText.worker').then((w) => w.recordTextRequest(request));
	}
	return callWorker(
		() => new Worker(new URL('./recordText.worker.ts', import.meta.url), { type: 'module' }),
		request
	);
}
