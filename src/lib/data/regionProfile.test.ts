import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { loadBundled, type BundledData } from './loadBundled';
import {
	buildIndicatorProfile,
	estimateSe,
	fetchRegionProfiles,
	gapFigures,
	regionDirectory,
	type RegionProfile
} from './regionProfile';
import type { SourcedEstimate } from '$lib/domain/estimate';
import { profileValuesQuery, ruralHouseholdsQuery } from '$lib/sql/regionProfile';
import { formatEstimate, formatRange, langSuffix, wrapLabel } from '$lib/ui/profile/format';

const root = join(import.meta.dirname, '../../..');
const dataDir = join(root, 'data');
const readText = (file: string) => readFileSync(join(dataDir, file), 'utf8');
const parse = (file: string) =>
	Papa.parse<Record<string, string>>(readText(file), { header: true, skipEmptyLines: true }).data;

let db: NativeConnector;
let data: BundledData;
let profiles: RegionProfile[];

beforeAll(async () => {
	db = await openNativeConnector();
	data = await loadBundled(db, async (f) => new Uint8Array(readFileSync(join(dataDir, f))));
	profiles = await fetchRegionProfiles(db, data.regions, data.indicators, [
		'TZ-03',
		'TZ-30',
		'TZ-02',
		'TZ-15'
	]);
});
afterAll(() => db?.close());

const profile = (code: string) => profiles.find((p) => p.region.isoCode === code)!;
const indicator = (code: string, id: string) =>
	profile(code).indicators.find((i) => i.indicator.id === id)!;

/** Independent: weighted share and rural household count straight from survey-synthetic.csv. */
function surveyCell(stratum: string, year: number, item: string) {
	const rows = parse('survey-synthetic.csv').filter(
		(r) => r.stratum === stratum && Number(r.year) === year
	);
	const weight = rows.reduce((s, r) => s + Number(r.weight), 0);
	const yes = rows.reduce((s, r) => s + Number(r.weight) * Number(r[item]), 0);
	return { share: (yes / weight) * 100, weight };
}

