import { describe, expect, it } from 'vitest';
import {
	change,
	differenceSe,
	measureValue,
	measuresFor,
	parityRatio,
	urbanRuralGap
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
