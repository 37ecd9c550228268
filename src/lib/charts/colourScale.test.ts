import { describe, expect, it } from 'vitest';
import { divergingScale, NO_DATA_COLOUR, sequentialScale } from './colourScale';

describe('sequentialScale', () => {
	it('splits a rounded extent into equal classes', () => {
		// 36.4 … 87.2 rounds out to 30 … 90, five classes of 12
		const s = sequentialScale([36.4, 50, 87.2]);
		expect(s.bins.map((b) => [b.from, b.to])).toEqual([
			[30, 42],
			[42, 54],
			[54, 66],
			[66, 78],
			[78, 90]
		]);
		expect(s.colour(36.4)).toBe(s.bins[0]!.colour);
		expect(s.colour(87.2)).toBe(s.bins[4]!.colour);
		expect(s.colour(90)).toBe(s.bins[4]!.colour);
		expect(new Set(s.bins.map((b) => b.colour)).size).toBe(5);
	});
	it('gives missing values their own colour, never a class colour', () => {
		const s = sequentialScale([1, 2, 3]);
		expect(s.colour(null)).toBe(NO_DATA_COLOUR);
		expect(s.colour(Number.NaN)).toBe(NO_DATA_COLOUR);
		expect(s.bins.some((b) => b.colour === NO_DATA_COLOUR)).toBe(false);
	});
	it('survives a single value and no values', () => {
		expect(sequentialScale([5]).bins).toHaveLength(5);
		expect(sequentialScale([]).bins).toHaveLength(5);
	});
});

describe('divergingScale', () => {
	it('is symmetric about zero with zero in the middle class', () => {
		const s = divergingScale([-12, 3, 33]);
		const first = s.bins[0]!;
		const last = s.bins[s.bins.length - 1]!;
		expect(first.from).toBe(-last.to);
		const middle = s.bins[3]!;
		expect(middle.from).toBeLessThan(0);
		expect(middle.to).toBeGreaterThan(0);
		expect(s.colour(0)).toBe(middle.colour);
		expect(s.colour(33)).toBe(last.colour);
		expect(s.colour(-12)).not.toBe(s.colour(33));
	});
});
