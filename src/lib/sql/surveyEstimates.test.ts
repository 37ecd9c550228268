import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeDuckDB, type NativeDuckDB, type PlainRow } from '../../../tests/native-duckdb';
import { SURVEY_ITEMS } from '../domain/surveyColumns.js';
import {
	linearisedShareEstimates,
	type ShareEstimate,
	type SurveyRow
} from '../domain/weightedShare';
import { quoteIdent } from '$lib/db/quote';
import { surveySharesQuery, type SurveyDesign } from './surveyEstimates';

const fixture = fileURLToPath(new URL('../../../tests/fixtures/survey-small.csv', import.meta.url));
const synthetic = fileURLToPath(new URL('../../../data/survey-synthetic.csv', import.meta.url));

const smallDesign: SurveyDesign = {
	table: 'small',
	region: 'region',
	area: 'area',
	weight: 'weight',
	cluster: 'cluster',
	stratum: 'stratum',
	year: 'year'
};
const smallItems = ['owns_mobile', 'used_internet'];

let db: NativeDuckDB;
beforeAll(async () => {
	db = await openNativeDuckDB();
	await db.loadCsv('small', fixture);
});
afterAll(() => db.close());

/** Reads a table into reference rows; which design columns are kept follows `design`. */
async function referenceRows(design: SurveyDesign, items: readonly string[]): Promise<SurveyRow[]> {
	const rows = await db.query({ sql: `SELECT * FROM ${quoteIdent(design.table)}`, params: [] });
	const item = (value: unknown): number | null => (value === null ? null : Number(value));
	const code = (value: unknown) => value as string | number | null;
	return rows.map((row) => ({
		region: String(row[design.region]),
		area: row[design.area] as 'urban' | 'rural',
		weight: Number(row[design.weight]),
		...(design.cluster ? { cluster: code(row[design.cluster]) } : {}),
		...(design.stratum ? { stratum: code(row[design.stratum]) } : {}),
		year: design.year ? Number(row[design.year]) : null,
		values: Object.fromEntries(items.map((name) => [name, item(row[name])]))
	}));
}

const keyOf = (row: { item?: unknown; year?: unknown; region?: unknown; area?: unknown }) =>
	JSON.stringify([row.item, row.year, row.region, row.area]);

function expectRelativelyClose(actual: unknown, expected: number, what: string): void {
	const value = Number(actual);
	const tolerance = 1e-9 * Math.max(Math.abs(value), Math.abs(expected)) + 1e-15;
	if (!(Math.abs(value - expected) <= tolerance)) {
		expect.fail(`${what}: SQL gives ${value}, reference ${expected}`);
	}
}

/** Every SQL row matches the reference row of the same item, year and domain, and vice versa. */
function expectSameEstimates(sqlRows: readonly PlainRow[], reference: readonly ShareEstimate[]) {
	const expected = new Map(reference.map((row) => [keyOf(row), row]));
	expect(sqlRows.map((row) => keyOf(row)).sort()).toEqual([...expected.keys()].sort());
	for (const row of sqlRows) {
		const ref = expected.get(keyOf(row)) as ShareEstimate;
		const where = keyOf(row);
		expect([row.n, row.n_clusters, row.singleton_strata], where).toEqual([
			ref.n,
			ref.n_clusters,
			ref.singleton_strata
		]);
		for (const column of ['weight_sum', 'share', 'se', 'lower', 'upper'] as const) {
			expectRelativelyClose(row[column], ref[column], `${where} ${column}`);
		}
	}
}

