/**
 * Sniffs a chosen file in a module worker, so a large file never blocks the page. One worker per
 * request: cancelling terminates it, and nothing is left running or holding the file.
 */
import type { SniffRequest, SniffResult } from './sniff.worker';
import { callWorker } from './workerCall';
import type { Dialect } from './types';

export type { SniffResult } from './sniff.worker';

export interface SniffFileOptions {
	signal?: AbortSignal;
	/** Called with the fraction done, 0 to 1. */
	onProgress?: (fraction: number) => void;
	/** Preview with this dialect instead of sniffing one. */
	dialect?: Dialect;
}

export function sniffFile(
	file: File,
	options?: SniffFileOptions | AbortSignal,
	onProgress?: (fraction: number) => void
): Promise<SniffResult> {
	const opts: SniffFileOptions =
		options instanceof AbortSignal ? { signal: options, onProgress } : { onProgress, ...options };
	const request: SniffRequest = { file, dialect: opts.dialect };
	return callWorker<SniffRequest, SniffResult>(
		() => new Worker(new URL('./sniff.worker.ts', import.meta.url), { type: 'module' }),
		request,
		opts
	);
}
