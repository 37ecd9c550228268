/**
 * The page's side of parquet.worker.ts: the footer and preview of a Parquet file, and its rows as
 * Arrow batches handed to DuckDB one at a time. One worker per request; Cancel terminates it.
 */
import type { ParquetPreview, ParquetReply, ParquetRequest, ParquetSource } from './parquet.worker';
import type { Connector } from '$lib/db/connector';
import { stageParquetRows, type ParquetBatches } from './parquetStage';
import type { DatasetMeta } from './types';
import { abortableWorker, abortError, callWorker } from './workerCall';

export type { ParquetPreview, ParquetSource } from './parquet.worker';

const startWorker = () =>
	new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module' });

/** The file's columns, rows and row groups from its footer, and its first rows. */
export function readParquetPreview(
	source: ParquetSource,
	options: { signal?: AbortSignal } = {}
): Promise<ParquetPreview> {
	return callWorker<ParquetRequest, ParquetPreview>(
		startWorker,
		{ type: 'facts', source },
		options
	);
}

/**
 * The rows [rowStart, rowEnd) of the columns at `indices` (all when null), as batches for
 * stageParquetRows; `onProgress` gets the share of rows stored.
 */
export function parquetBatches(
	source: ParquetSource,
	range: { rowStart: number; rowEnd: number; indices: number[] | null },
	options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): ParquetBatches {
	const { signal, onProgress } = options;
	return (insert) =>
		new Promise<void>((resolve, reject) => {
			if (signal?.aborted) return reject(abortError());
			const { worker, finish } = abortableWorker(startWorker, signal, reject);
			const rows = Math.max(1, range.rowEnd - range.rowStart);
			worker.onmessage = async (event: MessageEvent<ParquetReply>) => {
				const reply = event.data;
				if (reply.type === 'batch') {
					try {
						await insert(reply.ipc);
					} catch (error) {
						finish();
						reject(error);
						return;
					}
					onProgress?.((reply.rowsDone - range.rowStart) / rows);
					worker.postMessage({ type: 'next' } satisfies ParquetRequest);
				} else if (reply.type === 'done') {
					finish();
					resolve();
				} else if (reply.type === 'error') {
					finish();
					reject(new Error(reply.message));
				}
			};
			worker.postMessage({ type: 'rows', source, ...range } satisfies ParquetRequest);
		});
}

/**
 * Stage a stored Parquet original (all its columns, or those at `indices`) into the dataset's raw
 * table: a re-import.
 */
export async function stageParquetFile(
	db: Connector,
	meta: Pick<DatasetMeta, 'id' | 'fileName'>,
	source: ParquetSource,
	indices: number[] | null = null
): Promise<void> {
	const { facts } = await readParquetPreview(source);
	const all = { rowStart: 0, rowEnd: facts.rows, indices };
	await stageParquetRows(db, meta, facts.names, parquetBatches(source, all));
}
