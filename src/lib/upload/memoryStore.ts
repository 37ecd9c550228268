/** The dataset store's stand-in when the browser will not store anything: this tab's memory. */
import { sha256Hex } from './sha256';
import {
	checkOriginal,
	checkRowCount,
	createdRecord,
	DatasetNotFoundError,
	newestFirst,
	transitions,
	type DatasetStore,
	type NewDataset,
	type StorageUsage,
	type StoredDataset,
	type VerifyResult
} from './datasetRecords';

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
