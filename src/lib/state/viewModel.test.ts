import { describe, expect, it } from 'vitest';
import type { IndicatorView, RegionView } from '$lib/data/views';
import { est, indicatorInfo, regionView } from '$lib/data/views.test-data';
import { NO_DATA_COLOUR } from '$lib/charts/colourScale';
import { buildViewModel } from './viewModel';
import { VIEW_TEXT } from './viewModel.test-data';

function region(
	iso: string,
	name: string,
	total: number | null,
	urban: number | null,
	rural: number | null,
	previous: number | null = null
): RegionView {
	return regionView(iso, name, {
		total: est(total, total === null ? null : total - 5, total === null ? null : total + 5),
		urban: est(urban, urban === null ? null : urban - 3, urban === null ? null : urban + 3),
		rural: est(rural),
		previousYear: previous === null ? null : 2016,
		previousTotal: est(previous)
	});
}

const view: IndicatorView = {
	indicatorId: 'x',
	year: 2024,
	regions: [
		region('TZ-01', 'Arusha', 70, 90, 60, 50), // gap 30, parity 0.667, change +20
		region('TZ-02', 'Dar es Salaam', 88, 88, null, 80), // no rural: no gap
		region('TZ-03', 'Dodoma', 50, 80, 40, 55) // gap 40, parity 0.5, change −5
	],
	national: { total: est(60), urban: est(85), rural: est(45) },
	ciLevel: 0.9,
	sources: [],
	islands: []
};

const indicator = (hasUrbanRural: boolean) => indicatorInfo(hasUrbanRural, 2024);

const text = VIEW_TEXT;
const name = (r: RegionView) => r.nameOfficial;

describe('buildViewModel', () => {
	it('ranks regions by gap, widest first, with no-data rows last, in a dumbbell', () => {
		const vm = buildViewModel(view, indicator(true), 'gap', name, text);
		expect(vm.chart).toBe('dumbbell');
		expect(vm.dumbbellRows.map((r) => [r.name, r.valueText])).toEqual([
			['Dodoma', '+40.0 pp'],
			['Arusha', '+30.0 pp'],
			['Dar es Salaam', 'no data']
		]);
		expect(vm.values).toEqual({ 'TZ-01': 30, 'TZ-02': null, 'TZ-03': 40 });
		// No fill: the map draws the no-data fill with its hatching.
		expect(vm.fills['TZ-02']).toBeUndefined();
		expect(vm.scale.colour(vm.values['TZ-02'])).toBe(NO_DATA_COLOUR);
		// Every gap is positive (30 and 40): a sequential scale, no class below zero.
		expect(vm.scale.kind).toBe('sequential');
		expect(vm.scale.bins.every((b) => b.from >= 0)).toBe(true);
		expect(vm.national).toBe(40);
		expect(vm.axisUnit).toBe('percent');
		expect(vm.unit).toBe('pp');
	});

	it('ranks parity least-equal first', () => {
		const vm = buildViewModel(view, indicator(true), 'parity', name, text);
		expect(vm.dumbbellRows.map((r) => [r.name, r.valueText])).toEqual([
			['Dodoma', '0.50'],
			['Arusha', '0.67'],
			['Dar es Salaam', 'no data']
		]);
		expect(vm.scale.kind).toBe('sequential');
	});

	it('draws totals as ranked bars with intervals and the earlier value', () => {
		const vm = buildViewModel(view, indicator(false), 'total', name, text);
		expect(vm.chart).toBe('bars');
		expect(vm.barRows.map((r) => [r.name, r.value, r.lower, r.upper, r.previous])).toEqual([
			['Dar es Salaam', 88, 83, 93, 80],
			['Arusha', 70, 65, 75, 50],
			['Dodoma', 50, 45, 55, 55]
		]);
		expect(vm.barRows[0]!.description).toBe('Dar es Salaam: 88.0% (83.0%–93.0%)');
		expect(vm.domain).toEqual([0, 100]);
	});

	it('measures change against the earlier survey, without intervals it cannot know', () => {
		const vm = buildViewModel(view, indicator(false), 'change', name, text);
		expect(vm.barRows.map((r) => [r.name, r.valueText, r.lower])).toEqual([
			['Arusha', '+20.0 pp', null],
			['Dar es Salaam', '+8.0 pp', null],
			['Dodoma', '-5.0 pp', null]
		]);
		expect(vm.scale.kind).toBe('diverging');
	});

	it('describes a region in plain text lines for the hover card', () => {
		const vm = buildViewModel(view, indicator(true), 'gap', name, text);
		expect(vm.describe('TZ-01')).toEqual([
			'Arusha',
			'+30.0 pp',
			'Urban: 90.0% (87.0%–93.0%)',
			'Rural: 60.0%',
			'Parity: 0.67'
		]);
		expect(vm.describe('TZ-99')).toEqual([]);
	});

	it('puts the earlier total beside the total, never beside a gap', () => {
		const vm = buildViewModel(view, indicator(false), 'total', name, text);
		expect(vm.describe('TZ-01')).toEqual(['Arusha', '70.0% (65.0%–75.0%)', '2015-16: 50.0%']);
	});
});

