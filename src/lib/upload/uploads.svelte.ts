/**
 * The uploaded datasets of this browser and the import in progress. One instance per page session,
 * next to the dashboard: it keeps the originals in the dataset store, rebuilds every dataset in
 * DuckDB from its original and its mapping when the page opens, and never lets a failed step
 * touch what is already loaded.
 */
import { EngineOfflineError } from '$lib/db/connector';
import type { Region } from '$lib/domain/regions';
import type { Dashboard } from '$lib/state/dashboard.svelte';
import { regionDecisions } from './decisions';
import {
	dropDataset,
	ImportError,
	importDataset,
	profileColumns,
	rejectedRows,
	stageRaw
} from './importer';
import {
	datasetKey,
	datasetTables,
	renameTableQuery,
	writtenRegionsQuery,
	type ImportMapping
} from './importSql';
import { prepareFile } from './prepareClient';
import { gunzipIfNeeded } from './gzip';
import { looksBinary } from './binary';
import {
	loadRememberedChoices,
	mergeRememberedChoices,
	reviewRegionNames,
	saveRememberedChoices
} from './regionMatch';
import { guessRoles } from './roles';
import { headerLabels, headerText } from './headerCells';
import { tooManyColumns } from './readSql';
import { sniffFile, type SniffResult } from './sniffClient';
import { StoreFullError, type DatasetStore, type StoredDataset } from './datasetRecords';
import { memoryDatasetStore } from './memoryStore';
import { openDatasetStore } from './store';
import type {
	ColumnProfile,
	DatasetMeta,
	Dialect,
	ImportReport,
	RegionNameReview,
	RoleGuess,
	UploadProblem
} from './types';
import { quoteIdent } from '$lib/db/quote';
import { QueryCancelledError, withSignal } from '$lib/db/connector';

/**
 * Larger files are refused before anything is read. DuckDB-WASM has at most 4 GB of memory, and an
 * import holds the file's text table, the checked rows and the file itself while it runs.
 */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type EntryStatus = 'ready' | 'importing' | 'interrupted' | 'failed' | 'damaged';

export interface DatasetEntry {
	id: string;
	key: string;
	name: string;
	fileName: string;
	size: number;
	createdAt: string;
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

export type Step = 'choose' | 'dialect' | 'roles' | 'regions' | 'report';

export interface Draft {
	file: File;
	/** When replacing a stored dataset: its id (the mapping is kept). */
	replacing: string | null;
	sniff: SniffResult;
	dialect: Dialect;
	/** Set once the file is in DuckDB. */
	staged: {
		id: string;
		columnCount: number;
		labels: string[];
		profiles: ColumnProfile[];
		/** Broken quotes the byte scan found, each with its row. */
		structural: UploadProblem[];
	} | null;
	roles: RoleGuess | null;
	reviews: RegionNameReview[];
	name: string;
	sourceNote: string;
	unit: ImportMapping['unit'];
	indicatorName: string;
	problems: UploadProblem[];
	report: ImportReport | null;
	datasetId: string | null;
}

export type StoreNoticeKind = null | 'unavailable' | 'not-persistent' | 'full';

function newDraftId(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function cancelledProblem(file: string): UploadProblem {
	return { file, kind: 'cancelled', severity: 'error' };
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function entryFrom(record: StoredDataset, saved: boolean): DatasetEntry {
	return {
		id: record.id,
		key: datasetKey(record.id),
		name: record.name,
		fileName: record.fileName,
		size: record.size,
		createdAt: record.createdAt,
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

export class Uploads {
	datasets = $state.raw<DatasetEntry[]>([]);
	notice = $state<StoreNoticeKind>(null);
	step = $state<Step>('choose');
	draft = $state.raw<Draft | null>(null);
	/** What runs now (for the progress line) and how far, 0–1, when known. */
	busy = $state<null | 'reading' | 'staging' | 'profiling' | 'importing' | 'restoring'>(null);
	progress = $state<number | null>(null);
	/** The last failure of a step, shown above the step; nothing loaded is affected. */
	problem = $state.raw<UploadProblem | null>(null);

	#dashboard: Dashboard;
	#store: DatasetStore | null = null;
	#memory = memoryDatasetStore();
	#opened: Promise<void> | undefined;
	#abort: AbortController | null = null;

	constructor(dashboard: Dashboard) {
		this.#dashboard = dashboard;
	}

	get regions(): Region[] {
		return this.#dashboard.data?.regions ?? [];
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
			this.#store = opened.store;
			this.notice = opened.notice;
		} catch {
			this.#store = null;
			this.notice = 'unavailable';
		}
		if (!this.#store) return;
		const records = await this.#store.list().catch(() => []);
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
				this.#patch(d.id, { status: 'importing' });
				await this.#restore(d.id);
			}
		}
	}

	/**
	 * After a failed step: when the database no longer answers, restart it and reload what was
	 * loaded, so the person keeps every dataset and can try again.
	 */
	async #checkCrash(): Promise<void> {
		const db = this.#dashboard.db;
		if (!db.healthy || (await db.healthy())) return;
		this.restarted = 'crash';
		await this.#reloadAfterRestart();
	}

	/** The database restarted empty: the staged file is gone; everything loaded comes back. */
	async #reloadAfterRestart(): Promise<void> {
		const draft = this.draft;
		if (draft) this.draft = { ...draft, staged: null };
		if (this.step !== 'choose' && this.step !== 'dialect') this.step = 'dialect';
		await this.onCrash?.();
	}

	async #askToPersist(): Promise<void> {
		try {
			if (await globalThis.navigator?.storage?.persist?.()) this.notice = null;
		} catch {
			// Refused or unsupported: the notice stays.
		}
	}

