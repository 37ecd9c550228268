import { createHash } from 'node:crypto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	DATASET_DB_NAME,
	DatasetNotFoundError,
	FILES_STORE,
	StoreFullError,
	type DatasetStore,
	type NewDataset
} from './datasetRecords';
import { memoryDatasetStore } from './memoryStore';
import { openDatasetStore } from './store';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const CSV = bytesOf('region,urban,rural\nArusha,61.2,40.3\nDodoma,55.0,31.9\n');
const META = { name: 'Phone ownership', fileName: 'phones.csv', sourceNote: 'NBS table 4.2' };
const MAPPING = { dialect: { delimiter: ',' }, roles: [{ index: 1, role: 'region' }] };
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Begins an import of these bytes, kept as the File a person chose, with their hash. */
function begin(store: DatasetStore, meta: NewDataset = META, bytes: Uint8Array = CSV) {
	return store.beginImport(
		meta,
		new File([bytes as Uint8Array<ArrayBuffer>], meta.fileName),
		sha256Of(bytes)
	);
}

function replaceWith(store: DatasetStore, id: string, bytes: Uint8Array, fileName: string) {
	return store.replace(id, new Blob([bytes as Uint8Array<ArrayBuffer>]), sha256Of(bytes), fileName);
}

/** The stored original's bytes. */
async function originalBytes(store: DatasetStore, id: string): Promise<Uint8Array> {
	const original = await store.readOriginal(id);
	expect(original).toBeInstanceOf(Blob);
	return new Uint8Array(await original.arrayBuffer());
}

/** A StorageManager stand-in: what the browser answers to persist() and estimate(). */
function fakeStorage(grants: boolean): StorageManager {
	return {
		persisted: async () => false,
		persist: async () => grants,
		estimate: async () => ({ usage: 1234, quota: 5_000_000 })
	} as unknown as StorageManager;
}

async function openFresh(factory = new IDBFactory()) {
	const { store } = await openDatasetStore(factory);
	return { store, factory };
}

/** Runs one request on the upload database behind the store's back, as corruption would. */
async function tamper(factory: IDBFactory, change: (files: IDBObjectStore) => void): Promise<void> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = factory.open(DATASET_DB_NAME);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	await new Promise<void>((resolve, reject) => {
		const tx = db.transaction([FILES_STORE], 'readwrite');
		change(tx.objectStore(FILES_STORE));
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error);
	});
	db.close();
}

function failPutsWithQuota() {
	return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	});
}

afterEach(() => {
	vi.restoreAllMocks();
});

