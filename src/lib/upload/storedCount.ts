/**
 * How many datasets this browser has stored, read without the store's own module: the page asks
 * before its first map, and loads the upload code (the dataset library and the wizard, tens of
 * kilobytes) only when there is something to rebuild. Never creates the database: a database
 * made here, without the store's upgrade, would have no object stores.
 */
import { DATASET_DB_NAME, RECORDS_STORE } from './datasetRecords';

/** The number of stored datasets; null when it cannot be told (then the caller should look). */
export async function storedDatasetCount(
	factory: IDBFactory | undefined = (globalThis as { indexedDB?: IDBFactory }).indexedDB,
	timeoutMs = 3000
): Promise<number | null> {
	if (!factory) return 0;
	if (typeof factory.databases !== 'function') return null;
	try {
		const names = (await factory.databases()).map((d) => d.name);
		if (!names.includes(DATASET_DB_NAME)) return 0;
	} catch {
		return null;
	}
	return new Promise<number | null>((resolve) => {
		let settled = false;
		const settle = (value: number | null, db?: IDBDatabase) => {
			db?.close();
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(value);
		};
		const timer = setTimeout(() => settle(null), timeoutMs);
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(DATASET_DB_NAME);
		} catch {
			settle(null);
			return;
		}
		// Gone since it was listed: opening would create it empty, so the creation is undone.
		request.onupgradeneeded = () => request.transaction?.abort();
		request.onerror = () => settle(null);
		request.onblocked = () => settle(null);
		request.onsuccess = () => {
			const db = request.result;
			if (settled || !db.objectStoreNames.contains(RECORDS_STORE)) return settle(0, db);
			try {
				const count = db.transaction(RECORDS_STORE, 'readonly').objectStore(RECORDS_STORE).count();
				count.onsuccess = () => settle(count.result, db);
				count.onerror = () => settle(null, db);
			} catch {
				settle(null, db);
			}
		};
	});
}
