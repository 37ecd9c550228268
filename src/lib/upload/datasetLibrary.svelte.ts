/**
 * The library of uploaded datasets in this browser: it keeps their originals in the dataset store
 * (the ingest pipeline's store stage), rebuilds every dataset in DuckDB from its original and its
 * mapping when the page opens or the database restarts, and renames, retries and removes them.
 * The step-by-step import (uploads.svelte.ts) builds on it.
 */
import type { Region } from '$lib/domain/regions';
import type { Dashboard } from '$lib/state/dashboard.svelte';
import { keptRecordTexts } from './recordText';
import {
	dropDataset,
	importDataset,
	problemPage,
	rejectedRows,
	stageRaw,
	type ExplainRejection
} from './importer';
import { datasetKey, type ImportMapping } from './importSql';
import { prepareFile } from './prepareClient';
import { stageParquetFile } from './parquetClient';
import { blobIsParquet } from './parquet';
import { blobPointerUrl, roleColumns } from './parquetUrl';
import { StoreFullError, type DatasetStore, type StoredDataset } from './datasetRecords';
import { memoryDatasetStore } from './memoryStore';
import { openDatasetStore } from './store';
import type { DatasetMeta, ImportReport, UploadProblem, UploadProblemKind } from './types';
import { message, type Draft } from './draft';
import { storedAsCsv } from './xlsxClient';

export type EntryStatus = 'ready' | 'importing' | 'interrupted' | 'failed' | 'damaged';

export interface DatasetEntry {
	id: string;
	key: string;
	name: string;
	fileName: string;
	size: number;
	createdAt: string;
	/** SHA-256 of the original (hex), to name an upload of the same file again. */
	sha256: string | null;
	sourceNote: string;
	status: EntryStatus;
	/** Saved in the browser's storage (false: this session only). */
	saved: boolean;
	rowCount: number | null;
	mapping: ImportMapping | null;
	report: ImportReport | null;
	/** Why the entry is failed or damaged, in the engine's or the store's words. */
	message: string | null;
}

export type StoreNoticeKind = null | 'unavailable' | 'not-persistent' | 'full';

export function entryFrom(record: StoredDataset, saved: boolean): DatasetEntry {
	return {
		id: record.id,
		key: datasetKey(record.id),
		name: record.name,
		fileName: record.fileName,
		size: record.size,
		createdAt: record.createdAt,
		sha256: record.sha256 ?? null,
		sourceNote: record.sourceNote,
		status:
			record.status === 'importing'
				? 'interrupted'
				: record.status === 'failed'
					? 'failed'
					: 'importing',
		saved,
		rowCount: record.rowCount,
		mapping: (record.mapping as ImportMapping | null) ?? null,
		report: null,
		message: record.error ?? null
	};
}

export class DatasetLibrary {
	datasets = $state.raw<DatasetEntry[]>([]);
	notice = $state<StoreNoticeKind>(null);
	/** What runs now (for the progress line) and how far, 0–1, when known. */
	busy = $state<null | 'reading' | 'staging' | 'profiling' | 'importing' | 'restoring'>(null);
	progress = $state<number | null>(null);

	protected dashboard: Dashboard;
	protected store: DatasetStore | null = null;
	protected memory = memoryDatasetStore();
	#opened: Promise<void> | undefined;

	constructor(dashboard: Dashboard) {
		this.dashboard = dashboard;
	}

	get regions(): Region[] {
		return this.dashboard.data?.regions ?? [];
	}

	/** Open the store and rebuild every saved dataset; later calls share the same promise. */
	open(): Promise<void> {
		this.#opened ??= this.#open();
		return this.#opened;
	}

