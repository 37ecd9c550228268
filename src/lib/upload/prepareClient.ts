/**
 * Prepares a whole chosen file for DuckDB in a module worker (read, transcode to UTF-8, scan the
 * records), so a large file never blocks the page. One worker per request: cancelling terminates
 * it, and nothing is left running or holding the file. The UTF-8 bytes arrive by transfer, ready
 * for `stageRaw(db, meta, utf8, mapping, scan)`.
 */
import type { PrepareDialect, PrepareRequest, PrepareResult } from './prepare.worker';
import { abortError, callWorker } from './workerCall';

export type { PrepareDialect, PrepareResult } from './prepare.worker';

export interface PrepareFileOptions {
	signal?: AbortSignal;
	/** Called with the fraction done, 0 to 1. */
	onProgress?: (fraction: number) => void;
}

export function prepareFile(
	file: File,
	dialect: PrepareDialect,
	options: PrepareFileOptions = {}
): Promise<PrepareResult> {
	const { signal, onProgress } = options;
	if (signal?.aborted) return Promise.reject(abortError());
	// Where there are no workers (Node, when tests rebuild datasets) the same code runs in-process.
	if (typeof Worker === 'undefined') {
		return import('./prepare.worker').then((w) =>
			w.prepareRequest({ file, dialect }, onProgress ?? (() => {}))
		);
	}
	// Only what the worker needs: a structured clone of the whole Dialect would carry more.
	const request: PrepareRequest = {
		file,
		dialect: { encoding: dialect.encoding, delimiter: dialect.delimiter, quote: dialect.quote }
	};
	return callWorker<PrepareRequest, PrepareResult>(
		() => new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' }),
		request,
		options
	);
}
