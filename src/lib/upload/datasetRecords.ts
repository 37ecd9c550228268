/**
 * What the dataset store keeps about an upload (StoredDataset), the store's interface and errors,
 * and the record transitions (begin, complete, fail, rename, replace, verify) that the IndexedDB
 * store (store.ts) and its in-memory stand-in (memoryStore.ts) share.
 *
 * The original is kept as the File (a Blob) the person chose: IndexedDB stores Blobs by reference
 * to their data, so keeping or reading one never copies the file on the page's thread. Its hash is
 * taken in a worker (hashClient.ts), by the caller when it begins an import and here when it
 * verifies one.
 */
import { hashFile } from './hashClient';

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
	/**
	 * Stores the original and an 'importing' record, durably, before the import runs. `sha256` is the
	 * original's, taken beforehand (hashFile).
	 */
	beginImport(meta: NewDataset, original: Blob, sha256: string): Promise<StoredDataset>;
	completeImport(id: string, rowCount: number, mapping: unknown): Promise<StoredDataset>;
	failImport(id: string, message: string): Promise<StoredDataset>;
	/** The original as a Blob; one stored as bytes by an older Pengo comes back as a Blob too. */
	readOriginal(id: string): Promise<Blob>;
	/** Re-hashes the stored original; compares rows only when given and the record has a count. */
	verify(id: string, loadedRowCount?: number): Promise<VerifyResult>;
	rename(id: string, name: string): Promise<StoredDataset>;
	/** New original and hash, status 'importing', row count cleared; name, source and mapping kept. */
	replace(id: string, original: Blob, sha256: string, fileName: string): Promise<StoredDataset>;
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

export function checkRowCount(rowCount: number): void {
	if (!Number.isInteger(rowCount) || rowCount < 0) {
		throw new RangeError(`A row count must be a whole number ≥ 0, not ${rowCount}.`);
	}
}

export function createdRecord(meta: NewDataset, size: number, sha256: string): StoredDataset {
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

export const transitions = {
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

export function newestFirst(a: StoredDataset, b: StoredDataset): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What the files store holds for a dataset, as a Blob: a Blob (or File) as stored, or the bytes an
 * older Pengo stored (an ArrayBuffer or a typed array); null for anything else.
 */
export function originalBlob(stored: unknown): Blob | null {
	if (stored instanceof Blob) return stored;
	if (stored instanceof ArrayBuffer) return new Blob([stored]);
	if (ArrayBuffer.isView(stored)) {
		return new Blob([
			new Uint8Array(stored.buffer as ArrayBuffer, stored.byteOffset, stored.byteLength)
		]);
	}
	return null;
}

export async function checkOriginal(
	record: StoredDataset | null,
	original: Blob | null,
	id: string,
	loadedRowCount: number | undefined
): Promise<VerifyResult> {
	if (!record) return { ok: false, reason: 'missing-file', detail: `no record for ${id}` };
	if (!original) return { ok: false, reason: 'missing-file', detail: `no original for ${id}` };
	const actual = await hashFile(original);
	if (actual !== record.sha256) {
		return {
			ok: false,
			reason: 'hash',
			detail: `stored original hashes to ${actual} (${original.size} bytes), expected ${record.sha256} (${record.size} bytes)`
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
