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
			'Parity: 0.67',
			'2015-16: 50.0%'
		]);
		expect(vm.describe('TZ-99')).toEqual([]);
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
