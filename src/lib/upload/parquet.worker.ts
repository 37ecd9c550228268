/**
 * Reads a Parquet file off the page's thread (parquetRows.ts): its footer and first rows for the
 * preview, or its rows as Arrow batches for DuckDB. A chosen file is read by slices of the File; a
 * file of this site by HTTP range requests. Batches go one at a time: the next is posted only when
 * the page says the last one is in the database (it is decoded meanwhile), so at most two are held.
 */
import { asyncBufferFromUrl, cachedAsyncBuffer, type AsyncBuffer } from 'hyparquet';
import { batchIPC, blobBuffer, readFacts, readTextBatches, type ParquetFacts } from './parquetRows';
import { PREVIEW_COLUMNS, PREVIEW_ROWS } from './sniff.worker';

/** A chosen file, or the address of a file on this site. */
export type ParquetSource = File | { url: string };

export type ParquetRequest =
	| { type: 'facts'; source: ParquetSource }
	| {
			type: 'rows';
			source: ParquetSource;
			/** Columns to read (0-based); all when null. The others stay NULL. */
			indices: number[] | null;
			rowStart: number;
			rowEnd: number;
	  }
	/** The page has stored the last batch: read the next. */
	| { type: 'next' };

export interface ParquetPreview {
	facts: ParquetFacts;
	/** The first PREVIEW_ROWS rows of the first PREVIEW_COLUMNS columns, as staged. */
	rows: string[][];
}

export type ParquetReply =
	| { type: 'progress'; fraction: number }
	| { type: 'batch'; ipc: Uint8Array; rowsDone: number }
	| { type: 'done'; result: ParquetPreview | null }
	| { type: 'error'; message: string };

async function open(source: ParquetSource): Promise<AsyncBuffer> {
	if (source instanceof Blob) return blobBuffer(source);
	return cachedAsyncBuffer(await asyncBufferFromUrl({ url: source.url }));
}

/** Handles one request; exported so tests can run the worker's code in-process. */
export async function handleRequest(
	request: Exclude<ParquetRequest, { type: 'next' }>,
	post: (reply: ParquetReply, transfer?: Transferable[]) => void,
	stored: () => Promise<void>
): Promise<void> {
	try {
		const file = await open(request.source);
		const { metadata, facts } = await readFacts(file);
		if (request.type === 'facts') {
			const shown = Math.min(PREVIEW_COLUMNS, facts.names.length);
			const rows: string[][] = [];
			await readTextBatches(
				file,
				metadata,
				{
					rowStart: 0,
					rowEnd: Math.min(PREVIEW_ROWS, facts.rows),
					indices: Array.from({ length: shown }, (_, i) => i)
				},
				async ({ columns }) => {
					const length = columns[0]?.length ?? 0;
					for (let r = 0; r < length; r++)
						rows.push(columns.slice(0, shown).map((c) => c?.[r] ?? ''));
				}
			);
			post({ type: 'done', result: { facts, rows } });
			return;
		}
		const end = Math.min(request.rowEnd, facts.rows);
		// One batch read ahead: the next is decoded while the page stores the last, and posted only
		// once that one is stored, so at most two are held.
		let previous: Promise<void> = Promise.resolve();
		await readTextBatches(
			file,
			metadata,
			{ rowStart: request.rowStart, rowEnd: end, indices: request.indices },
			async (batch) => {
				const ipc = batchIPC(batch);
				const rowsDone = batch.firstRow + (batch.columns.find((c) => c)?.length ?? 0);
				await previous;
				previous = stored();
				post({ type: 'batch', ipc, rowsDone }, [ipc.buffer as ArrayBuffer]);
			}
		);
		await previous;
		post({ type: 'done', result: null });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}

// Only inside a worker: importing this module elsewhere (tests) must not install a handler.
const scope = globalThis as unknown as {
	window?: unknown;
	postMessage?: (reply: ParquetReply, transfer?: Transferable[]) => void;
	onmessage?: (event: MessageEvent<ParquetRequest>) => void;
};
if (scope.window === undefined && typeof scope.postMessage === 'function') {
	let resume: (() => void) | null = null;
	scope.onmessage = (event) => {
		const request = event.data;
		if (request.type === 'next') {
			resume?.();
			return;
		}
		void handleRequest(
			request,
			(reply, transfer) => scope.postMessage!(reply, transfer ?? []),
			() => new Promise<void>((resolve) => (resume = resolve))
		);
	};
}
