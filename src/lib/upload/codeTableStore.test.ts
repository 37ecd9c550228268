import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CODE_TABLE_DB_NAME, memoryCodeTables, openCodeTableStore } from './codeTableStore';
import type { RegionCodeTable } from './regionCodeTable';

const table = (id: string, savedAt: string, name = `Table ${id}`): RegionCodeTable => ({
	id,
	name,
	savedAt,
	entries: [
		{ code: '1', isoCode: 'TZ-02' },
		{ code: '2', isoCode: 'TZ-03' }
	]
});

describe('openCodeTableStore', () => {
	it('keeps tables across a reopen (a reload), oldest first, and removes one', async () => {
		const factory = new IDBFactory();
		const first = await openCodeTableStore(factory);
		expect(first.persistent).toBe(true);
		await first.save(table('b', '2026-12-05T09:00:00.000Z'));
		await first.save(table('a', '2026-12-05T08:00:00.000Z'));
		const again = await openCodeTableStore(factory);
		expect((await again.list()).map((t) => t.id)).toEqual(['a', 'b']);
		expect((await again.list())[0]).toEqual(table('a', '2026-12-05T08:00:00.000Z'));
		await again.remove('a');
		expect((await (await openCodeTableStore(factory)).list()).map((t) => t.id)).toEqual(['b']);
	});

	it('replaces a table saved again under its id', async () => {
		const store = await openCodeTableStore(new IDBFactory());
		await store.save(table('a', '2026-12-05T08:00:00.000Z', 'Old'));
		await store.save(table('a', '2026-12-05T08:00:00.000Z', 'New'));
		expect((await store.list()).map((t) => t.name)).toEqual(['New']);
	});

	it('skips a damaged record instead of failing the list', async () => {
		const factory = new IDBFactory();
		const store = await openCodeTableStore(factory);
		await store.save(table('a', '2026-12-05T08:00:00.000Z'));
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = factory.open(CODE_TABLE_DB_NAME);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('tables', 'readwrite');
			tx.objectStore('tables').put({ id: 'z', name: 'broken', entries: 'nope' });
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
		expect((await store.list()).map((t) => t.id)).toEqual(['a']);
	});

	it('falls back to this tab’s memory when there is no IndexedDB', async () => {
		const store = await openCodeTableStore(undefined);
		expect(store.persistent).toBe(false);
		await store.save(table('a', '2026-12-05T08:00:00.000Z'));
		expect((await store.list()).map((t) => t.id)).toEqual(['a']);
	});
});

describe('memoryCodeTables', () => {
	it('clones in and out, so a caller’s later edit does not leak in', async () => {
		const store = memoryCodeTables();
		const t = table('a', '2026-12-05T08:00:00.000Z');
		await store.save(t);
		t.entries[0]!.isoCode = 'TZ-99';
		const [listed] = await store.list();
		expect(listed!.entries[0]!.isoCode).toBe('TZ-02');
	});
});
