import { describe, expect, it } from 'vitest';
import { displayUnit, formatTick, formatValue } from './format';

describe('formatValue', () => {
	it('formats each unit', () => {
		expect(formatValue(61.6, 'percent')).toBe('61.6%');
		expect(formatValue(22.7, 'pp')).toBe('+22.7 pp');
		expect(formatValue(-3.04, 'pp')).toBe('-3.0 pp');
		expect(formatValue(0.625, 'ratio')).toBe('0.63');
		expect(formatValue(9102203, 'count')).toBe('9,102,203');
		expect(formatValue(169.07, 'per100')).toBe('169.1');
		expect(formatValue(22.7, 'pp', 'sw-TZ')).toBe('+22.7 asl. pointi');
	});
	it('never prints NaN', () => {
		expect(formatValue(Number.NaN, 'percent', 'en', 'no data')).toBe('no data');
		expect(formatValue(null, 'count')).toBe('—');
	});
});

describe('displayUnit', () => {
	it('shows differences of percentages in points and parity as a ratio', () => {
		expect(displayUnit('percent', 'gap')).toBe('pp');
		expect(displayUnit('percent', 'change')).toBe('pp');
		expect(displayUnit('percent', 'parity')).toBe('ratio');
		expect(displayUnit('count', 'change')).toBe('count');
		expect(displayUnit('per100', 'total')).toBe('per100');
	});
});

describe('formatTick', () => {
	it('drops needless decimals and compacts counts', () => {
		expect(formatTick(40, 'percent')).toBe('40%');
		expect(formatTick(-20, 'pp')).toBe('-20');
		expect(formatTick(20, 'pp')).toBe('+20');
		expect(formatTick(0, 'pp')).toBe('0');
		expect(formatTick(2_000_000, 'count')).toBe('2M');
		expect(formatTick(0.25, 'ratio')).toBe('0.25');
	});
});
