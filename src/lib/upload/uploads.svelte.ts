/**
 * The import in progress, step by step (file, dialect, roles, regions, report), on top of the
 * library of datasets (datasetLibrary.svelte.ts). One instance per page session, next to the
 * dashboard; a failed or cancelled step never touches what is already loaded.
 */
import { regionDecisions } from './decisions';
import { DatasetLibrary, entryFrom } from './datasetLibrary.svelte';
import {
	asProblem,
	cancelledProblem,
	headerRowCells,
	message,
	newDraftId,
	type Draft,
	type Step
} from './draft';
import type { StoredDataset } from './datasetRecords';
import { dropDataset, importDataset, profileColumns, stageRaw } from './importer';
import {
	datasetTables,
	renameTableQuery,
	usualWidthQuery,
	writtenRegionsQuery,
	type ImportMapping
} from './importSql';
import { prepareFile } from './prepareClient';
import { gunzipIfNeeded } from './gzip';
import { looksBinary } from './binary';
import {
	assignRegion,
	loadRememberedChoices,
	mergeRememberedChoices,
	reviewRegionNames,
	saveRememberedChoices
} from './regionMatch';
import { RegionCodeTables } from './codeTables.svelte';
import { guessRoles } from './roles';
import { guessUnit } from './unitGuess';
import { headerLabels } from './headerCells';
import { tooManyColumns } from './readSql';
import { sniffFile } from './sniffClient';
import { hashFile } from './hashClient';
import { earlierUpload } from './duplicates';
import {
	columnItem,
	keptNames,
	LISTED_INDICATORS,
	writtenIndicatorsQuery,
	writtenItem
} from './itemNames';
import type { Emptiness } from './sniff';
import { blobIsParquet } from './parquet';
import { parquetBatches, readParquetPreview } from './parquetClient';
import { parquetSniff, parquetTooManyCells } from './parquetDraft';
import type { DraftParquet } from './draft';
import { roleColumns, siteParquetUrl, urlFileName, urlPointer } from './parquetUrl';
import { stageParquetRows } from './parquetStage';
import type { SniffResult } from './sniffClient';
import {
	workbookAsCsv,
	workbookDialect,
	type WorkbookChoice,
	type WorkbookDraft
} from './xlsxClient';
import { estimatedRows, tooManyCells } from './uploadLimit';
import type { Dialect, RegionNameReview, RoleGuess, UploadProblem } from './types';
import { QueryCancelledError, withSignal } from '$lib/db/connector';

/**
 * Larger files are refused before anything is read. DuckDB-WASM has at most 4 GB of memory, and an
 * import holds the file's text table, the checked rows and the file itself while it runs.
 */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type { Draft, Step } from './draft';

/** Each item's default name: a column's label, a written indicator's own text. */
function defaultNames(draft: Draft): Record<string, string> {
	const defaults: Record<string, string> = {};
	draft.staged?.labels.forEach((label, i) => (defaults[columnItem(i + 1)] = label));
	for (const w of draft.indicators?.written ?? []) defaults[writtenItem(w.text)] = w.text;
	return defaults;
}

/** The one problem of a file with nothing to load; `detail` says whether it had a header. */
export function emptyFileProblem(file: string, empty: NonNullable<Emptiness>): UploadProblem {
	const problem: UploadProblem = { file, kind: 'empty-file', severity: 'error' };
	if (empty === 'header-only') problem.detail = 'header-only';
	return problem;
}

export class Uploads extends DatasetLibrary {
	step = $state<Step>('choose');
	draft = $state.raw<Draft | null>(null);
	/** The last failure of a step, shown above the step; nothing loaded is affected. */
	problem = $state.raw<UploadProblem | null>(null);
	/** The person's saved region-code tables, and the one applied in step 4. */
	readonly codeTables = new RegionCodeTables();

	#abort: AbortController | null = null;

	/** The database restarted empty: the staged file is gone; everything loaded comes back. */
	protected override async reloadAfterRestart(): Promise<void> {
		const draft = this.draft;
		if (draft) this.draft = { ...draft, staged: null };
		if (this.step !== 'choose' && this.step !== 'dialect') this.step = 'dialect';
		await super.reloadAfterRestart();
	}

