/**
 * One request to a freshly started module worker that answers with progress messages and then
 * one `done` or `error`. The worker is terminated when the answer comes or the signal aborts, so
 * nothing keeps running or holds the file. Callers create the worker themselves
 * (`new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`), which is how Vite
 * finds and bundles it.
 */

export type WorkerReply<Result> =
	| { type: 'progress'; fraction: number }
	| { type: 'done'; result: Result }
	| { type: 'error'; message: string };

export function abortError(): Error {
	return new DOMException('The file reading was cancelled.', 'AbortError');
}

/**
 * A fresh worker tied to `signal`: `finish` terminates it and forgets the signal. An abort, a
 * worker error or an answer that cannot be passed back finishes it and rejects through `reject`.
 * The caller sets `onmessage` and posts its request.
 */
export function abortableWorker(
	start: () => Worker,
	signal: AbortSignal | undefined,
	reject: (error: Error) => void
): { worker: Worker; finish: () => void } {
	const worker = start();
	const finish = () => {
		worker.terminate();
		signal?.removeEventListener('abort', onAbort);
	};
	const onAbort = () => {
		finish();
		reject(abortError());
	};
	signal?.addEventListener('abort', onAbort, { once: true });
	worker.onerror = (event: ErrorEvent) => {
		finish();
		reject(new Error(event.message || 'The file could not be read.'));
	};
	worker.onmessageerror = () => {
		finish();
		reject(new Error('The answer could not be passed back from the worker.'));
	};
	return { worker, finish };
}

export function callWorker<Request, Result>(
	start: () => Worker,
	request: Request,
	options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): Promise<Result> {
	const { signal, onProgress } = options;
	if (signal?.aborted) return Promise.reject(abortError());
	return new Promise<Result>((resolve, reject) => {
		const { worker, finish } = abortableWorker(start, signal, reject);
		worker.onmessage = (event: MessageEvent<WorkerReply<Result>>) => {
			const reply = event.data;
			if (reply.type === 'progress') onProgress?.(reply.fraction);
			else {
				finish();
				if (reply.type === 'done') resolve(reply.result);
				else reject(new Error(reply.message));
			}
		};
		worker.postMessage(request);
	});
}
