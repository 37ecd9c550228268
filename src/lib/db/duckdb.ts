import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { BoundQuery } from '$lib/sql/quote';
import type { Connector, Row } from './connector';

// Every file DuckDB needs is served from our own origin: no CDN, so the app works offline and
// under a CSP that allows only 'self'.
const bundles: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

let instance: Promise<duckdb.AsyncDuckDB> | undefined;
let worker: Worker | undefined;
/** Set when the worker reported an uncaught error (a WebAssembly trap, out of memory). */
let crashed = false;

async function start(): Promise<duckdb.AsyncDuckDB> {
	const bundle = await duckdb.selectBundle(bundles);
	if (!bundle.mainWorker) throw new Error('No DuckDB worker bundle fits this browser.');
	const started = new Worker(bundle.mainWorker);
	worker = started;
	crashed = false;
	started.addEventListener('error', () => {
		if (worker === started) crashed = true;
	});
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), started);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	try {
		// Never try to download extensions at run time.
		await conn.query('SET autoinstall_known_extensions=false');
		await conn.query('SET autoload_known_extensions=false');
	} finally {
		await conn.close();
	}
	return db;
}

/** The one DuckDB-WASM instance of the page, started on first use; the promise is kept to avoid races. */
function database(): Promise<duckdb.AsyncDuckDB> {
	instance ??= start().catch((error: unknown) => {
		instance = undefined;
		throw error;
	});
	return instance;
}

function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString();
	return value;
}

async function query<T extends Row = Row>(q: BoundQuery | string): Promise<T[]> {
	const db = await database();
	const conn = await db.connect();
	try {
		const { sql, params } = typeof q === 'string' ? { sql: q, params: [] } : q;
		let table;
		if (params.length === 0) {
			table = await conn.query(sql);
		} else {
			const statement = await conn.prepare(sql);
			try {
				table = await statement.query(...params);
			} finally {
				await statement.close();
			}
		}
		const fields = table.schema.fields.map((f) => f.name);
		const rows: T[] = [];
		for (const record of table) {
			const row: Row = {};
			for (const name of fields) row[name] = plain(record[name]);
			rows.push(row as T);
		}
		return rows;
	} finally {
		await conn.close();
	}
}

async function registerFile(name: string, bytes: Uint8Array): Promise<void> {
	const db = await database();
	await db.registerFileBuffer(name, bytes);
}

async function dropFile(name: string): Promise<void> {
	const db = await database();
	await db.dropFile(name);
}

/** A trivial query answered within a few seconds, and no crash reported by the worker. */
async function healthy(): Promise<boolean> {
	if (crashed) return false;
	if (!instance) return true;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), 5000);
	});
	try {
		return await Promise.race([query('SELECT 1 AS ok').then(() => true), timeout]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

async function restart(): Promise<void> {
	const old = worker;
	worker = undefined;
	instance = undefined;
	crashed = false;
	old?.terminate();
}

export const connector: Connector = { query, registerFile, dropFile, healthy, restart };
