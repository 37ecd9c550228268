import { describe, expect, it } from 'vitest';
import {
	change,
	differenceSe,
	gapWithInterval,
	measureValue,
	measuresFor,
	parityRatio,
	peopleLeftBehind,
	seFromInterval,
	urbanRuralGap,
	yearsToParity
} from './gaps';

describe('gap measures, hand-worked', () => {
	it('gap is urban minus rural in percentage points', () => {
		// 82.4 % urban, 47.9 % rural → 34.5 points
		expect(urbanRuralGap(82.4, 47.9)).toBeCloseTo(34.5, 12);
		expect(urbanRuralGap(40, 55)).toBe(-15);
	});
	it('parity ratio is rural divided by urban', () => {
		// 45 / 90 = 0.5: rural households at half the urban level
		expect(parityRatio(90, 45)).toBe(0.5);
		expect(parityRatio(80, 100)).toBe(1.25);
		expect(parityRatio(0, 10)).toBeNull();
	});
	it('change is later minus earlier', () => {
		// Dodoma women's phone ownership 38.9 (2015-16) → 61.6 (2022): +22.7 points
		expect(change(61.6, 38.9)).toBeCloseTo(22.7, 12);
	});
	it('the standard error of a difference adds variances', () => {
		// √(3² + 4²) = 5
		expect(differenceSe(3, 4)).toBe(5);
	});
	it('returns null, never NaN, when an input is missing', () => {
		expect(urbanRuralGap(null, 3)).toBeNull();
		expect(urbanRuralGap(Number.NaN, 3)).toBeNull();
		expect(parityRatio(50, undefined)).toBeNull();
		expect(change(undefined, 1)).toBeNull();
		expect(differenceSe(1, null)).toBeNull();
	});
});

describe('measureValue', () => {
	const v = { total: 60, urban: 80, rural: 50, previousTotal: 45 };
	it.each([
		['total', 60],
		['urban', 80],
		['rural', 50],
		['gap', 30],
		['parity', 0.625],
		['change', 15]
	] as const)('%s → %d', (measure, expected) => {
		expect(measureValue(v, measure)).toBeCloseTo(expected, 12);
	});
	it('has no value for a measure the data cannot give', () => {
		expect(measureValue({ total: 5 }, 'gap')).toBeNull();
	});
	it('offers split measures only where a split exists', () => {
		expect(measuresFor(false, true)).toEqual(['total', 'change']);
		expect(measuresFor(true, false)).toEqual(['total', 'urban', 'rural', 'gap', 'parity']);
	});
});

describe('uncertainty and projections, hand-worked', () => {
	it('recovers a standard error from a symmetric interval', () => {
		// 90% interval 53.4–69.2 with z = 1.645: (69.2 − 53.4) / 3.29 = 4.8024…
		expect(seFromInterval(53.4, 69.2, 1.645)).toBeCloseTo(15.8 / 3.29, 12);
		expect(seFromInterval(null, 3, 1.96)).toBeNull();
	});

	it('marks a gap whose interval includes zero as not significant', () => {
		// gap 10, se √(3² + 4²) = 5, 95%: 10 ± 9.8 → 0.2 … 19.8, significant
		const g = gapWithInterval(60, 3, 50, 4, 1.96)!;
		expect(g.gap).toBe(10);
		expect(g.se).toBe(5);
		expect(g.lower).toBeCloseTo(0.2, 12);
		expect(g.upper).toBeCloseTo(19.8, 12);
		expect(g.significant).toBe(true);
		// gap 5, se 5: −4.8 … 14.8 includes zero
		expect(gapWithInterval(55, 3, 50, 4, 1.96)!.significant).toBe(false);
		// no standard errors: a gap, but no verdict
		expect(gapWithInterval(55, null, 50, 4, 1.96)).toEqual({
			gap: 5,
			se: null,
			lower: null,
			upper: null,
			significant: null
		});
		expect(gapWithInterval(null, 1, 50, 1, 1.96)).toBeNull();
	});

	it('counts people left behind as rural population × shortfall', () => {
		// 1,200,000 rural residents, urban 80 %, rural 55 %: 25 % of 1.2 M = 300,000
		expect(peopleLeftBehind(1_200_000, 80, 55)).toBeCloseTo(300_000, 6);
		expect(peopleLeftBehind(1_200_000, 50, 55)).toBe(0);
		expect(peopleLeftBehind(null, 80, 55)).toBeNull();
	});

	it('projects years to parity only for a closing gap', () => {
		// gap 30 in 2021 → 21 in 2024: closing 3 points a year, 21 / 3 = 7 years
		expect(yearsToParity(21, 2024, 30, 2021)).toBeCloseTo(7, 12);
		expect(yearsToParity(30, 2024, 21, 2021)).toBeNull(); // widening
		expect(yearsToParity(-2, 2024, 5, 2021)).toBeNull(); // already at parity
		expect(yearsToParity(21, 2021, 30, 2021)).toBeNull(); // same year
	});
});
