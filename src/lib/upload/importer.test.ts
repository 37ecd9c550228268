import { plainComma } from './wideFile.test-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { loadBundled, readCatalog, type BundledData } from '$lib/data/loadBundled';
import { linearisedShareEstimates, type SurveyRow } from '$lib/domain/weightedShare';
import { regionDecisions } from './decisions';
import { dropDataset, importDataset, problemPage, rejectedRows, stageRaw } from './importer';
import {
	datasetTables,
	usualWidthQuery,
	writtenRegionsQuery,
	type ImportMapping
} from './importSql';
import { columnItem, writtenIndicatorsQuery, writtenItem } from './itemNames';
import { reviewRegionNames } from './regionMatch';
import type { ColumnAssignment, DatasetMeta, Dialect, RoleGuess } from './types';

const dataDir = fileURLToPath(new URL('../../../data', import.meta.url));
const readData = async (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

const comma: Dialect = { ...plainComma, missing: ['NA', '..', '-'] };

const meta = (id: string, fileName: string): DatasetMeta => ({
	id,
	name: `Test ${id}`,
	fileName,
	sourceNote: 'Field survey, test',
	importedAt: '2026-11-29T10:00:00.000Z'
});

function roles(
	kind: RoleGuess['kind'],
	columns: (ColumnAssignment['role'] | ColumnAssignment)[],
	extra: Partial<RoleGuess> = {}
): RoleGuess {
	return {
		kind,
		columns: columns.map((c, i) => (typeof c === 'string' ? { index: i + 1, role: c } : c)),
		weightDivisor: 1,
		areaCodes: {
			urban: ['urban', 'mjini'],
			rural: ['rural', 'vijijini'],
			total: ['total', 'jumla']
		},
		preset: null,
		fixedYear: null,
		...extra
	};
}

let db: NativeConnector;
let data: BundledData;

beforeEach(async () => {
	db = await openNativeConnector();
	data = await loadBundled(db, readData);
});
afterEach(() => db.close());

/** Stage the text, review region names the way the screen does (no remembered choices), import. */
async function upload(
	id: string,
	text: string,
	partial: Omit<ImportMapping, 'regions' | 'labels'>
) {
	const m = meta(id, `${id}.csv`);
	await stageRaw(db, m, new TextEncoder().encode(text), partial);
	const region = partial.roles.columns.find((c) => c.role === 'region')!;
	const written = await db.query<{ written: string; rows: number }>(
		writtenRegionsQuery(datasetTables(id).raw, region.index, partial.dialect.headerRow)
	);
	const reviews = reviewRegionNames(
		written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
		data.regions,
		{}
	);
	const labels = text
		.split(/\r?\n/)
		[partial.dialect.headerRow - 1]!.split(partial.dialect.delimiter);
	const mapping: ImportMapping = {
		...partial,
		labels,
		regions: regionDecisions(reviews, data.regions)
	};
	return { report: await importDataset(db, m, mapping), mapping };
}

describe('an indicator table in long form', () => {
	const text = [
		'region;area;year;value',
		'Dodoma;urban;2023;45,3',
		'Dodoma;rural;2023;21,5',
		'Dar-es-salaam;urban;2023;80',
		'Unguja;total;2023;60',
		'Zanzibar;total;2023;61',
		'Atlantis;urban;2023;10',
		'Arusha;urban;2023;abc',
		'Arusha;rural;2023;120',
		'Mwanza;town;2023;30',
		'Dodoma;urban;2023;46',
		'Mwanza;urban;2023;..',
		'Mwanza;rural;23;12'
	].join('\n');
	const mapping = {
		dialect: { ...comma, delimiter: ';' as const, decimal: ',' as const },
		columnCount: 4,
		roles: roles('indicators', ['region', 'area', 'year', 'value']),
		unit: 'percent' as const,
		indicatorName: 'Households with a radio'
	};

	it('reports every problem with row, column and value, and loads only the valid rows', async () => {
		const { report } = await upload('a1', text, mapping);
		const found = report.problems.map((p) => [
			p.row,
			p.column ?? null,
			p.value ?? null,
			p.kind,
			p.severity
		]);
		expect(found).toEqual([
			[5, 'region', 'Unguja', 'island-total', 'warning'],
			[6, 'region', 'Zanzibar', 'zone-total', 'error'],
			[7, 'region', 'Atlantis', 'unknown-region', 'error'],
			[8, 'value', 'abc', 'not-number', 'error'],
			[9, 'value', '120', 'percent-out-of-range', 'error'],
			[10, 'area', 'town', 'unknown-area', 'error'],
			[11, 'value', '46', 'conflicting-duplicate', 'error'],
			[12, 'value', '..', 'missing-value', 'warning'],
			[13, 'year', '23', 'bad-year', 'error']
		]);
		// The kept row, its value and the key, for the report to name both rows and both values.
		expect(report.problems.find((p) => p.kind === 'conflicting-duplicate')?.detail).toBe(
			'2\u001f45,3\u001fDodoma, urban, 2023'
		);
		expect(report.rowsRead).toBe(12);
		expect(report.rowsRejected).toBe(7);
		// Dodoma ×2, Dar es Salaam, the Unguja island total and Mwanza's missing value.
		expect(report.rowsLoaded).toBe(5);
	});

	it('puts the values into observations with the decimal comma read, islands apart', async () => {
		const { report } = await upload('a1', text, mapping);
		const [id] = report.indicatorIds;
		const rows = await db.query<{
			geo_level: string;
			geo_code: string;
			area: string;
			value: number | null;
		}>({
			sql: `SELECT geo_level, geo_code, area, value FROM observations WHERE indicator_id = ? ORDER BY geo_code, area`,
			params: [id!]
		});
		expect(rows).toEqual([
			{ geo_level: 'region', geo_code: 'TZ-02', area: 'urban', value: 80 },
			{ geo_level: 'region', geo_code: 'TZ-03', area: 'rural', value: 21.5 },
			{ geo_level: 'region', geo_code: 'TZ-03', area: 'urban', value: 45.3 },
			{ geo_level: 'region', geo_code: 'TZ-18', area: 'urban', value: null },
			{ geo_level: 'island', geo_code: 'UNGUJA', area: 'total', value: 60 }
		]);
		// The source's year is the data's (2023), not the upload's (2026).
		const [source] = await db.query<{ year: string; note: string }>({
			sql: `SELECT year, note FROM sources WHERE source_id = ?`,
			params: [datasetTables('a1').source]
		});
		expect(source).toEqual({ year: '2023', note: 'Uploaded 2026-11-29' });
		const catalog = await readCatalog(db);
		const added = catalog.find((i) => i.id === id);
		expect(added).toMatchObject({
			label: { en: 'Households with a radio', sw: 'Households with a radio' },
			unit: 'percent',
			years: [2023],
			hasUrbanRural: true,
			synthetic: false,
			uploadedFrom: 'a1'
		});
	});

	it('makes an indicator of a file for one region: the others are simply not in it', async () => {
		const one = 'region;area;year;value\nKigoma;urban;2022;41,5\nKigoma;rural;2022;12\n';
		const { report } = await upload('one', one, mapping);
		expect(report.rowsLoaded).toBe(2);
		const catalog = await readCatalog(db);
		expect(catalog.find((i) => i.id === report.indicatorIds[0])).toMatchObject({
			label: { en: 'Households with a radio' },
			years: [2022],
			uploadedFrom: 'one'
		});
	});

	it('gives a file of several rounds the span of its years as the source year', async () => {
		const rounds = 'region;area;year;value\nKigoma;urban;2012;20\nKigoma;urban;2022;41,5\n';
		await upload('span', rounds, mapping);
		const [source] = await db.query<{ year: string }>({
			sql: `SELECT year FROM sources WHERE source_id = ?`,
			params: [datasetTables('span').source]
		});
		expect(source?.year).toBe('2012–2022');
	});

	it('keeps the rejected rows with an error column for download', async () => {
		const { mapping: full } = await upload('a1', text, mapping);
		const rows = await rejectedRows(db, 'a1', full, text);
		expect(rows[0]).toEqual([
			'row',
			'reason',
			'original_record',
			'region',
			'area',
			'year',
			'value'
		]);
		expect(rows.slice(1).map((r) => r[0])).toEqual(['6', '7', '8', '9', '10', '11', '13']);
		// With words for the kinds (the page passes its language's), a column after the codes.
		const explained = await rejectedRows(db, 'a1', full, text, (kind, column) =>
			column === null ? `<${kind}>` : `<${kind}> in ${column}`
		);
		expect(explained[0]!.slice(0, 4)).toEqual([
			'row',
			'reason',
			'reason_explained',
			'original_record'
		]);
		expect(explained.find((r) => r[0] === '8')!.slice(0, 4)).toEqual([
			'8',
			'not-number (column “value”)',
			'<not-number> in value',
			'Arusha;urban;2023;abc'
		]);
		expect(rows.find((r) => r[0] === '8')).toEqual([
			'8',
			'not-number (column “value”)',
			'Arusha;urban;2023;abc',
			'Arusha',
			'urban',
			'2023',
			'abc'
		]);
		expect(rows.find((r) => r[0] === '11')?.slice(0, 3)).toEqual([
			'11',
			'conflicting-duplicate (column “value”)',
			'Dodoma;urban;2023;46'
		]);
		// Without the original, the fields as read still come.
		expect((await rejectedRows(db, 'a1', full, null)).find((r) => r[0] === '8')?.[2]).toBe('');
	});

	it('names a huge cell by its first characters and its length; the download keeps it whole', async () => {
		const huge = `4${'z'.repeat(3 * 1024 * 1024)}`;
		const { report, mapping: full } = await upload(
			'a2',
			`${text}\nTanga;urban;2023;${huge}\n`,
			mapping
		);
		const problem = report.problems.find((p) => p.row === 14);
		expect(problem).toMatchObject({ column: 'value', kind: 'not-number' });
		expect(problem?.value).toBe(huge.slice(0, 200));
		expect(problem?.valueLength).toBe(huge.length);
		// Short values carry no length.
		expect(report.problems.find((p) => p.row === 8)?.valueLength).toBeUndefined();
		const rejected = await rejectedRows(db, 'a2', full, null);
		expect(rejected.find((r) => r[0] === '14')?.[6]).toBe(huge);
	});

	it('leaves the bundled data as it was when a dataset is dropped', async () => {
		const before = await db.query('SELECT count(*) AS n FROM observations');
		const { report } = await upload('a1', text, mapping);
		await dropDataset(db, 'a1');
		expect(await db.query('SELECT count(*) AS n FROM observations')).toEqual(before);
		const catalog = await readCatalog(db);
		expect(catalog.some((i) => i.id === report.indicatorIds[0])).toBe(false);
		expect(catalog.length).toBe(data.indicators.length);
	});
});

describe('rows with the key of an earlier row', () => {
	const text = [
		'region,area,indicator,year,value',
		'Kigoma,rural,Radio,2022,30',
		'Kigoma,urban,Radio,2022,55',
		'Kigoma,rural,Radio,2022,30.0',
		'Kigoma, rural ,Radio,2022,36',
		'Kigoma,rural,Radio,2023,36',
		'Kigoma,rural,Radio,2022,30'
	].join('\n');
	const mapping = {
		dialect: comma,
		columnCount: 5,
		roles: roles('indicators', ['region', 'area', 'indicator', 'year', 'value']),
		unit: 'percent' as const,
		indicatorName: 'unused'
	};

	it('skips exact repeats with a warning and keeps a conflicting one aside, naming both values', async () => {
		const { report } = await upload('k1', text, mapping);
		expect(
			report.problems.map((p) => [
				p.row,
				p.column ?? null,
				p.value ?? null,
				p.kind,
				p.severity,
				p.detail
			])
		).toEqual([
			// 30.0 is the number 30: a repeat, not a conflict.
			[4, null, null, 'repeated-row', 'warning', '2'],
			// ' rural ' is the area rural: the same key, another value.
			[
				5,
				'value',
				'36',
				'conflicting-duplicate',
				'error',
				'2\u001f30\u001fKigoma, rural, 2022, Radio'
			],
			[7, null, null, 'repeated-row', 'warning', '2']
		]);
		expect(report.problemCounts).toEqual({ 'repeated-row': 2, 'conflicting-duplicate': 1 });
		expect([report.rowsRead, report.rowsLoaded, report.rowsRepeated, report.rowsRejected]).toEqual([
			6, 3, 2, 1
		]);
		const rows = await db.query({
			sql: `SELECT area, year, value FROM observations WHERE indicator_id = ? ORDER BY year, area`,
			params: [report.indicatorIds[0]!]
		});
		// The first row's value is the one kept.
		expect(rows).toEqual([
			{ area: 'rural', year: 2022, value: 30 },
			{ area: 'urban', year: 2022, value: 55 },
			{ area: 'rural', year: 2023, value: 36 }
		]);
	});
});

describe('the many-duplicates fixture (issue 13: the report hid its structural problems)', () => {
	it('counts every kind over the whole file, pages to the last repeat, and keeps each rejected record as written', async () => {
		const bytes = new Uint8Array(
			readFileSync(new URL('../../../tests/fixtures/uploads/many-duplicates.csv', import.meta.url))
		);
		const text = new TextDecoder().decode(bytes);
		const m = meta('md', 'many-duplicates.csv');
		const partial = { dialect: comma, columnCount: 5 };
		const structural = await stageRaw(db, m, bytes, partial);
		const written = await db.query<{ written: string; rows: number }>(
			writtenRegionsQuery(datasetTables('md').raw, 1, 1)
		);
		const reviews = reviewRegionNames(
			written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
			data.regions,
			{}
		);
		const mapping: ImportMapping = {
			...partial,
			labels: ['region', 'area', 'indicator', 'year', 'value'],
			roles: roles('indicators', ['region', 'area', 'indicator', 'year', 'value']),
			regions: regionDecisions(reviews, data.regions),
			unit: 'percent',
			indicatorName: 'unused'
		};
		// The columns are the 5 fields most records have: the sixth of row 263 makes it ragged.
		const [usual] = await db.query(usualWidthQuery(datasetTables('md').raw, 1));
		expect(usual).toEqual({ width: 5 });
		const report = await importDataset(db, m, mapping, structural);
		// Row 265 opens a quote that swallows row 266: one record of 3 fields, ragged as well, and
		// with no year.
		expect(report.problemCounts).toEqual({
			'unterminated-quote': 1,
			'ragged-row': 2,
			'bad-year': 1,
			'conflicting-duplicate': 1,
			'repeated-row': 198
		});
		// 264 records after the header: 198 repeats skipped, 3 kept aside, the other 63 loaded.
		expect([report.rowsRead, report.rowsRepeated, report.rowsRejected, report.rowsLoaded]).toEqual([
			264, 198, 3, 63
		]);

		const repeats = await problemPage(db, m, mapping.labels, 'repeated-row', 150, 50);
		expect(repeats).toHaveLength(48);
		// Row 262 is the 198th repeat: base row 197 mod 62 = 11, file row 13.
		expect(repeats.at(-1)).toMatchObject({ row: 262, kind: 'repeated-row', detail: '13' });
		const [conflict] = await problemPage(db, m, mapping.labels, 'conflicting-duplicate', 0, 50);
		expect(conflict).toMatchObject({
			row: 164,
			column: 'value',
			value: '36',
			detail: '33\u001f30\u001fKigoma, rural, 2022, Radio listening'
		});
		// All kinds: the structure first, then row errors, then the repeats.
		const all = await problemPage(db, m, mapping.labels, null, 0, 5);
		expect(all.map((p) => [p.row, p.kind])).toEqual([
			[265, 'unterminated-quote'],
			[263, 'ragged-row'],
			[265, 'ragged-row'],
			[164, 'conflicting-duplicate'],
			[265, 'bad-year']
		]);
		expect((await problemPage(db, m, mapping.labels, null, 5, 1))[0]).toMatchObject({
			row: 64,
			kind: 'repeated-row'
		});

		const rejected = await rejectedRows(db, 'md', mapping, text);
		// The ragged row's sixth field gets a column of its own.
		expect(rejected[0]?.join(',')).toBe(
			'row,reason,original_record,region,area,indicator,year,value,extra field 6'
		);
		expect(rejected.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
			['164', 'conflicting-duplicate (column “value”)', 'Kigoma,rural,Radio listening,2022,36'],
			['263', 'ragged-row', 'Mwanza,urban,Radio listening,2023,45.1,check this figure'],
			[
				'265',
				'ragged-row; unterminated-quote; bad-year (column “year”)',
				'Tanga,rural,"Radio listening,2023,12.5\nTanga,urban,Radio listening,2023,30.2\n'
			]
		]);
		expect(rejected[2]?.at(-1)).toBe('check this figure');
	});
});

