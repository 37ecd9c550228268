/**
 * The page's own staging of a Parquet file: the raw table's header row from the footer's column
 * names, then the file's rows appended batch by batch as Arrow (read by parquetRows.ts in a
 * worker, parquetClient.ts), into the table native DuckDB's read_parquet would build
 * (parquetSql.ts). Every later step is a CSV's.
 */
import type { Connector } from '$lib/db/connector';
import { datasetTables } from './importSql';
import { ImportError } from './importer';
import { parquetHeaderQuery } from './parquetSql';
import { tooManyColumns } from './readSql';
import type { DatasetMeta } from './types';

/** Hands each batch of the file's rows, as an Arrow IPC stream, to `insert` before the next. */
export type ParquetBatches = (insert: (ipc: Uint8Array) => Promise<void>) => Promise<void>;

/** Stage the file whose columns are `names` into the dataset's raw table; returns the column count. */
export async function stageParquetRows(
	db: Connector,
	meta: Pick<DatasetMeta, 'id' | 'fileName'>,
	names: readonly string[],
	batches: ParquetBatches
): Promise<number> {
	const wide = tooManyColumns(meta.fileName, names.length);
	if (wide) throw new ImportError(wide);
	const insert = db.insertArrow;
	if (!insert) throw new Error('This database cannot take rows as Arrow.');
	const raw = datasetTables(meta.id).raw;
	await db.query(parquetHeaderQuery(names, raw));
	await batches((ipc) => insert(raw, ipc));
	return names.length;
}
