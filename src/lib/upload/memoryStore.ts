/** The dataset store's stand-in when the browser will not store anything: this tab's memory. */
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
	/** Blobs cannot change, so the originals are kept as given, not copied. */
	private readonly files = new Map<string, Blob>();

	// Records are cloned in and out, as IndexedDB would, so a caller's later edits do not leak in
	// and a mapping that IndexedDB could not store fails here too.
	async list(): Promise<StoredDataset[]> {
		return [...this.records.values()].map((r) => structuredClone(r)).sort(newestFirst);
	}

	async get(id: string): Promise<StoredDataset | null> {
		const record = this.records.get(id);
		return record ? structuredClone(record) : null;
	}

	async beginImport(meta: NewDataset, original: Blob, sha256: string): Promise<StoredDataset> {
		const record = createdRecord(meta, original.size, sha256);
		this.records.set(record.id, structuredClone(record));
		this.files.set(record.id, original);
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

	async replace(id: string, file: Blob, sha256: string, name: string): Promise<StoredDataset> {
		const next = this.update(id, (r) => transitions.replace(r, file.size, sha256, name));
		this.files.set(id, file);
		return next;
	}

	async readOriginal(id: string): Promise<Blob> {
		const original = this.files.get(id);
		if (!original) throw new DatasetNotFoundError(id);
		return original;
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