	async chooseFile(chosen: File, replacing: string | null = null): Promise<void> {
		this.cancel();
		this.problem = null;
		this.restarted = false;
		this.codeTables.appliedId = null;
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
			let file = await gunzipIfNeeded(chosen);
			if (abort.signal.aborted || tooLarge(file)) return;
			const previous = replacing ? this.datasets.find((d) => d.id === replacing) : undefined;
			// An Excel workbook: its chosen sheet goes on as a CSV (xlsxClient.ts).
			const book = await workbookAsCsv(file, previous?.mapping?.workbook, {
				signal: abort.signal,
				onProgress: (p) => (this.progress = p)
			});
			if (abort.signal.aborted) return;
			if (book && 'problem' in book) {
				this.problem = book.problem;
				return;
			}
			if (book) file = book.file;
			const workbook = book?.workbook;
			if (await blobIsParquet(file)) {
				// Read in a worker of our own (DuckDB-WASM has no Parquet reader of its own offline).
				const preview = await readParquetPreview(file, { signal: abort.signal });
				if (abort.signal.aborted) return;
				const sniff = parquetSniff(preview);
				this.problem = sniff.empty
					? emptyFileProblem(chosen.name, sniff.empty)
					: parquetTooManyCells(chosen.name, preview);
				if (!this.problem)
					await this.#startDraft(chosen, file, sniff, replacing, abort.signal, {
						parquet: preview.facts
					});
				return;
			}
			if (file.size === 0) {
				this.problem = emptyFileProblem(chosen.name, 'empty');
				return;
			}
			const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
			if (looksBinary(head)) {
				this.problem = { file: chosen.name, kind: 'not-text', severity: 'error' };
				return;
			}
			// A workbook's CSV is read as written (xlsxClient.ts): no dialect to guess.
			const fixed = workbook
				? workbookDialect(
						workbook.choice.headerRow + workbook.choice.headerRows - 1,
						workbook.errorCodes,
						previous?.mapping?.workbook ? previous.mapping.dialect : undefined
					)
				: undefined;
			const sniff = await sniffFile(file, {
				signal: abort.signal,
				onProgress: (p) => (this.progress = p),
				dialect: fixed
			});
			if (abort.signal.aborted) return;
			// Nothing to load: said at once, before any step asks about columns or regions.
			if (sniff.empty) {
				this.problem = emptyFileProblem(chosen.name, sniff.empty);
				return;
			}
			// Refused before the whole file is read: a tab cannot stage more cells than this.
			const { sample } = sniff;
			const rows =
				estimatedRows(sample.lineEnds, sample.bytes, file.size) - sniff.dialect.headerRow;
			this.problem = tooManyCells(chosen.name, rows, sniff.columns, file.size > sample.bytes);
			if (this.problem) return;
			await this.#startDraft(chosen, file, sniff, replacing, abort.signal, { workbook, fixed });
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

	/**
	 * A Parquet file of this site, by its address (same origin only): read by range requests, the
	 * footer and first rows now, the columns with roles in full after step 3.
	 */
	async chooseParquetUrl(text: string): Promise<void> {
		this.cancel();
		this.problem = null;
		this.restarted = false;
		this.codeTables.appliedId = null;
		const url = siteParquetUrl(text, globalThis.location.href);
		if (!url) {
			this.problem = { file: text.trim(), kind: 'parquet-url-elsewhere', severity: 'error' };
			return;
		}
		const name = urlFileName(url);
		const abort = new AbortController();
		this.#abort = abort;
		this.busy = 'reading';
		try {
			const preview = await readParquetPreview({ url }, { signal: abort.signal });
			if (abort.signal.aborted) return;
			const sniff = parquetSniff(preview);
			this.problem = sniff.empty
				? emptyFileProblem(name, sniff.empty)
				: parquetTooManyCells(name, preview);
			// The store keeps the address, not the file: a reload reads it from the site again.
			const pointer = new File([urlPointer(url) as BlobPart], name);
			const facts = { ...preview.facts, url };
			if (!this.problem)
				await this.#startDraft(pointer, pointer, sniff, null, abort.signal, { parquet: facts });
		} catch (error) {
			if (!abort.signal.aborted) this.problem = asProblem(error, name);
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
		}
	}

	/**
	 * The wizard's draft for a file that may be imported: hashed (a refused file is never read
	 * whole), compared with the stored datasets, then step 2.
	 */
	async #startDraft(
		chosen: File,
		file: File,
		sniff: SniffResult,
		replacing: string | null,
		signal: AbortSignal,
		kind: { parquet?: DraftParquet; workbook?: WorkbookDraft; fixed?: Dialect } = {}
	): Promise<void> {
		const { parquet = null, workbook, fixed } = kind;
		// Hashed only once the file may be imported (a refused file is never read whole), in a
		// worker: the page never holds the file. A workbook is hashed (and kept) as the workbook.
		this.progress = 0;
		const sha256 = await hashFile(workbook?.original ?? file, {
			signal,
			onProgress: (p) => (this.progress = p)
		});
		if (signal.aborted) return;
		const previous = replacing ? this.datasets.find((d) => d.id === replacing) : undefined;
		const base = file.name.replace(/\.(csv|tsv|txt|xlsx|xlsm|parquet)$/i, '');
		this.draft = {
			file,
			...(workbook ? { workbook } : {}),
			replacing,
			sniff,
			dialect: fixed ?? previous?.mapping?.dialect ?? sniff.dialect,
			staged: null,
			roles: null,
			reviews: [],
			name: previous?.name ?? base,
			sourceNote: previous?.sourceNote ?? '',
			unit: previous?.mapping?.unit ?? 'percent',
			unitGuess: null,
			unitChosen: previous?.mapping !== undefined,
			indicatorName: previous?.mapping?.indicatorName ?? base,
			itemNames: { ...previous?.mapping?.names },
			indicators: null,
			sha256,
			parquet,
			// A replacement's own dataset is not a second copy: its bytes are what it replaces.
			duplicateOf: earlierUpload(
				sha256,
				this.datasets.filter((d) => d.id !== replacing)
			),
			problems: [],
			report: null,
			datasetId: null
		};
		this.step = 'dialect';
		this.problem = tooManyColumns(chosen.name, sniff.columns);
	}

	/** The person chose to import a file already stored as another dataset. */
	importAnyway(): void {
		if (this.draft?.duplicateOf) this.draft = { ...this.draft, duplicateOf: null };
	}

	/** A workbook's other sheet or header rows: the sheet is read again and previewed. */
	async chooseSheet(choice: WorkbookChoice): Promise<void> {
		const draft = this.draft;
		if (!draft?.workbook) return;
		const abort = new AbortController();
		this.#abort = abort;
		this.busy = 'reading';
		try {
			const book = await workbookAsCsv(draft.workbook.original, choice, { signal: abort.signal });
			if (abort.signal.aborted || this.draft !== draft || !book) return;
			if ('problem' in book) {
				this.problem = book.problem;
				return;
			}
			const { headerRow, headerRows } = book.workbook.choice;
			const dialect = workbookDialect(
				headerRow + headerRows - 1,
				book.workbook.errorCodes,
				draft.dialect
			);
			const sniff = await sniffFile(book.file, { signal: abort.signal, dialect });
			if (this.draft !== draft || abort.signal.aborted) return;
			this.draft = {
				...draft,
				file: book.file,
				workbook: book.workbook,
				dialect,
				sniff,
				staged: null
			};
			this.problem = tooManyColumns(draft.file.name, sniff.columns);
		} catch (error) {
			if (!abort.signal.aborted) this.problem = asProblem(error, draft.file.name);
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
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
		if (!draft || draft.duplicateOf) return;
		this.problem = null;
		const abort = new AbortController();
		this.#abort = abort;
		const id = draft.staged?.id ?? newDraftId();
		try {
			this.busy = 'staging';
			this.progress = 0;
			const db = withSignal(this.dashboard.db, abort.signal);
			const meta = { id, fileName: draft.file.name };
			const onProgress = (p: number) => (this.progress = p);
			let structural: UploadProblem[] = [];
			if (draft.parquet) {
				// A file of the site is profiled from its first row group; step 3's columns come whole.
				const { rows, url, rowGroups } = draft.parquet;
				const batches = parquetBatches(
					url ? { url } : draft.file,
					{ rowStart: 0, rowEnd: url ? (rowGroups[0] ?? rows) : rows, indices: null },
					{ signal: abort.signal, onProgress }
				);
				await stageParquetRows(db, meta, draft.parquet.names, batches);
			} else {
				const { utf8, scan } = await prepareFile(draft.file, draft.dialect, {
					signal: abort.signal,
					onProgress
				});
				if (abort.signal.aborted) return;
				this.progress = null;
				const columns = { dialect: draft.dialect, columnCount: Math.max(1, draft.sniff.columns) };
				structural = await stageRaw(db, meta, utf8 ?? draft.file, columns, scan);
			}
			if (abort.signal.aborted) return;
			this.progress = null;
			this.busy = 'profiling';
			const raw = datasetTables(id).raw;
			const [usual] = await db.query<{ width: number }>(
				usualWidthQuery(raw, draft.dialect.headerRow)
			);
			const columnCount = Math.max(1, Number(usual?.width ?? draft.sniff.columns));
			const headers =
				draft.dialect.headerRow > 0
					? await headerRowCells(this.dashboard.db, raw, draft.dialect.headerRow, columnCount)
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
			const unitGuess = guessUnit(profiles, roles);
			this.draft = {
				...draft,
				staged: { id, columnCount, labels, profiles, structural },
				roles,
				unit: draft.unitChosen ? draft.unit : unitGuess.unit,
				unitGuess,
				indicators: null,
				problems
			};
			await this.#readIndicators();
			if (abort.signal.aborted) return;
			this.step = 'roles';
		} catch (error) {
			if (await this.#wasCancelled(error, draft.file.name)) return;
			if (!abort.signal.aborted) this.problem = asProblem(error, draft.file.name);
			await this.checkCrash();
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
			this.progress = null;
		}
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
			await this.reloadAfterRestart();
		}
		return true;
	}

	/** New roles; the unit is guessed again from the new value columns unless the person chose it. */
	setRoles(roles: RoleGuess): void {
		const draft = this.draft;
		if (!draft) return;
		const unitGuess = draft.staged ? guessUnit(draft.staged.profiles, roles) : draft.unitGuess;
		const unit = draft.unitChosen || !unitGuess ? draft.unit : unitGuess.unit;
		this.draft = { ...draft, roles, unitGuess, unit };
		void this.#readIndicators();
	}

	/** The name the person gives an item (blank: the item keeps its default name). */
	setItemName(key: string, name: string): void {
		if (this.draft)
			this.draft = { ...this.draft, itemNames: { ...this.draft.itemNames, [key]: name } };
	}

	/**
	 * Read the written indicator names of the chosen indicator column, for naming them in step 3;
	 * nothing to read without one. A failure leaves the list out: the names stay as written.
	 */
	async #readIndicators(): Promise<void> {
		const draft = this.draft;
		const staged = draft?.staged;
		if (!draft || !staged || !draft.roles) return;
		const column =
			draft.roles.kind === 'indicators'
				? (draft.roles.columns.find((c) => c.role === 'indicator')?.index ?? null)
				: null;
		if (column === null) {
			if (draft.indicators) this.draft = { ...draft, indicators: null };
			return;
		}
		if (draft.indicators?.column === column) return;
		let rows: { written: string; rows: number }[];
		try {
			rows = await this.dashboard.db.query<{ written: string; rows: number }>(
				writtenIndicatorsQuery(datasetTables(staged.id), column, draft.dialect)
			);
		} catch {
			return;
		}
		const current = this.draft;
		const still = current?.roles?.columns.find((c) => c.role === 'indicator')?.index;
		if (!current || current.staged !== staged || still !== column) return;
		this.draft = {
			...current,
			indicators: {
				column,
				written: rows
					.slice(0, LISTED_INDICATORS)
					.map((r) => ({ text: String(r.written), rows: Number(r.rows) })),
				more: rows.length > LISTED_INDICATORS
			}
		};
	}

	setDetails(change: Partial<Pick<Draft, 'name' | 'sourceNote' | 'unit' | 'indicatorName'>>): void {
		if (!this.draft) return;
		this.draft = {
			...this.draft,
			...change,
			unitChosen: this.draft.unitChosen || change.unit !== undefined
		};
	}

	/** Match every written region name (remembered choices from earlier files first). */
	async confirmRoles(storage: Pick<Storage, 'getItem' | 'setItem'> | null): Promise<void> {
		const draft = this.draft;
		if (!draft?.staged || !draft.roles) return;
		const region = draft.roles.columns.find((c) => c.role === 'region');
		if (!region) return;
		if (draft.parquet?.url && !(await this.#readRoleColumns(draft))) return;
		const written = await this.dashboard.db.query<{ written: string; rows: number }>(
			writtenRegionsQuery(datasetTables(draft.staged.id).raw, region.index, draft.dialect.headerRow)
		);
		const remembered = storage ? loadRememberedChoices(storage) : {};
		const reviews = reviewRegionNames(
			written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
			this.regions,
			remembered,
			undefined,
			this.codeTables.applied
		);
		if (this.draft !== draft) return;
		this.draft = { ...draft, reviews };
		this.step = 'regions';
	}

	/**
	 * A Parquet file of the site: every row of the columns with roles, replacing the first row group
	 * staged for step 3, so region names, checks and the load see the whole file. False when it
	 * failed or was cancelled (the problem says which).
	 */
	async #readRoleColumns(draft: Draft): Promise<boolean> {
		const { parquet, staged, roles } = draft;
		if (!parquet?.url || !staged || !roles) return false;
		const abort = new AbortController();
		this.#abort = abort;
		this.busy = 'staging';
		this.progress = 0;
		try {
			const batches = parquetBatches(
				{ url: parquet.url },
				{ rowStart: 0, rowEnd: parquet.rows, indices: roleColumns(roles) },
				{ signal: abort.signal, onProgress: (p) => (this.progress = p) }
			);
			const db = withSignal(this.dashboard.db, abort.signal);
			await stageParquetRows(
				db,
				{ id: staged.id, fileName: draft.file.name },
				parquet.names,
				batches
			);
			return !abort.signal.aborted;
		} catch (error) {
			if (await this.#wasCancelled(error, draft.file.name)) return false;
			if (!abort.signal.aborted) this.problem = asProblem(error, draft.file.name);
			return false;
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
			this.progress = null;
		}
	}

	/**
	 * Match the written names again with a saved code table (or none); what the person chose by
	 * hand for a name stays chosen.
	 */
	useCodeTable(id: string | null, storage: Pick<Storage, 'getItem' | 'setItem'> | null): void {
		const draft = this.draft;
		if (!draft) return;
		this.codeTables.appliedId = id;
		let reviews = reviewRegionNames(
			draft.reviews.map((r) => ({ name: r.written, rows: r.rows })),
			this.regions,
			storage ? loadRememberedChoices(storage) : {},
			undefined,
			this.codeTables.applied
		);
		for (const r of draft.reviews) {
			if (r.via === 'person') reviews = assignRegion(reviews, r.written, r.isoCode);
		}
		this.draft = { ...draft, reviews };
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
			indicatorName: draft.indicatorName.trim() === '' ? draft.name : draft.indicatorName.trim(),
			names: keptNames(draft.itemNames, defaultNames(draft)),
			...(draft.workbook ? { workbook: draft.workbook.choice } : {}),
			...(draft.parquet?.url ? { origin: 'site-parquet' as const } : {})
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
		let record: StoredDataset;
		let saved: boolean;
		try {
			({ record, saved } = await this.keepOriginal(draft, mapping));
		} catch (error) {
			this.problem = asProblem(error, draft.file.name);
			this.busy = null;
			return;
		}
		const entry = { ...entryFrom(record, saved), status: 'importing' as const, mapping };
		this.datasets = [entry, ...this.datasets.filter((d) => d.id !== record.id)];
		const store = this.storeOf({ saved });
		try {
			// The dataset's tables are named after its stored id: the staged text table is renamed.
			const meta2 = this.meta(record.id, draft.name, draft.file.name, draft.sourceNote, now);
			await this.dashboard.db.query(
				renameTableQuery(datasetTables(draft.staged.id).raw, datasetTables(record.id).raw)
			);
			const report = await importDataset(
				withSignal(this.dashboard.db, abort.signal),
				meta2,
				mapping,
				draft.staged.structural
			);
			await store.completeImport(record.id, report.rowsLoaded, mapping);
			this.patch(record.id, {
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
			await this.dashboard.refreshCatalog();
			this.draft = { ...draft, report, datasetId: record.id };
			this.step = 'report';
		} catch (error) {
			const cancelled = error instanceof QueryCancelledError;
			const problem = cancelled
				? cancelledProblem(draft.file.name)
				: asProblem(error, draft.file.name);
			this.problem = problem;
			await store.failImport(record.id, problem.detail ?? problem.kind).catch(() => undefined);
			this.patch(record.id, { status: 'failed', message: problem.detail ?? problem.kind });
			if (cancelled && error.restarted) {
				this.restarted = 'cancel';
				await this.reloadAfterRestart();
			} else {
				await dropDataset(this.dashboard.db, record.id).catch(() => undefined);
				// The staged text went with the dataset's tables: the file is read again from step 2.
				if (cancelled && this.draft === draft) {
					this.draft = { ...draft, staged: null };
					this.step = 'dialect';
				}
				await this.checkCrash();
			}
		} finally {
			if (this.#abort === abort) this.#abort = null;
			this.busy = null;
			await this.dashboard.refreshCatalog();
		}
	}

	async #dropStaged(draft: Draft): Promise<void> {
		if (draft.staged) await dropDataset(this.dashboard.db, draft.staged.id).catch(() => undefined);
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
}
