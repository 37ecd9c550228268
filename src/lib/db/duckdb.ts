import * as duckdb from '@duckdb/duckdb-wasm';
import { plainRows, type ArrowRows } from './arrowRows';
import {
	QueryCancelledError,
	type Connector,
	type QueryOptions,
	type Row,
	type BoundQuery
} from './connector';
import { ENGINE_BUNDLES } from './engineFiles';
import { lockdownStatements, REGISTERED_FILE_DIR, WASM_MEMORY_LIMIT } from './lockdown';

const bundles: duckdb.DuckDBBundles = ENGINE_BUNDLES;

/** Bytes of the engine's WebAssembly module fetched so far, and in all (0 when not known). */
export interface DownloadProgress {
	loaded: number;
	total: number;
}

let progressListener: ((p: DownloadProgress) => void) | null = null;

/** Hears how far the engine's download has got (the module is tens of megabytes unpacked). */
export function onDownloadProgress(listener: ((p: DownloadProgress) => void) | null): void {
	progressListener = listener;
}

let instance: Promise<duckdb.AsyncDuckDB> | undefined;
let worker: Worker | undefined;
/** Set when the worker reported an uncaught error (a WebAssembly trap, out of memory). */
let crashed = false;

async function start(): Promise<duckdb.AsyncDuckDB> {
	const bundle = await duckdb.selectBundle(bundles);
	if (!bundle.mainWorker) throw new Error('No DuckDB worker bundle fits this browser.');
	// Offline, a module that cannot be fetched (only the worker was kept, its download cut short)
	// would hang DuckDB: the worker's fetch fails in a promise nobody awaits. Ask the offline copy
	// first; it answers from its cache without the network, and the body is not read.
	if (globalThis.navigator?.onLine === false) {
		const module = await fetch(bundle.mainModule).catch(() => null);
		await module?.body?.cancel();
		if (!module?.ok) throw new Error('The DuckDB module is not on this device.');
	}
	const started = new Worker(bundle.mainWorker);
	worker = started;
	crashed = false;
	started.addEventListener('error', () => {
		if (worker === started) crashed = true;
	});
	// A worker script that cannot be fetched (offline, not cached) fails only through this event;
	// DuckDB would wait for the worker forever.
	const unreachable = new Promise<never>((_, reject) =>
		started.addEventListener('error', () => reject(new Error('The DuckDB worker did not load.')))
	);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), started);
	await Promise.race([
		db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
			progressListener?.({ loaded: p.bytesLoaded, total: p.bytesTotal })
		),
		unreachable
	]);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	try {
		for (const statement of lockdownStatements(REGISTERED_FILE_DIR, WASM_MEMORY_LIMIT))
			await conn.query(statement);
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

/**
 * How long a cancelled query may take to stop before its worker is thrown away. DuckDB checks for
 * an interrupt between tasks; one that never yields (a single huge allocation) cannot be stopped
 * any other way.
 */
const CANCEL_GRACE_MS = 3000;

const ABORTED = Symbol('aborted');

/** What `running` gives, or ABORTED as soon as the signal fires (whichever comes first). */
async function untilAborted<T>(
	running: Promise<T>,
	signal: AbortSignal
): Promise<T | typeof ABORTED> {
	let onAbort = () => {};
	const aborted = new Promise<typeof ABORTED>((resolve) => {
		onAbort = () => resolve(ABORTED);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([running, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/**
 * Runs a statement through DuckDB-WASM's pending-query API: the worker polls the query a slice
 * at a time, so other connections' queries are answered between slices and a cancel request
 * reaches the engine. The API takes no bound values.
 */
async function cancellable<T extends Row>(
	db: duckdb.AsyncDuckDB,
	sql: string,
	signal: AbortSignal
): Promise<T[]> {
	if (signal.aborted) throw new QueryCancelledError(signal.reason, false);
	const conn = await db.connect();
	const running = (async () => {
		const reader = await conn.send(sql, false);
		if (!reader) throw new Error('The database worker is gone.');
		const rows: T[] = [];
		for await (const batch of reader) {
			for (const row of plainRows<T>(batch as unknown as ArrowRows)) rows.push(row);
			// One batch (DuckDB's 2,048 rows) per task: a 10,000-row result never holds the page
			// for one long stretch.
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		return rows;
	})();
	let first;
	try {
		first = await untilAborted(running, signal);
	} catch (error) {
		await conn.close();
		throw error;
	}
	if (first !== ABORTED) {
		await conn.close();
		return first;
	}
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stopped = await Promise.race([
		(async () => {
			await conn.cancelSent();
			await running.catch(() => undefined);
			return true;
		})(),
		new Promise<false>((resolve) => {
			timer = setTimeout(() => resolve(false), CANCEL_GRACE_MS);
		})
	]);
	clearTimeout(timer);
	if (!stopped) {
		await restart();
		throw new QueryCancelledError(signal.reason, true);
	}
	await conn.close();
	throw new QueryCancelledError(signal.reason, false);
}

async function query<T extends Row = Row>(
	q: BoundQuery | string,
	options: QueryOptions = {}
): Promise<T[]> {
	const db = await database();
	const { sql, params } = typeof q === 'string' ? { sql: q, params: [] } : q;
	if (options.signal) {
		if (params.length === 0) return cancellable<T>(db, sql, options.signal);
		return abandonable(() => bound<T>(db, sql, params), options.signal);
	}
	return bound<T>(db, sql, params);
}

/**
 * A statement with bound values cannot be interrupted in DuckDB-WASM (the pending-query API takes
 * none), so when the signal fires first its worker is thrown away; the caller reloads what it needs.
 */
async function abandonable<T>(start: () => Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) throw new QueryCancelledError(signal.reason, false);
	const running = start();
	const first = await untilAborted(running, signal);
	if (first !== ABORTED) return first;
	running.catch(() => undefined);
	await restart();
	throw new QueryCancelledError(signal.reason, true);
}

async function bound<T extends Row>(
	db: duckdb.AsyncDuckDB,
	sql: string,
	params: BoundQuery['params']
): Promise<T[]> {
	const conn = await db.connect();
	try {
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
		return plainRows<T>(table as unknown as ArrowRows);
	} finally {
		await conn.close();
	}
}

/** Registered files live in the one folder the engine may read; a name is one path segment. */
function registeredPath(name: string): string {
	if (name === '' || /[/\\]/.test(name) || name.startsWith('.')) {
		throw new Error(`A registered file needs a plain name, not ${JSON.stringify(name)}.`);
	}
	return REGISTERED_FILE_DIR + name;
}

async function registerFile(name: string, bytes: Uint8Array | Blob): Promise<string> {
	const db = await database();
	const path = registeredPath(name);
	// A File is read by the worker through FileReaderSync, a slice at a time: never in wasm memory.
	if (bytes instanceof Blob) {
		await db.registerFileHandle(path, bytes, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
	} else {
		await db.registerFileBuffer(path, bytes);
	}
	return path;
}

async function dropFile(name: string): Promise<void> {
	const db = await database();
	await db.dropFile(registeredPath(name));
}

async function insertArrow(table: string, ipc: Uint8Array): Promise<void> {
	const db = await database();
	const conn = await db.connect();
	try {
		await conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
	} finally {
		await conn.close();
	}
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

export const connector: Connector = {
	query,
	registerFile,
	dropFile,
	insertArrow,
	healthy,
	restart
};
