// Checks on the bundled data files under data/. Every figure is recomputed here from the CSV
// text; nothing is imported from the app but the survey's column list (surveyColumns.js, which
// the generator writes the file with), so these tests catch a bad edit to the data itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { SURVEY_COLUMNS, SURVEY_ITEMS } from './surveyColumns.js';

/** Every column name of the bundled files, so a row's fields are typed as present. */
type Column =
	| 'area'
	| 'ci_level'
	| 'cluster'
	| 'definition_en'
	| 'geo_code'
	| 'geo_level'
	| 'has_urban_rural'
	| 'hh_id'
	| 'indicator_id'
	| 'iso_code'
	| 'label_en'
	| 'label_sw'
	| 'definition_sw'
	| 'licence'
	| 'lower'
	| 'name_en'
	| 'name_official'
	| 'nbs_code'
	| 'note'
	| 'owns_mobile'
	| 'owns_smartphone'
	| 'period'
	| 'population_2022'
	| 'publisher'
	| 'region'
	| 'residence'
	| 'source_id'
	| 'source_ids'
	| 'stratum'
	| 'title'
	| 'unit'
	| 'upper'
	| 'used_emrejesho'
	| 'used_gepg'
	| 'used_internet'
	| 'used_mgov'
	| 'uses_mobile_money'
	| 'value'
	| 'variants'
	| 'weight'
	| 'year'
	| 'zone';
type Row = Record<Column, string>;

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dataPath = (name: string) => join(root, 'data', name);

function readText(name: string): string {
	return readFileSync(dataPath(name), 'utf8');
}

