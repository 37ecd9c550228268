/**
 * Where uploaded datasets live between visits: the original file (a Blob) and the choices made
 * while importing it (the opaque `mapping`), in IndexedDB, with an in-memory stand-in when the
 * browser will not store anything (private mode) or runs out of room.
 *
 * The original is written before an import starts, so a reload mid-import leaves an
 * 'importing' record the dataset manager shows as "import interrupted – retry". Records and
 * bytes sit in separate object stores so listing never reads file contents.
 */
import { memoryDatasetStore } from './memoryStore';
import {
	checkOriginal,
	checkRowCount,
	createdRecord,
	DATASET_DB_NAME,
	DATASET_DB_VERSION,
	DatasetNotFoundError,
	FILES_STORE,
	newestFirst,
	originalBlob,
	RECORDS_STORE,
	StoreFullError,
	transitions,
	type DatasetStore,
	type NewDataset,
	type StorageUsage,
	type StoredDataset,
	type StoreNotice,
	type VerifyResult
} from './datasetRecords';

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

	async beginImport(meta: NewDataset, original: Blob, sha256: string): Promise<StoredDataset> {
		const record = createdRecord(meta, original.size, sha256);
		return transact(this.db, [RECORDS_STORE, FILES_STORE], 'readwrite', (tx) => {
			tx.objectStore(FILES_STORE).put(original, record.id);
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

	async replace(id: string, file: Blob, sha256: string, name: string): Promise<StoredDataset> {
		return this.update(id, (r, tx) => {
			tx.objectStore(FILES_STORE).put(file, id);
			return transitions.replace(r, file.size, sha256, name);
		});
	}

	async readOriginal(id: string): Promise<Blob> {
		const stored = await transact(this.db, [FILES_STORE], 'readonly', (tx, fail) => {
			let value: unknown;
			onValue<unknown>(tx.objectStore(FILES_STORE).get(id), fail, (v) => (value = v));
			return () => value;
		});
		const original = originalBlob(stored);
		if (!original) throw new DatasetNotFoundError(id);
		return original;
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
		return checkOriginal(record, originalBlob(stored), id, loadedRowCount);
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
