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
import type { IndicatorInfo } from '$lib/domain/indicators';
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
		// Weighted rural households of the survey × shortfall, and × each end of the gap's interval.
		expect(y.leftBehind!.ruralHouseholds).toBeCloseTo(rural.weight, 6);
		expect(y.leftBehind!.households).toBeCloseTo((rural.weight * Math.max(0, gap)) / 100, 6);
		expect(y.leftBehind!.lower).toBeCloseTo(
			(rural.weight * Math.max(0, gap - 1.959963984540054 * se)) / 100,
			6
		);
		expect(y.leftBehind!.upper).toBeCloseTo(
			(rural.weight * Math.max(0, gap + 1.959963984540054 * se)) / 100,
			6
		);
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

	it('years to parity: only when the gap is closing measurably, from the last two rounds', () => {
		// Independent: the gaps and their standard errors from the estimates' own se columns,
		// the narrowing's se √(se_gap₁² + se_gap₂²), closing when narrowing + 1.96 se < 0.
		const z95 = 1.959963984540054;
		let closing = 0;
		let notClosing = 0;
		for (const p of profiles) {
			for (const ind of p.indicators.filter((i) => i.indicator.hasUrbanRural)) {
				const [a, b] = ind.years;
				const label = `${p.region.isoCode} ${ind.indicator.id}`;
				const gapOf = (y: typeof a) =>
					y && y.urban.value !== null && y.rural.value !== null
						? {
								gap: y.urban.value - y.rural.value,
								se: Math.sqrt(y.urban.se! ** 2 + y.rural.se! ** 2)
							}
						: null;
				const before = gapOf(a);
				const now = gapOf(b);
				if (!before || !now || !(now.gap > 0)) {
					expect(ind.yearsToParity, label).toBeNull();
					continue;
				}
				const d = now.gap - before.gap;
				const se = Math.sqrt(now.se ** 2 + before.se ** 2);
				const p2 = ind.yearsToParity!.projection;
				expect(ind.yearsToParity!.ciLevel).toBe(0.95);
				expect(p2.narrowing.value, label).toBeCloseTo(d, 9);
				expect(p2.narrowing.upper, label).toBeCloseTo(d + z95 * se, 9);
				if (d + z95 * se < 0) {
					closing++;
					if (!p2.closing) throw new Error(`${label} should be closing`);
					expect(p2.years).toBeCloseTo(now.gap / (-d / 3), 9);
					expect(p2.lower).toBeCloseTo(now.gap / ((-d + z95 * se) / 3), 9);
					expect(p2.upper).toBeCloseTo(now.gap / ((-d - z95 * se) / 3), 9);
				} else {
					notClosing++;
					expect(p2.closing, label).toBe(false);
				}
			}
		}
		expect(closing + notClosing).toBeGreaterThan(0);
	});

	it('the change between rounds carries its interval; a round before 2016 meets Songwe', async () => {
		const [songwe, mbeya] = await fetchRegionProfiles(db, data.regions, data.indicators, [
			'TZ-31',
			'TZ-14'
		]);
		const women = songwe!.indicators.find((i) => i.indicator.id === 'women_mobile_phone')!;
		const c = women.latest.totalChange!;
		// 45.2 (32.2–58.9) → 50.7 (40.2–61.1), both 90%: +5.5 ± √(20.9² + 26.7²) / 2 = ± 16.9536
		expect(c.fromYear).toBe(2016);
		expect(c.ciLevel).toBe(0.9);
		expect(c.seSource).toBe('interval');
		expect(c.estimate!.value).toBeCloseTo(5.5, 9);
		expect(c.estimate!.upper! - c.estimate!.value).toBeCloseTo(16.9536, 3);
		expect(c.estimate!.significant).toBe(false);
		// 2015-16 began in 2015, before Songwe was split from Mbeya in 2016.
		expect(c.boundaryNotes).toEqual([
			{ region: 'TZ-31', role: 'created', year: 2016, others: ['TZ-14'] }
		]);
		expect(women.years[0]!.totalChange).toBeNull();
		const mbeyaWomen = mbeya!.indicators.find((i) => i.indicator.id === 'women_mobile_phone')!;
		expect(mbeyaWomen.latest.totalChange!.boundaryNotes).toEqual([
			{ region: 'TZ-14', role: 'source', year: 2016, others: ['TZ-31'] }
		]);
		// Dodoma: no boundary change, a change clear of zero.
		const dodoma = indicator('TZ-03', 'women_mobile_phone').latest.totalChange!;
		expect(dodoma.boundaryNotes).toEqual([]);
		expect(dodoma.estimate!.significant).toBe(true);
		// The synthetic rounds 2021 and 2024 meet no boundary change.
		const mobile = songwe!.indicators.find((i) => i.indicator.id === 'hh_owns_mobile')!;
		expect(mobile.latest.totalChange!.boundaryNotes).toEqual([]);
		expect(mobile.latest.gapChange!.boundaryNotes).toEqual([]);
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

/** An indicator of two survey rounds with an urban–rural split, for profiles built by hand. */
const SURVEY_LIKE: IndicatorInfo = {
	id: 'x',
	label: { en: 'X', sw: 'X' },
	unit: 'percent',
	definition: { en: '', sw: '' },
	hasUrbanRural: true,
	years: [2021, 2024],
	periods: { 2021: '2021', 2024: '2024' },
	synthetic: true
};

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

	it('a hand-worked profile: gap change, projection with its range, households with theirs', () => {
		// 2021: urban 80 (se 1.2), rural 50 (se 0.9) → gap 30, se √(1.44 + 0.81) = 1.5
		// 2024: urban 85 (se 0.96), rural 64 (se 0.72) → gap 21, se √(0.9216 + 0.5184) = 1.2
		// gap change −9, se √(1.5² + 1.2²) = √3.69 = 1.92094; 95%: −9 ± 3.76497 → −12.765 … −5.235
		// years: 21 / (9 / 3) = 7; range 63 / 12.76497 = 4.93538 … 63 / 5.23503 = 12.03431
		// 2024 gap interval 21 ± 1.959964 × 1.2 = 21 ± 2.35196 → 18.64804 … 23.35196;
		// 10,000 rural households: 2,100 (1,864.80 … 2,335.20)
		const area = (a: string, value: number, se: number) => ({
			[`${a}_value`]: value,
			[`${a}_se`]: se,
			[`${a}_ci_level`]: 0.95,
			[`${a}_source_id`]: 'synthetic-demo'
		});
		const p = buildIndicatorProfile(
			SURVEY_LIKE,
			[
				{
					year: 2021,
					...area('total', 60, 1),
					...area('urban', 80, 1.2),
					...area('rural', 50, 0.9)
				},
				{
					year: 2024,
					...area('total', 70, 1),
					...area('urban', 85, 0.96),
					...area('rural', 64, 0.72)
				}
			],
			new Map([[2024, 10_000]]),
			[],
			'TZ-03'
		);
		const g = p.latest.gapChange!;
		expect(g.fromYear).toBe(2021);
		expect(g.seSource).toBe('published');
		expect(g.estimate!.value).toBeCloseTo(-9, 12);
		expect(g.estimate!.se).toBeCloseTo(1.92094, 5);
		expect(g.estimate!.lower).toBeCloseTo(-12.76497, 4);
		expect(g.estimate!.upper).toBeCloseTo(-5.23503, 4);
		const proj = p.yearsToParity!.projection;
		if (!proj.closing) throw new Error('closing expected');
		expect(proj.years).toBeCloseTo(7, 12);
		expect(proj.lower).toBeCloseTo(4.93538, 4);
		expect(proj.upper).toBeCloseTo(12.03431, 4);
		expect(p.latest.leftBehind).toMatchObject({ households: 2_100, ruralHouseholds: 10_000 });
		expect(p.latest.leftBehind!.lower).toBeCloseTo(1_864.804, 2);
		expect(p.latest.leftBehind!.upper).toBeCloseTo(2_335.196, 2);
		// total 60 (se 1) → 70 (se 1): +10 ± 1.959964 × √2 = ± 2.77181
		expect(p.latest.totalChange!.estimate!.lower).toBeCloseTo(7.22819, 4);
		expect(p.latest.totalChange!.estimate!.significant).toBe(true);
	});

	it('a region with no rows still has one entry per indicator year, all missing', () => {
		const p = buildIndicatorProfile(
			{ ...SURVEY_LIKE, years: [2024, 2021] },
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
