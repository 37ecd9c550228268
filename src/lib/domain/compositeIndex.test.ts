import { describe, expect, it } from 'vitest';
import { compositeIndex, minMaxScores } from './compositeIndex';

describe('minMaxScores', () => {
	it('rescales gaps so the widest is 1 and levels so the lowest is 1', () => {
		expect(minMaxScores({ a: 10, b: 30, c: 20, d: null }, 'gap')).toEqual({
			a: 0,
			b: 1,
			c: 0.5,
			d: null
		});
		expect(minMaxScores({ a: 10, b: 30, c: 20 }, 'level')).toEqual({ a: 1, b: 0, c: 0.5 });
		expect(minMaxScores({ a: 5, b: 5 }, 'gap')).toEqual({ a: 0.5, b: 0.5 });
	});
});

describe('compositeIndex, hand-worked', () => {
	const gap = { id: 'gap', direction: 'gap' as const, values: { A: 10, B: 30, C: 20 } };
	const level = { id: 'level', direction: 'level' as const, values: { A: 40, B: 80, C: null } };
	/** The index of `regions` from the gap and the level, weighted as given. */
	const weighted = (gapWeight: number, levelWeight: number, regions = ['A', 'B', 'C']) =>
		compositeIndex(regions, [
			{ ...gap, weight: gapWeight },
			{ ...level, weight: levelWeight }
		]);

	it('is the weighted mean of the rescaled components', () => {
		// gap scores A 0, B 1, C 0.5; level scores A 1, B 0, C none.
		// weights 3 and 1: A = (3·0 + 1·1)/4 = 0.25; B = (3·1 + 0)/4 = 0.75; C = 0.5 (weight 3 ≥ 2)
		const rows = weighted(3, 1);
		expect(rows.map((r) => [r.region, r.index, r.rank])).toEqual([
			['A', 0.25, 3],
			['B', 0.75, 1],
			['C', 0.5, 2]
		]);
		expect(rows[0]!.scores).toEqual({ gap: 0, level: 1 });
	});

	it('changing a weight changes the ranking', () => {
		const rows = weighted(1, 3);
		// A = (0 + 3)/4 = 0.75; B = (1 + 0)/4 = 0.25; C has weight 1 < 2 of 4: no index
		expect(rows.map((r) => [r.region, r.index, r.rank])).toEqual([
			['A', 0.75, 1],
			['B', 0.25, 2],
			['C', null, null]
		]);
	});

	it('ignores zero-weight components', () => {
		const rows = weighted(1, 0, ['A', 'B']);
		expect(rows.map((r) => r.index)).toEqual([0, 1]);
	});
});
