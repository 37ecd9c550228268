import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDatasetStore } from './store';
import { storedDatasetCount } from './storedCount';
import { DATASET_DB_NAME } from './datasetRecords';

const file = (text: string) => new Blob([text]);

describe('storedDatasetCount', () => {
	it('is 0 for a browser that never stored anything, and does not create the database', async () => {
		const factory = new IDBFactory();
		expect(await storedDatasetCount(factory)).toBe(0);
		expect((await factory.databases()).map((d) => d.name)).not.toContain(DATASET_DB_NAME);
		// The store still opens and upgrades normally afterwards.
		const opened = await openDatasetStore(factory);
		expect(await opened.store.list()).toEqual([]);
	});

	it('counts the stored datasets, whatever their status', async () => {
		const factory = new IDBFactory();
		const { store } = await openDatasetStore(factory);
		expect(await storedDatasetCount(factory)).toBe(0);
		await store.beginImport(
			{ name: 'a', fileName: 'a.csv', sourceNote: '' },
			file('x\n1\n'),
			'hash-a'
		);
		await store.beginImport(
			{ name: 'b', fileName: 'b.csv', sourceNote: '' },
			file('y\n2\n'),
			'hash-b'
		);
		expect(await storedDatasetCount(factory)).toBe(2);
	});

	it('is 0 without IndexedDB, and null when the browser cannot list its databases', async () => {
		expect(await storedDatasetCount(undefined)).toBe(0);
		const noList = { open: () => null } as unknown as IDBFactory;
		expect(await storedDatasetCount(noList)).toBeNull();
	});
});
