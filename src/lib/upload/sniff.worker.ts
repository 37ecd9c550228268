/**
 * Reads the first 2 MB of a file (all of it when smaller), detects the encoding, decodes and sniffs
 * it, and previews the first rows, off the main thread. With a dialect in the request it previews
 * with that dialect instead of sniffing (the person overrode a guess).
 */
import { detectEncoding, transcode } from './encoding';
import { windows1252Warning } from './records';
import type { Evidence } from './evidence';
import { previewRows, SAMPLE_BYTES, sniffDialect, type Emptiness } from './sniff';
import type { Dialect, Encoding, UploadProblem } from './types';
import { lineEnds } from './uploadLimit';

export const PREVIEW_ROWS = 20;
/** Columns the preview carries to the page; a wider file is counted, not drawn. */
export const PREVIEW_COLUMNS = 50;

export interface SniffRequest {
	file: File;
	dialect?: Dialect;
}

export interface SniffResult {
	encoding: Encoding;
	dialect: Dialect;
	/** Why each part of the dialect was guessed; empty when the person chose the dialect. */
	evidence: Evidence[];
	/** The header's first PREVIEW_COLUMNS cells. */
	header: string[];
	/** The first data rows as read with `dialect`, each cut to its first PREVIEW_COLUMNS cells. */
	rows: string[][];
	/** Columns of the widest record read (the preview shows the first PREVIEW_COLUMNS). */
	columns: number;
	/** The file's row number of each of `rows`. */
	rowNumbers: number[];
	/** Records in the sample the dialect was judged on. */
	sampleRecords: number;
	/** True when the sample is only the start of the file. */
	truncated: boolean;
	/**
	 * Bytes of the sample and its line ends (uploadLimit.ts's lineEnds), to judge the rows of the
	 * whole file from without reading its start again.
	 */
	sample: { bytes: number; lineEnds: number };
	/** Problems seen in the previewed rows (ragged rows, unterminated quotes). */
	problems: UploadProblem[];
	/** A file with nothing to load: no text at all, or only a header (see emptiness in sniff.ts). */
	empty: Emptiness;
}

export type SniffReply =
	| { type: 'progress'; fraction: number }
	| { type: 'done'; result: SniffResult }
	| { type: 'error'; message: string };

async function readSample(file: File, report: (fraction: number) => void): Promise<Uint8Array> {
	const size = Math.min(file.size, SAMPLE_BYTES);
	const out = new Uint8Array(size);
	const reader = file.slice(0, size).stream().getReader();
	let offset = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		const part = value.subarray(0, size - offset);
		out.set(part, offset);
		offset += part.length;
		report(size ? (0.8 * offset) / size : 0.8);
	}
	return out.subarray(0, offset);
}

export async function sniffRequest(
	request: SniffRequest,
	report: (fraction: number) => void = () => {}
): Promise<SniffResult> {
	const { file } = request;
	const sample = await readSample(file, report);
	const truncated = file.size > sample.length;
	const encoding = request.dialect?.encoding ?? detectEncoding(sample);
	// A cut UTF-16 sample may end in half a code unit.
	const whole = encoding.startsWith('utf-16') ? sample.subarray(0, sample.length & ~1) : sample;
	const transcoded = transcode(whole, encoding);
	const text = new TextDecoder('utf-8').decode(transcoded.utf8);
	const sniffed = sniffDialect(text, { truncated });
	const dialect = request.dialect ?? { ...sniffed.dialect, encoding };
	const evidence = request.dialect ? [] : sniffed.evidence;
	const preview = previewRows(text, dialect, PREVIEW_ROWS, file.name, truncated);
	// Rows of the sample only: a cut last record is left out as the preview leaves it out.
	const lastRow = truncated ? sniffed.sampleRecords : Infinity;
	const mixed = windows1252Warning(file.name, transcoded, dialect, lastRow);
	report(1);
	// Only what the page draws crosses to it: copying a 100,000-column preview blocks the page.
	return {
		encoding,
		dialect,
		evidence,
		header: preview.header.slice(0, PREVIEW_COLUMNS),
		rows: preview.rows.map((r) => r.slice(0, PREVIEW_COLUMNS)),
		columns: preview.columns,
		rowNumbers: preview.rowNumbers,
		sampleRecords: sniffed.sampleRecords,
		truncated,
		sample: { bytes: sample.length, lineEnds: lineEnds(sample) },
		problems: mixed ? [mixed, ...preview.problems] : preview.problems,
		empty: preview.empty
	};
}

/** Handles one request message; exported so tests can run the worker's code in-process. */
export async function handleMessage(
	request: SniffRequest,
	post: (reply: SniffReply) => void
): Promise<void> {
	try {
		const result = await sniffRequest(request, (fraction) => post({ type: 'progress', fraction }));
		post({ type: 'done', result });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}

// Only inside a worker: importing this module elsewhere (tests) must not install a handler.
const scope = globalThis as unknown as {
	window?: unknown;
	postMessage?: (reply: SniffReply) => void;
	onmessage?: (event: MessageEvent<SniffRequest>) => void;
};
if (scope.window === undefined && typeof scope.postMessage === 'function') {
	scope.onmessage = (event) => {
		void handleMessage(event.data, (reply) => scope.postMessage!(reply));
	};
}
