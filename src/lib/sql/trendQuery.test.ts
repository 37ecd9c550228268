import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { loadBundled } from '../data/loadBundled';
import { fetchTrend, type TrendData } from '../data/trend';
import { trendQuery } from './trendQuery';

const dataDir = join(import.meta.dirname, '../../../data');

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
	await loadBundled(db, async (file) => new Uint8Array(readFileSync(join(dataDir, file))));
});
afterAll(() => db?.close());

describe('trendQuery on native DuckDB with the bundled data', () => {
	it('is valid SQL with the indicator bound', async () => {
		const q = trendQuery('women_mobile_phone');
		expect(q.sql).not.toContain('women_mobile_phone');
		expect(q.params).toEqual(['women_mobile_phone']);
		await db.query({ sql: `EXPLAIN ${q.sql}`, params: q.params });
	});

	let phones: TrendData;
	beforeAll(async () => {
		phones = await fetchTrend(db, 'women_mobile_phone');
	});

	it('gives every region both DHS rounds, in year order, with their 90% intervals', () => {
		expect(phones.regions).toHaveLength(31);
		expect(phones.regions.every((r) => r.rounds.map((x) => x.year).join() === '2016,2022')).toBe(
			true
		);
		// data/indicators.csv, lines 32 and 63: Songwe 45.2 (32.2–58.9), then 50.7 (40.2–61.1).
		const songwe = phones.regions.find((r) => r.code === 'TZ-31')!;
		expect(songwe.rounds).toEqual([
			{
				year: 2016,
				period: '2015-16',
				ciLevel: 0.9,
				total: { value: 45.2, lower: 32.2, upper: 58.9, se: null },
				urban: { value: null, lower: null, upper: null, se: null },
				rural: { value: null, lower: null, upper: null, se: null }
			},
			{
				year: 2022,
				period: '2022',
				ciLevel: 0.9,
				total: { value: 50.7, lower: 40.2, upper: 61.1, se: null },
				urban: { value: null, lower: null, upper: null, se: null },
				rural: { value: null, lower: null, upper: null, se: null }
			}
		]);
		expect(phones.national).toEqual([]);
	});

	it('gives the survey rounds urban, rural and total with standard errors, and the national rows', async () => {
		const survey = await fetchTrend(db, 'hh_owns_mobile');
		expect(survey.regions).toHaveLength(31);
		const dodoma = survey.regions.find((r) => r.code === 'TZ-03')!;
		expect(dodoma.rounds.map((r) => r.year)).toEqual([2021, 2024]);
		for (const r of dodoma.rounds) {
			for (const e of [r.total, r.urban, r.rural]) {
				expect(e.value).not.toBeNull();
				expect(e.se).toBeGreaterThan(0);
			}
		}
		// Each round's value is the same one the observations table holds for it.
		const [direct] = await db.query({
			sql: `SELECT value, se FROM observations WHERE indicator_id = 'hh_owns_mobile'
				AND geo_code = 'TZ-03' AND area = 'rural' AND year = 2024`,
			params: []
		});
		expect(dodoma.rounds[1]!.rural.value).toBe(direct!.value);
		expect(dodoma.rounds[1]!.rural.se).toBe(direct!.se);
		expect(survey.national.map((r) => r.year)).toEqual([2021, 2024]);
	});

	it('returns nothing for an indicator it does not have', async () => {
		expect(await fetchTrend(db, 'no_such_indicator')).toEqual({
			indicatorId: 'no_such_indicator',
			regions: [],
			national: []
		});
	});
});
