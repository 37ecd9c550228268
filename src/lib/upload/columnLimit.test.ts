/**
 * The column limit of uploads: a file at the limit stages and profiles on native DuckDB with the
 * app's own SQL; one column more is refused before DuckDB reads it, naming the file and the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { ImportError, profileColumns, stageRaw } from './importer';
import { datasetTables } from './importSql';
import { headerText } from './headerCells';
import { MAX_COLUMNS, tooManyColumns } from './readSql';
import { scanRecords } from './recordScan';
import { plainComma, wideCsv } from './wideFile.test-data';

const dialect = plainComma;
const wideFile = (columns: number) => wideCsv(columns, 5);

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(() => db.close());

describe('tooManyColumns', () => {
	it('refuses only more than MAX_COLUMNS, naming the file and the count', () => {
		expect(tooManyColumns('wide.csv', MAX_COLUMNS)).toBeNull();
		expect(tooManyColumns('wide.csv', MAX_COLUMNS + 1)).toEqual({
			file: 'wide.csv',
			kind: 'too-many-columns',
			detail: String(MAX_COLUMNS + 1),
			severity: 'error'
		});
	});
});

describe('a file at the column limit', () => {
	it('stages and profiles with the app’s SQL (no "Max expression depth")', async () => {
		const bytes = wideFile(MAX_COLUMNS);
		const scan = scanRecords(bytes, dialect);
		expect(scan.maxFields).toBe(MAX_COLUMNS);
		const id = 'atlimit';
		await stageRaw(db, { id, fileName: 'at-limit.csv' }, bytes, { dialect, columnCount: 1 }, scan);
		const headers = Array.from({ length: MAX_COLUMNS }, (_, i) => `col${i + 1}`);
		const fractions: number[] = [];
		const profiles = await profileColumns(
			db,
			datasetTables(id).raw,
			MAX_COLUMNS,
			dialect,
			1,
			headers,
			(f) => fractions.push(f)
		);
		expect(profiles).toHaveLength(MAX_COLUMNS);
		expect(profiles.at(-1)).toMatchObject({ index: MAX_COLUMNS, label: `col${MAX_COLUMNS}` });
		expect(profiles.at(-1)).toMatchObject({ present: 5, numeric: 5, distinct: 5 });
		expect(fractions.at(-1)).toBe(1);
	});
});

describe('a file over the column limit', () => {
	it('is refused before DuckDB reads it, with the file and its column count', async () => {
		const bytes = wideFile(MAX_COLUMNS + 1);
		const id = 'overlimit';
		const staging = stageRaw(db, { id, fileName: 'wide.csv' }, bytes, { dialect, columnCount: 1 });
		await expect(staging).rejects.toBeInstanceOf(ImportError);
		await expect(staging).rejects.toMatchObject({
			problem: { file: 'wide.csv', kind: 'too-many-columns', detail: String(MAX_COLUMNS + 1) }
		});
		const tables = await db.query({
			sql: 'SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ?',
			params: [datasetTables(id).raw]
		});
		expect(Number(tables[0]?.n)).toBe(0);
	});
});

describe('headerText', () => {
	it('keeps a header whole, or its first characters and "…" when it is huge', () => {
		expect(headerText('region')).toBe('region');
		expect(headerText('h'.repeat(1_000_000))).toBe(`${'h'.repeat(200)}…`);
	});
});
