import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBundledDb, readData } from '../../../tests/bundled-db';
import type { NativeConnector } from '../../../tests/native-connector';
import type { BundledData } from '$lib/data/loadBundled';
import { linearisedShareEstimates, type SurveyRow } from '$lib/domain/weightedShare';
import { writeCsv } from '$lib/export/csvWriter';
import { gzipSync } from 'node:zlib';
import {
	datasetEstimatesQuery,
	importUnattended,
	inPlaceRefusal,
	type Choices
} from './unattended';
import { scanRecords } from './recordScan';
import { detectEncoding } from './encoding';
import type { DatasetMeta } from './types';

const meta = (id: string, fileName: string): DatasetMeta => ({
	id,
	name: `Test ${id}`,
	fileName,
	sourceNote: 'Synthetic survey, test',
	importedAt: '2026-12-05T08:00:00.000Z'
});

let db: NativeConnector;
let data: BundledData;

beforeEach(async () => ({ db, data } = await openBundledDb()));
afterEach(() => db.close());

/** Import a file's bytes or text as `npm run aggregate` does, under dataset id `id`. */
const run = (id: string, file: string, content: Uint8Array | string, choices?: Choices) =>
	importUnattended(
		db,
		meta(id, file),
		{
			kind: 'text',
			bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content
		},
		data.regions,
		choices
	);

/** The survey file's rows for the independent estimator, parsed here by hand (no quotes in it). */
function surveyRows(text: string, regionOf: (written: string) => string | null): SurveyRow[] {
	const [header, ...lines] = text.trim().split('\n');
	const names = header!.split(',');
	const at = (cells: string[], name: string) => cells[names.indexOf(name)]!;
	const items = names.slice(names.indexOf('owns_mobile'));
	return lines.map((line) => {
		const cells = line.split(',');
		return {
			region: regionOf(at(cells, 'region'))!,
			area: at(cells, 'residence').toLowerCase() as SurveyRow['area'],
			weight: Number(at(cells, 'weight')),
			cluster: at(cells, 'cluster'),
			stratum: at(cells, 'stratum'),
			year: Number(at(cells, 'year')),
			values: Object.fromEntries(
				items.map((item) => [item, at(cells, item) === '' ? null : Number(at(cells, item))])
			)
		};
	});
}

