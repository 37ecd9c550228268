import { lab } from 'd3';
import { describe, expect, it } from 'vitest';
import {
	NO_DATA_COLOUR,
	RAMPS,
	roundEdges,
	scaleForMeasure,
	sequentialScale,
	signedScale,
	someMissing
} from './colourScale';

const edgesOf = (s: { bins: { from: number; to: number }[] }) => s.bins.map((b) => [b.from, b.to]);

describe('sequentialScale', () => {
	it('splits a rounded extent into equal classes and lists only those with values', () => {
		// 36.4 … 87.2 rounds out to 30 … 90, five classes of 12; 54–66 and 66–78 hold nothing
		const s = sequentialScale([36.4, 50, 87.2]);
		expect(edgesOf(s)).toEqual([
			[30, 42],
			[42, 54],
			[78, 90]
		]);
		expect(s.colour(36.4)).toBe(s.bins[0]!.colour);
		expect(s.colour(87.2)).toBe(s.bins[2]!.colour);
		expect(s.colour(90)).toBe(s.bins[2]!.colour);
		// An empty class keeps its own colour: the darkest stays with the highest values.
		expect(s.colour(60)).not.toBe(s.colour(50));
		expect(s.colour(60)).not.toBe(s.colour(87.2));
	});
	it('gives missing values their own colour, never a class colour', () => {
		const s = sequentialScale([1, 2, 3]);
		expect(s.colour(null)).toBe(NO_DATA_COLOUR);
		expect(s.colour(Number.NaN)).toBe(NO_DATA_COLOUR);
		expect(s.bins.some((b) => b.colour === NO_DATA_COLOUR)).toBe(false);
	});
	it('survives a single value and no values', () => {
		expect(sequentialScale([5]).bins).toHaveLength(1);
		expect(sequentialScale([]).bins).toHaveLength(0);
		expect(sequentialScale([]).colour(3)).toMatch(/^#/);
	});
});

describe('roundEdges', () => {
	it('takes a round step and the multiples of it around the extent', () => {
		// 2021's household phone gaps, 10.4 … 45.9: 35.5 / 5 ≈ 7.1 → step 10, 10 … 50
		expect(roundEdges(10.4, 45.9)).toEqual([10, 20, 30, 40, 50]);
		// 2024's, 1.7 … 32.0: 30.3 / 5 ≈ 6.1 → step 5 gives 0 … 35, seven classes (too many);
		// 30.3 / 4 ≈ 7.6 → step 10, 0 … 40
		expect(roundEdges(1.7, 32)).toEqual([0, 10, 20, 30, 40]);
		// Both years together, 1.7 … 45.9: 44.2 / 5 ≈ 8.8 → step 10, 0 … 50
		expect(roundEdges(1.7, 45.9)).toEqual([0, 10, 20, 30, 40, 50]);
	});
	it('puts zero on an edge when the extent straddles it', () => {
		// e-Mrejesho's 2024 gaps, −0.5 … 12.0: step 2 gives −2 … 12 (7 classes), step 5 −5 … 15
		expect(roundEdges(-0.5, 12)).toEqual([-5, 0, 5, 10, 15]);
		// −0.62 … 0.31: 0.93 / 5 ≈ 0.19 → step 0.2, −0.8 … 0.4, exact decimals
		expect(roundEdges(-0.62, 0.31)).toEqual([-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4]);
	});
	it('widens a single value to a class around it', () => {
		// 5 is widened by a tenth each way, 4.5 … 5.5: step 0.2, 4.4 … 5.6
		expect(roundEdges(5, 5)).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
		// 0 alone becomes 0 … 1 (never below zero): step 0.2
		expect(roundEdges(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
	});
});

describe('signedScale', () => {
	it('is sequential, from the rounded minimum, when every value is positive', () => {
		const s = signedScale([10.4, 12.7, 45.9, null]);
		expect(s.kind).toBe('sequential');
		expect(edgesOf(s)).toEqual([
			[10, 20],
			[40, 50]
		]);
		expect(s.bins.every((b) => b.from >= 0)).toBe(true);
		// Four classes: the darker four of five Oranges (the palest would read as the page).
		expect(s.colour(12.7)).toBe(RAMPS.positive[5]![1]);
		expect(s.colour(45.9)).toBe(RAMPS.positive[5]![4]);
		expect(s.colour(null)).toBe(NO_DATA_COLOUR);
	});
	it('is sequential and darker further below zero when every value is negative', () => {
		const s = signedScale([-1, -9]);
		expect(s.kind).toBe('sequential');
		expect(s.bins.every((b) => b.to <= 0)).toBe(true);
		// −9 … −1: 8 / 5 = 1.6 → step 2, −10 … 0, five classes: the darker five of six Purples,
		// the darkest lowest
		expect(edgesOf(s)).toEqual([
			[-10, -8],
			[-2, 0]
		]);
		expect(s.colour(-9)).toBe(RAMPS.negative[6]![5]);
		expect(s.colour(-1)).toBe(RAMPS.negative[6]![1]);
	});
	it('diverges at zero only when both signs occur, with classes only where the values are', () => {
		// −0.5 … 12: edges −5, 0, 5, 10, 15 (see roundEdges); one class below zero, three above
		const s = signedScale([-0.5, 0, 3, 7, 12]);
		expect(s.kind).toBe('diverging');
		expect(edgesOf(s)).toEqual([
			[-5, 0],
			[0, 5],
			[5, 10],
			[10, 15]
		]);
		// No class straddles zero.
		expect(s.bins.some((b) => b.from < 0 && b.to > 0)).toBe(false);
		// PuOr with 3 a side, reversed: the lightest purple below zero, oranges above it.
		const puor = [...RAMPS.diverging[6]!].reverse();
		expect(s.bins.map((b) => b.colour)).toEqual([puor[2], puor[3], puor[4], puor[5]]);
		expect(s.colour(-0.5)).not.toBe(s.colour(0));
	});
	it('keeps to five classes a side', () => {
		const s = signedScale([-100, 3, 100]);
		expect(s.bins.filter((b) => b.to <= 0).length).toBeLessThanOrEqual(5);
		expect(s.bins.filter((b) => b.from >= 0).length).toBeLessThanOrEqual(5);
	});
});

describe('scaleForMeasure', () => {
	it('uses the level ramp for shares and the signed scale for gaps and changes', () => {
		expect(scaleForMeasure('total', [1, 50]).colour(50)).toBe(sequentialScale([1, 50]).colour(50));
		expect(scaleForMeasure('gap', [-3, 4]).kind).toBe('diverging');
		expect(scaleForMeasure('change', [3, 4]).kind).toBe('sequential');
	});
});

describe('the no-data fill', () => {
	/** CIE76 colour difference: the distance in CIELAB. */
	const deltaE = (a: string, b: string) => {
		const x = lab(a);
		const y = lab(b);
		return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
	};
	it('resembles no colour of any ramp (ΔE ≥ 20), unlike the old grey', () => {
		const colours = Object.values(RAMPS).flatMap((scheme) =>
			scheme.flatMap((ramp) => (ramp ? [...ramp] : []))
		);
		expect(colours.length).toBeGreaterThan(100);
		const nearest = Math.min(...colours.map((c) => deltaE(NO_DATA_COLOUR, c)));
		expect(nearest).toBeGreaterThanOrEqual(20);
		// The grey it replaces was within 9 of a ramp colour.
		expect(Math.min(...colours.map((c) => deltaE('#d9d9d9', c)))).toBeLessThan(10);
	});
	it('is pale, so it does not read as a high class', () => {
		expect(lab(NO_DATA_COLOUR).l).toBeGreaterThan(80);
	});
});

describe('someMissing', () => {
	it('says whether any region has no value', () => {
		expect(someMissing({ a: 1, b: null })).toBe(true);
		expect(someMissing({ a: 1, b: 0 })).toBe(false);
	});
});
