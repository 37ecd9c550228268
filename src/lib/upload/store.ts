/**
 * Where uploaded datasets live between visits: the original file's bytes and the choices made
 * while importing it (the opaque `mapping`), in IndexedDB, with an in-memory stand-in when the
 * browser will not store anything (private mode) or runs out of room.
 *
 * The original is written before an import starts, so a reload mid-import leaves an
 * 'importing' record the dataset manager shows as "import interrupted – retry". Records and
 * bytes sit in separate object stores so listing never reads file contents.
 */

export type DatasetStatus = 'importing' | 'ready' | 'failed';

export interface StoredDataset {
	id: string;
	name: string;
	fileName: string;
	/** Bytes of the original file. */
	size: number;
	/** ISO 8601. */
	createdAt: string;
	updatedAt: string;
	status: DatasetStatus;
	/** Lower-case hex SHA-256 of the original bytes. */
	sha256: string;
	/** Rows loaded by the last completed import; null until an import completes. */
	rowCount: number | null;
	/** What the person says the source is. */
	sourceNote: string;
	/** Dialect, roles, region choices: JSON-serialisable, never looked into here. */
	mapping: unknown;
	/** Why the last import failed (status 'failed'). */
	error?: string;
}

/** What the caller knows before an import starts. */
export interface NewDataset {
	name: string;
	fileName: string;
	sourceNote: string;
	/** Choices known up front (e.g. a dialect override); null when omitted. */
	mapping?: unknown;
}

/** `detail` is for logs; the UI words its message from `reason`. */
export type VerifyResult =
	{ ok: true } | { ok: false; reason: 'hash' | 'rows' | 'missing-file'; detail: string };

export interface StorageUsage {
	usage?: number;
	quota?: number;
}

export interface DatasetStore {
	/** True when the browser promised not to evict this site's storage under pressure. */
	readonly persistent: boolean;
	/** Newest first. */
	list(): Promise<StoredDataset[]>;
	get(id: string): Promise<StoredDataset | null>;
	/** Stores the original and an 'importing' record, durably, before the import runs. */
	beginImport(meta: NewDataset, bytes: Uint8Array): Promise<StoredDataset>;
	completeImport(id: string, rowCount: number, mapping: unknown): Promise<StoredDataset>;
	failImport(id: string, message: string): Promise<StoredDataset>;
	readOriginal(id: string): Promise<Uint8Array>;
	/** Re-hashes the stored original; compares rows only when given and the record has a count. */
	verify(id: string, loadedRowCount?: number): Promise<VerifyResult>;
	rename(id: string, name: string): Promise<StoredDataset>;
	/** New original and hash, status 'importing', row count cleared; name, source and mapping kept. */
	replace(id: string, bytes: Uint8Array, fileName: string): Promise<StoredDataset>;
	/** Removes record and original; a missing id is not an error. */
	delete(id: string): Promise<void>;
	usage(): Promise<StorageUsage>;
	close(): void;
}

/** The browser refused a write for lack of room (QuotaExceededError). */
export class StoreFullError extends Error {
	override name = 'StoreFullError';
	constructor(options?: { cause?: unknown }) {
		super('Not saved on this device: the browser has no room left for this site.', options);
	}
}

/** An update or read named a dataset that is not stored. */
export class DatasetNotFoundError extends Error {
	override name = 'DatasetNotFoundError';
	constructor(readonly id: string) {
		super(`No stored dataset with id ${id}.`);
	}
}

export const DATASET_DB_NAME = 'pengo-uploads';
export const DATASET_DB_VERSION = 1;
export const RECORDS_STORE = 'datasets';
export const FILES_STORE = 'files';

export type StoreNotice = null | 'unavailable' | 'not-persistent';

// ---------------------------------------------------------------------------------------------
// Record transitions shared by the IndexedDB and the memory store

function nowIso(): string {
	return new Date().toISOString();
}

function checkRowCount(rowCount: number): void {
	if (!Number.isInteger(rowCount) || rowCount < 0) {
		throw new RangeError(`A row count must be a whole number ≥ 0, not ${rowCount}.`);
	}
}

function createdRecord(meta: NewDataset, size: number, sha256: string): StoredDataset {
	const at = nowIso();
	return {
		id: newId(),
		name: meta.name,
		fileName: meta.fileName,
		size,
		createdAt: at,
		updatedAt: at,
		status: 'importing',
		sha256,
		rowCount: null,
		sourceNote: meta.sourceNote,
		mapping: meta.mapping ?? null
	};
}

