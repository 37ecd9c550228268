import { describe, expect, it } from 'vitest';
import { intervalDecimals, roundColumns, roundTo, valueDecimals } from './csvPrecision';

describe('roundTo', () => {
	it('rounds half away from zero and prints no more decimals than asked', () => {
		// 78.3 − 61.6 in doubles is 16.699999999999996: one decimal gives 16.7.
		expect(String(roundTo(78.3 - 61.6, 1))).toBe('16.7');
		expect(roundTo(2.25, 1)).toBe(2.3);
		expect(roundTo(-2.25, 1)).toBe(-2.3);
		expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
		expect(String(roundTo(0.1 + 0.2, 2))).toBe('0.3');
		expect(roundTo(1234.5, 0)).toBe(1235);
	});
});

describe('decimals per unit', () => {
	it('keeps what the sources publish: shares and rates one decimal, intervals two, counts none', () => {
		expect([valueDecimals('percent'), intervalDecimals('percent')]).toEqual([1, 2]);
		expect([valueDecimals('pp'), intervalDecimals('pp')]).toEqual([1, 2]);
		expect([valueDecimals('per100'), intervalDecimals('per100')]).toEqual([1, 2]);
		expect([valueDecimals('ratio'), intervalDecimals('ratio')]).toEqual([3, 4]);
		expect([valueDecimals('count'), intervalDecimals('count')]).toEqual([0, 0]);
	});
});

describe('roundColumns', () => {
	const table = {
		header: ['region', 'value', 'lower', 'n'],
		rows: [
			['Dodoma', 16.699999999999996, 12.345678, 812],
			['Mara', null, null, null]
		]
	};

	it('rounds the named columns and leaves text and empty cells', () => {
		const out = roundColumns(table, { value: 1, lower: 2, n: 0 });
		expect(out.header).toEqual(table.header);
		expect(out.rows).toEqual([
			['Dodoma', 16.7, 12.35, 812],
			['Mara', null, null, null]
		]);
	});

	it('adds the exact numbers at the end on request', () => {
		const out = roundColumns(table, { value: 1, lower: 2 }, ['value', 'lower', 'absent']);
		expect(out.header).toEqual(['region', 'value', 'lower', 'n', 'value_full', 'lower_full']);
		expect(out.rows[0]).toEqual(['Dodoma', 16.7, 12.35, 812, 16.699999999999996, 12.345678]);
	});
});
