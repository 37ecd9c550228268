/**
 * A workbook through the whole import on native DuckDB: the sheet's CSV (xlsx.worker.ts) staged,
 * judged and loaded as any CSV, with every problem and every rejected row named by the row number
 * Excel shows, numbers stored as text read as numbers and error cells named as missing values.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBundledDb } from '../../../tests/bundled-db';
import type { NativeConnector } from '../../../tests/native-connector';
import type { BundledData } from '$lib/data/loadBundled';
import { regionDecisions } from './decisions';
import { importDataset, rejectedRows, stageRaw } from './importer';
import { datasetTables, writtenRegionsQuery, type ImportMapping } from './importSql';
import { reviewRegionNames } from './regionMatch';
import type { RoleGuess } from './types';
import { readWorkbookBytes, type XlsxResult } from './xlsx.worker';
import { storedAsCsv, workbookDialect } from './xlsxClient';
import { writeXlsx } from './xlsxWriter.test-data';

let db: NativeConnector;
let data: BundledData;
beforeEach(async () => ({ db, data } = await openBundledDb()));
afterEach(() => db.close());

/** Region, then urban and rural 2022 side by side. */
const wide = (area: 'urban' | 'rural', index: number) =>
	({ index, role: 'wide-value', wide: { area, year: 2022 } }) as const;
const roles: RoleGuess = {
	kind: 'indicators',
	columns: [{ index: 1, role: 'region' }, wide('urban', 2), wide('rural', 3)],
	weightDivisor: 1,
	areaCodes: { urban: [], rural: [], total: [] },
	preset: null,
	fixedYear: null
};

/** Sheet 2 of a workbook: two title rows, a merged header over two rows, then the regions. */
const workbook = writeXlsx([
	{ name: 'Read me', rows: [] },
	{
		name: 'Table 3',
		rows: [
			['Table 3. Women owning a mobile phone, 2022'],
			['Source: synthetic test figures'],
			['Region', 'Phone ownership', null],
			[null, 'Urban', 'Rural'],
			['Arusha', 80.5, '61.5'],
			['Dodoma', '1,234', { percent: 0.4 }],
			[],
			['Mbeya', { error: '#DIV/0!' }, { formula: 'B5/2', cached: 40.25 }],
			['Atlantis', 50, 20],
			['Tanga', 'n.a.', 30]
		],
		merges: ['A1:C1', 'B3:C3', 'A3:A4']
	}
]);

describe('a workbook through the import', () => {
	it('loads by the sheet row numbers, numbers stored as text included', async () => {
		const read = readWorkbookBytes(workbook) as Extract<XlsxResult, { ok: true }>;
		expect(read.ok).toBe(true);
		expect(read.choice).toEqual({ sheet: 'Table 3', headerRow: 3, headerRows: 2 });
		const dialect = workbookDialect(read.csvHeaderRow, read.errorCodes);
		expect(dialect.headerRow).toBe(4);
		expect(dialect.missing).toContain('#DIV/0!');
		const meta = {
			id: 'x1',
			name: 'Table 3',
			fileName: 'phones.xlsx',
			sourceNote: '',
			importedAt: '2026-12-05T10:00:00.000Z'
		};
		await stageRaw(db, meta, read.csv, { dialect, columnCount: 3 });
		const written = await db.query<{ written: string; rows: number }>(
			writtenRegionsQuery(datasetTables('x1').raw, 1, dialect.headerRow)
		);
		const reviews = reviewRegionNames(
			written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
			data.regions,
			{}
		);
		const mapping: ImportMapping = {
			dialect,
			columnCount: 3,
			labels: ['Region', 'Phone ownership Urban', 'Phone ownership Rural'],
			roles,
			regions: regionDecisions(reviews, data.regions),
			unit: 'count',
			indicatorName: 'Phones',
			workbook: read.choice
		};
		const report = await importDataset(db, meta, mapping);
		expect(report.problems.map((p) => [p.row, p.column ?? null, p.value ?? null, p.kind])).toEqual([
			[8, 'Phone ownership Urban', '#DIV/0!', 'missing-value'],
			[9, 'Region', 'Atlantis', 'unknown-region'],
			[10, 'Phone ownership Urban', 'n.a.', 'not-number']
		]);
		expect(report.rowsRead).toBe(5);
		const values = await db.query<{ geo_code: string; area: string; value: number }>({
			sql: `SELECT geo_code, area, value FROM observations WHERE indicator_id = ? ORDER BY geo_code, area`,
			params: [report.indicatorIds[0]!]
		});
		expect(values.map((v) => [v.geo_code, v.area, Number(v.value)])).toEqual(
			expect.arrayContaining([
				['TZ-01', 'rural', 61.5],
				['TZ-01', 'urban', 80.5],
				['TZ-03', 'urban', 1234],
				['TZ-03', 'rural', 40]
			])
		);
		// The rejected-rows file names the sheet's rows, with the record as the sheet's CSV writes it.
		const stored = new Blob([workbook as Uint8Array<ArrayBuffer>]);
		const csv = await storedAsCsv(stored, 'phones.xlsx', read.choice);
		const text = new TextDecoder().decode(await csv.arrayBuffer());
		const rejected = await rejectedRows(db, 'x1', mapping, text);
		expect(rejected.slice(1).map((r) => [r[0], r[2]])).toEqual([
			['9', 'Atlantis,50,20'],
			['10', 'Tanga,n.a.,30']
		]);
	});
});
