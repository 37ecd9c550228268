import { describe, expect, it } from 'vitest';
import { rankDescending, sortByGap } from './ranking';

describe('sortByGap', () => {
	it('puts the widest gap first and missing values last, by name', () => {
		const rows = [
			{ name: 'Arusha', urban: 80, rural: 70 }, // gap 10
			{ name: 'Simiyu', urban: null, rural: 40 }, // no gap
			{ name: 'Lindi', urban: 90, rural: 50 }, // gap 40
			{ name: 'Dodoma', urban: 60, rural: 65 }, // gap −5
			{ name: 'Katavi', urban: 70, rural: null } // no gap
		];
		expect(sortByGap(rows).map((r) => r.name)).toEqual([
			'Lindi',
			'Arusha',
			'Dodoma',
			'Katavi',
			'Simiyu'
		]);
	});
});

describe('rankDescending', () => {
	it('breaks ties by name', () => {
		const rows = [
			{ n: 'b', v: 1 },
			{ n: 'a', v: 1 },
			{ n: 'c', v: 2 }
		];
		expect(
			rankDescending(
				rows,
				(r) => r.v,
				(r) => r.n
			).map((r) => r.n)
		).toEqual(['c', 'a', 'b']);
	});
});
