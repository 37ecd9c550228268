import { describe, expect, it } from 'vitest';
import {
	change,
	changeWithInterval,
	combinedSeSource,
	differenceSe,
	differenceWithInterval,
	gapChangeWithInterval,
	gapWithInterval,
	leftBehindWithRange,
	MEASURES,
	measureValue,
	measuresFor,
	parityRatio,
	parityProjection,
	peopleLeftBehind,
	seFromInterval,
	standardError,
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
	const v = {
		total: 60,
		urban: 80,
		rural: 50,
		previousTotal: 45,
		previousUrban: 70,
		previousRural: 30
	};
	it.each([
		['total', 60],
		['urban', 80],
		['rural', 50],
		['gap', 30],
		['parity', 0.625],
		['change', 15],
		// gap now 80 − 50 = 30, gap then 70 − 30 = 40: the gap narrowed by 10 points
		['gapChange', -10]
	] as const)('%s → %d', (measure, expected) => {
		expect(measureValue(v, measure)).toBeCloseTo(expected, 12);
	});
	it('has no value for a measure the data cannot give', () => {
		expect(measureValue({ total: 5 }, 'gap')).toBeNull();
	});
	it('offers split measures only where a split exists', () => {
		expect(measuresFor(false, true)).toEqual(['total', 'change']);
		expect(measuresFor(true, false)).toEqual(['total', 'urban', 'rural', 'gap', 'parity']);
		expect(measuresFor(true, true)).toEqual(MEASURES);
	});
	it('has no change in the gap without both rounds split', () => {
		expect(measureValue({ urban: 80, rural: 50, previousUrban: 70 }, 'gapChange')).toBeNull();
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

describe('changes between rounds with their intervals, hand-worked', () => {
	const published = (value: number, se: number) => ({ value, se, lower: null, upper: null });
	const interval = (value: number, lower: number, upper: number) => ({
		value,
		se: null,
		lower,
		upper
	});

	it('a difference of independent estimates: a − b ± z·√(se_a² + se_b²)', () => {
		// 60 − 50 = 10; se √(3² + 4²) = 5; z = 2: 10 ± 10 → 0 … 20, touches zero: not significant
		const d = differenceWithInterval(60, 3, 50, 4, 2)!;
		expect(d).toEqual({ value: 10, se: 5, lower: 0, upper: 20, significant: false });
		// 60 − 45 = 15 ± 10 → 5 … 25: significant
		expect(differenceWithInterval(60, 3, 45, 4, 2)!.significant).toBe(true);
		// a fall: 45 − 60 = −15 ± 10 → −25 … −5: significant too
		expect(differenceWithInterval(45, 3, 60, 4, 2)!.significant).toBe(true);
		expect(differenceWithInterval(60, null, 50, 4, 2)!.significant).toBeNull();
		expect(differenceWithInterval(undefined, 3, 50, 4, 2)).toBeNull();
	});

	it('the standard error of an estimate: published, else from its interval at its own level', () => {
		expect(standardError(published(61.6, 4.8), 0.9)).toEqual({ se: 4.8, source: 'published' });
		// 95% interval 40.2–61.1: (61.1 − 40.2) / (2 × 1.959964) = 20.9 / 3.919928 = 5.3317…
		const s = standardError(interval(50.7, 40.2, 61.1), 0.95)!;
		expect(s.source).toBe('interval');
		expect(s.se).toBeCloseTo(5.3317, 4);
		expect(standardError(interval(50.7, 40.2, 61.1), null)).toBeNull();
		expect(combinedSeSource('published', 'published')).toBe('published');
		expect(combinedSeSource('published', 'interval')).toBe('interval');
		expect(combinedSeSource(null, 'published')).toBeNull();
	});

	// Women with a phone, 90% intervals. Each se = width / (2z); at one level the half-width of
	// the change is z·√((w₁/2z)² + (w₂/2z)²) = √(w₁² + w₂²) / 2.
	// Songwe 45.2 (32.2–58.9) → 50.7 (40.2–61.1): √(20.9² + 26.7²) / 2 = √(436.81 + 712.89) / 2
	//   = √1149.70 / 2 = 33.9072 / 2 = 16.9536 → +5.5 ± 17.0 = −11.4536 … 22.4536, includes zero.
	// Dodoma 38.9 (32.0–46.2) → 61.6 (53.4–69.2): √(15.8² + 14.2²) / 2 = √(249.64 + 201.64) / 2
	//   = √451.28 / 2 = 21.2434 / 2 = 10.6217 → +22.7 ± 10.6 = 12.0783 … 33.3217, clear of zero.
	it.each([
		['Songwe', [50.7, 40.2, 61.1], [45.2, 32.2, 58.9], 5.5, -11.4536, 22.4536, false],
		['Dodoma', [61.6, 53.4, 69.2], [38.9, 32, 46.2], 22.7, 12.0783, 33.3217, true]
	] as const)(
		'%s 2015-16 → 2022: the change, its interval and significance',
		(_, later, earlier, value, lower, upper, significant) => {
			const [a, aLow, aHigh] = later;
			const [b, bLow, bHigh] = earlier;
			const c = changeWithInterval(
				interval(a, aLow, aHigh),
				0.9,
				interval(b, bLow, bHigh),
				0.9,
				0.9
			);
			expect(c.estimate!.value).toBeCloseTo(value, 12);
			expect(c.estimate!.lower).toBeCloseTo(lower, 3);
			expect(c.estimate!.upper).toBeCloseTo(upper, 3);
			expect(c.estimate!.significant).toBe(significant);
			expect(c.seSource).toBe('interval');
			expect(c.ciLevel).toBe(0.9);
			expect(c.z).toBeCloseTo(1.6449, 4);
		}
	);

	it('published standard errors give a published-SE change at the level asked for', () => {
		// 60 (se 3) − 50 (se 4) = 10 ± 1.959964 × 5 = 10 ± 9.79982 → 0.20018 … 19.79982
		const c = changeWithInterval(published(60, 3), 0.95, published(50, 4), 0.95, 0.95);
		expect(c.seSource).toBe('published');
		expect(c.estimate!.lower).toBeCloseTo(0.20018, 4);
		expect(c.estimate!.upper).toBeCloseTo(19.79982, 4);
		expect(c.estimate!.significant).toBe(true);
		// No earlier value: no change, no verdict.
		const none = changeWithInterval(published(60, 3), 0.95, published(Number.NaN, 4), 0.95, 0.95);
		expect(none.estimate).toBeNull();
		expect(none.seSource).toBe('published');
	});
});

describe('households left behind with a range, hand-worked', () => {
	it('the rural count times each end of the gap interval', () => {
		// 120,000 rural households; gap 25 (15 to 35): 30,000 (18,000 to 42,000)
		expect(leftBehindWithRange(120_000, { gap: 25, lower: 15, upper: 35 })).toEqual({
			value: 30_000,
			lower: 18_000,
			upper: 42_000
		});
		// gap 5 (−3 to 13): 6,000 (0 to 15,600): a shortfall below zero counts as none
		const r = leftBehindWithRange(120_000, { gap: 5, lower: -3, upper: 13 })!;
		expect(r.value).toBeCloseTo(6_000, 9);
		expect(r.lower).toBe(0);
		expect(r.upper).toBeCloseTo(15_600, 9);
		expect(leftBehindWithRange(120_000, { gap: 5, lower: null, upper: null })).toEqual({
			value: 6_000,
			lower: null,
			upper: null
		});
		expect(leftBehindWithRange(null, { gap: 5, lower: 1, upper: 9 })).toBeNull();
		expect(leftBehindWithRange(120_000, null)).toBeNull();
	});
});

describe('years to parity only from a significant narrowing, with its range, hand-worked', () => {
	it('gap 30 (se 1.6) in 2021 → 21 (se 1.2) in 2024, z = 2', () => {
		// change −9, se √(1.2² + 1.6²) = √(1.44 + 2.56) = 2, interval −9 ± 4 → −13 … −5: closing.
		// 3 points a year → 21 / 3 = 7 years; fastest pace 13/3 a year → 63/13 = 4.846 years;
		// slowest 5/3 a year → 63/5 = 12.6 years.
		const narrowing = differenceWithInterval(21, 1.2, 30, 1.6, 2);
		const p = parityProjection(21, 2024, 2021, narrowing);
		expect(p).toMatchObject({ closing: true });
		if (!p?.closing) throw new Error('closing expected');
		expect(p.years).toBeCloseTo(7, 12);
		expect(p.lower).toBeCloseTo(63 / 13, 12);
		expect(p.upper).toBeCloseTo(12.6, 12);
	});

	it('a 0.07-point narrowing with se 6.0 is not closing at a measurable rate', () => {
		// gap 10.07 → 10 over 3 years: the old projection said 10 / (0.07 / 3) = 428.6 years.
		// se √(3.6² + 4.8²) = √(12.96 + 23.04) = 6; z = 1.96: −0.07 ± 11.76 → −11.83 … 11.69.
		const narrowing = differenceWithInterval(10, 3.6, 10.07, 4.8, 1.96);
		expect(yearsToParity(10, 2024, 10.07, 2021)).toBeCloseTo(428.571, 3);
		const p = parityProjection(10, 2024, 2021, narrowing);
		expect(p).toEqual({ closing: false, narrowing });
		expect(narrowing!.upper).toBeCloseTo(11.69, 9);
	});

	it('no projection for a widening gap, one without an interval, or no gap left', () => {
		// widening: 21 → 30, interval 9 ± 4 → 5 … 13
		expect(
			parityProjection(30, 2024, 2021, differenceWithInterval(30, 1.2, 21, 1.6, 2))
		).toMatchObject({ closing: false });
		// a narrowing with no standard errors cannot be tested: not closing at a measurable rate
		expect(
			parityProjection(21, 2024, 2021, differenceWithInterval(21, null, 30, null, 2))
		).toMatchObject({ closing: false });
		expect(parityProjection(-2, 2024, 2021, differenceWithInterval(-2, 1, 5, 1, 2))).toBeNull();
		expect(parityProjection(21, 2021, 2021, differenceWithInterval(21, 1, 30, 1, 2))).toBeNull();
		expect(parityProjection(21, 2024, 2021, null)).toBeNull();
	});
});

describe('the change in the gap with its interval, hand-worked', () => {
	const e = (value: number, se: number | null, lower: number | null = null, upper = lower) => ({
		value,
		se,
		lower,
		upper
	});
	it('adds the four variances of two independent gaps', () => {
		// now: 60 (se 2) − 40 (se 1.5) = 20, se √(4 + 2.25) = 2.5
		// then: 50 (se 2) − 35 (se 1) = 15, se √(4 + 1) = √5
		// change 20 − 15 = 5, se √(6.25 + 5) = √11.25 = 3.354102; at 95 % z = 1.959964:
		// 5 ± 6.573919 → −1.573919 … 11.573919, which includes zero
		const f = gapChangeWithInterval(
			{ urban: e(60, 2), rural: e(40, 1.5) },
			null,
			{ urban: e(50, 2), rural: e(35, 1) },
			null,
			0.95
		);
		expect(f.now?.gap).toBe(20);
		expect(f.now?.se).toBeCloseTo(2.5, 12);
		expect(f.then?.gap).toBe(15);
		expect(f.then?.se).toBeCloseTo(Math.sqrt(5), 12);
		expect(f.estimate?.value).toBe(5);
		expect(f.estimate?.se).toBeCloseTo(3.354102, 6);
		expect(f.estimate?.lower).toBeCloseTo(-1.573919, 5);
		expect(f.estimate?.upper).toBeCloseTo(11.573919, 5);
		expect(f.estimate?.significant).toBe(false);
		expect(f.seSource).toBe('published');
	});
	it('recovers each se from its round’s own interval level', () => {
		// now at 90 %: urban 70 (66.710–73.290) → se 3.290/1.644854 = 2.000178; rural 30 (28.355–31.645)
		// → se 1.000089; gap 40, se √(2.000178² + 1.000089²) = 2.236267
		// then at 95 %: urban 50 (48.040–51.960) → se 1.000018; rural 40 (40 ± 0) → se 0; gap 10, se 1.000018
		// change 30, se √(2.236267² + 1.000018²) = 2.449679; at 90 %: 30 ± 4.029363 → significant
		const f = gapChangeWithInterval(
			{ urban: e(70, null, 66.71, 73.29), rural: e(30, null, 28.355, 31.645) },
			0.9,
			{ urban: e(50, null, 48.04, 51.96), rural: e(40, null, 40, 40) },
			0.95,
			0.9
		);
		expect(f.estimate?.value).toBe(30);
		expect(f.estimate?.se).toBeCloseTo(2.449679, 5);
		expect(f.estimate?.lower).toBeCloseTo(30 - 4.029363, 4);
		expect(f.estimate?.significant).toBe(true);
		expect(f.seSource).toBe('interval');
	});
	it('has a change without an interval when a round has no uncertainty, and none without a gap', () => {
		const noSe = gapChangeWithInterval(
			{ urban: e(60, 2), rural: e(40, 1.5) },
			null,
			{ urban: e(50, null), rural: e(35, null) },
			null,
			0.95
		);
		expect(noSe.estimate).toEqual({
			value: 5,
			se: null,
			lower: null,
			upper: null,
			significant: null
		});
		const missing = gapChangeWithInterval(
			{ urban: e(60, 2), rural: { value: null, se: null, lower: null, upper: null } },
			null,
			{ urban: e(50, 2), rural: e(35, 1) },
			null,
			0.95
		);
		expect(missing.estimate).toBeNull();
		expect(missing.now).toBeNull();
	});
});
