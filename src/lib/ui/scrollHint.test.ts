import { describe, expect, it } from 'vitest';
import { columnsPastRightEdge, headerLabel, hintedColumns } from './scrollHint';

// A compare table on a 375 px phone: a 329 px box, five columns 100 px wide.
const columns = [
	{ label: 'Region', left: 0, right: 100 },
	{ label: 'Total', left: 100, right: 200 },
	{ label: 'Urban', left: 200, right: 300 },
	{ label: 'Gap', left: 300, right: 400 },
	{ label: 'Rank', left: 400, right: 500 }
];

describe('columnsPastRightEdge', () => {
	it('names the columns cut off at the right, in order', () => {
		// The box shows 0–329: Gap (to 400) and Rank (to 500) are cut off.
		expect(columnsPastRightEdge(columns, 0, 329)).toEqual(['Gap', 'Rank']);
	});

	it('names fewer as the box scrolls, and none at the end', () => {
		// Scrolled 100: the box shows 100–429; Rank (to 500) is still cut off.
		expect(columnsPastRightEdge(columns, 100, 329)).toEqual(['Rank']);
		expect(columnsPastRightEdge(columns, 171, 329)).toEqual([]);
	});

	it('does not count a pixel of rounding as cut off', () => {
		expect(columnsPastRightEdge(columns, 0, 499.4)).toEqual([]);
	});
});

describe('headerLabel', () => {
	it('drops the sort arrows and folds the white space', () => {
		expect(headerLabel('\n\tGap (urban − rural)\n\t↕ ')).toBe('Gap (urban − rural)');
		expect(headerLabel('Rank ▼')).toBe('Rank');
	});
});

describe('hintedColumns', () => {
	it('names up to three columns and counts the rest', () => {
		expect(hintedColumns(['Gap', 'Rank'])).toEqual({ named: ['Gap', 'Rank'], more: 0 });
		expect(hintedColumns(['Urban', 'Rural', 'Gap', 'Parity', 'Rank'])).toEqual({
			named: ['Urban', 'Rural', 'Gap'],
			more: 2
		});
	});
});
