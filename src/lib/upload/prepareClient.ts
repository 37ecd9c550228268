/**
 * Prepares a whole chosen file for DuckDB in a module worker (read, transcode to UTF-8, scan the
 * records), so a large file never blocks the page. One worker per request: cancelling terminates
 * it, and nothing is left running or holding the file. The UTF-8 bytes arrive by transfer, ready
 * for `stageRaw(db, meta, utf8, mapping, scan)`.
 */
import type { PrepareDialect, PrepareReply, PrepareRequest, PrepareResult } from './prepare.worker';

export type { PrepareDialect, PrepareResult } from './prepare.worker';

export interface PrepareFileOptions {
	signal?: AbortSignal;
	/** Called with the fraction done, 0 to 1. */
	onProgress?: (fraction: number) => void;
}

function abortError(): Error {
	return new DOMException('The file reading was cancelled.', 'AbortError');
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
	return new Promise<PrepareResult>((resolve, reject) => {
		const worker = new Worker(new URL('./prepare.worker.ts', import.meta.url), {
			type: 'module'
		});
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', onAbort);
		};
		const onAbort = () => {
			finish();
			reject(abortError());
		};
		signal?.addEventListener('abort', onAbort, { once: true });
		worker.onmessage = (event: MessageEvent<PrepareReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') onProgress?.(reply.fraction);
			else {
				finish();
				if (reply.type === 'done') resolve(reply.result);
				else reject(new Error(reply.message));
			}
		};
		worker.onerror = (event: ErrorEvent) => {
			finish();
			reject(new Error(event.message || 'The file could not be read.'));
		};
		worker.onmessageerror = () => {
			finish();
			reject(new Error('The prepared file could not be passed back from the worker.'));
		};
		// Only what the worker needs: a structured clone of the whole Dialect would carry more.
		const request: PrepareRequest = {
			file,
			dialect: { encoding: dialect.encoding, delimiter: dialect.delimiter, quote: dialect.quote }
		};
		worker.postMessage(request);
	});
}