describe('a wide indicator table', () => {
	it('unpivots urban_2022 / rural_2022 columns and names the duplicate region row', async () => {
		const text = 'Region,urban_2022,rural_2022\nMwanza,61.2,33.0\nKigoma,50,20.5\nMwanza,1,2\n';
		const { report } = await upload('w1', text, {
			dialect: comma,
			columnCount: 3,
			roles: roles('indicators', [
				'region',
				{ index: 2, role: 'wide-value', wide: { area: 'urban', year: 2022 } },
				{ index: 3, role: 'wide-value', wide: { area: 'rural', year: 2022 } }
			]),
			unit: 'percent',
			indicatorName: 'Internet use'
		});
		expect(report.problems.map((p) => [p.row, p.column, p.value, p.kind])).toEqual([
			[4, 'urban_2022', '1', 'conflicting-duplicate'],
			[4, 'rural_2022', '2', 'conflicting-duplicate']
		]);
		expect(report.problems[1]?.detail).toBe('2\u001f33.0\u001fMwanza');
		// Urban and rural but no totals: the explorer opens it on the gap.
		expect(report.openWith).toEqual({ [report.indicatorIds[0]!]: 'gap' });
		const rows = await db.query({
			sql: `SELECT geo_code, area, year, value FROM observations WHERE indicator_id = ? ORDER BY geo_code, area`,
			params: [report.indicatorIds[0]!]
		});
		expect(rows).toEqual([
			{ geo_code: 'TZ-08', area: 'rural', year: 2022, value: 20.5 },
			{ geo_code: 'TZ-08', area: 'urban', year: 2022, value: 50 },
			{ geo_code: 'TZ-18', area: 'rural', year: 2022, value: 33 },
			{ geo_code: 'TZ-18', area: 'urban', year: 2022, value: 61.2 }
		]);
	});
});