// Behaviour both stores must share; the memory store stands in whenever IndexedDB cannot.
describe.each([
	['IndexedDB', async () => (await openFresh()).store],
	['memory', async () => memoryDatasetStore()]
])('%s store', (_, make: () => Promise<DatasetStore>) => {
	it('round-trips the original and the record through an import', async () => {
		const store = await make();
		const started = await begin(store);
		expect(started).toMatchObject({
			...META,
			size: CSV.byteLength,
			status: 'importing',
			rowCount: null,
			mapping: null,
			sha256: createHash('sha256').update(CSV).digest('hex')
		});
		expect(started.createdAt).toBe(started.updatedAt);
		expect(await store.list()).toEqual([started]);
		expect(await originalBytes(store, started.id)).toEqual(CSV);

		const done = await store.completeImport(started.id, 2, MAPPING);
		expect(done).toMatchObject({ status: 'ready', rowCount: 2, mapping: MAPPING });
		expect(await store.get(started.id)).toEqual(done);
		expect(await store.verify(started.id, 2)).toEqual({ ok: true });
	});

	it('records a failure and clears it when a retry completes', async () => {
		const store = await make();
		const { id } = await begin(store);
		expect(await store.failImport(id, 'worker ran out of memory')).toMatchObject({
			status: 'failed',
			error: 'worker ran out of memory'
		});
		const retried = await store.completeImport(id, 2, MAPPING);
		expect(retried.status).toBe('ready');
		expect(retried).not.toHaveProperty('error');
	});

	it('reports a row count that differs from the one recorded', async () => {
		const store = await make();
		const { id } = await begin(store);
		expect(await store.verify(id, 0)).toEqual({ ok: true }); // nothing recorded yet
		await store.completeImport(id, 2, MAPPING);
		expect(await store.verify(id, 0)).toMatchObject({ ok: false, reason: 'rows' });
		expect(await store.verify(id)).toEqual({ ok: true });
		expect(await store.verify('nope')).toMatchObject({ ok: false, reason: 'missing-file' });
	});

	it('rename and replace keep the mapping; replace starts a new import of the new bytes', async () => {
		const store = await make();
		const { id, createdAt } = await begin(store);
		await store.completeImport(id, 2, MAPPING);

		const renamed = await store.rename(id, 'Simu 2022');
		expect(renamed).toMatchObject({ name: 'Simu 2022', mapping: MAPPING, status: 'ready' });

		const next = bytesOf('region,urban,rural\nArusha,62.0,41.0\n');
		const replaced = await replaceWith(store, id, next, 'phones-v2.csv');
		expect(replaced).toMatchObject({
			id,
			name: 'Simu 2022',
			fileName: 'phones-v2.csv',
			sourceNote: META.sourceNote,
			createdAt,
			size: next.byteLength,
			sha256: createHash('sha256').update(next).digest('hex'),
			status: 'importing',
			rowCount: null,
			mapping: MAPPING
		});
		expect(await originalBytes(store, id)).toEqual(next);
		expect(await store.verify(id)).toEqual({ ok: true });
	});

	it('delete removes record and original, and tolerates an unknown id', async () => {
		const store = await make();
		const { id } = await begin(store);
		await store.delete(id);
		expect(await store.list()).toEqual([]);
		await expect(store.readOriginal(id)).rejects.toBeInstanceOf(DatasetNotFoundError);
		await expect(store.delete(id)).resolves.toBeUndefined();
	});

	it('refuses updates to unknown datasets and row counts that are not whole numbers', async () => {
		const store = await make();
		await expect(store.rename('nope', 'x')).rejects.toBeInstanceOf(DatasetNotFoundError);
		await expect(replaceWith(store, 'nope', CSV, 'x.csv')).rejects.toBeInstanceOf(
			DatasetNotFoundError
		);
		const { id } = await begin(store);
		await expect(store.completeImport(id, 2.5, MAPPING)).rejects.toBeInstanceOf(RangeError);
		await expect(store.completeImport(id, -1, MAPPING)).rejects.toBeInstanceOf(RangeError);
	});

	it('lists newest first', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const store = await make();
			vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
			const older = await begin(store, { ...META, name: 'older' });
			vi.setSystemTime(new Date('2026-02-01T00:00:00Z'));
			const newer = await begin(store, { ...META, name: 'newer' });
			expect((await store.list()).map((r) => r.id)).toEqual([newer.id, older.id]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('keeps its records apart from the objects callers hold', async () => {
		const store = await make();
		const mapping = { roles: ['region'] };
		const { id } = await begin(store, { ...META, mapping });
		mapping.roles.push('value');
		expect((await store.get(id))?.mapping).toEqual({ roles: ['region'] });
	});
});

describe('IndexedDB store across reloads', () => {
	it('an import cut off by a reload is listed as importing, with its original intact', async () => {
		const { store, factory } = await openFresh();
		const started = await begin(store, { ...META, mapping: MAPPING });
		store.close(); // the tab goes away before completeImport

		const { store: reopened, notice } = await openDatasetStore(factory);
		expect(notice).toBe('not-persistent');
		expect(await reopened.list()).toEqual([started]);
		expect((await reopened.list())[0]?.status).toBe('importing');
		expect(await originalBytes(reopened, started.id)).toEqual(CSV);
		expect(await reopened.verify(started.id)).toEqual({ ok: true });
	});

	it('a completed import survives a reload', async () => {
		const { store, factory } = await openFresh();
		const { id } = await begin(store);
		const done = await store.completeImport(id, 2, MAPPING);
		store.close();
		const { store: reopened } = await openDatasetStore(factory);
		expect(await reopened.get(id)).toEqual(done);
	});

	it('detects an original whose bytes changed, and one that is gone', async () => {
		const { store, factory } = await openFresh();
		const { id } = await begin(store);
		await store.completeImport(id, 2, MAPPING);

		const corrupted = CSV.slice();
		corrupted[5] = corrupted[5]! ^ 1;
		await tamper(factory, (files) => files.put(corrupted.buffer, id));
		expect(await store.verify(id, 2)).toMatchObject({ ok: false, reason: 'hash' });

		await tamper(factory, (files) => files.delete(id));
		expect(await store.verify(id, 2)).toMatchObject({ ok: false, reason: 'missing-file' });
		await expect(store.readOriginal(id)).rejects.toBeInstanceOf(DatasetNotFoundError);
	});

	it('keeps the original as the Blob it was given, not as bytes', async () => {
		const { store, factory } = await openFresh();
		const { id } = await begin(store);
		let stored: unknown;
		await tamper(factory, (files) => {
			files.get(id).onsuccess = (event) => (stored = (event.target as IDBRequest).result);
		});
		expect(stored).toBeInstanceOf(Blob);
		expect(ArrayBuffer.isView(stored) || stored instanceof ArrayBuffer).toBe(false);
		expect(new Uint8Array(await (stored as Blob).arrayBuffer())).toEqual(CSV);
	});

	it.each([
		['a Uint8Array', (bytes: Uint8Array) => bytes.slice()],
		['an ArrayBuffer', (bytes: Uint8Array) => bytes.slice().buffer],
		[
			'a view into a larger buffer',
			(bytes: Uint8Array) => {
				const larger = new Uint8Array(bytes.length + 7);
				larger.set(bytes, 3);
				return larger.subarray(3, 3 + bytes.length);
			}
		]
	])('reads and verifies an original an older Pengo stored as %s', async (_, stored) => {
		const { store, factory } = await openFresh();
		const { id } = await begin(store);
		await store.completeImport(id, 2, MAPPING);
		await tamper(factory, (files) => files.put(stored(CSV), id));
		expect(await originalBytes(store, id)).toEqual(CSV);
		expect(await store.verify(id, 2)).toEqual({ ok: true });
	});

	it('delete empties the files store too', async () => {
		const { store, factory } = await openFresh();
		const { id } = await begin(store);
		await store.delete(id);
		let remaining = -1;
		await tamper(factory, (files) => {
			files.count().onsuccess = (event) => {
				remaining = (event.target as IDBRequest<number>).result;
			};
		});
		expect(remaining).toBe(0);
	});

	it('does not block a newer version opened in another tab', async () => {
		const { factory } = await openFresh();
		const outcome = await new Promise<string>((resolve) => {
			const request = factory.open(DATASET_DB_NAME, 99);
			request.onblocked = () => resolve('blocked');
			request.onsuccess = () => {
				request.result.close();
				resolve('opened');
			};
			request.onerror = () => resolve('error');
		});
		expect(outcome).toBe('opened');
	});
});

describe('persistence and usage', () => {
	it('asks for persistent storage and reports the answer', async () => {
		const granted = await openDatasetStore(new IDBFactory(), fakeStorage(true));
		expect(granted.notice).toBeNull();
		expect(granted.store.persistent).toBe(true);
		expect(await granted.store.usage()).toEqual({ usage: 1234, quota: 5_000_000 });

		const refused = await openDatasetStore(new IDBFactory(), fakeStorage(false));
		expect(refused.notice).toBe('not-persistent');
		expect(refused.store.persistent).toBe(false);
	});

	it('does not ask again when storage is already persistent', async () => {
		const persist = vi.fn(async () => true);
		const storage = { persisted: async () => true, persist } as unknown as StorageManager;
		expect((await openDatasetStore(new IDBFactory(), storage)).notice).toBeNull();
		expect(persist).not.toHaveBeenCalled();
	});

	it('treats a persist() that throws as not persistent, and usage without estimate() as unknown', async () => {
		const storage = {
			persist: async () => {
				throw new Error('no');
			}
		} as unknown as StorageManager;
		const { store, notice } = await openDatasetStore(new IDBFactory(), storage);
		expect(notice).toBe('not-persistent');
		expect(await store.usage()).toEqual({});
	});
});

describe('a full device', () => {
	it('a put that throws QuotaExceededError becomes StoreFullError, and nothing half-written stays', async () => {
		const { store } = await openFresh();
		failPutsWithQuota();
		await expect(begin(store)).rejects.toBeInstanceOf(StoreFullError);
		vi.restoreAllMocks();
		expect(await store.list()).toEqual([]);
	});

	it('a transaction aborted with QuotaExceededError becomes StoreFullError', async () => {
		const { store } = await openFresh();
		const { id } = await begin(store);
		// Make the files store's write itself fail, as a full disk does: the request errors and
		// the transaction aborts with QuotaExceededError (fake-indexeddb's internal record store).
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === FILES_STORE) {
				const raw = (this as unknown as { _rawObjectStore: { storeRecord: () => void } })
					._rawObjectStore;
				vi.spyOn(raw, 'storeRecord').mockImplementationOnce(() => {
					throw new DOMException('Disk full.', 'QuotaExceededError');
				});
			}
			return put.apply(this, args);
		});
		const error = await replaceWith(store, id, bytesOf('a much longer file'), 'b.csv').catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(StoreFullError);
		expect((error as StoreFullError).cause).toMatchObject({ name: 'QuotaExceededError' });
		vi.restoreAllMocks();
		// The abort rolled back both stores: the old original and record are untouched.
		expect(await originalBytes(store, id)).toEqual(CSV);
		expect((await store.get(id))?.fileName).toBe(META.fileName);
	});
});

