import type { SourcedEstimate } from '$lib/domain/estimate';
import { describe, expect, it } from 'vitest';
import type { IndicatorProfile, ProfileYear, RoundChange } from '$lib/data/regionProfile';
import type { ServicePoint, ServicesView } from '$lib/data/services';
import { csvField } from './csvWriter';
import { INDICATOR, SOURCES, TEXT } from './fixtures.test-data';
import { componentColumn, indexDataTable } from './indexCsv';
import { compareDataTable, PROFILE_COLUMNS, profileDataTable } from './profileCsv';
import { servicesDataTable } from './servicesCsv';
import { columnWidths, tableFigure } from './tableFigure';
import { serializeSvg } from './svgTree';

const est = (value: number | null, lower: number | null = null, upper: number | null = null) =>
	({
		value,
		lower,
		upper,
		se: null,
		n: 100,
		note: null,
		ciLevel: 0.9,
		sourceId: 'demo-survey'
	}) as SourcedEstimate;

/** A change from 2016 at 90%, across the Songwe boundary change. */
const roundChange = (
	value: number,
	se: number,
	lower: number,
	upper: number,
	significant: boolean
): RoundChange => ({
	estimate: { value, se, lower, upper, significant },
	seSource: 'interval',
	ciLevel: 0.9,
	z: 1.645,
	fromYear: 2016,
	boundaryNotes: [{ region: 'TZ-31', role: 'created', year: 2016, others: ['TZ-14'] }]
});

function year(y: number, total: number | null, urban: number, rural: number): ProfileYear {
	return {
		year: y,
		period: String(y),
		total: est(total, total === null ? null : total - 2, total === null ? null : total + 2),
		urban: est(urban, urban - 3, urban + 3),
		rural: est(rural, rural - 4, rural + 4),
		national: y === 2022 ? { total: est(70, 68, 72), urban: est(85), rural: est(60) } : null,
		rank: 4,
		rankedRegions: 31,
		gap: {
			estimate: {
				gap: urban - rural,
				se: 2,
				lower: urban - rural - 4,
				upper: urban - rural + 4,
				significant: true
			},
			seSource: 'interval',
			ciLevel: 0.9,
			z: 1.645,
			parity: rural / urban
		},
		changeFromPrevious: y === 2022 ? 10 : null,
		previousYear: y === 2022 ? 2016 : null,
		// 50 → 60: +10, se 3 ⇒ 10 ± 1.645 × 3 = 10 ± 4.935, clear of zero
		totalChange: y === 2022 ? roundChange(10, 3, 5.065, 14.935, true) : null,
		// gap 30 → 30: 0 ± 1.645 × 2.83, not significant
		gapChange: y === 2022 ? roundChange(0, 2.83, -4.655, 4.655, false) : null,
		// 1,000 rural households × gap 30 (26 to 34) ÷ 100 = 300 (260 to 340)
		leftBehind:
			y === 2022
				? { households: 300, lower: 260, upper: 340, ruralHouseholds: 1000, year: y }
				: null
	};
}

const earlier = year(2016, 50, 70, 40);
const latest = year(2022, 60, 80, 50);
const PROFILE: IndicatorProfile = {
	indicator: INDICATOR,
	years: [earlier, latest],
	latest,
	yearsToParity: {
		projection: {
			closing: false,
			narrowing: { value: 0, se: 2.83, lower: -4.655, upper: 4.655, significant: false }
		},
		fromYear: 2016,
		toYear: 2022,
		ciLevel: 0.9
	},
	sources: SOURCES
};
const col = (header: readonly string[], row: readonly unknown[], name: string) =>
	row[header.indexOf(name)];

