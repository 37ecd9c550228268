/**
 * Parquet files: told from text by their magic bytes, and staged by DuckDB's own reader
 * (parquetSql.ts) so that every later step is a CSV's. Native DuckDB reads them (npm run
 * aggregate); DuckDB-WASM has no Parquet reader without downloading an extension, so the page
 * refuses them with that path named.
 */
import type { Connector } from '$lib/db/connector';
import { datasetTables } from './importSql';
import { ImportError } from './importer';
import { isParquet, parquetColumnsQuery, readParquetQuery } from './parquetSql';
import { structuralProblem, tooManyColumns } from './readSql';
import type { DatasetMeta } from './types';

/** True when a file (a Blob) starts and ends with Parquet's magic bytes. */
export async function blobIsParquet(file: Blob): Promise<boolean> {
	if (file.size < 8) return false;
	const [head, tail] = await Promise.all([
		file.slice(0, 4).arrayBuffer(),
		file.slice(file.size - 4).arrayBuffer()
	]);
	return isParquet(new Uint8Array(head), new Uint8Array(tail));
}

/** The engine's refusal of a damaged file, as the file's problem. */
const refused = (file: string) => (error: unknown) => {
	throw new ImportError(
		structuralProblem(error instanceof Error ? error.message : String(error), file)
	);
};

/**
 * Read a Parquet file into the dataset's raw table; returns its column count. `data` is the path
 * the engine reads it by, or its bytes (registered only while they are read).
 */
export async function stageParquet(
	db: Connector,
	meta: Pick<DatasetMeta, 'id' | 'fileName'>,
	data: Uint8Array | { path: string }
): Promise<number> {
	const raw = datasetTables(meta.id).raw;
	const registered = `${raw}.parquet`;
	const path = 'path' in data ? data.path : await db.registerFile(registered, data);
	try {
		const columns = await db
			.query<{ name: string }>(parquetColumnsQuery(path))
			.catch(refused(meta.fileName));
		const wide = tooManyColumns(meta.fileName, columns.length);
		if (wide) throw new ImportError(wide);
		const names = columns.map((c) => c.name);
		await db.query(readParquetQuery(path, names, raw)).catch(refused(meta.fileName));
		return names.length;
	} finally {
		if (!('path' in data)) await db.dropFile(registered);
	}
}
