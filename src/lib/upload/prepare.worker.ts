/**
 * Prepares a whole file for DuckDB off the main thread: reads it as a stream into one buffer (with
 * progress), transcodes it to UTF-8 without a BOM when it is not already, and scans its records.
 * A file that is already what DuckDB should read (UTF-8, no BOM, nothing to quote again) is not
 * sent back at all: DuckDB reads the File itself. Other bytes go back to the page by transfer, so
 * the file is held once and never becomes a string.
 */
import { toUtf8 } from './encoding';
import type { RecordScan } from './recordScan';
import { prepareText } from './records';
import type { Dialect } from './types';
import { readWhole } from './wholeFile';
import { respond, serveInWorker } from './workerServe';
import type { WorkerReply } from './workerCall';

export { readWhole } from './wholeFile';

export type PrepareDialect = Pick<Dialect, 'encoding' | 'delimiter' | 'quote'>;

export interface PrepareRequest {
	file: File;
	dialect: PrepareDialect;
}

export interface PrepareResult {
	/**
	 * The file's text as UTF-8 without a BOM, broken fields quoted (see records.ts): what stageRaw
	 * hands to DuckDB. Null when that is the file itself, byte for byte: stageRaw then hands DuckDB
	 * the File, which it reads in place, never copied into its memory.
	 */
	utf8: Uint8Array | null;
	scan: RecordScan;
}

export type PrepareReply = WorkerReply<PrepareResult>;

/** Share of the progress bar given to reading; transcoding and scanning take the rest. */
const READ_SHARE = 0.8;

export async function prepareRequest(
	request: PrepareRequest,
	report: (fraction: number) => void = () => {}
): Promise<PrepareResult> {
	const bytes = await readWhole(request.file, (fraction) => report(READ_SHARE * fraction));
	// UTF-8 comes back as a view on the same buffer (a BOM only moves its start); other encodings
	// are transcoded into a new buffer and the original is left to the collector.
	const text = toUtf8(bytes, request.dialect.encoding);
	report(READ_SHARE + (1 - READ_SHARE) / 2);
	const prepared = prepareText(text, request.dialect);
	report(1);
	// The same view of the same buffer: nothing transcoded, no BOM dropped, nothing quoted again.
	const unchanged = prepared.utf8 === bytes && bytes.length === request.file.size;
	return unchanged ? { utf8: null, scan: prepared.scan } : prepared;
}

const transfers = (result: PrepareResult): Transferable[] =>
	result.utf8 ? [result.utf8.buffer as ArrayBuffer] : [];

/**
 * Handles one request message; exported so tests can run the worker's code in-process. `post`
 * gets the buffers to transfer with the reply.
 */
export function handleMessage(
	request: PrepareRequest,
	post: (reply: PrepareReply, transfer?: Transferable[]) => void
): Promise<void> {
	return respond(prepareRequest, transfers, request, post);
}

// Only inside a worker: importing this module elsewhere (tests) must not install a handler.
serveInWorker(prepareRequest, transfers);
