import { describe, expect, it } from 'vitest';
import { barDomain, rowMargins } from './rowLayout';

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

describe('barDomain', () => {
	const row = (
		value: number | null,
		lower: number | null = null,
		upper: number | null = null,
		previous: number | null = null
	) => ({
		value,
		lower,
		upper,
		previous
	});

	it('scales to the regions, not to a national total that dwarfs them', () => {
		// Active SIMs, June 2022: regions 658,809 … 9,102,203, the nation 56,153,097. From zero to
		// the largest region, rounded out to a step of a million: 0 … 10,000,000.
		const d = barDomain([row(658_809), row(9_102_203), row(null)], 56_153_097);
		expect(d).toEqual({ domain: [0, 10_000_000], nationalOnScale: false });
	});

	it('keeps the national mark when it falls among the regions', () => {
		// SIMs per 100 residents: 50.6 … 169.1, the nation 90.9; a step of 20 gives 0 … 180.
		expect(barDomain([row(50.6), row(169.1)], 90.9)).toEqual({
			domain: [0, 180],
			nationalOnScale: true
		});
	});

	it('takes in intervals, earlier values and negative changes, and a fixed share axis', () => {
		expect(barDomain([row(-4.1, -7.2, 1.3), row(15.5, null, null, 18.2)], null)).toEqual({
			domain: [-8, 20],
			nationalOnScale: false
		});
		expect(barDomain([row(36.4)], 120, [0, 100])).toEqual({
			domain: [0, 100],
			nationalOnScale: false
		});
	});
});
