/**
 * Sniffs a chosen file in a module worker, so a large file never blocks the page. One worker per
 * request: cancelling terminates it, and nothing is left running or holding the file.
 */
import type { SniffReply, SniffRequest, SniffResult } from './sniff.worker';
import type { Dialect } from './types';

export type { SniffResult } from './sniff.worker';

export interface SniffFileOptions {
	signal?: AbortSignal;
	/** Called with the fraction done, 0 to 1. */
	onProgress?: (fraction: number) => void;
	/** Preview with this dialect instead of sniffing one. */
	dialect?: Dialect;
}

function abortError(): Error {
	return new DOMException('The file reading was cancelled.', 'AbortError');
}

export function sniffFile(
	file: File,
	options?: SniffFileOptions | AbortSignal,
	onProgress?: (fraction: number) => void
): Promise<SniffResult> {
	const opts: SniffFileOptions =
		options instanceof AbortSignal ? { signal: options, onProgress } : { onProgress, ...options };
	const { signal } = opts;
	if (signal?.aborted) return Promise.reject(abortError());
	return new Promise<SniffResult>((resolve, reject) => {
		const worker = new Worker(new URL('./sniff.worker.ts', import.meta.url), { type: 'module' });
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', onAbort);
		};
		const onAbort = () => {
			finish();
			reject(abortError());
		};
		signal?.addEventListener('abort', onAbort, { once: true });
		worker.onmessage = (event: MessageEvent<SniffReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') opts.onProgress?.(reply.fraction);
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
		const request: SniffRequest = { file, dialect: opts.dialect };
		worker.postMessage(request);
	});
}