function withoutError(record: StoredDataset): StoredDataset {
	const copy = { ...record };
	delete copy.error;
	return copy;
}

const transitions = {
	complete: (r: StoredDataset, rowCount: number, mapping: unknown): StoredDataset => ({
		...withoutError(r),
		status: 'ready',
		rowCount,
		mapping,
		updatedAt: nowIso()
	}),
	fail: (r: StoredDataset, message: string): StoredDataset => ({
		...r,
		status: 'failed',
		error: message,
		updatedAt: nowIso()
	}),
	rename: (r: StoredDataset, name: string): StoredDataset => ({ ...r, name, updatedAt: nowIso() }),
	replace: (r: StoredDataset, size: number, sha256: string, fileName: string): StoredDataset => ({
		...withoutError(r),
		fileName,
		size,
		sha256,
		status: 'importing',
		rowCount: null,
		updatedAt: nowIso()
	})
};

function newestFirst(a: StoredDataset, b: StoredDataset): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function checkOriginal(
	record: StoredDataset | null,
	bytes: Uint8Array | null,
	id: string,
	loadedRowCount: number | undefined
): Promise<VerifyResult> {
	if (!record) return { ok: false, reason: 'missing-file', detail: `no record for ${id}` };
	if (!bytes) return { ok: false, reason: 'missing-file', detail: `no original for ${id}` };
	const actual = await sha256Hex(bytes);
	if (actual !== record.sha256) {
		return {
			ok: false,
			reason: 'hash',
			detail: `stored original hashes to ${actual} (${bytes.byteLength} bytes), expected ${record.sha256} (${record.size} bytes)`
		};
	}
	if (
		loadedRowCount !== undefined &&
		record.rowCount !== null &&
		loadedRowCount !== record.rowCount
	) {
		return {
			ok: false,
			reason: 'rows',
			detail: `${loadedRowCount} rows loaded, ${record.rowCount} recorded at import`
		};
	}
	return { ok: true };
}

// crypto.randomUUID exists only in secure contexts; getRandomValues exists everywhere.
function newId(): string {
	if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
	const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An ArrayBuffer holding exactly these bytes; IndexedDB and digest want a plain ArrayBuffer. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
	if (
		bytes.buffer instanceof ArrayBuffer &&
		bytes.byteOffset === 0 &&
		bytes.byteLength === bytes.buffer.byteLength
	) {
		return bytes.buffer;
	}
	return bytes.slice().buffer as ArrayBuffer;
}

// ---------------------------------------------------------------------------------------------
// SHA-256

/** Lower-case hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const subtle = globalThis.crypto?.subtle;
	// crypto.subtle is missing on plain http other than localhost (a static server on a LAN).
	if (!subtle) return sha256Portable(bytes);
	const digest = await subtle.digest('SHA-256', ownBuffer(bytes));
	return toHex(new Uint8Array(digest));
}

function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Int32 throughout: V8 keeps 32-bit signed values unboxed, unsigned ones above 2^31 are not.
const ROUND_CONSTANTS = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** FIPS 180-4 in plain JavaScript, for contexts without crypto.subtle. Exported for its test. */
export function sha256Portable(bytes: Uint8Array): string {
	const state = new Int32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	]);
	const schedule = new Int32Array(64);
	const whole = bytes.byteLength - (bytes.byteLength % 64);
	const input = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let offset = 0; offset < whole; offset += 64) compress(state, schedule, input, offset);

	// The tail, a 0x80 byte, zeros, and the message length in bits as a 64-bit big-endian number.
	const rest = bytes.byteLength - whole;
	const tail = new Uint8Array(rest + 9 <= 64 ? 64 : 128);
	tail.set(bytes.subarray(whole));
	tail[rest] = 0x80;
	const tailView = new DataView(tail.buffer);
	const bits = bytes.byteLength * 8;
	tailView.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
	tailView.setUint32(tail.length - 4, bits >>> 0);
	for (let offset = 0; offset < tail.length; offset += 64) {
		compress(state, schedule, tailView, offset);
	}
	const out = new DataView(new ArrayBuffer(32));
	state.forEach((word, i) => out.setInt32(i * 4, word));
	return toHex(new Uint8Array(out.buffer));
}

