/**
 * The app's Connector on DuckDB-WASM itself, run in Node through the package's blocking bindings:
 * the same WebAssembly engine the page runs, with the same lockdown and the same conversion of
 * Arrow values to plain ones (BIGINT and DECIMAL as doubles, dates as ISO text).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { plainRows, type ArrowRows } from '../src/lib/db/arrowRows';
import type { Connector, Row } from '../src/lib/db/connector';
import { lockdownStatements, REGISTERED_FILE_DIR, WASM_MEMORY_LIMIT } from '../src/lib/db/lockdown';

const require = createRequire(import.meta.url);

interface BlockingConnection {
	query(sql: string): ArrowRows;
	prepare(sql: string): { query(...params: unknown[]): ArrowRows };
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
}

export async function openWasmConnector(): Promise<Connector & { close(): void }> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles = {
		mvp: {
			mainModule: join(dist, 'duckdb-mvp.wasm'),
			mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: join(dist, 'duckdb-eh.wasm'),
			mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
		}
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn: BlockingConnection = db.connect();
	for (const statement of lockdownStatements(REGISTERED_FILE_DIR, WASM_MEMORY_LIMIT))
		conn.query(statement);
	return {
		async query<T extends Row = Row>(q: Parameters<Connector['query']>[0]) {
			const { sql, params } = typeof q === 'string' ? { sql: q, params: [] } : q;
			if (params.length === 0) return plainRows<T>(conn.query(sql));
			return plainRows<T>(conn.prepare(sql).query(...params));
		},
		async registerFile(name: string, bytes: Uint8Array | Blob) {
			const path = REGISTERED_FILE_DIR + name;
			db.registerFileBuffer(
				path,
				bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes
			);
			return path;
		},
		async dropFile(name: string) {
			db.dropFile(REGISTERED_FILE_DIR + name);
		},
		async insertArrow(table: string, ipc: Uint8Array) {
			conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
		},
		close() {
			db.reset?.();
		}
	};
}
