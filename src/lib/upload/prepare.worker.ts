/**
 * Prepares a whole file for DuckDB off the main thread: reads it as a stream into one buffer (with
 * progress), transcodes it to UTF-8 without a BOM when it is not already, and scans its records.
 * The bytes go back to the page by transfer, so the file is held once and never becomes a string.
 */
import { toUtf8 } from './encoding';
import type { RecordScan } from './recordScan';
import { prepareText } from './records';
import type { Dialect } from './types';

export type PrepareDialect = Pick<Dialect, 'encoding' | 'delimiter' | 'quote'>;

export interface PrepareRequest {
	file: File;
	dialect: PrepareDialect;
}

export interface PrepareResult {
	/**
	 * The file's text as UTF-8 without a BOM, broken fields quoted (see records.ts): what stageRaw
	 * hands to DuckDB.
	 */
	utf8: Uint8Array;
	scan: RecordScan;
}

export type PrepareReply =
	| { type: 'progress'; fraction: number }
	| { type: 'done'; result: PrepareResult }
	| { type: 'error'; message: string };

/** Share of the progress bar given to reading; transcoding and scanning take the rest. */
const READ_SHARE = 0.8;
/** Progress is posted at most this often (by fraction), so a fast read does not flood the page. */
const PROGRESS_STEP = 0.01;

/**
 * Every byte of the file in one buffer, read chunk by chunk: `arrayBuffer()` would give no progress.
 * The buffer is sized from `file.size` and grown only if the stream yields more (it should not).
 */
export async function readWhole(
	file: Blob,
	report: (fraction: number) => void = () => {}
): Promise<Uint8Array> {
	let out = new Uint8Array(file.size);
	let offset = 0;
	let reported = 0;
	const reader = file.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (offset + value.length > out.length) {
			const grown = new Uint8Array(Math.max(out.length * 2, offset + value.length));
			grown.set(out.subarray(0, offset));
			out = grown;
		}
		out.set(value, offset);
		offset += value.length;
		const fraction = file.size > 0 ? Math.min(1, offset / file.size) : 1;
		if (fraction - reported >= PROGRESS_STEP) {
			reported = fraction;
			report(READ_SHARE * fraction);
		}
	}
	return offset === out.length ? out : out.subarray(0, offset);
}

export async function prepareRequest(
	request: PrepareRequest,
	report: (fraction: number) => void = () => {}
): Promise<PrepareResult> {
	const bytes = await readWhole(request.file, report);
	// UTF-8 comes back as a view on the same buffer (a BOM only moves its start); other encodings
	// are transcoded into a new buffer and the original is left to the collector.
	const text = toUtf8(bytes, request.dialect.encoding);
	report(READ_SHARE + (1 - READ_SHARE) / 2);
	const prepared = prepareText(text, request.dialect);
	report(1);
	return prepared;
}

/**
 * Handles one request message; exported so tests can run the worker's code in-process. `post`
 * gets the buffers to transfer with the reply.
 */
export async function handleMessage(
	request: PrepareRequest,
	post: (reply: PrepareReply, transfer?: Transferable[]) => void
): Promise<void> {
	let result: PrepareResult;
	try {
		result = await prepareRequest(request, (fraction) => post({ type: 'progress', fraction }));
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
		return;
	}
	post({ type: 'done', result }, [result.utf8.buffer as ArrayBuffer]);
}

// Only inside a worker: importing this module elsewhere (tests) must not install a handler.
const scope = globalThis as unknown as {
	window?: unknown;
	postMessage?: (reply: PrepareReply, transfer?: Transferable[]) => void;
	onmessage?: (event: MessageEvent<PrepareRequest>) => void;
};
if (scope.window === undefined && typeof scope.postMessage === 'function') {
	scope.onmessage = (event) => {
		void handleMessage(event.data, (reply, transfer) => scope.postMessage!(reply, transfer ?? []));
	};
}