	async #open(): Promise<void> {
		try {
			// Ask for persistent storage only when the person saves a dataset (Firefox asks them with
			// a prompt); opening the page just checks whether it was granted before.
			const manager = globalThis.navigator?.storage;
			const quiet = manager
				? ({
						persisted: () => manager.persisted(),
						estimate: () => manager.estimate()
					} as StorageManager)
				: undefined;
			const opened = await openDatasetStore(undefined, quiet);
			this.store = opened.store;
			this.notice = opened.notice;
		} catch {
			this.store = null;
			this.notice = 'unavailable';
		}
		if (!this.store) return;
		const records = await this.store.list().catch(() => []);
		this.datasets = records.map((r) => entryFrom(r, true));
		for (const record of records) {
			if (record.status === 'ready') await this.#restore(record.id);
		}
	}

	/** Called when the database stopped answering; set by the app to reload everything. */
	onCrash: (() => Promise<void>) | null = null;
	/**
	 * The database was restarted during the last step (shown with the problem): it crashed, or a
	 * cancelled statement did not stop at once.
	 */
	restarted = $state<false | 'crash' | 'cancel'>(false);

	/** Rebuild every loaded dataset (after the database restarted empty). */
	async rebuildAll(): Promise<void> {
		for (const d of this.datasets) {
			if (d.status === 'ready' || d.status === 'importing') {
				this.patch(d.id, { status: 'importing' });
				await this.#restore(d.id);
			}
		}
	}

	/**
	 * After a failed step: when the database no longer answers, restart it and reload what was
	 * loaded, so the person keeps every dataset and can try again.
	 */
	protected async checkCrash(): Promise<void> {
		const db = this.dashboard.db;
		if (!db.healthy || (await db.healthy())) return;
		this.restarted = 'crash';
		await this.reloadAfterRestart();
	}

	/** The database restarted empty: everything loaded comes back. */
	protected async reloadAfterRestart(): Promise<void> {
		await this.onCrash?.();
	}

	protected async askToPersist(): Promise<void> {
		try {
			if (await globalThis.navigator?.storage?.persist?.()) this.notice = null;
		} catch {
			// Refused or unsupported: the notice stays.
		}
	}

	protected patch(id: string, change: Partial<DatasetEntry>): void {
		this.datasets = this.datasets.map((d) => (d.id === id ? { ...d, ...change } : d));
	}

	protected storeOf(entry: Pick<DatasetEntry, 'saved'>): DatasetStore {
		return entry.saved && this.store ? this.store : this.memory;
	}

	/** Rebuild a stored dataset from its original: hash first, then import, then compare rows. */
	async #restore(id: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry || !entry.mapping) return;
		const store = this.storeOf(entry);
		this.busy = 'restoring';
		try {
			const verified = await store.verify(id);
			if (!verified.ok) {
				this.patch(id, { status: 'damaged', message: `${verified.reason}: ${verified.detail}` });
				return;
			}
			const report = await this.importFromStore(store, entry, entry.mapping);
			const rowsOk = entry.rowCount === null || entry.rowCount === report.rowsLoaded;
			this.patch(id, {
				status: rowsOk ? 'ready' : 'damaged',
				report,
				message: rowsOk ? null : `rows: ${report.rowsLoaded} ≠ ${entry.rowCount}`
			});
		} catch (error) {
			this.patch(id, { status: 'failed', message: message(error) });
		} finally {
			this.busy = null;
			await this.dashboard.refreshCatalog();
		}
	}

	protected async importFromStore(
		store: DatasetStore,
		entry: DatasetEntry,
		mapping: ImportMapping
	): Promise<ImportReport> {
		const original = await store.readOriginal(entry.id);
		const meta = this.meta(entry.id, entry.name, entry.fileName, entry.sourceNote, entry.createdAt);
		// A Parquet file of the site is kept as its address (the mapping says so: a chosen file is
		// never taken for one, whatever its bytes): its columns with roles are read again.
		const url =
			mapping.origin === 'site-parquet'
				? await blobPointerUrl(original, globalThis.location?.href ?? 'http://localhost/')
				: null;
		if (mapping.origin === 'site-parquet' && !url) {
			throw new Error(
				`${entry.fileName}: the stored address of this site's Parquet file is unreadable.`
			);
		}
		if ((await blobIsParquet(original)) || url) {
			const source = url ? { url } : new File([original], entry.fileName);
			const indices = url ? roleColumns(mapping.roles) : null;
			await stageParquetFile(this.dashboard.db, meta, source, indices);
			return importDataset(this.dashboard.db, meta, mapping, []);
		}
		// Transcoding and the byte scan run in a worker; the bytes then go to DuckDB without a copy,
		// or DuckDB reads the stored Blob itself when nothing had to change.
		const text = await storedAsCsv(original, entry.fileName, mapping.workbook);
		const file = new File([text], entry.fileName);
		const { utf8, scan } = await prepareFile(file, mapping.dialect);
		const structural = await stageRaw(this.dashboard.db, meta, utf8 ?? file, mapping, scan);
		return importDataset(this.dashboard.db, meta, mapping, structural);
	}

	protected meta(
		id: string,
		name: string,
		fileName: string,
		sourceNote: string,
		importedAt: string
	): DatasetMeta {
		return { id, name, fileName, sourceNote, importedAt };
	}

	/** Start over with a new file (or a replacement for a stored dataset). */

	/**
	 * The store stage: keep the original file (as the Blob it is: nothing is read here) and the
	 * choices before the import runs, saved in the browser when it can (in this tab's memory when it
	 * has no room, and says so). A replacement keeps its dataset's id and place.
	 */
	protected async keepOriginal(
		draft: Pick<Draft, 'name' | 'file' | 'workbook' | 'sourceNote' | 'replacing' | 'sha256'>,
		mapping: ImportMapping
	): Promise<{ record: StoredDataset; saved: boolean }> {
		// A workbook is kept as the workbook; its sheet and header choice are in the mapping.
		const original = draft.workbook?.original ?? draft.file;
		const { sha256 } = draft;
		let saved = this.store !== null && this.notice !== 'unavailable';
		let record: StoredDataset;
		const meta = {
			name: draft.name,
			fileName: draft.file.name,
			sourceNote: draft.sourceNote,
			mapping
		};
		if (draft.replacing) {
			const existing = this.datasets.find((d) => d.id === draft.replacing);
			saved = existing?.saved ?? saved;
			record = await this.storeOf({ saved }).replace(
				draft.replacing,
				original,
				sha256,
				draft.file.name
			);
		} else {
			try {
				if (saved && this.notice === 'not-persistent') await this.askToPersist();
				record = await this.storeOf({ saved }).beginImport(meta, original, sha256);
			} catch (error) {
				if (!(error instanceof StoreFullError)) throw error;
				// No room (or no storage at all): the session keeps the dataset in memory and says so.
				this.notice = 'full';
				saved = false;
				record = await this.memory.beginImport(meta, original, sha256);
			}
		}
		return { record, saved };
	}

	async rename(id: string, name: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry || name.trim() === '') return;
		await this.storeOf(entry).rename(id, name.trim());
		this.patch(id, { name: name.trim() });
	}

	async remove(id: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry) return;
		await dropDataset(this.dashboard.db, id);
		await this.storeOf(entry).delete(id);
		this.datasets = this.datasets.filter((d) => d.id !== id);
		await this.dashboard.refreshCatalog();
	}

	/** Run an interrupted or failed import again from the stored original and mapping. */
	async retry(id: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry?.mapping) return;
		this.patch(id, { status: 'importing', message: null });
		const store = this.storeOf(entry);
		try {
			const report = await this.importFromStore(store, entry, entry.mapping);
			await store.completeImport(id, report.rowsLoaded, entry.mapping);
			this.patch(id, { status: 'ready', report, rowCount: report.rowsLoaded });
		} catch (error) {
			const text = message(error);
			await store.failImport(id, text).catch(() => undefined);
			this.patch(id, { status: 'failed', message: text });
		} finally {
			await this.dashboard.refreshCatalog();
		}
	}

	/** One page of a loaded dataset's problems (one kind, or all), in file order. */
	problems(
		id: string,
		kind: UploadProblemKind | null,
		offset: number,
		limit: number
	): Promise<UploadProblem[]> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry?.mapping) return Promise.resolve([]);
		return problemPage(
			this.dashboard.db,
			{ id, fileName: entry.fileName },
			entry.mapping.labels,
			kind,
			offset,
			limit
		);
	}

	/**
	 * The rows kept aside as [header, ...rows]: row, reason (and in words, with `explain`), the
	 * record's text as in the file (the
	 * kept original decoded with the dataset's encoding, untouched by the import's repairs), then the
	 * fields as read.
	 */
	async rejected(id: string, explain?: ExplainRejection): Promise<string[][]> {
		const entry = this.datasets.find((d) => d.id === id);
		const mapping = entry?.mapping;
		if (!entry || !mapping) return [];
		const original = await this.storeOf(entry)
			.readOriginal(id)
			.then(async (stored) =>
				// A Parquet file has no record text: the rejected rows give their fields only.
				mapping.origin === 'site-parquet' || (await blobIsParquet(stored))
					? null
					: storedAsCsv(stored, entry.fileName, mapping.workbook)
			)
			.catch(() => null);
		// Found in a worker: the page never reads or decodes the whole kept file.
		const texts = original
			? (rows: number[]) =>
					keptRecordTexts(original, mapping.dialect, rows).catch(() => new Map<number, string>()) // eslint-disable-line svelte/prefer-svelte-reactivity -- a value, not state
			: null;
		return rejectedRows(this.dashboard.db, id, mapping, texts, explain);
	}
}