describe('importUnattended', () => {
	it('guesses what the page guesses and estimates what the independent estimator does', async () => {
		const bytes = await readData('survey-synthetic.csv');
		const result = await run('agg1', 'survey-synthetic.csv', bytes);
		expect(result.guessed).toEqual(['dialect', 'roles', 'unit', 'regions']);
		expect(result.mapping.roles.kind).toBe('microdata');
		const roleOf = (label: string) =>
			result.mapping.roles.columns.find((c) => result.mapping.labels[c.index - 1] === label)?.role;
		expect(roleOf('weight')).toBe('weight');
		expect(roleOf('cluster')).toBe('cluster');
		expect(roleOf('stratum')).toBe('stratum');
		expect(roleOf('used_gepg')).toBe('item');
		expect(result.report.rowsRejected).toBe(0);
		expect(result.report.rowsLoaded).toBe(34_000);
		expect(result.reviews.every((r) => r.status === 'matched')).toBe(true);

		const iso = new Map(result.reviews.map((r) => [r.written, r.isoCode]));
		const rows = surveyRows(new TextDecoder().decode(bytes), (w) => iso.get(w) ?? null);
		const reference = linearisedShareEstimates(rows, { items: ['used_gepg', 'owns_mobile'] });
		const got = await db.query<{
			indicator: string;
			region_iso: string;
			area: string;
			year: number;
			value: number | null;
			se: number | null;
			n: number;
		}>(datasetEstimatesQuery('agg1'));
		for (const ref of reference) {
			const row = got.find(
				(g) =>
					g.indicator === ref.item &&
					g.region_iso === (ref.region ?? 'TZ') &&
					g.area === ref.area &&
					g.year === ref.year
			);
			expect(row, `${ref.item} ${ref.region} ${ref.area} ${ref.year}`).toBeDefined();
			expect(Number(row!.n)).toBe(ref.n);
			if (row!.value === null) continue;
			expect(row!.value).toBeCloseTo(ref.share * 100, 10);
			expect(row!.se).toBeCloseTo(ref.se * 100, 10);
		}
	});

	it('takes a saved choice instead of guessing, and says which parts it guessed', async () => {
		const text =
			'region,area,year,indicator,value\nDodoma,urban,2022,Phones,80\nArusha,rural,2022,Phones,40\n';
		const first = await run('agg2', 'two.csv', text);
		expect(first.mapping.roles.kind).toBe('indicators');
		const again = await run('agg3', 'two.csv', text, {
			dialect: first.mapping.dialect,
			roles: first.mapping.roles,
			unit: 'count',
			regions: first.mapping.regions
		});
		expect(again.guessed).toEqual([]);
		expect(again.mapping.unit).toBe('count');
		const rows = await db.query<{ region_iso: string; value: number; unit: string }>(
			datasetEstimatesQuery('agg3')
		);
		expect(rows.map((r) => [r.region_iso, r.value, r.unit])).toEqual([
			['TZ-01', 40, 'count'],
			['TZ-03', 80, 'count']
		]);
	});

	it('writes estimates that load back on the Datasets page as an indicator table', async () => {
		const bytes = await readData('survey-synthetic.csv');
		await run('agg4', 'survey-synthetic.csv', bytes);
		const estimates = await db.query(datasetEstimatesQuery('agg4'));
		const columns = Object.keys(estimates[0]!);
		const csv = writeCsv(
			columns,
			estimates.map((row) => columns.map((c) => (row[c] ?? null) as string | number | null))
		);
		const back = await run('agg5', 'survey-synthetic-estimates.csv', csv);
		expect(back.mapping.roles.kind).toBe('indicators');
		const roles = Object.fromEntries(
			back.mapping.roles.columns.map((c) => [back.mapping.labels[c.index - 1], c.role])
		);
		expect(roles).toMatchObject({
			indicator: 'indicator',
			area: 'area',
			year: 'year',
			value: 'value',
			lower: 'lower',
			upper: 'upper'
		});
		// National rows come back as the national figure (the region column names the country).
		expect(back.report.problemCounts).toEqual({});
		expect(back.report.rowsRejected).toBe(0);
		const again = await db.query<{
			indicator: string;
			region_iso: string;
			area: string;
			year: number;
			value: number | null;
			lower: number | null;
		}>(datasetEstimatesQuery('agg5'));
		const key = (r: { indicator: unknown; region_iso: unknown; area: unknown; year: unknown }) =>
			`${r.indicator} ${r.region_iso} ${r.area} ${r.year}`;
		const first = new Map(estimates.map((r) => [key(r as never), r]));
		expect(again.length).toBe(estimates.filter((r) => r.value !== null).length);
		expect(again.filter((r) => r.region_iso === 'TZ').length).toBe(
			estimates.filter((r) => r.geo_level === 'national' && r.value !== null).length
		);
		for (const row of again) {
			const was = first.get(key(row));
			expect(was, key(row)).toBeDefined();
			expect(row.value).toBe(was!.value);
			expect(row.lower).toBe(was!.lower);
		}
	});

	it('reads a Parquet file into the same estimates, its rows numbered as a spreadsheet shows them', async () => {
		const bytes = await readData('survey-synthetic.csv');
		const csv = await run('agg6', 'survey-synthetic.csv', bytes);
		const csvPath = await db.registerFile('survey.csv', bytes);
		const parquetPath = csvPath.replace(/survey\.csv$/, 'survey.parquet');
		// Row 2 of the Parquet file (its third row, row 4 as a spreadsheet shows it) names no region.
		await db.query({
			sql: `COPY (
	SELECT * REPLACE (CASE WHEN row_number() OVER () = 3 THEN 'Atlantis' ELSE region END AS region)
	FROM read_csv(?, header = true, all_varchar = true)
) TO '${parquetPath}' (FORMAT parquet)`,
			params: [csvPath]
		});
		const parquet = await importUnattended(
			db,
			meta('agg7', 'survey.parquet'),
			{ kind: 'parquet', path: parquetPath },
			data.regions
		);
		expect(parquet.mapping.labels).toEqual(csv.mapping.labels);
		expect(parquet.mapping.roles).toEqual(csv.mapping.roles);
		expect(parquet.report.rowsRead).toBe(34_000);
		expect(parquet.report.rowsRejected).toBe(1);
		expect(parquet.report.problems).toMatchObject([
			{ row: 4, column: 'region', value: 'Atlantis', kind: 'unknown-region' }
		]);
		// One household fewer moves its region's and the country's cells; every other cell is the
		// CSV's, to rounding (sums taken in another order).
		const fromCsv = await db.query(datasetEstimatesQuery('agg6'));
		const fromParquet = await db.query(datasetEstimatesQuery('agg7'));
		const kept = (rows: typeof fromCsv) =>
			rows.filter((r) => r.region_iso !== 'TZ-03' && r.geo_level !== 'national');
		const expected = kept(fromCsv);
		const got = kept(fromParquet);
		expect(got.length).toBe(expected.length);
		for (const [k, row] of got.entries()) {
			const want = expected[k]!;
			for (const [name, value] of Object.entries(want)) {
				if (name === 'indicator_id') continue;
				if (typeof value === 'number') expect(row[name]).toBeCloseTo(value, 9);
				else expect(row[name], name).toBe(value);
			}
		}
	});

	describe('a text file too big to hold, read in place', () => {
		/** `bytes` registered as `name`, given as a file the engine reads in place, in pieces. */
		const inPlace = async (name: string, bytes: Uint8Array, text = bytes, pieceBytes = 4096) => {
			const path = await db.registerFile(name, bytes);
			async function* pieces() {
				for (let at = 0; at < text.length; at += pieceBytes)
					yield text.subarray(at, at + pieceBytes);
			}
			return {
				kind: 'text-in-place' as const,
				path,
				head: text.subarray(0, 2 * 2 ** 20),
				size: text.length,
				pieces
			};
		};

		it('gives the estimates and report of the same file held in memory, plain or gzipped', async () => {
			const bytes = await readData('survey-synthetic.csv');
			// Row 3 as a spreadsheet shows it names no known region.
			const text = new TextDecoder().decode(bytes).split('\n');
			const cells = text[2]!.split(',');
			const regionAt = text[0]!.split(',').indexOf('region');
			cells[regionAt] = 'Atlantis';
			text[2] = cells.join(',');
			const edited = new TextEncoder().encode(text.join('\n'));
			const held = await run('inmem', 'survey.csv', edited);
			const read = await importUnattended(
				db,
				meta('inplace', 'survey.csv'),
				await inPlace('survey.csv', edited),
				data.regions
			);
			const packed = await importUnattended(
				db,
				meta('inplacegz', 'survey.csv.gz'),
				await inPlace('survey.csv.gz', gzipSync(edited), edited, 65_536),
				data.regions
			);
			for (const result of [read, packed]) {
				expect({ ...result.mapping, indicatorName: '' }).toEqual({
					...held.mapping,
					indicatorName: ''
				});
				expect(result.report.rowsRead).toBe(34_000);
				expect(result.report.problems).toMatchObject([
					{ row: 3, column: 'region', value: 'Atlantis', kind: 'unknown-region' }
				]);
			}
			const want = await db.query(datasetEstimatesQuery('inmem'));
			expect(want.length).toBeGreaterThan(100);
			const strip = (rows: typeof want) => rows.map((row) => ({ ...row, indicator_id: null }));
			expect(strip(await db.query(datasetEstimatesQuery('inplace')))).toEqual(strip(want));
			expect(strip(await db.query(datasetEstimatesQuery('inplacegz')))).toEqual(strip(want));
		});

		it('reads a UTF-8 file with a byte order mark: the first header is the name, not the mark', async () => {
			const text = new TextEncoder().encode(
				'\ufeffregion,area,share\nArusha,urban,40\nArusha,rural,20\n'
			);
			const result = await importUnattended(
				db,
				meta('bom', 'bom.csv'),
				await inPlace('bom.csv', text),
				data.regions
			);
			expect(result.mapping.labels[0]).toBe('region');
			expect(result.report.rowsLoaded).toBe(2);
		});

		it('refuses what the page would have to repair, naming the rows and what to do', async () => {
			const dialect = (text: string) => ({
				encoding: detectEncoding(new TextEncoder().encode(text)),
				delimiter: ',' as const,
				quote: '"' as const
			});
			const refusal = (text: string, encoding?: 'windows-1252') => {
				const d = { ...dialect(text), ...(encoding ? { encoding } : {}) };
				return inPlaceRefusal(
					'big.csv',
					d as never,
					scanRecords(new TextEncoder().encode(text), d)
				);
			};
			expect(refusal('a,b\n1,2\n')).toBeNull();
			expect(refusal('a,b\n1,"x"y\n2,"z\n')).toBe(
				'big.csv is read where it is (too big to hold in memory), so it must be well-formed UTF-8; ' +
					'the quotes are broken in row 2, 3. Fix those rows, or split the file into parts under ' +
					'2 GiB, which are repaired as the page repairs them.'
			);
			expect(refusal('a,b\n1, "x" \n')).toContain('1 quoted fields have spaces outside');
			expect(refusal('a,b\r\n1,2\n')).toContain('(1 LF, 1 CRLF, 0 CR)');
			expect(refusal('a,b\n1,2\n', 'windows-1252')).toContain(
				'it reads as windows-1252. Save it as UTF-8'
			);
			// Through the import: nothing is staged.
			const bad = new TextEncoder().encode('region,share\nArusha,"4"0\n');
			await expect(
				importUnattended(db, meta('bad', 'bad.csv'), await inPlace('bad.csv', bad), data.regions)
			).rejects.toThrow('the quotes are broken in row 2.');
		});
	});
});
