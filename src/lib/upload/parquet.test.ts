import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { datasetTables } from './importSql';
import { ImportError } from './importer';
import { blobIsParquet, stageParquet } from './parquet';
import { isParquet } from './parquetSql';

let db: NativeConnector;
beforeEach(async () => (db = await openNativeConnector()));
afterEach(() => db.close());

/** A Parquet file written by the engine from a VALUES list, as bytes. */
async function parquetBytes(select: string): Promise<Uint8Array> {
	const csv = await db.registerFile('seed.csv', new TextEncoder().encode('x\n1\n'));
	const path = csv.replace(/seed\.csv$/, 'made.parquet');
	await db.query(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
	const { readFileSync } = await import('node:fs');
	return new Uint8Array(readFileSync(path));
}

describe('Parquet uploads', () => {
	it('are told from text by the magic bytes at both ends', async () => {
		const bytes = await parquetBytes('SELECT 1 AS a');
		expect(isParquet(bytes)).toBe(true);
		expect(await blobIsParquet(new Blob([bytes as BlobPart]))).toBe(true);
		expect(await blobIsParquet(new Blob(['PAR1 is how this text starts, not a file']))).toBe(false);
		expect(await blobIsParquet(new Blob(['PAR1']))).toBe(false);
	});

	it('stage every value as the text the checks read, row k of the file as row k + 1', async () => {
		const bytes = await parquetBytes(`SELECT * FROM (VALUES
	('Dodoma', 'urban', 0.1::DOUBLE, 2022, true, DATE '2022-08-23', NULL),
	('Arusha', 'rural', -1234.5::DOUBLE, 2022, false, NULL, 'x')
) t(region, area, share, "year", flag, day, "note, with comma")`);
		const columns = await stageParquet(db, { id: 'pq1', fileName: 'two.parquet' }, bytes);
		expect(columns).toBe(7);
		const rows = await db.query(`SELECT * FROM ${datasetTables('pq1').raw} ORDER BY __row`);
		expect(rows).toEqual([
			{
				__row: 1,
				__fields: 7,
				c1: 'region',
				c2: 'area',
				c3: 'share',
				c4: 'year',
				c5: 'flag',
				c6: 'day',
				c7: 'note, with comma'
			},
			{
				__row: 2,
				__fields: 7,
				c1: 'Dodoma',
				c2: 'urban',
				c3: '0.1',
				c4: '2022',
				c5: 'true',
				c6: '2022-08-23',
				c7: ''
			},
			{
				__row: 3,
				__fields: 7,
				c1: 'Arusha',
				c2: 'rural',
				c3: '-1234.5',
				c4: '2022',
				c5: 'false',
				c6: '',
				c7: 'x'
			}
		]);
		// The registered copy is gone once the table is built.
		await expect(
			db.query(`SELECT * FROM read_parquet('${datasetTables('pq1').raw}.parquet')`)
		).rejects.toThrow();
	});

	it('counts rows itself when the file has a column named file_row_number', async () => {
		const bytes = await parquetBytes(
			`SELECT * FROM (VALUES (7, 'a'), (3, 'b')) t(file_row_number, v)`
		);
		await stageParquet(db, { id: 'pq2', fileName: 'f.parquet' }, bytes);
		const rows = await db.query(
			`SELECT __row, c1, c2 FROM ${datasetTables('pq2').raw} ORDER BY __row`
		);
		expect(rows).toEqual([
			{ __row: 1, c1: 'file_row_number', c2: 'v' },
			{ __row: 2, c1: '7', c2: 'a' },
			{ __row: 3, c1: '3', c2: 'b' }
		]);
	});

	it('name a damaged file as the file’s problem', async () => {
		const bytes = await parquetBytes('SELECT 1 AS a');
		const cut = bytes.slice(0, bytes.length - 12);
		cut.set([0x50, 0x41, 0x52, 0x31], cut.length - 4);
		const error = await stageParquet(db, { id: 'pq3', fileName: 'cut.parquet' }, cut).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(ImportError);
		expect(error.problem).toMatchObject({
			file: 'cut.parquet',
			kind: 'unreadable',
			severity: 'error'
		});
	});
});