describe('survey microdata (a DHS-like household file)', () => {
	/** A small seeded design: 3 regions × 2 areas × 4 clusters × 6 households, two strata per region. */
	function dhsLike() {
		let seed = 7;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const regions = ['Dodoma', 'DAR ES SALAAM', 'Kaskazini Unguja'];
		const lines = ['hhid,hv024,hv025,hv005,hv021,hv022,hv206,hv243a'];
		const rows: SurveyRow[] = [];
		const iso: Record<string, string> = {
			Dodoma: 'TZ-03',
			'DAR ES SALAAM': 'TZ-02',
			'Kaskazini Unguja': 'TZ-07'
		};
		let id = 0;
		let cluster = 0;
		for (const region of regions) {
			for (const area of [1, 2]) {
				for (let c = 0; c < 4; c++) {
					cluster++;
					const weight = Math.round(500_000 + rand() * 1_500_000);
					for (let h = 0; h < 6; h++) {
						id++;
						const electricity = rand() < (area === 1 ? 0.8 : 0.3) ? 1 : 0;
						const phone = rand() < 0.6 ? 'yes' : 'no';
						const phoneValue = phone === 'yes' ? 1 : 0;
						const missing = id % 17 === 0;
						lines.push(
							[
								id,
								region,
								area,
								weight,
								cluster,
								`${region}-${area}`,
								missing ? '' : electricity,
								phone
							].join(',')
						);
						rows.push({
							region: iso[region]!,
							area: area === 1 ? 'urban' : 'rural',
							weight: weight / 1_000_000,
							cluster: String(cluster),
							stratum: `${region}-${area}`,
							year: 2022,
							values: { i7: missing ? null : electricity, i8: phoneValue }
						});
					}
				}
			}
		}
		// One row with a zero weight and one with a bad item value: both kept aside.
		lines.push('999,Dodoma,1,0,1,Dodoma-1,1,yes');
		lines.push('1000,Dodoma,1,900000,1,Dodoma-1,7,yes');
		return { text: lines.join('\r\n') + '\r\n', rows };
	}

	it('estimates weighted shares with design-based SEs equal to the independent reference', async () => {
		const { text, rows } = dhsLike();
		const { report } = await upload('m1', text, {
			dialect: comma,
			columnCount: 8,
			roles: roles(
				'microdata',
				['ignore', 'region', 'area', 'weight', 'cluster', 'stratum', 'item', 'item'],
				{
					weightDivisor: 1_000_000,
					areaCodes: { urban: ['1'], rural: ['2'], total: [] },
					preset: 'dhs-household',
					fixedYear: 2022
				}
			),
			unit: 'percent',
			indicatorName: 'DHS 2022'
		});
		expect(report.problems.map((p) => [p.row, p.column, p.kind])).toEqual([
			[146, 'hv005', 'bad-weight'],
			[147, 'hv206', 'not-binary']
		]);
		expect(report.rowsLoaded).toBe(rows.length);
		// Three regions of 31: no figure is called national.
		const reference = linearisedShareEstimates(rows, { items: ['i7', 'i8'] }).filter(
			(r) => r.region !== null
		);
		const ids: Record<string, string> = {
			i7: report.indicatorIds[0]!,
			i8: report.indicatorIds[1]!
		};
		const got = await db.query<{
			indicator_id: string;
			geo_code: string;
			area: string;
			value: number;
			se: number;
			lower: number;
			upper: number;
			n: number;
		}>({
			sql: `SELECT indicator_id, geo_code, area, value, se, lower, upper, n FROM observations WHERE source_id = ?`,
			params: [datasetTables('m1').source]
		});
		expect(got.length).toBe(reference.length);
		expect(got.filter((g) => g.geo_code === 'TZ')).toEqual([]);
		for (const ref of reference) {
			const row = got.find(
				(g) =>
					g.indicator_id === ids[ref.item] &&
					g.geo_code === (ref.region ?? 'TZ') &&
					g.area === ref.area
			);
			expect(row, `${ref.item} ${ref.region} ${ref.area}`).toBeDefined();
			expect(Number(row!.n)).toBe(ref.n);
			if (ref.n < 10) continue;
			expect(row!.value).toBeCloseTo(ref.share * 100, 9);
			expect(row!.se).toBeCloseTo(ref.se * 100, 9);
			expect(row!.lower).toBeCloseTo(ref.lower * 100, 9);
			expect(row!.upper).toBeCloseTo(ref.upper * 100, 9);
		}
		// Every region × area cell has 24 households or fewer: all are flagged as unstable.
		expect(report.smallCells.length).toBeGreaterThan(0);
		expect(report.smallCells.every((c) => c.n < 25)).toBe(true);
	});
});

