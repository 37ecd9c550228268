/**
 * Native DuckDB for Node tests: the same engine the browser runs through DuckDB-WASM, so generated
 * SQL is checked by executing it rather than by comparing strings.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../src/lib/db/quote';
import type { BoundQuery } from '../src/lib/db/connector';

/** A result row with BIGINT, HUGEINT and DECIMAL values turned into plain numbers. */
export type PlainRow = Record<string, unknown>;

export interface NativeDuckDB {
	/** Runs a bound query and returns its rows as plain objects. */
	query(query: BoundQuery): Promise<PlainRow[]>;
	/** Runs a statement with no parameters, such as CREATE VIEW. */
	exec(sql: string): Promise<void>;
	/** Creates `table` from a CSV file with a header row, letting DuckDB infer the types. */
	loadCsv(table: string, path: string): Promise<void>;
	/** Asks the running statement to stop (it then fails with DuckDB's "Interrupted" error). */
	interrupt(): void;
	close(): void;
}

function toPlain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (Array.isArray(value)) return value.map(toPlain);
	if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
	}
	return value;
}

export interface NativeOptions {
	/** A database file (spills to disk beside it); in memory when left out. */
	path?: string;
	/** Threads; one when left out, so test results do not depend on scheduling. */
	threads?: number;
}

/** Opens a database: by default in memory with one thread. */
export async function openNativeDuckDB(options: NativeOptions = {}): Promise<NativeDuckDB> {
	const instance = await DuckDBInstance.create(options.path ?? ':memory:', {
		threads: String(options.threads ?? 1)
	});
	const connection: DuckDBConnection = await instance.connect();
	return {
		async query({ sql, params }) {
			const reader = await connection.runAndReadAll(sql, [...params]);
			return reader.getRowObjectsJS().map((row) => toPlain(row) as PlainRow);
		},
		async exec(sql) {
			await connection.run(sql);
		},
		async loadCsv(table, path) {
			const name = quoteIdent(table);
			await connection.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv(?, header = true)`, [
				path
			]);
		},
		interrupt() {
			connection.interrupt();
		},
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}