function compress(state: Int32Array, w: Int32Array, data: DataView, offset: number): void {
	for (let i = 0; i < 16; i++) w[i] = data.getInt32(offset + i * 4);
	for (let i = 16; i < 64; i++) {
		const a = w[i - 15]!;
		const b = w[i - 2]!;
		const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
		const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
		w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
	}
	let a = state[0]!;
	let b = state[1]!;
	let c = state[2]!;
	let d = state[3]!;
	let e = state[4]!;
	let f = state[5]!;
	let g = state[6]!;
	let h = state[7]!;
	for (let i = 0; i < 64; i++) {
		const t1 =
			(h +
				(rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
				((e & f) ^ (~e & g)) +
				ROUND_CONSTANTS[i]! +
				w[i]!) |
			0;
		const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		h = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	state[0] = (state[0]! + a) | 0;
	state[1] = (state[1]! + b) | 0;
	state[2] = (state[2]! + c) | 0;
	state[3] = (state[3]! + d) | 0;
	state[4] = (state[4]! + e) | 0;
	state[5] = (state[5]! + f) | 0;
	state[6] = (state[6]! + g) | 0;
	state[7] = (state[7]! + h) | 0;
}

// ---------------------------------------------------------------------------------------------
// IndexedDB

function isQuotaError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const { name, cause } = error as { name?: unknown; cause?: unknown };
	return name === 'QuotaExceededError' || (cause !== undefined && isQuotaError(cause));
}

function storeError(error: unknown): Error {
	if (error instanceof StoreFullError || error instanceof DatasetNotFoundError) return error;
	if (isQuotaError(error)) return new StoreFullError({ cause: error });
	if (error instanceof Error) return error;
	return new Error(String(error));
}

type Fail = (error: unknown) => void;

/**
 * Runs `work` in one transaction and settles when the transaction does: a write counts only
 * once it has committed, and a quota failure shows up as the transaction's abort, not as the
 * request's error. `work` issues its requests synchronously and returns how to read the result.
 */
function transact<T>(
	db: IDBDatabase,
	names: string[],
	mode: IDBTransactionMode,
	work: (tx: IDBTransaction, fail: Fail) => () => T
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let tx: IDBTransaction;
		try {
			// 'strict' so the original is on disk before the import that depends on it starts.
			tx = db.transaction(names, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
		} catch (error) {
			reject(storeError(error));
			return;
		}
		let failure: unknown = null;
		const fail: Fail = (error) => {
			failure ??= error;
			try {
				tx.abort();
			} catch {
				// Already committing or aborted; the abort or complete handler settles the promise.
			}
		};
		let result: () => T = () => undefined as T;
		tx.oncomplete = () => resolve(result());
		tx.onabort = () =>
			reject(storeError(failure ?? tx.error ?? new Error('The storage transaction was aborted.')));
		try {
			result = work(tx, fail);
		} catch (error) {
			fail(error);
		}
	});
}

/** Handles a request's value inside the transaction; a throw aborts the transaction with it. */
function onValue<V>(request: IDBRequest, fail: Fail, use: (value: V) => void): void {
	request.onsuccess = () => {
		try {
			use(request.result as V);
		} catch (error) {
			fail(error);
		}
	};
}

async function asBytes(stored: unknown): Promise<Uint8Array | null> {
	if (stored instanceof ArrayBuffer) return new Uint8Array(stored);
	if (ArrayBuffer.isView(stored)) {
		return new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
	}
	if (typeof Blob !== 'undefined' && stored instanceof Blob) {
		return new Uint8Array(await stored.arrayBuffer());
	}
	return null;
}

async function estimate(storage: StorageManager | undefined): Promise<StorageUsage> {
	try {
		const { usage, quota } = (await storage?.estimate?.()) ?? {};
		return { usage, quota };
	} catch {
		return {};
	}
}

class IndexedDbDatasetStore implements DatasetStore {
	constructor(
		private readonly db: IDBDatabase,
		readonly persistent: boolean,
		private readonly storage: StorageManager | undefined
	) {
		// A newer Pengo in another tab wants to upgrade the schema: step aside rather than block it.
		db.onversionchange = () => db.close();
	}

	list(): Promise<StoredDataset[]> {
		return transact(this.db, [RECORDS_STORE], 'readonly', (tx, fail) => {
			let rows: StoredDataset[] = [];
			onValue<StoredDataset[]>(tx.objectStore(RECORDS_STORE).getAll(), fail, (v) => (rows = v));
			return () => rows.sort(newestFirst);
		});
	}

	get(id: string): Promise<StoredDataset | null> {
		return transact(this.db, [RECORDS_STORE], 'readonly', (tx, fail) => {
			let found: StoredDataset | null = null;
			onValue<StoredDataset | undefined>(tx.objectStore(RECORDS_STORE).get(id), fail, (v) => {
				found = v ?? null;
			});
			return () => found;
		});
	}