describe('names of items', () => {
	const long = [
		'region,indicator,year,value',
		'Dodoma,radio,2022,40',
		'Mwanza,radio,2022,35',
		'Dodoma,,2022,12',
		'Mwanza,  ,2022,13',
		'Kigoma,NA,2022,14',
		'Dodoma, tv ,2022,20'
	].join('\n');
	const longMapping = {
		dialect: comma,
		columnCount: 4,
		roles: roles('indicators', ['region', 'indicator', 'year', 'value']),
		unit: 'percent' as const,
		indicatorName: 'unused'
	};
	const labelsOf = async (ids: string[]) =>
		(await readCatalog(db)).filter((i) => ids.includes(i.id)).map((i) => i.label.en);

	it('keeps a row with a blank or missing indicator name aside, naming row, column and value', async () => {
		const { report } = await upload('n1', long, longMapping);
		expect(
			report.problems.map((p) => [p.row, p.column, p.value ?? null, p.kind, p.severity])
		).toEqual([
			[4, 'indicator', '', 'blank-indicator-name', 'error'],
			[5, 'indicator', '  ', 'blank-indicator-name', 'error'],
			[6, 'indicator', 'NA', 'blank-indicator-name', 'error']
		]);
		expect(report.rowsLoaded).toBe(3);
		// Two indicators, both named; no unnamed one.
		expect((await labelsOf(report.indicatorIds)).sort()).toEqual(['radio', 'tv']);
	});

	it('lists the written indicator names as the judge trims them, in file order, blanks left out', async () => {
		const m = meta('n2', 'n2.csv');
		await stageRaw(db, m, new TextEncoder().encode(long), longMapping);
		const rows = await db.query<{ written: string; rows: number }>(
			writtenIndicatorsQuery(datasetTables('n2'), 2, longMapping.dialect)
		);
		expect(rows.map((r) => [r.written, Number(r.rows)])).toEqual([
			['radio', 2],
			['tv', 1]
		]);
	});

	it('shows a long-format indicator by the name the person gave it, the others as written', async () => {
		const { report } = await upload('n3', long, {
			...longMapping,
			names: { [writtenItem('radio')]: 'Households with a radio' }
		});
		expect((await labelsOf(report.indicatorIds)).sort()).toEqual(['Households with a radio', 'tv']);
	});

	it('shows a survey item by its given name; its definition still names the column', async () => {
		const text = [
			'hv024,hv025,hv005,hv243a',
			'Dodoma,1,1000000,1',
			'Dodoma,2,1000000,0',
			'Mwanza,1,1000000,1',
			'Mwanza,2,2000000,0'
		].join('\n');
		const { report } = await upload('n4', text, {
			dialect: comma,
			columnCount: 4,
			roles: roles('microdata', ['region', 'area', 'weight', 'item'], {
				weightDivisor: 1_000_000,
				areaCodes: { urban: ['1'], rural: ['2'], total: [] },
				fixedYear: 2022
			}),
			unit: 'percent',
			indicatorName: 'unused',
			names: { [columnItem(4)]: '  Household has a mobile phone ' }
		});
		// So few households are suppressed on the map: the definition is what the catalog reads.
		const [added] = await db.query<{ label_en: string; label_sw: string; definition_en: string }>({
			sql: 'SELECT label_en, label_sw, definition_en FROM indicator_definitions WHERE indicator_id = ?',
			params: [report.indicatorIds[0]!]
		});
		expect([added?.label_en, added?.label_sw]).toEqual([
			'Household has a mobile phone',
			'Household has a mobile phone'
		]);
		expect(added?.definition_en).toMatch(
			/^Household has a mobile phone: weighted share of rows where “hv243a” is yes \(1\)/
		);
	});
});