describe('region profile on native DuckDB with the bundled data', () => {
	it('returns the profiles asked for, in order, and every indicator with regional data', () => {
		expect(profiles.map((p) => p.region.isoCode)).toEqual(['TZ-03', 'TZ-30', 'TZ-02', 'TZ-15']);
		expect(profile('TZ-03').indicators.map((i) => i.indicator.id)).toEqual(
			data.indicators.map((i) => i.id)
		);
		expect(profile('TZ-03').region).toMatchObject({
			nameOfficial: 'Dodoma',
			zone: 'Mainland',
			population2022: 3085625
		});
		expect(profile('TZ-03').populationSources.map((s) => s.id)).toEqual(['nbs-census-2022-admin']);
	});

	it('Dodoma: women who own a mobile phone, 2022 and 2015-16, with the change', () => {
		const women = indicator('TZ-03', 'women_mobile_phone');
		expect(women.years.map((y) => y.period)).toEqual(['2015-16', '2022']);
		expect(women.latest.total).toMatchObject({
			value: 61.6,
			lower: 53.4,
			upper: 69.2,
			ciLevel: 0.9
		});
		expect(women.years[0]!.total.value).toBe(38.9);
		expect(women.latest.changeFromPrevious).toBeCloseTo(22.7, 10);
		expect(women.latest.previousYear).toBe(2016);
		// No urban/rural split is published: no gap, no parity, no one "left behind".
		expect(women.latest.gap.estimate).toBeNull();
		expect(women.latest.gap.parity).toBeNull();
		expect(women.latest.leftBehind).toBeNull();
		expect(women.yearsToParity).toBeNull();
		expect(women.latest.national).toBeNull();
		expect(women.sources.map((s) => s.id)).toEqual(['dhs-2015-16-2022-uw-sae']);
	});

	it('ranks each region among those with a value, 1 = highest (independent count from the CSV)', () => {
		const rows = parse('indicators.csv').filter(
			(r) => r.indicator_id === 'women_mobile_phone' && r.geo_level === 'region'
		);
		for (const year of [2016, 2022]) {
			const values = rows.filter((r) => Number(r.year) === year).map((r) => Number(r.value));
			const dodoma = Number(
				rows.find((r) => r.geo_code === 'TZ-03' && Number(r.year) === year)!.value
			);
			const y = indicator('TZ-03', 'women_mobile_phone').years.find((x) => x.year === year)!;
			expect(y.rank).toBe(values.filter((v) => v > dodoma).length + 1);
			expect(y.rankedRegions).toBe(31);
		}
		// Dar es Salaam has the highest 2022 value.
		expect(indicator('TZ-02', 'women_mobile_phone').latest.rank).toBe(1);
		expect(indicator('TZ-03', 'women_mobile_phone').latest.rank).toBe(12);
	});

	it('Simiyu has no active SIM figure: no data, no rank, and the note says why', () => {
		const sims = indicator('TZ-30', 'active_sims');
		expect(sims.latest.total.value).toBeNull();
		expect(sims.latest.rank).toBeNull();
		expect(sims.latest.total.note).toMatch(/not listed/);
		const listed = parse('indicators.csv').filter(
			(r) => r.indicator_id === 'active_sims' && r.geo_level === 'region' && r.value !== ''
		);
		expect(sims.latest.rankedRegions).toBe(listed.length);
		// Zanzibar regions have only island totals: the indicator is there, with no value.
		const zanzibar = indicator('TZ-15', 'active_sims');
		expect(zanzibar.years).toHaveLength(1);
		expect(zanzibar.latest.total.value).toBeNull();
		expect(indicator('TZ-30', 'sims_per_100').latest.total.value).toBeNull();
	});

	it('survey gap, interval, parity and households left behind match an independent calculation', () => {
		const mobile = indicator('TZ-03', 'hh_owns_mobile');
		const urban = surveyCell('TZ-03-U', 2024, 'owns_mobile');
		const rural = surveyCell('TZ-03-R', 2024, 'owns_mobile');
		const y = mobile.latest;
		expect(y.year).toBe(2024);
		expect(y.urban.value).toBeCloseTo(urban.share, 9);
		expect(y.rural.value).toBeCloseTo(rural.share, 9);
		const gap = urban.share - rural.share;
		expect(y.gap.estimate!.gap).toBeCloseTo(gap, 9);
		expect(y.gap.parity).toBeCloseTo(rural.share / urban.share, 9);
		// Published survey standard errors, 95%: gap ± 1.96 √(se_u² + se_r²).
		expect(y.gap.seSource).toBe('published');
		expect(y.gap.ciLevel).toBe(0.95);
		const se = Math.sqrt(y.urban.se! ** 2 + y.rural.se! ** 2);
		expect(y.gap.estimate!.lower).toBeCloseTo(gap - 1.959963984540054 * se, 9);
		expect(y.gap.estimate!.upper).toBeCloseTo(gap + 1.959963984540054 * se, 9);
		expect(y.gap.estimate!.significant).toBe(
			gap - 1.959963984540054 * se > 0 || gap + 1.959963984540054 * se < 0
		);
		// Weighted rural households of the survey × shortfall.
		expect(y.leftBehind!.ruralHouseholds).toBeCloseTo(rural.weight, 6);
		expect(y.leftBehind!.households).toBeCloseTo((rural.weight * Math.max(0, gap)) / 100, 6);
		expect(y.leftBehind!.year).toBe(2024);
		// National figure beside it, from all urban rows of the round.
		const allUrban = parse('survey-synthetic.csv').filter(
			(r) => r.residence === 'Urban' && r.year === '2024'
		);
		const w = allUrban.reduce((s, r) => s + Number(r.weight), 0);
		const yes = allUrban.reduce((s, r) => s + Number(r.weight) * Number(r.owns_mobile), 0);
		expect(y.national!.urban.value).toBeCloseTo((yes / w) * 100, 9);
		expect(mobile.sources.map((s) => s.id)).toEqual(['synthetic-demo']);
	});

	it('years to parity: only when the gap is closing, from the last two rounds', () => {
		for (const p of profiles) {
			for (const ind of p.indicators.filter((i) => i.indicator.hasUrbanRural)) {
				const [a, b] = ind.years;
				const before = a?.gap.estimate?.gap;
				const now = b?.gap.estimate?.gap;
				if (before === undefined || now === undefined || !(now > 0 && before > now)) {
					expect(ind.yearsToParity, `${p.region.isoCode} ${ind.indicator.id}`).toBeNull();
				} else {
					expect(ind.yearsToParity!.years).toBeCloseTo(now / ((before - now) / (2024 - 2021)), 9);
				}
			}
		}
	});

	it('Dar es Salaam has no rural stratum: no rural value and no households left behind', () => {
		const mobile = indicator('TZ-02', 'hh_owns_mobile');
		expect(mobile.latest.urban.value).not.toBeNull();
		expect(mobile.latest.rural.value).toBeNull();
		expect(mobile.latest.gap.estimate).toBeNull();
		expect(mobile.latest.leftBehind).toBeNull();
	});

	it('the value query keeps the rank over all regions when only one is asked for', async () => {
		const one = await db.query(profileValuesQuery(['TZ-03']));
		const all = await db.query(profileValuesQuery(data.regions.map((r) => r.isoCode)));
		const pick = (rows: typeof one) =>
			rows.filter((r) => r.geo_code === 'TZ-03').map((r) => [r.indicator_id, r.year, r.total_rank]);
		expect(pick(one)).toEqual(pick(all));
		expect(await db.query(profileValuesQuery([]))).toEqual([]);
		expect(await db.query(ruralHouseholdsQuery(['TZ-02']))).toEqual([]);
	});

	it('unknown codes are left out of the profiles', async () => {
		const out = await fetchRegionProfiles(db, data.regions, data.indicators, ['TZ-99', 'TZ-03']);
		expect(out.map((p) => p.region.isoCode)).toEqual(['TZ-03']);
	});
});

