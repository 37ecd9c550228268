import { plainComma } from './wideFile.test-data';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryCancelledError, type BoundQuery, type Connector, type Row } from '$lib/db/connector';
import { loadBundled } from '$lib/data/loadBundled';
import { fetchIndicatorView } from '$lib/data/views';
import { summaryConnector, type BundledSummary, type EngineSource } from '$lib/data/summary';
import { buildSummary } from '$lib/data/summaryBuild';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import type { ImportMapping } from './importSql';
import { DATASET_DB_NAME, FILES_STORE } from './datasetRecords';
import { openDatasetStore } from './store';
import { Uploads, type Draft } from './uploads.svelte';
import { earlierUpload } from './duplicates';
import { writtenItem } from './itemNames';
import { sha256Hex, sha256Portable } from './sha256';
import type { SniffResult } from './sniff.worker';
import { writeXlsx } from './xlsxWriter.test-data';

const dataDir = fileURLToPath(new URL('../../../data', import.meta.url));
const readData = async (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

/**
 * A connector on native DuckDB that can be made to "crash" (its database gone, as after an OOM).
 * The page fetches views in the background: a restart or close waits for the queries under way
 * (native DuckDB must not close under a running query; the browser's engine rejects them), and
 * a closed one refuses more.
 */
async function crashable() {
	let current: NativeConnector = await openNativeConnector();
	let crashed = false;
	let closed = false;
	const running = new Set<Promise<unknown>>();
	const settled = () => Promise.allSettled([...running]);
	const connector: Connector & { crash(): void; close(): Promise<void> } = {
		query: <T extends Row = Row>(q: BoundQuery | string) => {
			if (crashed) return Promise.reject(new Error('RuntimeError: memory access out of bounds'));
			if (closed) return Promise.reject(new Error('closed'));
			const rows = current.query<T>(q);
			running.add(rows);
			void rows.catch(() => undefined).finally(() => running.delete(rows));
			return rows;
		},
		registerFile: (name, bytes) => current.registerFile(name, bytes),
		dropFile: (name) => current.dropFile(name),
		healthy: async () => !crashed,
		restart: async () => {
			await settled();
			current.close();
			current = await openNativeConnector();
			crashed = false;
		},
		crash: () => {
			crashed = true;
		},
		close: async () => {
			closed = true;
			await settled();
			current.close();
		}
	};
	return connector;
}

/**
 * A connector whose statements matching `pattern` hang until their signal aborts, as a long read
 * does in the browser. It then stops them as the browser's engine would: interrupted in place, or
 * (`throwAway`) with the database thrown away and started empty.
 */
function stalling(db: Awaited<ReturnType<typeof crashable>>, pattern: RegExp, throwAway: boolean) {
	let started = () => {};
	const reached = new Promise<void>((resolve) => (started = resolve));
	const signalled: boolean[] = [];
	const connector: Connector = {
		...db,
		query: async (q, options = {}) => {
			const sql = typeof q === 'string' ? q : q.sql;
			if (!pattern.test(sql)) return db.query(q);
			signalled.push(options.signal !== undefined);
			const { signal } = options;
			if (!signal) return db.query(q);
			started();
			await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
			if (throwAway) await db.restart?.();
			throw new QueryCancelledError(signal.reason, throwAway);
		}
	};
	return { connector, reached, signalled };
}

/** A file chosen and previewed (the preview runs in a worker, which Node has not). */
function chosen(
	uploads: Uploads,
	name: string,
	content: string,
	columns = mapping.columnCount
): void {
	const sniff = {
		encoding: 'utf-8',
		dialect: mapping.dialect,
		evidence: [],
		header: [...mapping.labels],
		rows: [],
		columns,
		problems: []
	} as unknown as SniffResult;
	const draft: Draft = {
		file: new File([content], name, { type: 'text/csv' }),
		replacing: null,
		sniff,
		dialect: mapping.dialect,
		staged: null,
		roles: null,
		reviews: [],
		name,
		sourceNote: '',
		unit: 'percent',
		unitGuess: null,
		unitChosen: false,
		indicatorName: name,
		itemNames: {},
		indicators: null,
		// Step 1 hashes the file (in a worker) before the draft exists.
		sha256: sha256Portable(new TextEncoder().encode(content)),
		duplicateOf: null,
		problems: [],
		report: null,
		datasetId: null
	};
	uploads.draft = draft;
	uploads.step = 'dialect';
}

const text = 'Region,urban_2022,rural_2022\nMwanza,61.2,33.0\nKigoma,50,20.5\n';
const mapping: ImportMapping = {
	dialect: { ...plainComma, missing: ['NA'] },
	columnCount: 3,
	labels: ['Region', 'urban_2022', 'rural_2022'],
	roles: {
		kind: 'indicators',
		columns: [
			{ index: 1, role: 'region' },
			{ index: 2, role: 'wide-value', wide: { area: 'urban', year: 2022 } },
			{ index: 3, role: 'wide-value', wide: { area: 'rural', year: 2022 } }
		],
		weightDivisor: 1,
		areaCodes: { urban: [], rural: [], total: [] },
		preset: null,
		fixedYear: null
	},
	regions: [
		{ written: 'Mwanza', kind: 'region', code: 'TZ-18' },
		{ written: 'Kigoma', kind: 'region', code: 'TZ-08' }
	],
	unit: 'percent',
	indicatorName: 'Internet use'
};
const meta = {
	name: 'Internet 2022',
	fileName: 'internet.csv',
	sourceNote: 'Test survey',
	mapping
};

async function storeDataset(complete: boolean) {
	const { store } = await openDatasetStore();
	const bytes = new TextEncoder().encode(text);
	const record = await store.beginImport(meta, new Blob([bytes]), await sha256Hex(bytes));
	if (complete) await store.completeImport(record.id, 2, mapping);
	store.close();
	return record.id;
}

let summary: BundledSummary;
beforeAll(async () => {
	const native = await openNativeConnector();
	summary = (await buildSummary(native, readData)).summary;
	native.close();
});

/** The engine as the page has it: started on first use and given the bundled data then. */
function engineOver(raw: Connector): EngineSource {
	let ready: Promise<Connector> | null = null;
	return {
		connect: () => (ready ??= loadBundled(raw, readData).then(() => raw)),
		restart: async () => {
			ready = null;
			await raw.restart?.();
		}
	};
}

const bundledData = async () => summary.bundled;

/**
 * A fresh page, composed as src/lib/state/app.svelte.ts composes it: bundled views answered by
 * the build's summary, uploads by the engine; over the same browser storage.
 */
async function openPage(db: Connector) {
	const dashboard = new Dashboard(
		summaryConnector(Promise.resolve(summary), async () => summary, engineOver(db))
	);
	const uploads = new Uploads(dashboard);
	await dashboard.load(bundledData, () => uploads.open());
	return { dashboard, uploads };
}

function deleteDatabase(): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(DATASET_DB_NAME);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

let db: Awaited<ReturnType<typeof crashable>>;
beforeEach(async () => {
	await deleteDatabase();
	db = await crashable();
});
afterEach(() => db.close());

describe('uploaded datasets across reloads', () => {
	it('rebuilds a saved dataset from its original when the page opens', async () => {
		const id = await storeDataset(true);
		const { dashboard, uploads } = await openPage(db);
		expect(dashboard.status).toBe('ready');
		const entry = uploads.datasets.find((d) => d.id === id);
		expect(entry).toMatchObject({
			status: 'ready',
			rowCount: 2,
			name: 'Internet 2022',
			saved: true
		});
		const added = dashboard.data?.indicators.find((i) => i.uploadedFrom === entry?.key);
		expect(added?.label.en).toBe('Internet use');
		expect(added?.years).toEqual([2022]);
	});

	it('rebuilds a stored workbook from its sheet and header rows, by the sheet’s row numbers', async () => {
		// "Data": a title row, the header at row 2, Atlantis (no region) at row 5 after an empty row.
		const book = writeXlsx([
			{ name: 'Notes', rows: [['See the Data sheet']] },
			{
				name: 'Data',
				rows: [
					['Internet use, 2022'],
					['Region', 'urban_2022', 'rural_2022'],
					['Mwanza', 61.2, '33.0'],
					[],
					['Atlantis', 1, 2],
					['Kigoma', 50, 20.5]
				]
			}
		]);
		const workbookMapping: ImportMapping = {
			...mapping,
			dialect: { ...mapping.dialect, headerRow: 2 },
			regions: [...mapping.regions, { written: 'Atlantis', kind: 'none', code: null }],
			workbook: { sheet: 'Data', headerRow: 2, headerRows: 1 }
		};
		const { store } = await openDatasetStore();
		const record = await store.beginImport(
			{ ...meta, fileName: 'internet.xlsx', mapping: workbookMapping },
			new Blob([book as Uint8Array<ArrayBuffer>]),
			await sha256Hex(book)
		);
		await store.completeImport(record.id, 2, workbookMapping);
		store.close();
		const { uploads } = await openPage(db);
		expect(uploads.datasets.find((d) => d.id === record.id)).toMatchObject({
			status: 'ready',
			rowCount: 2
		});
		const rejected = await uploads.rejected(record.id);
		expect(rejected.slice(1).map((r) => [r[0], r[2]])).toEqual([['5', 'Atlantis,1,2']]);
	});

	it('reads a stored file as the file it is, even when its bytes look like a site address', async () => {
		// What the store keeps for a Parquet file of the site (parquetUrl.ts urlPointer); only a
		// mapping that says 'site-parquet' makes it an address.
		const pointer = new TextEncoder().encode(
			JSON.stringify({ kind: 'pengo-parquet-url', path: '/census.parquet' })
		);
		const fetched: string[] = [];
		const realFetch = globalThis.fetch;
		globalThis.fetch = (async (input: RequestInfo | URL) => {
			fetched.push(String(input));
			throw new Error('no network in this test');
		}) as typeof fetch;
		try {
			const { store } = await openDatasetStore();
			const record = await store.beginImport(meta, new Blob([pointer]), await sha256Hex(pointer));
			await store.completeImport(record.id, 0, mapping);
			store.close();
			const { uploads } = await openPage(db);
			const entry = uploads.datasets.find((d) => d.id === record.id);
			// Read as the CSV it was stored as (it has no rows under its header): not as Parquet.
			expect(entry?.status).toBe('ready');
			expect(fetched.filter((url) => url.includes('census.parquet'))).toEqual([]);
			expect(entry?.message ?? '').not.toMatch(/parquet|address/i);
		} finally {
			globalThis.fetch = realFetch;
		}
	});

	it('reports a dataset whose original fails the integrity check, and never shows it as data', async () => {
		const id = await storeDataset(true);
		const idb = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(DATASET_DB_NAME);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = idb.transaction(FILES_STORE, 'readwrite');
			tx.objectStore(FILES_STORE).put(new TextEncoder().encode(text.replace('61.2', '16.2')), id);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		idb.close();
		const { dashboard, uploads } = await openPage(db);
		const entry = uploads.datasets.find((d) => d.id === id);
		expect(entry?.status).toBe('damaged');
		expect(entry?.message).toMatch(/^hash/);
		expect(dashboard.data?.indicators.some((i) => i.uploadedFrom === entry?.key)).toBe(false);
	});

	it('lists an import cut short by a reload as interrupted, and a retry completes it', async () => {
		const id = await storeDataset(false);
		const { dashboard, uploads } = await openPage(db);
		expect(uploads.datasets.find((d) => d.id === id)?.status).toBe('interrupted');
		await uploads.retry(id);
		const entry = uploads.datasets.find((d) => d.id === id);
		expect(entry?.status).toBe('ready');
		expect(dashboard.data?.indicators.some((i) => i.uploadedFrom === entry?.key)).toBe(true);
	});

	it('after the database crashes, restarts it and loads bundled and uploaded data again', async () => {
		const id = await storeDataset(true);
		const { dashboard, uploads } = await openPage(db);
		const before = dashboard.data?.indicators.length;
		db.crash();
		await expect(db.query('SELECT 1')).rejects.toThrow();
		await dashboard.recover(bundledData, () => uploads.rebuildAll());
		expect(dashboard.status).toBe('ready');
		expect(uploads.datasets.find((d) => d.id === id)?.status).toBe('ready');
		expect(dashboard.data?.indicators.length).toBe(before);
		const rows = await db.query<{ n: number }>(
			"SELECT count(*) AS n FROM observations WHERE starts_with(source_id, 'upload-')"
		);
		expect(Number(rows[0]?.n)).toBe(4);
	});

	it('deletes a dataset from the database, the catalog and the store', async () => {
		const id = await storeDataset(true);
		const { dashboard, uploads } = await openPage(db);
		const count = dashboard.data?.indicators.length ?? 0;
		await uploads.remove(id);
		expect(uploads.datasets).toEqual([]);
		expect(dashboard.data?.indicators.length).toBe(count - 1);
		const { store } = await openDatasetStore();
		expect(await store.list()).toEqual([]);
		store.close();
	});

	it('Cancel while a file is read stops the statement, says so and keeps every dataset', async () => {
		const id = await storeDataset(true);
		const { connector, reached, signalled } = stalling(db, /read_csv/i, false);
		const { dashboard, uploads } = await openPage(connector);
		chosen(uploads, 'second.csv', text);
		const step = uploads.confirmDialect();
		await reached;
		uploads.cancel();
		await step;
		// Restoring the saved dataset read its file without a signal; the person's step had one.
		expect(signalled.at(-1)).toBe(true);
		expect(uploads.problem?.kind).toBe('cancelled');
		expect(uploads.restarted).toBe(false);
		expect(uploads.step).toBe('dialect');
		expect(uploads.datasets.find((d) => d.id === id)?.status).toBe('ready');
		expect(dashboard.data?.indicators.some((i) => i.label.en === 'Internet use')).toBe(true);
	});

	it('a cancelled statement that needed a new database: bundled and uploaded data come back', async () => {
		const id = await storeDataset(true);
		const { connector, reached } = stalling(db, /read_csv/i, true);
		const { dashboard, uploads } = await openPage(connector);
		uploads.onCrash = () => dashboard.recover(bundledData, () => uploads.rebuildAll());
		chosen(uploads, 'second.csv', text);
		const step = uploads.confirmDialect();
		await reached;
		uploads.cancel();
		await step;
		expect(uploads.problem?.kind).toBe('cancelled');
		expect(uploads.restarted).toBe('cancel');
		expect(uploads.draft?.staged).toBeNull();
		expect(uploads.datasets.find((d) => d.id === id)?.status).toBe('ready');
		const rows = await db.query<{ n: number }>(
			"SELECT count(*) AS n FROM observations WHERE starts_with(source_id, 'upload-')"
		);
		expect(Number(rows[0]?.n)).toBe(4);
	});

	it('guesses counts from values above 100, says why, and keeps the person’s own choice', async () => {
		const { uploads } = await openPage(db);
		// A TCRA-like table: subscriptions, not shares.
		chosen(
			uploads,
			'tcra.csv',
			'Region,urban_2022,rural_2022\nMwanza,1204,9102203\nKigoma,50,20.5\n'
		);
		await uploads.confirmDialect();
		expect(uploads.step).toBe('roles');
		expect(uploads.draft?.unit).toBe('count');
		expect(uploads.draft?.unitGuess?.evidence).toEqual({
			kind: 'above-100',
			column: 'rural_2022',
			max: 9102203
		});
		uploads.setDetails({ unit: 'per100' });
		uploads.setRoles(uploads.draft!.roles!);
		expect(uploads.draft?.unit).toBe('per100');
	});

	it('Cancel during the import keeps the original as a stopped import and nothing half-loaded', async () => {
		const { connector, reached } = stalling(db, /INSERT INTO observations/i, false);
		const { dashboard, uploads } = await openPage(connector);
		const before = dashboard.data?.indicators.length;
		chosen(uploads, 'third.csv', text);
		await uploads.confirmDialect();
		expect(uploads.step).toBe('roles');
		await uploads.confirmRoles(null);
		const step = uploads.runImport(null);
		await reached;
		uploads.cancel();
		await step;
		expect(uploads.problem?.kind).toBe('cancelled');
		expect(uploads.datasets[0]?.status).toBe('failed');
		expect(uploads.step).toBe('dialect');
		expect(dashboard.data?.indicators.length).toBe(before);
		const rows = await db.query<{ n: number }>(
			"SELECT count(*) AS n FROM observations WHERE starts_with(source_id, 'upload-')"
		);
		expect(Number(rows[0]?.n)).toBe(0);
	});
});

describe('views once an upload is loaded', () => {
	it('are each fetched once in the background, so a change of view asks the engine nothing', async () => {
		const id = await storeDataset(true);
		const { dashboard, uploads } = await openPage(db);
		await dashboard.whenViewsFetched();
		const indicators = dashboard.data?.indicators ?? [];
		expect(indicators.some((i) => i.uploadedFrom)).toBe(true);

		const query = db.query;
		let asked = 0;
		db.query = (q) => {
			asked++;
			return query(q);
		};
		for (const indicator of indicators) {
			for (const year of indicator.years) {
				dashboard.state = { ...dashboard.state, indicator: indicator.id, year };
				await dashboard.refresh();
				expect(dashboard.view).toMatchObject({ indicatorId: indicator.id, year });
			}
		}
		expect(asked, 'queries for views already fetched').toBe(0);
		db.query = query;
		// What is kept is what the engine answers now.
		const uploaded = indicators.find((i) => i.uploadedFrom)!;
		const year = uploaded.years[0]!;
		dashboard.state = { ...dashboard.state, indicator: uploaded.id, year };
		await dashboard.refresh();
		expect(dashboard.view).toEqual(await fetchIndicatorView(dashboard.db, uploaded.id, year));

		// Deleting the dataset forgets the views kept: its indicator has no values any more.
		const hasValues = () =>
			dashboard.view?.regions.some((r) => r.urban.value !== null || r.rural.value !== null);
		expect(hasValues()).toBe(true);
		await uploads.remove(id);
		await dashboard.whenViewsFetched();
		dashboard.state = { ...dashboard.state, indicator: uploaded.id, year };
		await dashboard.refresh();
		expect(hasValues()).toBe(false);
	});
});

describe('names and repeated files', () => {
	const long =
		'Region,indicator,year,value\nMwanza,radio,2022,40\nKigoma, radio ,2022,35\nMwanza,tv,2022,20\nKigoma,,2022,9\n';

	/** The long file through steps 2 to 5 with "radio" named; the labels of its indicators. */
	async function importNamed(uploads: Uploads, dashboard: Dashboard) {
		chosen(uploads, 'long.csv', long, 4);
		await uploads.confirmDialect();
		expect(uploads.step).toBe('roles');
		expect(uploads.draft?.roles?.columns.find((c) => c.index === 2)?.role).toBe('indicator');
		// Step 3 lists the written names to rename, trimmed as they load, the blank one left out.
		expect(uploads.draft?.indicators).toEqual({
			column: 2,
			written: [
				{ text: 'radio', rows: 2 },
				{ text: 'tv', rows: 1 }
			],
			more: false
		});
		uploads.setItemName(writtenItem('radio'), 'Households with a radio ');
		await uploads.confirmRoles(null);
		await uploads.runImport(null);
		expect(uploads.step).toBe('report');
		return labelsOfUploads(dashboard);
	}
	const labelsOfUploads = (dashboard: Dashboard) =>
		(dashboard.data?.indicators ?? [])
			.filter((i) => i.uploadedFrom)
			.map((i) => i.label.en)
			.sort();

	it('keeps the names given in step 3 with the dataset: a reload shows them again', async () => {
		const { dashboard, uploads } = await openPage(db);
		expect(await importNamed(uploads, dashboard)).toEqual(['Households with a radio', 'tv']);
		expect(uploads.draft?.report?.problems.map((p) => [p.row, p.kind])).toEqual([
			[5, 'blank-indicator-name']
		]);

		const fresh = await crashable();
		try {
			const reloaded = await openPage(fresh);
			expect(reloaded.uploads.datasets[0]?.status).toBe('ready');
			expect(labelsOfUploads(reloaded.dashboard)).toEqual(['Households with a radio', 'tv']);
		} finally {
			await fresh.close();
		}
	});

	it('knows a stored dataset by the hash of its bytes, before and after a reload', async () => {
		const { dashboard, uploads } = await openPage(db);
		await importNamed(uploads, dashboard);
		const hash = await sha256Hex(new TextEncoder().encode(long));
		const stored = uploads.datasets[0]!;
		expect(earlierUpload(hash, uploads.datasets)).toEqual({
			id: stored.id,
			name: 'long.csv',
			fileName: 'long.csv',
			createdAt: stored.createdAt
		});
		const fresh = await crashable();
		try {
			const reloaded = await openPage(fresh);
			expect(earlierUpload(hash, reloaded.uploads.datasets)?.id).toBe(stored.id);
		} finally {
			await fresh.close();
		}
	});

	it('reads nothing of a repeated file until the person chooses to import it anyway', async () => {
		const { uploads } = await openPage(db);
		chosen(uploads, 'long.csv', long, 4);
		const earlier = {
			id: 'x',
			name: 'Long',
			fileName: 'long.csv',
			createdAt: '2026-12-01T09:00:00Z'
		};
		uploads.draft = { ...uploads.draft!, duplicateOf: earlier };
		await uploads.confirmDialect();
		expect(uploads.step).toBe('dialect');
		expect(uploads.draft?.staged).toBeNull();
		uploads.importAnyway();
		expect(uploads.draft?.duplicateOf).toBeNull();
		await uploads.confirmDialect();
		expect(uploads.step).toBe('roles');
	});
});