describe('surveySharesQuery on tests/fixtures/survey-small.csv', () => {
	it('returns exactly the documented columns', async () => {
		const rows = await db.query(surveySharesQuery(smallDesign, smallItems));
		expect(Object.keys(rows[0] ?? {})).toEqual([
			'item',
			'year',
			'region',
			'area',
			'n',
			'n_clusters',
			'singleton_strata',
			'weight_sum',
			'share',
			'se',
			'lower',
			'upper'
		]);
	});

	it('matches the TypeScript reference for every item, year and domain', async () => {
		const rows = await db.query(surveySharesQuery(smallDesign, smallItems));
		// 2 items × 2 years × (3 regions + nation) × (urban, rural, total)
		expect(rows).toHaveLength(2 * 2 * 4 * 3);
		const reference = linearisedShareEstimates(await referenceRows(smallDesign, smallItems), {
			items: smallItems
		});
		expectSameEstimates(rows, reference);
	});

	it('leaves out a null value for that item only and counts the singleton stratum', async () => {
		const rows = await db.query(surveySharesQuery(smallDesign, smallItems));
		const pick = (item: string, year: number, region: string | null, area: string) =>
			rows.find(
				(r) => r.item === item && r.year === year && r.region === region && r.area === area
			);
		// TZ-01 urban 2021 has 5 households; one has no owns_mobile answer.
		expect(pick('owns_mobile', 2021, 'TZ-01', 'urban')?.n).toBe(4);
		expect(pick('used_internet', 2021, 'TZ-01', 'urban')?.n).toBe(5);
		// TZ-03 rural 2021 is one PSU: no variance can be measured there.
		expect(pick('owns_mobile', 2021, 'TZ-03', 'rural')).toMatchObject({
			singleton_strata: 1,
			se: 0
		});
		expect(pick('owns_mobile', 2021, null, 'total')?.singleton_strata).toBe(1);
	});

	it('binds the critical value: confidence 0.90 narrows the interval, not the SQL text', async () => {
		const at95 = surveySharesQuery(smallDesign, smallItems);
		const at90 = surveySharesQuery(smallDesign, smallItems, { confidence: 0.9 });
		expect(at90.sql).toBe(at95.sql);
		expect(at90.params[0]).toBeCloseTo(1.6448536269514722, 12);
		const rows = await db.query(at90);
		const reference = linearisedShareEstimates(await referenceRows(smallDesign, smallItems), {
			items: smallItems,
			confidence: 0.9
		});
		expectSameEstimates(rows, reference);
		const wide = await db.query(at95);
		const national = (r: PlainRow) => r.region === null && r.area === 'total';
		const [narrowRow, wideRow] = [rows.find(national), wide.find(national)];
		expect(Number(narrowRow?.upper) - Number(narrowRow?.lower)).toBeLessThan(
			Number(wideRow?.upper) - Number(wideRow?.lower)
		);
	});

	const variants: [string, SurveyDesign][] = [
		[
			'no cluster, stratum or year',
			{ ...smallDesign, cluster: undefined, stratum: undefined, year: undefined }
		],
		['strata but no clusters (each row a PSU)', { ...smallDesign, cluster: undefined }],
		// Cluster codes restart in each stratum, so without strata a PSU spans regions and areas.
		['clusters but no strata', { ...smallDesign, stratum: undefined }]
	];
	it.each(variants)('matches the reference with %s', async (_, design) => {
		const rows = await db.query(surveySharesQuery(design, smallItems));
		if (!design.year) expect(rows.every((row) => row.year === null)).toBe(true);
		const reference = linearisedShareEstimates(await referenceRows(design, smallItems), {
			items: smallItems
		});
		expectSameEstimates(rows, reference);
	});

	it('treats a NULL cluster or stratum code as one PSU or stratum', async () => {
		await db.exec(`CREATE VIEW small_nulls AS SELECT * REPLACE (
			CASE WHEN stratum = 'TZ-02-R' AND cluster = 2 THEN NULL ELSE cluster END AS cluster,
			CASE WHEN stratum = 'TZ-03-U' THEN NULL ELSE stratum END AS stratum) FROM small`);
		const design = { ...smallDesign, table: 'small_nulls' };
		const rows = await db.query(surveySharesQuery(design, smallItems));
		const reference = linearisedShareEstimates(await referenceRows(design, smallItems), {
			items: smallItems
		});
		expectSameEstimates(rows, reference);
	});

	it('quotes table and column names with double quotes and spaces', async () => {
		await db.exec(`CREATE TABLE "odd ""survey"" table" AS SELECT
			region AS "region ""code""", area AS "the area", weight AS "w t", cluster AS "psu id",
			stratum AS "strat um", year AS "round", owns_mobile AS "owns ""mobile"" now"
			FROM small`);
		const odd: SurveyDesign = {
			table: 'odd "survey" table',
			region: 'region "code"',
			area: 'the area',
			weight: 'w t',
			cluster: 'psu id',
			stratum: 'strat um',
			year: 'round'
		};
		const rows = await db.query(surveySharesQuery(odd, ['owns "mobile" now']));
		expect(rows[0]?.item).toBe('owns "mobile" now');
		const reference = linearisedShareEstimates(await referenceRows(smallDesign, ['owns_mobile']), {
			items: ['owns_mobile']
		});
		expectSameEstimates(
			rows.map((row) => ({ ...row, item: 'owns_mobile' })),
			reference
		);
	});

	it('passes EXPLAIN', async () => {
		const { sql, params } = surveySharesQuery(smallDesign, smallItems);
		const plan = await db.query({ sql: `EXPLAIN ${sql}`, params });
		expect(plan.length).toBeGreaterThan(0);
	});

	it('refuses an empty or repeated item list', () => {
		expect(() => surveySharesQuery(smallDesign, [])).toThrow(/at least one item/);
		expect(() => surveySharesQuery(smallDesign, ['a', 'a'])).toThrow(/"a" is listed twice/);
	});
});

describe('surveySharesQuery on data/survey-synthetic.csv', () => {
	const items = [...SURVEY_ITEMS];
	// The same column names as the small fixture.
	const design: SurveyDesign = { ...smallDesign, table: 'synthetic' };

	it('matches the TypeScript reference on every row', async () => {
		await db.loadCsv('synthetic_raw', synthetic);
		// The estimator needs lower-case areas; the region name serves as the region code.
		await db.exec('CREATE VIEW synthetic AS SELECT *, lower(residence) AS area FROM synthetic_raw');
		const rows = await db.query(surveySharesQuery(design, items));
		const reference = linearisedShareEstimates(await referenceRows(design, items), { items });
		expect(rows.length).toBeGreaterThan(0);
		expectSameEstimates(rows, reference);
	});
});
