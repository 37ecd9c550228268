/**
 * Where saved region-code tables live between visits: IndexedDB, in a database of their own (a
 * table is a few kilobytes and belongs to no dataset), with this tab's memory as the stand-in
 * when the browser will not store anything.
 */
import { asCodeTable, type RegionCodeTable } from './regionCodeTable';

export const CODE_TABLE_DB_NAME = 'pengo-region-codes';
const DB_VERSION = 1;
const TABLES = 'tables';

export interface CodeTableStore {
	/** Saved tables, oldest first; records of a wrong shape are skipped. */
	list(): Promise<RegionCodeTable[]>;
	/** Save a table, replacing one with the same id. */
	save(table: RegionCodeTable): Promise<void>;
	remove(id: string): Promise<void>;
	/** False when the tables last only as long as this tab. */
	readonly persistent: boolean;
}

const bySavedAt = (a: RegionCodeTable, b: RegionCodeTable) =>
	a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id);

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

/** Settles when the transaction commits: a write counts only once it is on disk. */
function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('The storage transaction was aborted.'));
		tx.onerror = () => reject(tx.error);
	});
}

class IndexedDbCodeTables implements CodeTableStore {
	readonly persistent = true;
	constructor(private readonly db: IDBDatabase) {
		db.onversionchange = () => db.close();
	}

	async list(): Promise<RegionCodeTable[]> {
		const tx = this.db.transaction(TABLES, 'readonly');
		const rows = await request(tx.objectStore(TABLES).getAll());
		return rows
			.map(asCodeTable)
			.filter((t): t is RegionCodeTable => t !== null)
			.sort(bySavedAt);
	}

	async save(table: RegionCodeTable): Promise<void> {
		const tx = this.db.transaction(TABLES, 'readwrite');
		tx.objectStore(TABLES).put(structuredClone(table));
		await done(tx);
	}

	async remove(id: string): Promise<void> {
		const tx = this.db.transaction(TABLES, 'readwrite');
		tx.objectStore(TABLES).delete(id);
		await done(tx);
	}
}

/** The stand-in: tables kept for this tab only, cloned in and out as IndexedDB would. */
export function memoryCodeTables(): CodeTableStore {
	const tables = new Map<string, RegionCodeTable>();
	return {
		persistent: false,
		async list() {
			return [...tables.values()].map((t) => structuredClone(t)).sort(bySavedAt);
		},
		async save(table) {
			tables.set(table.id, structuredClone(table));
		},
		async remove(id) {
			tables.delete(id);
		}
	};
}

/** Opens the code-table store; `factory` defaults to the browser's IndexedDB (tests pass their own). */
export async function openCodeTableStore(
	factory?: IDBFactory,
	timeoutMs = 10_000
): Promise<CodeTableStore> {
	const idb = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
	if (!idb) return memoryCodeTables();
	try {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = idb.open(CODE_TABLE_DB_NAME, DB_VERSION);
			// Some browsers never answer open() when storage is disabled.
			const timer = setTimeout(() => reject(new Error('Opening IndexedDB timed out.')), timeoutMs);
			open.onupgradeneeded = (event) => {
				// One step per version, each taking n - 1 to n. Add steps; never edit a released one.
				if (event.oldVersion < 1) open.result.createObjectStore(TABLES, { keyPath: 'id' });
			};
			open.onsuccess = () => {
				clearTimeout(timer);
				resolve(open.result);
			};
			open.onerror = () => {
				clearTimeout(timer);
				reject(open.error);
			};
			open.onblocked = () => {
				clearTimeout(timer);
				reject(new Error('Opening IndexedDB was blocked.'));
			};
		});
		return new IndexedDbCodeTables(db);
	} catch {
		return memoryCodeTables();
	}
}