describe('changes between rounds carry their interval', () => {
	const at90 = (v: number) => est(v, v - 5, v + 5);
	it('draws the change of the total with its interval and marks one that includes zero', () => {
		// Each estimate ± 5 at 90 %: se 5 / 1.644854 = 3.039784; the change's se is √2 times that,
		// and its 90 % half-width 1.644854 · 3.039784 · √2 = 5√2 = 7.0711.
		const v: IndicatorView = {
			...view,
			regions: [
				{ ...region('TZ-01', 'Arusha', 70, 90, 60, 50), previousTotal: at90(50) },
				{ ...region('TZ-03', 'Dodoma', 50, 80, 40, 55), previousTotal: at90(55) }
			]
		};
		const vm = buildViewModel(v, indicator(false), 'change', name, text);
		expect(vm.barRows.map((r) => [r.name, r.valueText])).toEqual([
			['Arusha', '+20.0 pp'],
			['Dodoma', '-5.0 pp (ns)']
		]);
		expect(vm.barRows[0]!.lower).toBeCloseTo(20 - 5 * Math.SQRT2, 9);
		expect(vm.barRows[1]!.upper).toBeCloseTo(-5 + 5 * Math.SQRT2, 9);
		expect(vm.barRows[1]!.description).toBe(
			'Dodoma: -5.0 pp (-12.1 pp … +2.1 pp), change not significant'
		);
		expect(vm.describe('TZ-03').slice(0, 2)).toEqual([
			'Dodoma',
			'-5.0 pp (-12.1 pp … +2.1 pp), change not significant'
		]);
	});

	it('measures the change in the gap, drawn as the gap in both rounds', () => {
		const se2 = (v: number) => ({ ...est(v), se: 2 });
		const split = (
			r: RegionView,
			now: [number, number],
			then: [number, number] | null
		): RegionView => ({
			...r,
			urban: se2(now[0]),
			rural: se2(now[1]),
			previousUrban: then ? se2(then[0]) : undefined,
			previousRural: then ? se2(then[1]) : undefined
		});
		// Arusha: gap 90 − 60 = 30 now, 80 − 40 = 40 then: −10, se √(4·4) = 4, 95 %: ± 7.84 → significant
		// Dodoma: gap 80 − 40 = 40 now, 75 − 40 = 35 then: +5 ± 7.84, not significant
		const v: IndicatorView = {
			...view,
			ciLevel: 0.95,
			regions: [
				split(region('TZ-01', 'Arusha', 70, 90, 60, 50), [90, 60], [80, 40]),
				split(region('TZ-02', 'Dar es Salaam', 88, 88, null, 80), [88, 70], null),
				split(region('TZ-03', 'Dodoma', 50, 80, 40, 55), [80, 40], [75, 40])
			]
		};
		const vm = buildViewModel(v, indicator(true), 'gapChange', name, text, (iso) =>
			iso === 'TZ-01' ? ['Arusha note'] : []
		);
		expect(vm.chart).toBe('rounds');
		expect(vm.unit).toBe('pp');
		expect(vm.axisUnit).toBe('pp');
		expect(vm.values).toEqual({ 'TZ-01': -10, 'TZ-02': null, 'TZ-03': 5 });
		expect(vm.roundsRows.map((r) => [r.name, r.earlier, r.later, r.valueText])).toEqual([
			['Dodoma', 35, 40, '+5.0 pp (ns)'],
			['Arusha', 40, 30, '-10.0 pp'],
			['Dar es Salaam', null, 18, 'no data']
		]);
		const arusha = vm.gapChanges['TZ-01']!.estimate!;
		expect(arusha.se).toBeCloseTo(4, 12);
		expect(arusha.lower).toBeCloseTo(-10 - 1.959963984540054 * 4, 9);
		expect(arusha.significant).toBe(true);
		expect(vm.describe('TZ-01')).toEqual([
			'Arusha',
			'-10.0 pp (-17.8 pp … -2.2 pp)',
			'Urban: 90.0%',
			'Rural: 60.0%',
			'Gap in 2024: +30.0 pp (+24.5 pp … +35.5 pp)',
			'Gap in 2015-16: +40.0 pp (+34.5 pp … +45.5 pp)',
			'Parity: 0.67',
			'Arusha note'
		]);
	});

	it('shows the earlier gap and the gap’s change on the gap view', () => {
		const v: IndicatorView = {
			...view,
			ciLevel: 0.95,
			regions: [
				{
					...region('TZ-01', 'Arusha', 70, 90, 60, 50),
					urban: { ...est(90), se: 2 },
					rural: { ...est(60), se: 2 },
					previousUrban: { ...est(80), se: 2 },
					previousRural: { ...est(45), se: 2 }
				}
			]
		};
		const vm = buildViewModel(v, indicator(true), 'gap', name, text);
		// gap 30 then 35: −5 ± 7.84, not significant
		expect(vm.describe('TZ-01').slice(4)).toEqual([
			'Gap in 2015-16: +35.0 pp (+29.5 pp … +40.5 pp)',
			'Change in the gap since 2015-16: -5.0 pp (-12.8 pp … +2.8 pp), change not significant',
			'Parity: 0.67'
		]);
	});
});