describe('profileDataTable', () => {
	const names: Record<string, string> = { 'TZ-31': 'Songwe', 'TZ-14': 'Mbeya' };
	const t = profileDataTable(
		{
			code: 'TZ-03',
			name: 'Dodoma',
			indicators: [PROFILE],
			nameOf: (c) => names[c] ?? c
		},
		TEXT
	);

	it('has a row per round and the national row after the round that has one', () => {
		expect(t.header).toEqual([...PROFILE_COLUMNS]);
		expect(t.rows.map((r) => [r[0], r[3]])).toEqual([
			['TZ-03', 2016],
			['TZ-03', 2022],
			['TZ', 2022]
		]);
	});

	it('holds each figure with its interval, unrounded', () => {
		const row = t.rows[1]!;
		const at = (name: string) => col(t.header, row, name);
		expect([at('total'), at('total_lower'), at('total_upper')]).toEqual([60, 58, 62]);
		expect([at('gap'), at('gap_lower'), at('gap_upper'), at('gap_significant')]).toEqual([
			30,
			26,
			34,
			'true'
		]);
		expect(at('parity')).toBe(50 / 80);
		expect([at('rank'), at('ranked_regions'), at('change'), at('change_since_year')]).toEqual([
			4, 31, 10, 2016
		]);
		expect([at('change_lower'), at('change_upper'), at('change_ci_level')]).toEqual([
			5.065, 14.935, 0.9
		]);
		expect(at('change_significant')).toBe('true');
		expect([at('gap_change'), at('gap_change_since_year'), at('gap_change_significant')]).toEqual([
			0,
			2016,
			'false'
		]);
		expect(at('note')).toBe('gap_change: not significant');
		expect([
			at('households_left_behind'),
			at('households_left_behind_lower'),
			at('households_left_behind_upper')
		]).toEqual([300, 260, 340]);
		// Not closing measurably: no years to parity, and the projection belongs to the latest round.
		expect(at('gap_closing')).toBe('false');
		expect(at('years_to_parity')).toBeNull();
		expect(col(t.header, t.rows[0]!, 'gap_closing')).toBeNull();
		// One note for the two comparisons that meet the same change, regions by name.
		expect(at('boundary_note')).toBe('Songwe created 2016 (Mbeya), 2016–2022');
		expect(col(t.header, t.rows[0]!, 'boundary_note')).toBeNull();
		expect(at('source_ids')).toBe('demo-survey');
	});

	it('gives years to parity and its range only for a significant narrowing', () => {
		const closing: IndicatorProfile = {
			...PROFILE,
			yearsToParity: {
				projection: {
					closing: true,
					years: 7,
					lower: 63 / 13,
					upper: 12.6,
					narrowing: { value: -9, se: 2, lower: -13, upper: -5, significant: true }
				},
				fromYear: 2016,
				toYear: 2022,
				ciLevel: 0.9
			}
		};
		const c = profileDataTable({ code: 'TZ-03', name: 'Dodoma', indicators: [closing] }, TEXT);
		const at = (name: string) => col(c.header, c.rows[1]!, name);
		expect([at('gap_closing'), at('years_to_parity'), at('years_to_parity_upper')]).toEqual([
			'true',
			7,
			12.6
		]);
		expect(at('years_to_parity_lower')).toBeCloseTo(4.846, 3);
	});

	it('names the national row and takes its sources from the indicator', () => {
		const national = t.rows[2]!;
		expect(national.slice(0, 2)).toEqual(['TZ', TEXT.national]);
		expect(col(t.header, national, 'total_lower')).toBe(68);
		expect(col(t.header, national, 'gap')).toBeNull();
		expect(col(t.header, national, 'source_ids')).toBe('demo-survey;other');
	});
});

describe('compareDataTable', () => {
	it('takes the latest round of each region in the order chosen, then national', () => {
		const t = compareDataTable(
			[
				{ code: 'TZ-02', name: '=HYPERLINK("x")', profile: PROFILE },
				{ code: 'TZ-03', name: 'Dodoma', profile: PROFILE }
			],
			TEXT
		);
		expect(t.rows.map((r) => [r[0], r[3]])).toEqual([
			['TZ-02', 2022],
			['TZ-03', 2022],
			['TZ', 2022]
		]);
		expect(csvField(t.rows[0]![1]!)).toBe('"\'=HYPERLINK(""x"")"');
	});
});