describe('gap figures (hand-worked)', () => {
	const est = (value: number, lower: number, upper: number, ciLevel: number): SourcedEstimate => ({
		value,
		lower,
		upper,
		se: null,
		n: null,
		note: null,
		ciLevel,
		sourceId: null
	});

	it('recovers standard errors from 90% intervals when none was published', () => {
		const z90 = 1.6448536269514722;
		expect(estimateSe(est(60, 50, 70, 0.9))).toEqual({
			se: expect.closeTo(20 / (2 * z90), 12),
			source: 'interval'
		});
		const g = gapFigures(est(60, 50, 70, 0.9), est(40, 32, 48, 0.9));
		const se = Math.sqrt((10 / z90) ** 2 + (8 / z90) ** 2);
		expect(g.seSource).toBe('interval');
		expect(g.z).toBeCloseTo(z90, 12);
		expect(g.estimate).toMatchObject({ gap: 20, significant: true });
		expect(g.estimate!.lower).toBeCloseTo(20 - z90 * se, 12);
		expect(g.parity).toBeCloseTo(40 / 60, 12);
	});

	it('marks a gap whose interval includes zero as not significant', () => {
		const g = gapFigures(est(55, 45, 65, 0.9), est(50, 40, 60, 0.9));
		expect(g.estimate!.lower! < 0 && g.estimate!.upper! > 0).toBe(true);
		expect(g.estimate!.significant).toBe(false);
	});

	it('a region with no rows still has one entry per indicator year, all missing', () => {
		const p = buildIndicatorProfile(
			{
				id: 'x',
				label: { en: 'X', sw: 'X' },
				unit: 'percent',
				definition: { en: '', sw: '' },
				hasUrbanRural: true,
				years: [2024, 2021],
				periods: { 2021: '2021', 2024: '2024' },
				synthetic: true
			},
			[],
			new Map([[2024, 1000]]),
			[]
		);
		expect(p.years.map((y) => y.year)).toEqual([2021, 2024]);
		expect(p.latest.total.value).toBeNull();
		expect(p.latest.rank).toBeNull();
		expect(p.latest.leftBehind).toBeNull();
		expect(p.yearsToParity).toBeNull();
	});
});

