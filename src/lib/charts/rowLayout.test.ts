import { describe, expect, it } from 'vitest';
import { rowMargins } from './rowLayout';

describe('rowMargins', () => {
	const rows = [
		{ name: 'Dar es Salaam', valueText: '61.2%' },
		{ name: 'Lindi', valueText: '40.3% (n.s.)' }
	];

	it('leaves room for the longest name and value text', () => {
		// 13 characters × 6.5 + 14; 12 characters × 6.5 + 10.
		expect(rowMargins(rows, 1000, 56)).toEqual({ left: 98.5, right: 88 });
	});

	it('keeps the right margin at least minRight, and neither margin most of the width', () => {
		expect(rowMargins([{ name: 'Lindi', valueText: '4%' }], 1000, 64).right).toBe(64);
		expect(rowMargins(rows, 100, 56)).toEqual({ left: 45, right: 30 });
	});
});
