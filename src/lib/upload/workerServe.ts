/**
 * The worker side of workerCall.ts: answers each request message with progress, then one `done`
 * (its buffers transferred, not copied) or one `error`. Installs the handler only inside a worker,
 * so tests import worker modules and call `respond` in-process.
 */
import type { WorkerReply } from './workerCall';

type Post<Result> = (reply: WorkerReply<Result>, transfer?: Transferable[]) => void;

export async function respond<Request, Result>(
	work: (request: Request, report: (fraction: number) => void) => Promise<Result>,
	transfers: (result: Result) => Transferable[],
	request: Request,
	post: Post<Result>
): Promise<void> {
	let result: Result;
	try {
		result = await work(request, (fraction) => post({ type: 'progress', fraction }));
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
		return;
	}
	post({ type: 'done', result }, transfers(result));
}

export function serveInWorker<Request, Result>(
	work: (request: Request, report: (fraction: number) => void) => Promise<Result>,
	transfers: (result: Result) => Transferable[]
): void {
	const scope = globalThis as unknown as {
		window?: unknown;
		postMessage?: Post<Result>;
		onmessage?: (event: MessageEvent<Request>) => void;
	};
	if (scope.window !== undefined || typeof scope.postMessage !== 'function') return;
	scope.onmessage = (event) => {
		void respond(work, transfers, event.data, (reply, transfer) =>
			scope.postMessage!(reply, transfer ?? [])
		);
	};
}