describe('region lists', () => {
	it('the directory read from regions.csv matches the regions DuckDB loaded', () => {
		const directory = regionDirectory(readText('regions.csv'));
		expect(directory).toHaveLength(31);
		expect(directory.filter((r) => r.zone === 'Zanzibar').map((r) => r.nameOfficial)).toEqual([
			'Kaskazini Unguja',
			'Kusini Unguja',
			'Mjini Magharibi',
			'Kaskazini Pemba',
			'Kusini Pemba'
		]);
		const loaded = new Map(data.regions.map((r) => [r.isoCode, r]));
		for (const r of directory) expect(loaded.get(r.isoCode)).toMatchObject(r);
	});
});

describe('profile text', () => {
	const join = (a: string, b: string) => `${a} to ${b}`;
	it('a value with its interval; missing values in the caller words', () => {
		expect(
			formatEstimate({ value: 61.6, lower: 53.4, upper: 69.2 }, 'percent', 'en-GB', 'no data', join)
		).toBe('61.6% (53.4–69.2)');
		expect(
			formatEstimate({ value: 38.9, lower: null, upper: null }, 'percent', 'en-GB', '–', join)
		).toBe('38.9%');
		expect(
			formatEstimate({ value: null, lower: 1, upper: 2 }, 'percent', 'en-GB', 'no data', join)
		).toBe('no data');
		expect(formatRange(-3.14, 4, 'pp', 'en-GB', join)).toBe('-3.1 pp to +4.0 pp');
		expect(
			formatEstimate({ value: 9102203, lower: null, upper: null }, 'count', 'en-GB', '', join)
		).toBe('9,102,203');
	});
	it('wraps chart labels at spaces into two lines at most', () => {
		expect(wrapLabel('Households owning a mobile phone (synthetic) (2024)', 30)).toEqual([
			'Households owning a mobile',
			'phone (synthetic) (2024)'
		]);
		expect(wrapLabel('Short', 30)).toEqual(['Short']);
		const long = wrapLabel('one two three four five six seven eight', 10);
		expect(long).toHaveLength(2);
		expect(long[1]!.endsWith('…')).toBe(true);
	});
	it('keeps the language in links', () => {
		expect(langSuffix('en', 'en')).toBe('');
		expect(langSuffix('sw', 'en')).toBe('?lang=sw');
	});
});

describe('profile messages', () => {
	const messages = (locale: string) =>
		JSON.parse(readFileSync(join(root, 'messages/profile', `${locale}.json`), 'utf8')) as Record<
			string,
			string
		>;
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory()
				? files(join(dir, e.name))
				: /\.(svelte|ts)$/.test(e.name)
					? [join(dir, e.name)]
					: []
		);

	it('English and Kiswahili have the same keys, all prefixed profile_, none empty', () => {
		const en = messages('en');
		const sw = messages('sw');
		const keys = Object.keys(en).filter((k) => k !== '$schema');
		expect(keys.length).toBeGreaterThan(20);
		expect(Object.keys(sw).sort()).toEqual(Object.keys(en).sort());
		for (const k of keys) {
			expect(k).toMatch(/^profile_/);
			expect(en[k]!.trim(), k).not.toBe('');
			expect(sw[k]!.trim(), k).not.toBe('');
		}
	});

	it('every m.profile_…() used in the profile pages exists', () => {
		const en = messages('en');
		const used = new Set<string>();
		for (const dir of [
			'src/routes/region',
			'src/routes/regions',
			'src/routes/compare',
			'src/lib/ui'
		]) {
			for (const file of files(join(root, dir)))
				for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.(profile_[a-z0-9_]+)\(/g))
					used.add(match[1]!);
		}
		expect([...used].filter((k) => !(k in en))).toEqual([]);
	});
});
