import { describe, expect, it } from 'vitest';
import { compareCells, sortRows } from './tableSort';

describe('sortRows', () => {
	const rows = [
		{ name: 'Mbeya', v: 67.7 },
		{ name: 'Simiyu', v: null },
		{ name: 'Arusha', v: 65.2 },
		{ name: 'Dodoma', v: 61.6 }
	];
	it('sorts numbers in either direction and keeps missing values last', () => {
		expect(sortRows(rows, (r) => r.v, 'descending').map((r) => r.name)).toEqual([
			'Mbeya',
			'Arusha',
			'Dodoma',
			'Simiyu'
		]);
		expect(sortRows(rows, (r) => r.v, 'ascending').map((r) => r.name)).toEqual([
			'Dodoma',
			'Arusha',
			'Mbeya',
			'Simiyu'
		]);
	});
	it('sorts text by locale, and is stable for ties', () => {
		expect(sortRows(rows, (r) => r.name, 'ascending').map((r) => r.name)).toEqual([
			'Arusha',
			'Dodoma',
			'Mbeya',
			'Simiyu'
		]);
		const ties = [
			{ k: 'a', v: 1 },
			{ k: 'b', v: 1 }
		];
		expect(sortRows(ties, (r) => r.v, 'descending').map((r) => r.k)).toEqual(['a', 'b']);
	});
	it('orders codes with numbers naturally', () => {
		expect(compareCells('TZ-2', 'TZ-10', 'ascending')).toBeLessThan(0);
	});
});