function readCsv(name: string): { fields: string[]; rows: Row[] } {
	const parsed = Papa.parse<Row>(readText(name), { header: true, skipEmptyLines: true });
	expect(parsed.errors, `${name} parses cleanly`).toEqual([]);
	return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

const regions = readCsv('regions.csv');
const sources = readCsv('sources.csv');
const definitions = readCsv('indicator-definitions.csv');
const indicators = readCsv('indicators.csv');

const key = (s: string) => s.trim().toLowerCase();

/** Every spelling (official, English, variants) lower-cased, mapped to the ISO codes it names. */
function spellingIndex(): Map<string, Set<string>> {
	const index = new Map<string, Set<string>>();
	for (const r of regions.rows) {
		const spellings = [r.name_official, r.name_en, ...r.variants.split('|').filter(Boolean)];
		for (const s of spellings) {
			const k = key(s);
			if (!index.has(k)) index.set(k, new Set());
			index.get(k)!.add(r.iso_code);
		}
	}
	return index;
}

describe('bundled text files', () => {
	it.each(['regions.csv', 'sources.csv', 'indicator-definitions.csv', 'indicators.csv'])(
		'%s is UTF-8 without BOM, with \\n line ends and a final newline',
		(name) => {
			const text = readText(name);
			expect(text.charCodeAt(0)).not.toBe(0xfeff);
			expect(text.includes('\r')).toBe(false);
			expect(text.endsWith('\n')).toBe(true);
		}
	);
});

describe('regions.csv', () => {
	it('has the expected columns', () => {
		expect(regions.fields).toEqual([
			'nbs_code',
			'iso_code',
			'name_official',
			'name_en',
			'zone',
			'population_2022',
			'variants'
		]);
	});

	it('has 31 regions with unique codes and names', () => {
		expect(regions.rows).toHaveLength(31);
		expect(new Set(regions.rows.map((r) => r.nbs_code)).size).toBe(31);
		expect(new Set(regions.rows.map((r) => r.iso_code)).size).toBe(31);
		expect(new Set(regions.rows.map((r) => key(r.name_official))).size).toBe(31);
		expect(new Set(regions.rows.map((r) => key(r.name_en))).size).toBe(31);
	});

	it('uses every ISO code TZ-01..TZ-31 exactly once', () => {
		const expected = Array.from({ length: 31 }, (_, i) => `TZ-${String(i + 1).padStart(2, '0')}`);
		expect(regions.rows.map((r) => r.iso_code).sort()).toEqual(expected);
	});

	it('keeps NBS codes as two-digit text (01-26 Mainland, 51-55 Zanzibar)', () => {
		for (const r of regions.rows) {
			expect(r.nbs_code).toMatch(/^\d{2}$/);
			const n = Number(r.nbs_code);
			expect(r.zone).toBe(n <= 26 ? 'Mainland' : 'Zanzibar');
		}
		const zones = regions.rows.map((r) => r.zone);
		expect(zones.filter((z) => z === 'Mainland')).toHaveLength(26);
		expect(zones.filter((z) => z === 'Zanzibar')).toHaveLength(5);
	});

	it('does not tie NBS numbers to ISO numbers (spot checks from DATA.md)', () => {
		const byNbs = new Map(regions.rows.map((r) => [r.nbs_code, r]));
		expect(byNbs.get('01')?.iso_code).toBe('TZ-03');
		expect(byNbs.get('07')?.iso_code).toBe('TZ-02');
		expect(byNbs.get('06')?.name_en).toBe('Coast');
		expect(byNbs.get('53')?.name_official).toBe('Mjini Magharibi');
		expect(byNbs.get('53')?.iso_code).toBe('TZ-15');
		expect(byNbs.get('26')?.name_official).toBe('Songwe');
		expect(byNbs.get('26')?.iso_code).toBe('TZ-31');
	});

	it('includes the regions created in 2012 and 2016', () => {
		const names = regions.rows.map((r) => r.name_official);
		for (const n of ['Songwe', 'Njombe', 'Katavi', 'Simiyu', 'Geita']) {
			expect(names).toContain(n);
		}
	});

	it('has 2022 census populations that sum to exactly 61,741,120', () => {
		let sum = 0;
		for (const r of regions.rows) {
			expect(r.population_2022).toMatch(/^\d+$/);
			sum += Number(r.population_2022);
		}
		expect(sum).toBe(61741120);
	});

	it('has variants that name only one region and never an island alone', () => {
		const index = spellingIndex();
		for (const [spelling, codes] of index) {
			expect(codes.size, `"${spelling}" names ${[...codes].join(', ')}`).toBe(1);
		}
		for (const island of ['unguja', 'pemba']) {
			expect(index.has(island)).toBe(false);
		}
		const resolve1 = (s: string) => [...(index.get(key(s)) ?? [])][0];
		expect(resolve1('DSM')).toBe('TZ-02');
		expect(resolve1('Dar-es-salaam')).toBe('TZ-02');
		expect(resolve1('Town West')).toBe('TZ-15');
		expect(resolve1('Minji/Magharibi Unguja')).toBe('TZ-15');
		expect(resolve1('Zanzibar South & Central')).toBe('TZ-11');
		expect(resolve1('Pemba North')).toBe('TZ-06');
		expect(resolve1('Coast')).toBe('TZ-19');
		expect(resolve1('dodoma')).toBe('TZ-03');
	});
});

describe('sources.csv and indicator-definitions.csv', () => {
	it('have the expected columns and unique ids', () => {
		expect(sources.fields).toEqual([
			'source_id',
			'title',
			'title_sw',
			'publisher',
			'year',
			'licence',
			'licence_sw',
			'note'
		]);
		expect(definitions.fields).toEqual([
			'indicator_id',
			'label_en',
			'unit',
			'definition_en',
			'label_sw',
			'definition_sw',
			'has_urban_rural',
			'source_ids'
		]);
		const sourceIds = sources.rows.map((r) => r.source_id);
		expect(new Set(sourceIds).size).toBe(sourceIds.length);
		const indicatorIds = definitions.rows.map((r) => r.indicator_id);
		expect(new Set(indicatorIds).size).toBe(indicatorIds.length);
	});

	it('have well-formed units, flags and source references', () => {
		const sourceIds = new Set(sources.rows.map((r) => r.source_id));
		for (const d of definitions.rows) {
			expect(['percent', 'count', 'per100']).toContain(d.unit);
			expect(['true', 'false']).toContain(d.has_urban_rural);
			for (const s of d.source_ids.split('|')) expect(sourceIds).toContain(s);
		}
		for (const s of sources.rows) {
			if (s.year !== '') expect(s.year).toMatch(/^\d{4}$/);
			expect(s.title).not.toBe('');
			expect(s.licence).not.toBe('');
		}
	});

	it('label the synthetic source and items as synthetic', () => {
		const synthetic = sources.rows.find((r) => r.source_id === 'synthetic-demo');
		expect(synthetic?.note).toContain('synthetic demonstration data, not official statistics');
		const items = definitions.rows.filter((d) => d.source_ids === 'synthetic-demo');
		expect(items.map((d) => d.indicator_id).sort()).toEqual(
			[
				'hh_owns_mobile',
				'hh_owns_smartphone',
				'hh_used_internet',
				'hh_uses_mobile_money',
				'hh_used_emrejesho',
				'hh_used_gepg',
				'hh_used_mgov'
			].sort()
		);
		for (const d of items) {
			expect(d.definition_en.toLowerCase()).toContain('synthetic');
			expect(d.has_urban_rural).toBe('true');
			expect(d.unit).toBe('percent');
		}
	});

	it('define SIMs per 100 as a derived per100 indicator', () => {
		const d = definitions.rows.find((r) => r.indicator_id === 'sims_per_100');
		expect(d?.unit).toBe('per100');
		expect(d?.definition_en).toContain('SIMs are counts, not people');
		expect(d?.source_ids.split('|')).toContain('derived-pengo');
	});
});

describe('indicators.csv', () => {
	const rows = indicators.rows;
	const isoCodes = new Set(regions.rows.map((r) => r.iso_code));
	const isoOf = (name: string) => regions.rows.find((r) => r.name_official === name)!.iso_code;
	const sims = rows.filter((r) => r.indicator_id === 'active_sims');
	const simValue = (geo: string) => sims.find((r) => r.geo_code === geo)?.value;

	it('has the expected columns', () => {
		expect(indicators.fields).toEqual([
			'indicator_id',
			'geo_level',
			'geo_code',
			'area',
			'period',
			'year',
			'value',
			'lower',
			'upper',
			'ci_level',
			'unit',
			'source_id',
			'note'
		]);
	});

	it('refers only to known sources and indicators, never to the synthetic source', () => {
		const sourceIds = new Set(sources.rows.map((r) => r.source_id));
		const defs = new Map(definitions.rows.map((d) => [d.indicator_id, d]));
		for (const r of rows) {
			expect(sourceIds).toContain(r.source_id);
			expect(defs.has(r.indicator_id), r.indicator_id).toBe(true);
			expect(r.unit).toBe(defs.get(r.indicator_id)!.unit);
			expect(r.source_id).not.toBe('synthetic-demo');
		}
		expect(rows.some((r) => r.indicator_id === 'sims_per_100')).toBe(false);
	});

	it('uses the geo_level and area conventions', () => {
		for (const r of rows) {
			expect(['region', 'island', 'mainland', 'national']).toContain(r.geo_level);
			expect(['total', 'urban', 'rural', 'other_urban']).toContain(r.area);
			if (r.geo_level === 'region') expect(isoCodes).toContain(r.geo_code);
			if (r.geo_level === 'island') expect(['UNGUJA', 'PEMBA']).toContain(r.geo_code);
			if (r.geo_level === 'mainland') expect(r.geo_code).toBe('TZ-MAINLAND');
			if (r.geo_level === 'national') expect(r.geo_code).toBe('TZ');
			if (['UNGUJA', 'PEMBA'].includes(r.geo_code)) expect(r.geo_level).toBe('island');
			expect(r.year).toMatch(/^\d{4}$/);
			expect(r.period).not.toBe('');
		}
	});

	it('has numeric values and consistent confidence intervals', () => {
		for (const r of rows) {
			for (const c of ['value', 'lower', 'upper', 'ci_level'] as const) {
				if (r[c] !== '') expect(Number.isFinite(Number(r[c])), `${c}=${r[c]}`).toBe(true);
			}
			if (r.lower !== '' || r.upper !== '') {
				expect(r.lower).not.toBe('');
				expect(r.upper).not.toBe('');
				expect(Number(r.lower)).toBeLessThanOrEqual(Number(r.value));
				expect(Number(r.value)).toBeLessThanOrEqual(Number(r.upper));
				expect(r.ci_level).toBe('0.90');
			}
		}
	});

	it('has women_mobile_phone for all 31 regions in both DHS rounds', () => {
		const women = rows.filter((r) => r.indicator_id === 'women_mobile_phone');
		expect(women).toHaveLength(62);
		for (const year of ['2016', '2022']) {
			const inYear = women.filter((r) => r.year === year);
			expect(new Set(inYear.map((r) => r.geo_code))).toEqual(isoCodes);
			for (const r of inYear) {
				expect(r.geo_level).toBe('region');
				expect(r.area).toBe('total');
				expect(r.source_id).toBe('dhs-2015-16-2022-uw-sae');
				expect(Number(r.value)).toBeGreaterThan(0);
				expect(Number(r.value)).toBeLessThan(100);
			}
		}
		expect(new Set(women.filter((r) => r.year === '2016').map((r) => r.period))).toEqual(
			new Set(['2015-16'])
		);
	});

	it('matches DATA.md for the 2022 Dar es Salaam women value (87.2, 84.7-89.3)', () => {
		const dar = rows.find(
			(r) =>
				r.indicator_id === 'women_mobile_phone' &&
				r.geo_code === isoOf('Dar es Salaam') &&
				r.year === '2022'
		);
		expect(dar?.geo_code).toBe('TZ-02');
		expect(Number(dar?.value)).toBe(87.2);
		expect(Number(dar?.lower)).toBe(84.7);
		expect(Number(dar?.upper)).toBe(89.3);
	});

	it('has every published June 2022 active SIM figure', () => {
		for (const r of sims) {
			expect(r.period).toBe('2022-06');
			expect(r.year).toBe('2022');
		}
		const exact: Record<string, number> = {
			'Dar es Salaam': 9102203,
			Mwanza: 3376532,
			Arusha: 3263398,
			Tabora: 3000849,
			Mbeya: 2961516,
			Morogoro: 2945790,
			Dodoma: 2864302,
			Kilimanjaro: 2211867,
			Tanga: 2098929,
			Geita: 2050124,
			Mtwara: 1649664,
			Shinyanga: 1641547,
			Pwani: 1630142
		};
		for (const [name, v] of Object.entries(exact)) {
			expect(Number(simValue(isoOf(name))), name).toBe(v);
		}
		const rounded: Record<string, number> = {
			Kagera: 1560000,
			Mara: 1550000,
			Ruvuma: 1510000,
			Manyara: 1440000,
			Iringa: 1430000,
			Singida: 1390000,
			Kigoma: 1250000,
			Songwe: 1130000,
			Lindi: 1080000,
			Rukwa: 1000000,
			Njombe: 897453,
			Katavi: 658809
		};
		for (const [name, v] of Object.entries(rounded)) {
			expect(Number(simValue(isoOf(name))), name).toBe(v);
		}
		const unguja = sims.find((r) => r.geo_code === 'UNGUJA');
		const pemba = sims.find((r) => r.geo_code === 'PEMBA');
		expect(unguja?.geo_level).toBe('island');
		expect(pemba?.geo_level).toBe('island');
		expect(Number(unguja?.value)).toBe(414763);
		expect(Number(pemba?.value)).toBe(186369);
		const national = sims.find((r) => r.geo_level === 'national');
		expect(Number(national?.value)).toBe(56153097);
		// No Zanzibar region is given a SIM count: only the island totals exist.
		const zanzibar = regions.rows.filter((r) => r.zone === 'Zanzibar').map((r) => r.iso_code);
		for (const code of zanzibar) expect(simValue(code)).toBeUndefined();
	});

	it('keeps Simiyu active SIMs empty (no data, not zero)', () => {
		const simiyu = sims.filter((r) => r.geo_code === isoOf('Simiyu'));
		expect(simiyu).toHaveLength(1);
		expect(simiyu[0]!.value).toBe('');
		expect(simiyu[0]!.note).toContain('no data');
	});

	it('has the HBS 2007 household phone figures with their areas', () => {
		const hbs = rows.filter((r) => r.indicator_id === 'hh_mobile_phone_hbs');
		const get = (geo: string, area: string) =>
			Number(hbs.find((r) => r.geo_code === geo && r.area === area)?.value);
		expect(get('TZ-02', 'total')).toBe(62.8);
		expect(get('TZ-MAINLAND', 'other_urban')).toBe(42.5);
		expect(get('TZ-MAINLAND', 'rural')).toBe(13.9);
		expect(get('TZ-MAINLAND', 'total')).toBe(24.5);
	});
});

describe('survey-synthetic.csv', () => {
	const HEADER: readonly string[] = SURVEY_COLUMNS;
	const ITEMS: readonly Column[] = SURVEY_ITEMS;
	const text = readText('survey-synthetic.csv');
	const survey = readCsv('survey-synthetic.csv');
	const index = spellingIndex();
	const tmp = mkdtempSync(join(tmpdir(), 'pengo-survey-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('has exactly the expected header and a sensible size', () => {
		expect(text.split('\n', 1)[0]).toBe(HEADER.join(','));
		expect(survey.fields).toEqual(HEADER);
		expect(survey.rows.length).toBeGreaterThanOrEqual(30000);
		expect(survey.rows.length).toBeLessThanOrEqual(50000);
		expect(text.includes('\r')).toBe(false);
		expect(new Set(survey.rows.map((r) => r.hh_id)).size).toBe(survey.rows.length);
	});

	it('writes every region with a spelling that resolves to exactly one region', () => {
		const seen = new Map<string, Set<string>>();
		const problems: string[] = [];
		for (const r of survey.rows) {
			const codes = index.get(key(r.region));
			if (codes?.size !== 1) {
				problems.push(`"${r.region}" resolves to ${codes?.size ?? 0} regions`);
				continue;
			}
			const iso = [...codes][0]!;
			if (!r.stratum.startsWith(`${iso}-`)) problems.push(`"${r.region}" in ${r.stratum}`);
			if (!seen.has(r.year)) seen.set(r.year, new Set());
			seen.get(r.year)!.add(iso);
		}
		expect([...new Set(problems)].slice(0, 20)).toEqual([]);
		expect([...seen.keys()].sort()).toEqual(['2021', '2024']);
		const all = new Set(regions.rows.map((r) => r.iso_code));
		for (const codes of seen.values()) expect(codes).toEqual(all);
	});

	it('uses some non-official spellings so name matching is exercised', () => {
		const official = new Set(regions.rows.map((r) => r.name_official));
		const other = new Set(survey.rows.map((r) => r.region).filter((s) => !official.has(s)));
		expect(other.size).toBeGreaterThanOrEqual(5);
	});

	it('has positive weights, Urban/Rural residence and 0/1 items', () => {
		// Collect problems instead of asserting per row: 34,000 rows x 12 checks is slow otherwise.
		const problems: string[] = [];
		for (const r of survey.rows) {
			const w = Number(r.weight);
			if (!(Number.isFinite(w) && w > 0)) problems.push(`${r.hh_id}: weight ${r.weight}`);
			if (r.residence !== 'Urban' && r.residence !== 'Rural') {
				problems.push(`${r.hh_id}: residence ${r.residence}`);
			}
			if (r.stratum !== `${r.stratum.slice(0, 5)}-${r.residence.charAt(0)}`) {
				problems.push(`${r.hh_id}: stratum ${r.stratum} for ${r.residence}`);
			}
			if (!/^\d+$/.test(r.cluster)) problems.push(`${r.hh_id}: cluster ${r.cluster}`);
			for (const item of ITEMS) {
				if (r[item] !== '0' && r[item] !== '1') problems.push(`${r.hh_id}: ${item}=${r[item]}`);
			}
			if (r.owns_smartphone === '1' && r.owns_mobile !== '1') {
				problems.push(`${r.hh_id}: smartphone without mobile`);
			}
			if (r.used_mgov === '1' && r.owns_mobile !== '1') {
				problems.push(`${r.hh_id}: mGov without mobile`);
			}
		}
		expect(problems.slice(0, 20)).toEqual([]);
	});

	it('has at least two clusters per stratum in each year, each cluster in one stratum', () => {
		const clusters = new Map<string, Set<string>>();
		const stratumOf = new Map<string, string>();
		for (const r of survey.rows) {
			const k = `${r.year}|${r.stratum}`;
			if (!clusters.has(k)) clusters.set(k, new Set());
			clusters.get(k)!.add(r.cluster);
			const ck = `${r.year}|${r.cluster}`;
			expect(stratumOf.get(ck) ?? r.stratum).toBe(r.stratum);
			stratumOf.set(ck, r.stratum);
		}
		for (const [k, set] of clusters) expect(set.size, k).toBeGreaterThanOrEqual(2);
		const strata = (year: string) =>
			[...clusters.keys()].filter((k) => k.startsWith(`${year}|`)).map((k) => k.slice(5));
		expect(strata('2021').sort()).toEqual(strata('2024').sort());
		// Dar es Salaam is all urban: no rural stratum.
		expect(strata('2024')).not.toContain('TZ-02-R');
	});

	it('shows a rural gap in household mobile ownership (weighted)', () => {
		const share = (year: string, residence: string) => {
			let w = 0;
			let wy = 0;
			for (const r of survey.rows) {
				if (r.year !== year || r.residence !== residence) continue;
				w += Number(r.weight);
				wy += Number(r.weight) * Number(r.owns_mobile);
			}
			return wy / w;
		};
		for (const year of ['2021', '2024']) {
			expect(share(year, 'Urban')).toBeGreaterThan(share(year, 'Rural'));
		}
	});

	it('is reproduced byte for byte by the generator with the default seed', () => {
		const out = join(tmp, 'survey.csv');
		execFileSync(process.execPath, [join(root, 'scripts', 'generate-survey.mjs'), '--out', out], {
			cwd: root,
			stdio: 'pipe'
		});
		const regenerated = readFileSync(out);
		expect(regenerated.equals(readFileSync(dataPath('survey-synthetic.csv')))).toBe(true);
	});
});