describe('significance of the gap', () => {
	it('marks a gap whose 95% interval includes zero', () => {
		const withSe = (r: RegionView, seU: number, seR: number): RegionView => ({
			...r,
			urban: { ...r.urban, se: seU },
			rural: { ...r.rural, se: seR }
		});
		const v: IndicatorView = {
			...view,
			ciLevel: 0.95,
			regions: [
				// gap 30, se √(2² + 2²) = 2.83: 30 ± 5.5, significant
				withSe(region('TZ-01', 'Arusha', 70, 90, 60), 2, 2),
				// gap 3, se 2.83: 3 ± 5.5 includes zero
				withSe(region('TZ-03', 'Dodoma', 50, 53, 50), 2, 2)
			]
		};
		const vm = buildViewModel(v, indicator(true), 'gap', name, text);
		expect(vm.gaps['TZ-01']?.significant).toBe(true);
		expect(vm.gaps['TZ-03']?.significant).toBe(false);
		expect(vm.gaps['TZ-03']?.lower).toBeCloseTo(3 - 1.959963984540054 * Math.sqrt(8), 9);
		expect(vm.dumbbellRows.map((r) => [r.name, r.valueText, r.significant])).toEqual([
			['Arusha', '+30.0 pp', true],
			['Dodoma', '+3.0 pp (ns)', false]
		]);
		expect(vm.dumbbellRows[1]!.description).toContain('not significant');
		expect(vm.describe('TZ-03')[1]).toBe('+3.0 pp (-2.5 pp … +8.5 pp), not significant');
	});
});