	async beginImport(meta: NewDataset, bytes: Uint8Array): Promise<StoredDataset> {
		const record = createdRecord(meta, bytes.byteLength, await sha256Hex(bytes));
		return transact(this.db, [RECORDS_STORE, FILES_STORE], 'readwrite', (tx) => {
			tx.objectStore(FILES_STORE).put(ownBuffer(bytes), record.id);
			tx.objectStore(RECORDS_STORE).put(record);
			return () => record;
		});
	}

	async completeImport(id: string, rowCount: number, mapping: unknown): Promise<StoredDataset> {
		checkRowCount(rowCount);
		return this.update(id, (r) => transitions.complete(r, rowCount, mapping));
	}

	failImport(id: string, message: string): Promise<StoredDataset> {
		return this.update(id, (r) => transitions.fail(r, message));
	}

	rename(id: string, name: string): Promise<StoredDataset> {
		return this.update(id, (r) => transitions.rename(r, name));
	}

	async replace(id: string, bytes: Uint8Array, fileName: string): Promise<StoredDataset> {
		const sha256 = await sha256Hex(bytes);
		return this.update(id, (r, tx) => {
			tx.objectStore(FILES_STORE).put(ownBuffer(bytes), id);
			return transitions.replace(r, bytes.byteLength, sha256, fileName);
		});
	}

	async readOriginal(id: string): Promise<Uint8Array> {
		const stored = await transact(this.db, [FILES_STORE], 'readonly', (tx, fail) => {
			let value: unknown;
			onValue<unknown>(tx.objectStore(FILES_STORE).get(id), fail, (v) => (value = v));
			return () => value;
		});
		const bytes = await asBytes(stored);
		if (!bytes) throw new DatasetNotFoundError(id);
		return bytes;
	}

	async verify(id: string, loadedRowCount?: number): Promise<VerifyResult> {
		const names = [RECORDS_STORE, FILES_STORE];
		const [record, stored] = await transact(this.db, names, 'readonly', (tx, fail) => {
			let found: StoredDataset | null = null;
			let value: unknown;
			onValue<StoredDataset | undefined>(tx.objectStore(RECORDS_STORE).get(id), fail, (v) => {
				found = v ?? null;
			});
			onValue<unknown>(tx.objectStore(FILES_STORE).get(id), fail, (v) => (value = v));
			return () => [found, value] as const;
		});
		return checkOriginal(record, await asBytes(stored), id, loadedRowCount);
	}

	delete(id: string): Promise<void> {
		return transact(this.db, [RECORDS_STORE, FILES_STORE], 'readwrite', (tx) => {
			tx.objectStore(RECORDS_STORE).delete(id);
			tx.objectStore(FILES_STORE).delete(id);
			return () => undefined;
		});
	}

	usage(): Promise<StorageUsage> {
		return estimate(this.storage);
	}

	close(): void {
		this.db.close();
	}

	/** Read, change and write one record in a single transaction (with the files store open). */
	private update(
		id: string,
		change: (record: StoredDataset, tx: IDBTransaction) => StoredDataset
	): Promise<StoredDataset> {
		return transact(this.db, [RECORDS_STORE, FILES_STORE], 'readwrite', (tx, fail) => {
			const records = tx.objectStore(RECORDS_STORE);
			let next: StoredDataset | null = null;
			onValue<StoredDataset | undefined>(records.get(id), fail, (found) => {
				if (!found) return fail(new DatasetNotFoundError(id));
				next = change(found, tx);
				records.put(next);
			});
			return () => next!;
		});
	}
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
	// One step per version, each taking n - 1 to n. Add steps; never edit a released one.
	if (oldVersion < 1) {
		db.createObjectStore(RECORDS_STORE, { keyPath: 'id' });
		db.createObjectStore(FILES_STORE);
	}
}

function openDatabase(factory: IDBFactory, timeoutMs: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const request = factory.open(DATASET_DB_NAME, DATASET_DB_VERSION);
		const settle = (finish: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			finish();
		};
		// Some browsers never answer open() when storage is disabled.
		const timer = setTimeout(
			() => settle(() => reject(new Error('Opening IndexedDB timed out.'))),
			timeoutMs
		);
		request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
		request.onsuccess = () => {
			// Answered after we gave up: do not hold a connection nobody uses.
			if (settled) request.result.close();
			else settle(() => resolve(request.result));
		};
		request.onerror = () => settle(() => reject(request.error));
		// An older tab holds the database open and will not let go.
		request.onblocked = () => settle(() => reject(new Error('Opening IndexedDB was blocked.')));
	});
}

