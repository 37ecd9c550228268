/**
 * One ingest pipeline for every CSV Pengo loads: the bundled files (data/*.csv, checked at build
 * time on native DuckDB and again in the page's engine) and a person's uploads. Four stages:
 *
 * 1. read  – the bytes into a text table: registered with the engine, read by one read_csv query
 *            into a table whose cells are the text as written and whose rows carry their number as
 *            a spreadsheet counts it (the header is row 1), then dropped (readTextTable). A file
 *            the engine refuses becomes a problem naming the row its message gives.
 * 2. judge – every cell and row judged in SQL: one SELECT per check, all UNION ALL'ed
 *            (sql/ingest.ts), each yielding problems that name row, column, value and kind; the
 *            caller adds the file's name.
 * 3. load  – typed rows from what passed, into their own table and the long `observations` table
 *            every view reads.
 * 4. store – uploads only: the original bytes and the person's choices in IndexedDB
 *            (upload/store.ts), so a reload runs stages 1–3 again on the same bytes.
 *
 * Bundled files are files with known columns and strict rules (loadBundled.ts): read by the names
 * their header gives (sql/validateTable.ts), judged against their TableSpec, and any problem stops
 * the load with a DataFileError; nothing typed is built from a file with a problem.
 * Uploads are files whose columns the person explains (upload/): a byte scan finds their structure
 * and they are read by position, leniently (upload/readSql.ts), judged by the roles the person
 * confirmed (upload/judgeSql.ts), and load every row without an error (upload/loadSql.ts), the rest
 * kept aside for download (upload/importer.ts runs stages 1–3, upload/uploads.svelte.ts stage 4).
 */
import { QueryCancelledError, type BoundQuery, type Connector } from '$lib/db/connector';

/** Stage 1 for one file: its bytes, the read query, and the error a refused read becomes. */
export interface ReadStage {
	/** The name the file is registered under while it is read. */
	name: string;
	/**
	 * The file's bytes, a File the engine reads in place (see Connector.registerFile), or where
	 * the engine reads it in place (native only: too big to hold).
	 */
	bytes: Uint8Array | Blob | { path: string };
	/** The read_csv query that builds the text table, given the path the engine gave the bytes. */
	query: (path: string) => BoundQuery;
	/** The error to throw when the engine refuses the file, from the engine's message. */
	refused: (engineMessage: string) => Error;
}

/**
 * Read the file into its text table. The file is handed to the engine (not copied) and
 * dropped once read: the text table holds what the judge needs. A cancelled read stays a
 * cancellation; any other failure is the file's (`refused`).
 */
export async function readTextTable(db: Connector, stage: ReadStage): Promise<void> {
	const source = stage.bytes;
	const inPlace = 'path' in source;
	const path = inPlace ? source.path : await db.registerFile(stage.name, source);
	try {
		await db.query(stage.query(path));
	} catch (error) {
		if (error instanceof QueryCancelledError) throw error;
		throw stage.refused(error instanceof Error ? error.message : String(error));
	} finally {
		if (!inPlace) await db.dropFile(stage.name);
	}
}
