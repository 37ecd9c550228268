/**
 * The SHA-256 of a chosen or stored file, taken in a module worker (hash.worker.ts) so that the
 * page never reads the whole file. One worker per request: cancelling terminates it.
 */
import type { HashRequest } from './hash.worker';
import { abortError, callWorker } from './workerCall';

export interface HashFileOptions {
	signal?: AbortSignal;
	/** Called with the fraction read, 0 to 1. */
	onProgress?: (fraction: number) => void;
}

export function hashFile(file: Blob, options: HashFileOptions = {}): Promise<string> {
	if (options.signal?.aborted) return Promise.reject(abortError());
	// Where there are no workers (Node, in tests) the same code runs in-process.
	if (typeof Worker === 'undefined') {
		return import('./hash.worker').then((w) => w.hashRequest({ file }, options.onProgress));
	}
	return callWorker<HashRequest, string>(
		() => new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }),
		{ file },
		options
	);
}