describe('servicesDataTable', () => {
	const e = (value: number | null, n: number | null) => ({
		value,
		lower: value === null ? null : value - 5,
		upper: value === null ? null : value + 5,
		se: null,
		n,
		note: null
	});
	const point = (
		code: string,
		name: string | null,
		area: 'urban' | 'rural',
		x: number | null,
		y: number | null,
		n: number | null
	): ServicePoint => ({
		code,
		name,
		nameEn: name,
		area,
		x: e(x, n),
		y: e(y, n)
	});
	const view: ServicesView = {
		service: 'gepg',
		connectivity: 'smartphone',
		year: 2024,
		regions: [
			point('TZ-02', 'Dar es Salaam', 'urban', 60, 20, 300),
			point('TZ-02', 'Dar es Salaam', 'rural', null, null, 0)
		],
		national: [point('TZ', null, 'urban', 55, 18, 4000)],
		ciLevel: 0.95,
		sources: SOURCES
	};
	const t = servicesDataTable(
		view,
		{ x: 'hh_owns_smartphone', y: 'hh_used_gepg' },
		{
			...TEXT,
			noSample: (area) => `no ${area} sample`
		}
	);

	it('holds both axes of every point, drawn or not, and says why one is not drawn', () => {
		const at = (row: number, name: string) => col(t.header, t.rows[row]!, name);
		expect(t.rows).toHaveLength(3);
		expect([at(0, 'x_value'), at(0, 'x_lower'), at(0, 'y_upper'), at(0, 'drawn')]).toEqual([
			60,
			55,
			25,
			'true'
		]);
		expect([at(1, 'drawn'), at(1, 'note'), at(1, 'x_value')]).toEqual([
			'false',
			'no rural sample',
			null
		]);
		expect([at(2, 'region_code'), at(2, 'region_name')]).toEqual(['TZ', TEXT.national]);
		expect(at(2, 'source_ids')).toBe('demo-survey;other');
	});
});

describe('indexDataTable', () => {
	it('keeps rank order, the index, each component’s value and score, and a note when not ranked', () => {
		const t = indexDataTable(
			[
				{
					iso: 'TZ-03',
					name: 'Dodoma',
					index: 0.75,
					rank: 1,
					parts: { 'a:gap': { raw: 12, score: 1 }, 'b:level': { raw: 40, score: 0.5 } }
				},
				{
					iso: 'TZ-02',
					name: 'Dar es Salaam',
					index: null,
					rank: null,
					parts: { 'a:gap': { raw: null, score: null }, 'b:level': { raw: 90, score: 0 } }
				}
			],
			[{ id: 'a:gap' }, { id: 'b:level' }],
			2024,
			['s1', 's2'],
			'not enough data'
		);
		expect(t.header).toEqual([
			'rank',
			'region_code',
			'region_name',
			'year',
			'index',
			'a_gap_value',
			'a_gap_score',
			'b_level_value',
			'b_level_score',
			'source_ids',
			'note'
		]);
		expect(t.rows).toEqual([
			[1, 'TZ-03', 'Dodoma', 2024, 0.75, 12, 1, 40, 0.5, 's1;s2', null],
			[null, 'TZ-02', 'Dar es Salaam', 2024, null, null, null, 90, 0, 's1;s2', 'not enough data']
		]);
		expect(componentColumn('hh_owns_mobile:gap')).toBe('hh_owns_mobile_gap');
	});
});

describe('tableFigure', () => {
	it('sizes columns to the widest cell and draws one row group per body row', () => {
		// 12 px text at 0.56 em per character, header and first column bold (× 1.1), 8 px padding.
		expect(
			columnWidths(['Region', 'Total'], [{ key: 'TZ-03', cells: ['Dodoma', '61.6%'] }])
		).toEqual([Math.ceil(6 * 12 * 0.56 * 1.1 + 16), Math.ceil(5 * 12 * 0.56 * 1.1 + 16)]);
		const f = tableFigure(
			['Region', 'Total'],
			[
				{ key: 'TZ-03', cells: ['Dodoma', '61.6%'] },
				{ key: 'TZ-02', cells: ['<b>Dar</b>', '90%'] }
			]
		);
		expect(f.height).toBe(22 * 3 + 1);
		const svg = serializeSvg(f.node);
		expect(svg.match(/class="table-row"/g)).toHaveLength(2);
		expect(svg).toContain('data-iso="TZ-02"');
		// Cell text stays text.
		expect(svg).toContain('>&lt;b&gt;Dar&lt;/b&gt;</text>');
	});
});