describe('no IndexedDB', () => {
	/** A factory whose open request never succeeds, in the ways browsers show it. */
	function brokenFactory(how: 'throws' | 'error' | 'blocked' | 'silent'): IDBFactory {
		return {
			open() {
				if (how === 'throws') throw new DOMException('Storage disabled.', 'SecurityError');
				const request = {
					error: new DOMException('Private mode.', 'InvalidStateError')
				} as unknown as IDBOpenDBRequest;
				if (how === 'error') setTimeout(() => request.onerror?.(new Event('error')), 0);
				if (how === 'blocked') {
					setTimeout(() => request.onblocked?.(new Event('blocked') as IDBVersionChangeEvent), 0);
				}
				return request;
			}
		} as unknown as IDBFactory;
	}

	it.each(['throws', 'error', 'blocked', 'silent'] as const)(
		'open that %s gives a working memory store and the notice "unavailable"',
		async (how) => {
			const persist = vi.fn(async () => true);
			const storage = { persist } as unknown as StorageManager;
			// Only a silent open may wait for the timeout; the others must be recognised at once.
			const openTimeoutMs = how === 'silent' ? 50 : 30_000;
			const { store, notice } = await openDatasetStore(brokenFactory(how), storage, {
				openTimeoutMs
			});
			expect(notice).toBe('unavailable');
			expect(store.persistent).toBe(false);
			expect(persist).not.toHaveBeenCalled();
			const { id } = await begin(store);
			expect(await originalBytes(store, id)).toEqual(CSV);
		},
		2_000
	);

	it('no factory at all gives the memory store', async () => {
		expect((globalThis as { indexedDB?: unknown }).indexedDB).toBeUndefined();
		const { notice } = await openDatasetStore();
		expect(notice).toBe('unavailable');
	});

	it('a connection that opens after the timeout is closed, not leaked', async () => {
		const factory = new IDBFactory();
		const close = vi.fn();
		const slow = {
			open(name: string, version: number) {
				const real = factory.open(name, version);
				const request = { result: undefined } as unknown as IDBOpenDBRequest;
				real.onupgradeneeded = (event) => {
					Object.assign(request, { result: real.result });
					request.onupgradeneeded?.(event);
				};
				real.onsuccess = () =>
					setTimeout(() => {
						Object.assign(request, { result: Object.assign(real.result, { close }) });
						request.onsuccess?.(new Event('success'));
					}, 80);
				return request;
			}
		} as unknown as IDBFactory;
		const { notice } = await openDatasetStore(slow, undefined, { openTimeoutMs: 10 });
		expect(notice).toBe('unavailable');
		await vi.waitFor(() => expect(close).toHaveBeenCalled());
	});
});
