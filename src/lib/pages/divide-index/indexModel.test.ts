import { describe, expect, it } from 'vitest';
import { componentOptions } from '$lib/data/divideIndex';
import type { IndicatorView } from '$lib/data/views';
import { estimate as est, indicatorInfo as indicator, sourceRecord } from '../fixtures.test-data';
import { indexModel, type IndexInput, type IndexText } from './indexModel';

const text: IndexText = {
	locale: 'en-GB',
	language: 'en',
	componentGap: (label) => `Gap: ${label}`,
	componentLevel: (label) => `Level: ${label}`,
	notEnough: 'not enough data',
	noValue: 'no value',
	rowNotEnough: (region) => `${region}: not enough data`,
	rowRanked: (w) => `${w.region}: ${w.value}, rank ${w.rank} of ${w.count} by the index`,
	rankColumn: 'Rank',
	regionColumn: 'Region',
	indexColumn: 'Index',
	valueColumn: (c) => `${c}: value`,
	scoreColumn: (c) => `${c}: score`
};

const INDICATORS = [
	indicator('phone', { hasUrbanRural: true, years: [2021, 2024], synthetic: true }),
	indicator('women', { years: [2016, 2022], periods: { 2016: '2015-16', 2022: '2022' } }),
	indicator('sims', { unit: 'count', years: [2022] })
];

const REGIONS = [
	{ iso: 'TZ-01', name: 'Arusha' },
	{ iso: 'TZ-02', name: 'Dar es Salaam' },
	{ iso: 'TZ-03', name: 'Dodoma' }
];

/** A view with, per region, [total, urban, rural]. */
function view(
	indicatorId: string,
	year: number,
	values: Record<string, [number | null, number | null, number | null]>,
	source: string
): IndicatorView {
	return {
		indicatorId,
		year,
		ciLevel: null,
		national: null,
		islands: [],
		sources: [sourceRecord(source)],
		regions: REGIONS.map((r) => {
			const [total, urban, rural] = values[r.iso] ?? [null, null, null];
			return {
				iso: r.iso,
				nbsCode: '',
				nameOfficial: r.name,
				nameEn: r.name,
				zone: '',
				population: 0,
				total: est(total),
				urban: est(urban),
				rural: est(rural),
				previousYear: null,
				previousTotal: est(null)
			};
		})
	};
}

/**
 * Phone gaps (urban − rural): Arusha 60 − 40 = 20, Dodoma 50 − 45 = 5, Dar es Salaam no rural
 * sample. Women's ownership: Arusha 70, Dar es Salaam 90, Dodoma 50.
 */
const VIEWS = new Map([
	[
		'phone@2024',
		view(
			'phone',
			2024,
			{ 'TZ-01': [55, 60, 40], 'TZ-02': [80, 80, null], 'TZ-03': [47, 50, 45] },
			'survey'
		)
	],
	[
		'women@2022',
		view(
			'women',
			2022,
			{ 'TZ-01': [70, null, null], 'TZ-02': [90, null, null], 'TZ-03': [50, null, null] },
			'dhs'
		)
	]
]);

const OPTIONS = componentOptions(INDICATORS);

const input = (over: Partial<IndexInput> = {}): IndexInput => ({
	indicators: INDICATORS,
	regions: REGIONS,
	options: OPTIONS,
	state: {
		choices: [
			{ indicatorId: 'phone', direction: 'gap', weight: 2 },
			{ indicatorId: 'women', direction: 'level', weight: 1 }
		],
		year: 2024
	},
	views: VIEWS,
	...over
});