	#patch(id: string, change: Partial<DatasetEntry>): void {
		this.datasets = this.datasets.map((d) => (d.id === id ? { ...d, ...change } : d));
	}

	#storeOf(entry: Pick<DatasetEntry, 'saved'>): DatasetStore {
		return entry.saved && this.#store ? this.#store : this.#memory;
	}

	/** Rebuild a stored dataset from its original: hash first, then import, then compare rows. */
	async #restore(id: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry || !entry.mapping) return;
		const store = this.#storeOf(entry);
		this.busy = 'restoring';
		try {
			const verified = await store.verify(id);
			if (!verified.ok) {
				this.#patch(id, { status: 'damaged', message: `${verified.reason}: ${verified.detail}` });
				return;
			}
			const report = await this.#importFromStore(store, entry, entry.mapping);
			const rowsOk = entry.rowCount === null || entry.rowCount === report.rowsLoaded;
			this.#patch(id, {
				status: rowsOk ? 'ready' : 'damaged',
				report,
				message: rowsOk ? null : `rows: ${report.rowsLoaded} ≠ ${entry.rowCount}`
			});
		} catch (error) {
			this.#patch(id, { status: 'failed', message: message(error) });
		} finally {
			this.busy = null;
			await this.#dashboard.refreshCatalog();
		}
	}

	async #importFromStore(
		store: DatasetStore,
		entry: DatasetEntry,
		mapping: ImportMapping
	): Promise<ImportReport> {
		const original = await store.readOriginal(entry.id);
		const meta = this.#meta(
			entry.id,
			entry.name,
			entry.fileName,
			entry.sourceNote,
			entry.createdAt
		);
		// Transcoding and the byte scan run in a worker; the bytes then go to DuckDB without a copy.
		const { utf8, scan } = await prepareFile(
			new File([original as BlobPart], entry.fileName),
			mapping.dialect
		);
		const structural = await stageRaw(this.#dashboard.db, meta, utf8, mapping, scan);
		return importDataset(this.#dashboard.db, meta, mapping, structural);
	}

	#meta(
		id: string,
		name: string,
		fileName: string,
		sourceNote: string,
		importedAt: string
	): DatasetMeta {
		return { id, name, fileName, sourceNote, importedAt };
	}

	/** Start over with a new file (or a replacement for a stored dataset). */
	async chooseFile(chosen: File, replacing: string | null = null): Promise<void> {
		this.cancel();
		this.problem = null;
		this.restarted = false;
		const tooLarge = (f: File): boolean => {
			if (f.size <= MAX_UPLOAD_BYTES) return false;
			const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
			this.problem = {
				file: f.name,
				kind: 'too-large',
				detail: `${mb(f.size)} > ${mb(MAX_UPLOAD_BYTES)}`,
				severity: 'error'
			};
			return true;
		};
		if (tooLarge(chosen)) return;
		const abort = new AbortController();
		this.#abort = abort;
		this.busy = 'reading';
		this.progress = 0;
		try {
			const file = await gunzipIfNeeded(chosen);
			if (abort.signal.aborted || tooLarge(file)) return;
			if (file.size === 0) {
				this.problem = { file: chosen.name, kind: 'empty-file', severity: 'error' };
				return;
			}
			if (looksBinary(new Uint8Array(await file.slice(0, 65536).arrayBuffer()))) {
				this.problem = { file: chosen.name, kind: 'not-text', severity: 'error' };
				return;
			}
			const sniff = await sniffFile(file, {
				signal: abort.signal,
				onProgress: (p) => (this.progress = p)
			});
			if (abort.signal.aborted) return;
			const previous = replacing ? this.datasets.find((d) => d.id === replacing) : undefined;
			const base = file.name.replace(/\.(csv|tsv|txt)$/i, '');
			this.draft = {
				file,
				replacing,
				sniff,
				dialect: previous?.mapping?.dialect ?? sniff.dialect,
				staged: null,
				roles: null,
				reviews: [],
				name: previous?.name ?? base,
				sourceNote: previous?.sourceNote ?? '',
				unit: previous?.mapping?.unit ?? 'percent',
				indicatorName: previous?.mapping?.indicatorName ?? base,
				problems: [],
				report: null,
				datasetId: null
			};
			this.step = 'dialect';
			this.problem = tooManyColumns(chosen.name, sniff.columns);
		} catch (error) {
			if (!abort.signal.aborted) {
				this.problem = {
					file: chosen.name,
					kind: 'unreadable',
					detail: message(error),
					severity: 'error'
				};
			}
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
			this.progress = null;
		}
	}

	/** Change the dialect and preview again. */
	async setDialect(dialect: Dialect): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		const abort = new AbortController();
		this.#abort = abort;
		try {
			const sniff = await sniffFile(draft.file, { signal: abort.signal, dialect });
			if (this.draft === draft && !abort.signal.aborted) {
				this.draft = { ...draft, dialect, sniff, staged: null };
				this.problem = tooManyColumns(draft.file.name, sniff.columns);
			}
		} catch (error) {
			if (!abort.signal.aborted) {
				this.problem = {
					file: draft.file.name,
					kind: 'unreadable',
					detail: message(error),
					severity: 'error'
				};
			}
		} finally {
			if (this.#abort === abort) this.#abort = null;
		}
	}

	/** Read the whole file into DuckDB with the chosen dialect, profile every column, guess roles. */
	async confirmDialect(): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		this.problem = null;
		const abort = new AbortController();
		this.#abort = abort;
		const id = draft.staged?.id ?? newDraftId();
		try {
			this.busy = 'staging';
			this.progress = 0;
			const { utf8, scan } = await prepareFile(draft.file, draft.dialect, {
				signal: abort.signal,
				onProgress: (p) => (this.progress = p)
			});
			if (abort.signal.aborted) return;
			this.progress = null;
			const columnCount = Math.max(1, draft.sniff.columns);
			const db = withSignal(this.#dashboard.db, abort.signal);
			const structural = await stageRaw(
				db,
				{ id, fileName: draft.file.name },
				utf8,
				{ dialect: draft.dialect, columnCount },
				scan
			);
			if (abort.signal.aborted) return;
			this.busy = 'profiling';
			const raw = datasetTables(id).raw;
			const headers =
				draft.dialect.headerRow > 0
					? await this.#headerCells(raw, draft.dialect.headerRow, columnCount)
					: Array.from({ length: columnCount }, () => '');
			const { labels, problems } = headerLabels(headers, draft.file.name);
			const profiles = await profileColumns(
				db,
				raw,
				columnCount,
				draft.dialect,
				draft.dialect.headerRow,
				headers,
				(fraction) => (this.progress = fraction)
			);
			const previous = draft.replacing
				? this.datasets.find((d) => d.id === draft.replacing)
				: undefined;
			const roles = previous?.mapping?.roles ?? guessRoles(profiles, draft.file.name, this.regions);
			if (this.draft !== draft) return;
			this.draft = {
				...draft,
				staged: { id, columnCount, labels, profiles, structural },
				roles,
				problems
			};
			this.step = 'roles';
		} catch (error) {
			if (await this.#wasCancelled(error, draft.file.name)) return;
			if (!abort.signal.aborted) this.problem = this.#asProblem(error, draft.file.name);
			await this.#checkCrash();
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
			this.progress = null;
		}
	}

	async #headerCells(raw: string, headerRow: number, columnCount: number): Promise<string[]> {
		const [row] = await this.#dashboard.db.query({
			sql: `SELECT * FROM ${quoteIdent(raw)} WHERE __row = ?`,
			params: [headerRow]
		});
		return Array.from({ length: columnCount }, (_, i) => {
			const v = row?.[`c${i + 1}`];
			return v === null || v === undefined ? '' : headerText(String(v));
		});
	}

	/**
	 * A statement stopped by Cancel: says so, and when its worker had to be thrown away, reloads
	 * what was loaded. False for any other error.
	 */
	async #wasCancelled(error: unknown, file: string): Promise<boolean> {
		if (!(error instanceof QueryCancelledError)) return false;
		this.problem = cancelledProblem(file);
		if (error.restarted) {
			this.restarted = 'cancel';
			await this.#reloadAfterRestart();
		}
		return true;
	}

	#asProblem(error: unknown, file: string): UploadProblem {
		if (error instanceof ImportError) return error.problem;
		if (error instanceof EngineOfflineError)
			return { file, kind: 'engine-offline', severity: 'error' };
		return { file, kind: 'unreadable', detail: message(error), severity: 'error' };
	}

	setRoles(roles: RoleGuess): void {
		if (this.draft) this.draft = { ...this.draft, roles };
	}

	setDetails(change: Partial<Pick<Draft, 'name' | 'sourceNote' | 'unit' | 'indicatorName'>>): void {
		if (this.draft) this.draft = { ...this.draft, ...change };
	}

	/** Match every written region name (remembered choices from earlier files first). */
	async confirmRoles(storage: Pick<Storage, 'getItem' | 'setItem'> | null): Promise<void> {
		const draft = this.draft;
		if (!draft?.staged || !draft.roles) return;
		const region = draft.roles.columns.find((c) => c.role === 'region');
		if (!region) return;
		const written = await this.#dashboard.db.query<{ written: string; rows: number }>(
			writtenRegionsQuery(datasetTables(draft.staged.id).raw, region.index, draft.dialect.headerRow)
		);
		const remembered = storage ? loadRememberedChoices(storage) : {};
		const reviews = reviewRegionNames(
			written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
			this.regions,
			remembered
		);
		if (this.draft !== draft) return;
		this.draft = { ...draft, reviews };
		this.step = 'regions';
	}

	setReviews(reviews: RegionNameReview[]): void {
		if (this.draft) this.draft = { ...this.draft, reviews };
	}

	mappingOf(draft: Draft): ImportMapping | null {
		if (!draft.staged || !draft.roles) return null;
		return {
			dialect: draft.dialect,
			columnCount: draft.staged.columnCount,
			labels: draft.staged.labels,
			roles: draft.roles,
			regions: regionDecisions(draft.reviews, this.regions),
			unit: draft.roles.kind === 'microdata' ? 'percent' : draft.unit,
			indicatorName: draft.indicatorName.trim() === '' ? draft.name : draft.indicatorName.trim()
		};
	}

	/**
	 * Keep the original, then check and load. The store holds an 'importing' record while this
	 * runs, so a reload in the middle leaves an "import interrupted" entry, never a half dataset.
	 */
	async runImport(storage: Pick<Storage, 'getItem' | 'setItem'> | null): Promise<void> {
		const draft = this.draft;
		if (!draft?.staged) return;
		const mapping = this.mappingOf(draft);
		if (!mapping) return;
		this.problem = null;
		this.restarted = false;
		this.busy = 'importing';
		const abort = new AbortController();
		this.#abort = abort;
		const now = new Date(Date.now()).toISOString(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp, not state
		const bytes = new Uint8Array(await draft.file.arrayBuffer());
		let saved = this.#store !== null && this.notice !== 'unavailable';
		let record: StoredDataset;
		const meta = {
			name: draft.name,
			fileName: draft.file.name,
			sourceNote: draft.sourceNote,
			mapping
		};
		try {
			if (draft.replacing) {
				const existing = this.datasets.find((d) => d.id === draft.replacing);
				saved = existing?.saved ?? saved;
				record = await this.#storeOf({ saved }).replace(draft.replacing, bytes, draft.file.name);
			} else {
				try {
					if (saved && this.notice === 'not-persistent') await this.#askToPersist();
					record = await this.#storeOf({ saved }).beginImport(meta, bytes);
				} catch (error) {
					if (!(error instanceof StoreFullError)) throw error;
					// No room (or no storage at all): the session keeps the dataset in memory and says so.
					this.notice = 'full';
					saved = false;
					record = await this.#memory.beginImport(meta, bytes);
				}
			}
		} catch (error) {
			this.problem = this.#asProblem(error, draft.file.name);
			this.busy = null;
			return;
		}
		const entry = { ...entryFrom(record, saved), status: 'importing' as const, mapping };
		this.datasets = [entry, ...this.datasets.filter((d) => d.id !== record.id)];
		const store = this.#storeOf({ saved });
		try {
			// The dataset's tables are named after its stored id: the staged text table is renamed.
			const meta2 = this.#meta(record.id, draft.name, draft.file.name, draft.sourceNote, now);
			await this.#dashboard.db.query(
				renameTableQuery(datasetTables(draft.staged.id).raw, datasetTables(record.id).raw)
			);
			const report = await importDataset(
				withSignal(this.#dashboard.db, abort.signal),
				meta2,
				mapping,
				draft.staged.structural
			);
			await store.completeImport(record.id, report.rowsLoaded, mapping);
			this.#patch(record.id, {
				status: 'ready',
				report,
				rowCount: report.rowsLoaded,
				message: null
			});
			if (storage) {
				const ok = saveRememberedChoices(
					storage,
					mergeRememberedChoices(loadRememberedChoices(storage), draft.reviews)
				);
				if (!ok && this.notice === null) this.notice = 'full';
			}
			await this.#dropStaged(draft);
			// The catalog knows the new indicators before the report offers links to them.
			await this.#dashboard.refreshCatalog();
			this.draft = { ...draft, report, datasetId: record.id };
			this.step = 'report';
		} catch (error) {
			const cancelled = error instanceof QueryCancelledError;
			const problem = cancelled
				? cancelledProblem(draft.file.name)
				: this.#asProblem(error, draft.file.name);
			this.problem = problem;
			await store.failImport(record.id, problem.detail ?? problem.kind).catch(() => undefined);
			this.#patch(record.id, { status: 'failed', message: problem.detail ?? problem.kind });
			if (cancelled && error.restarted) {
				this.restarted = 'cancel';
				await this.#reloadAfterRestart();
			} else {
				await dropDataset(this.#dashboard.db, record.id).catch(() => undefined);
				// The staged text went with the dataset's tables: the file is read again from step 2.
				if (cancelled && this.draft === draft) {
					this.draft = { ...draft, staged: null };
					this.step = 'dialect';
				}
				await this.#checkCrash();
			}
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
			await this.#dashboard.refreshCatalog();
		}
	}

	async #dropStaged(draft: Draft): Promise<void> {
		if (draft.staged) await dropDataset(this.#dashboard.db, draft.staged.id).catch(() => undefined);
	}

	/** Stop what runs now; the draft goes back to the file choice, loaded datasets stay. */
	cancel(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.busy = null;
		this.progress = null;
	}

	/** Leave the import wizard (after a report, or to give up), dropping the staged file. */
	async reset(): Promise<void> {
		this.cancel();
		const draft = this.draft;
		this.draft = null;
		this.step = 'choose';
		this.problem = null;
		if (draft) await this.#dropStaged(draft);
	}

	async rename(id: string, name: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry || name.trim() === '') return;
		await this.#storeOf(entry).rename(id, name.trim());
		this.#patch(id, { name: name.trim() });
	}

	async remove(id: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry) return;
		await dropDataset(this.#dashboard.db, id);
		await this.#storeOf(entry).delete(id);
		this.datasets = this.datasets.filter((d) => d.id !== id);
		await this.#dashboard.refreshCatalog();
	}

	/** Run an interrupted or failed import again from the stored original and mapping. */
	async retry(id: string): Promise<void> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry?.mapping) return;
		this.#patch(id, { status: 'importing', message: null });
		const store = this.#storeOf(entry);
		try {
			const report = await this.#importFromStore(store, entry, entry.mapping);
			await store.completeImport(id, report.rowsLoaded, entry.mapping);
			this.#patch(id, { status: 'ready', report, rowCount: report.rowsLoaded });
		} catch (error) {
			const text = message(error);
			await store.failImport(id, text).catch(() => undefined);
			this.#patch(id, { status: 'failed', message: text });
		} finally {
			await this.#dashboard.refreshCatalog();
		}
	}

	/** The rows kept aside, with an error column, as [header, ...rows]. */
	rejected(id: string): Promise<string[][]> {
		const entry = this.datasets.find((d) => d.id === id);
		if (!entry?.mapping) return Promise.resolve([]);
		return rejectedRows(this.#dashboard.db, id, entry.mapping);
	}
}
