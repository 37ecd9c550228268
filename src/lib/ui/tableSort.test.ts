import { describe, expect, it } from 'vitest';
import { compareCells, sortRows, type Cell, type SortDirection } from './tableSort';

describe('sortRows', () => {
	const rows = [
		{ name: 'Mbeya', v: 67.7 },
		{ name: 'Simiyu', v: null },
		{ name: 'Arusha', v: 65.2 },
		{ name: 'Dodoma', v: 61.6 }
	];
	const names = (key: (r: (typeof rows)[number]) => Cell, direction: SortDirection) =>
		sortRows(rows, key, direction).map((r) => r.name);
	it('sorts numbers in either direction and keeps missing values last', () => {
		expect(names((r) => r.v, 'descending')).toEqual(['Mbeya', 'Arusha', 'Dodoma', 'Simiyu']);
		expect(names((r) => r.v, 'ascending')).toEqual(['Dodoma', 'Arusha', 'Mbeya', 'Simiyu']);
	});
	it('sorts text by locale, and is stable for ties', () => {
		expect(names((r) => r.name, 'ascending')).toEqual(['Arusha', 'Dodoma', 'Mbeya', 'Simiyu']);
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