describe('indexModel', () => {
	const model = indexModel(input(), text);

	/*
	 * By hand. Gap scores (widest = 1): Arusha (20 − 5) / 15 = 1, Dodoma 0. Level scores (lowest
	 * ownership = 1): Arusha (90 − 70) / 40 = 0.5, Dar es Salaam 0, Dodoma 1. Index, the weighted
	 * mean over what a region has: Arusha (2·1 + 1·0.5) / 3 = 0.833, Dodoma (2·0 + 1·1) / 3 = 0.333;
	 * Dar es Salaam has 1 of 3 weight, less than half: no index.
	 */
	it('ranks the regions by a hand-worked index, then those without enough data', () => {
		expect(model.rows.map((r) => [r.name, r.rank])).toEqual([
			['Arusha', 1],
			['Dodoma', 2],
			['Dar es Salaam', null]
		]);
		expect(model.rows[0]!.index).toBeCloseTo(2.5 / 3, 12);
		expect(model.rows[1]!.index).toBeCloseTo(1 / 3, 12);
		expect(model.notEnough).toEqual(['Dar es Salaam']);
	});

	it('describes each bar for a screen reader', () => {
		expect(model.bars.map((b) => [b.valueText, b.description])).toEqual([
			['0.83', 'Arusha: 0.83, rank 1 of 2 by the index'],
			['0.33', 'Dodoma: 0.33, rank 2 of 2 by the index'],
			['not enough data', 'Dar es Salaam: not enough data']
		]);
	});

	it('tables each component’s value and score beside the index', () => {
		expect(model.columns.map((c) => c.label)).toEqual([
			'Rank',
			'Region',
			'Index',
			'Gap: Label of phone: value',
			'Gap: Label of phone: score',
			'Level: Label of women: value',
			'Level: Label of women: score'
		]);
		const arusha = model.rows[0]!;
		const dar = model.rows[2]!;
		const cell = (i: number, row: typeof arusha) => model.columns[i]!.text!(row);
		expect(cell(3, arusha)).toBe('+20.0 pp');
		expect(cell(4, arusha)).toBe('1.00');
		expect(cell(5, arusha)).toBe('70.0%');
		expect(cell(6, arusha)).toBe('0.50');
		expect(cell(3, dar)).toBe('no value');
		expect(cell(2, dar)).toBe('not enough data');
	});

	it('says what went in, with each component’s year and weight', () => {
		expect(model.used).toEqual([
			{
				id: 'phone:gap',
				counted: true,
				words: { component: 'Gap: Label of phone', year: '2024', weight: '2' }
			},
			{
				id: 'women:level',
				counted: true,
				words: { component: 'Level: Label of women', year: '2022', weight: '1' }
			}
		]);
		expect(model.weightText(2.5)).toBe('2.5');
		expect(model.years).toEqual([
			{ year: 2021, label: '2021' },
			{ year: 2024, label: '2024' }
		]);
		expect(model.yearText).toBe('2024');
		expect(model.period('women', 2016)).toBe('2015-16');
	});

	it('credits every source used, and is synthetic while a synthetic component counts', () => {
		expect(model.sources.map((s) => s.id)).toEqual(['survey', 'dhs']);
		expect(model.synthetic).toBe(true);
		const zero = indexModel(
			input({
				state: {
					choices: [
						{ indicatorId: 'phone', direction: 'gap', weight: 0 },
						{ indicatorId: 'women', direction: 'level', weight: 1 }
					],
					year: 2024
				}
			}),
			text
		);
		expect(zero.synthetic).toBe(false);
		expect(zero.used.map((u) => u.counted)).toEqual([false, true]);
		expect(zero.sources.map((s) => s.id)).toEqual(['dhs']);
		// One level alone: Dar es Salaam has the highest ownership, so the narrowest divide.
		expect(zero.rows.map((r) => r.name)).toEqual(['Dodoma', 'Arusha', 'Dar es Salaam']);
	});

	it('draws nothing until every chosen view is in', () => {
		const waiting = indexModel(input({ views: new Map([...VIEWS].slice(0, 1)) }), text);
		expect(waiting.complete).toBe(false);
		expect(waiting.rows).toEqual([]);
		expect(waiting.bars).toEqual([]);
		expect(waiting.counted).toHaveLength(2);
	});
});