async function askToPersist(storage: StorageManager | undefined): Promise<boolean> {
	try {
		if (await storage?.persisted?.()) return true;
		return (await storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}

export interface OpenedDatasetStore {
	store: DatasetStore;
	/**
	 * 'unavailable': nothing is saved on this device (private mode, storage disabled); the store
	 * keeps datasets in memory for this tab. 'not-persistent': saved, but the browser may clear it
	 * when the device runs short of space.
	 */
	notice: StoreNotice;
}

/**
 * Opens the upload store. `factory` and `storage` default to the browser's; tests pass their
 * own. Asks for persistent storage (Firefox shows a prompt: open this when the person is about
 * to upload or manage data, not on every page load).
 */
export async function openDatasetStore(
	factory?: IDBFactory,
	storage?: StorageManager,
	options: { openTimeoutMs?: number } = {}
): Promise<OpenedDatasetStore> {
	const idb = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
	const manager = storage ?? (globalThis as { navigator?: Navigator }).navigator?.storage;
	let db: IDBDatabase;
	try {
		if (!idb) throw new Error('No IndexedDB in this context.');
		db = await openDatabase(idb, options.openTimeoutMs ?? 10_000);
	} catch {
		return { store: memoryDatasetStore(), notice: 'unavailable' };
	}
	const persistent = await askToPersist(manager);
	return {
		store: new IndexedDbDatasetStore(db, persistent, manager),
		notice: persistent ? null : 'not-persistent'
	};
}

// ---------------------------------------------------------------------------------------------
// Memory

class MemoryDatasetStore implements DatasetStore {
	readonly persistent = false;
	private readonly records = new Map<string, StoredDataset>();
	private readonly files = new Map<string, Uint8Array>();

	// Records are cloned in and out, as IndexedDB would, so a caller's later edits do not leak in
	// and a mapping that IndexedDB could not store fails here too.
	async list(): Promise<StoredDataset[]> {
		return [...this.records.values()].map((r) => structuredClone(r)).sort(newestFirst);
	}

	async get(id: string): Promise<StoredDataset | null> {
		const record = this.records.get(id);
		return record ? structuredClone(record) : null;
	}

	async beginImport(meta: NewDataset, bytes: Uint8Array): Promise<StoredDataset> {
		const record = createdRecord(meta, bytes.byteLength, await sha256Hex(bytes));
		this.records.set(record.id, structuredClone(record));
		this.files.set(record.id, bytes.slice());
		return structuredClone(record);
	}

	async completeImport(id: string, rowCount: number, mapping: unknown): Promise<StoredDataset> {
		checkRowCount(rowCount);
		return this.update(id, (r) => transitions.complete(r, rowCount, mapping));
	}

	async failImport(id: string, message: string): Promise<StoredDataset> {
		return this.update(id, (r) => transitions.fail(r, message));
	}

	async rename(id: string, name: string): Promise<StoredDataset> {
		return this.update(id, (r) => transitions.rename(r, name));
	}

	async replace(id: string, bytes: Uint8Array, fileName: string): Promise<StoredDataset> {
		const sha256 = await sha256Hex(bytes);
		const next = this.update(id, (r) => transitions.replace(r, bytes.byteLength, sha256, fileName));
		this.files.set(id, bytes.slice());
		return next;
	}

	async readOriginal(id: string): Promise<Uint8Array> {
		const bytes = this.files.get(id);
		if (!bytes) throw new DatasetNotFoundError(id);
		return bytes.slice();
	}

	async verify(id: string, loadedRowCount?: number): Promise<VerifyResult> {
		return checkOriginal(
			this.records.get(id) ?? null,
			this.files.get(id) ?? null,
			id,
			loadedRowCount
		);
	}

	async delete(id: string): Promise<void> {
		this.records.delete(id);
		this.files.delete(id);
	}

	async usage(): Promise<StorageUsage> {
		return {};
	}

	close(): void {}

	private update(id: string, change: (record: StoredDataset) => StoredDataset): StoredDataset {
		const record = this.records.get(id);
		if (!record) throw new DatasetNotFoundError(id);
		const next = structuredClone(change(record));
		this.records.set(id, next);
		return structuredClone(next);
	}
}

/** A store that keeps everything in this tab's memory: lost on reload. */
export function memoryDatasetStore(): DatasetStore {
	return new MemoryDatasetStore();
}
