import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { loadBundled } from '../data/loadBundled';
import {
	commonYears,
	fetchServicesView,
	formatEstimate,
	missingReason,
	type ServicesView
} from '../data/services';
import { servicesScatterQuery, servicesSourcesQuery } from './servicesQuery';

const dataDir = join(import.meta.dirname, '../../../data');
const survey = Papa.parse<Record<string, string>>(
	readFileSync(join(dataDir, 'survey-synthetic.csv'), 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

/** Weighted share in percent of `item` over survey rows of `year` whose stratum passes `keep`. */
function weightedPercent(item: string, year: number, keep: (stratum: string) => boolean): number {
	let num = 0;
	let den = 0;
	for (const row of survey) {
		if (Number(row.year) !== year || !keep(row.stratum!) || row[item] === '') continue;
		num += Number(row.weight) * Number(row[item]);
		den += Number(row.weight);
	}
	return (100 * num) / den;
}

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
	await loadBundled(db, async (file) => new Uint8Array(readFileSync(join(dataDir, file))));
});
afterAll(() => db?.close());

describe('servicesScatterQuery on native DuckDB with the bundled data', () => {
	it('is valid SQL with its values bound', async () => {
		const q = servicesScatterQuery('hh_used_gepg', 'hh_owns_smartphone', 2024);
		expect(q.sql).not.toContain('hh_used_gepg');
		expect(q.sql).not.toContain('2024');
		await db.query({ sql: `EXPLAIN ${q.sql}`, params: q.params });
		const s = servicesSourcesQuery('hh_used_gepg', 'hh_owns_smartphone', 2024);
		await db.query({ sql: `EXPLAIN ${s.sql}`, params: s.params });
	});

	let view: ServicesView;
	beforeAll(async () => {
		view = await fetchServicesView(db, 'gepg', 'smartphone', 2024);
	});

	it('gives an urban and a rural row for each of the 31 regions, and the national pair', () => {
		expect(view.regions).toHaveLength(62);
		expect(new Set(view.regions.map((p) => p.code)).size).toBe(31);
		expect(view.regions.filter((p) => p.area === 'urban')).toHaveLength(31);
		expect(view.national.map((p) => p.area)).toEqual(['urban', 'rural']);
		expect(view.ciLevel).toBe(0.95);
		expect(view.sources.map((s) => s.id)).toEqual(['synthetic-demo']);
	});

	it('matches a weighted mean of the survey rows for Dodoma urban (stratum TZ-03-U)', () => {
		const dodoma = view.regions.find((p) => p.code === 'TZ-03' && p.area === 'urban')!;
		expect(dodoma.name).toBe('Dodoma');
		const urban = (s: string) => s.startsWith('TZ-03-U');
		expect(dodoma.y.value).toBeCloseTo(weightedPercent('used_gepg', 2024, urban), 9);
		expect(dodoma.x.value).toBeCloseTo(weightedPercent('owns_smartphone', 2024, urban), 9);
		for (const e of [dodoma.x, dodoma.y]) {
			expect(e.lower!).toBeLessThanOrEqual(e.value!);
			expect(e.upper!).toBeGreaterThanOrEqual(e.value!);
			expect(e.upper! - e.lower!).toBeGreaterThan(0);
		}
	});

	it('matches the survey for another year, service and area (Mwanza rural, mGov, 2021)', async () => {
		const other = await fetchServicesView(db, 'mgov', 'mobile_money', 2021);
		const mwanza = other.regions.find((p) => p.code === 'TZ-18' && p.area === 'rural')!;
		const rural = (s: string) => s.startsWith('TZ-18-R');
		expect(mwanza.y.value).toBeCloseTo(weightedPercent('used_mgov', 2021, rural), 9);
		expect(mwanza.x.value).toBeCloseTo(weightedPercent('uses_mobile_money', 2021, rural), 9);
	});

	it('gives the national urban share over every urban stratum', () => {
		const urban = view.national.find((p) => p.area === 'urban')!;
		expect(urban.y.value).toBeCloseTo(
			weightedPercent('used_gepg', 2024, (s) => s.endsWith('-U')),
			9
		);
	});

	it('keeps Dar es Salaam’s rural row with no values: there is no rural sample, not a zero', () => {
		expect(survey.some((r) => r.stratum === 'TZ-02-R')).toBe(false);
		const dsmRural = view.regions.find((p) => p.code === 'TZ-02' && p.area === 'rural')!;
		expect(dsmRural.x.value).toBeNull();
		expect(dsmRural.y.value).toBeNull();
		expect(missingReason(dsmRural)).toBe('no-sample');
		expect(view.regions.filter((p) => missingReason(p) !== null)).toEqual([dsmRural]);
	});

	it('finds both survey years for every pair of indicators', async () => {
		const data = await loadBundled(
			db,
			async (file) => new Uint8Array(readFileSync(join(dataDir, file)))
		);
		expect(commonYears(data.indicators, ['hh_used_emrejesho', 'hh_uses_mobile_money'])).toEqual([
			2021, 2024
		]);
	});
});

describe('formatEstimate', () => {
	const e = { value: 45.23, lower: 40.1, upper: 50.36, se: 2.6, n: 240, note: null };
	it('prints a share with its interval', () => {
		expect(formatEstimate(e, 'en-GB', 'no data')).toBe('45.2% (40.1–50.4%)');
		expect(formatEstimate({ ...e, lower: null }, 'en-GB', 'no data')).toBe('45.2%');
	});
	it('prints the missing text, never NaN or zero', () => {
		expect(formatEstimate({ ...e, value: null }, 'en-GB', 'no rural sample')).toBe(
			'no rural sample'
		);
	});
});
