import { describe, expect, it } from 'vitest';
import {
	dateText,
	decimalText,
	floatText,
	nestedText,
	timeText,
	timestampText
} from './parquetText';

describe('Parquet values as DuckDB writes them', () => {
	it('doubles: shortest digits, ".0" on whole numbers, exponents outside 1e-4 … 1e15', () => {
		expect(floatText(100)).toBe('100.0');
		expect(floatText(0.1)).toBe('0.1');
		expect(floatText(-1234.5)).toBe('-1234.5');
		expect(floatText(1e15)).toBe('1000000000000000.0');
		expect(floatText(1e16)).toBe('1e+16');
		expect(floatText(123456789012345680000)).toBe('1.2345678901234568e+20');
		expect(floatText(0.0001)).toBe('0.0001');
		expect(floatText(0.00012345678)).toBe('0.00012345678');
		expect(floatText(1e-5)).toBe('1e-05');
		expect(floatText(2.5e-5)).toBe('2.5e-05');
		expect(floatText(3e-300)).toBe('3e-300');
		expect(floatText(0.30000000000000004)).toBe('0.30000000000000004');
		expect(floatText(0)).toBe('0.0');
		expect(floatText(-0)).toBe('-0.0');
		expect(floatText(NaN)).toBe('nan');
		expect(floatText(-Infinity)).toBe('-inf');
	});

	it('floats: the shortest digits that read back as the same 32-bit value', () => {
		expect(floatText(Math.fround(0.1), true)).toBe('0.1');
		expect(floatText(Math.fround(123456.789), true)).toBe('123456.79');
		expect(floatText(Math.fround(1 / 3), true)).toBe('0.33333334');
		expect(floatText(Math.fround(2 ** 53 + 2), true)).toBe('9007199000000000.0');
		expect(floatText(Math.fround(123456789012345680000), true)).toBe('1.2345679e+20');
	});

	it('dates and times in ISO 8601, BC years marked', () => {
		expect(dateText(0)).toBe('1970-01-01');
		expect(dateText(19227)).toBe('2022-08-23');
		expect(dateText(-6)).toBe('1969-12-26');
		expect(dateText(-719528)).toBe('0001-01-01 (BC)'); // year 0 is 1 BC
		expect(timeText(36_672_500_000_000n, 6)).toBe('10:11:12.5');
		// 2022-08-23 10:11:12.123456 is 1,661,249,472.123456 s after 1970.
		expect(timestampText(1_661_249_472_123_456_000n, 6)).toBe('2022-08-23 10:11:12.123456');
		expect(timestampText(1_661_249_472_123_456_789n, 9)).toBe('2022-08-23 10:11:12.123456789');
		expect(timestampText(1_661_249_472_000_000_000n, 6, true)).toBe('2022-08-23 10:11:12+00');
		expect(timestampText(-1_000_000_000n, 6)).toBe('1969-12-31 23:59:59');
	});

	it('decimals with their scale, lists and structs in DuckDB’s brackets', () => {
		expect(decimalText(12.5, 2)).toBe('12.50');
		expect(decimalText(7, 0)).toBe('7');
		expect(nestedText([1, null, 3], String)).toBe('[1, NULL, 3]');
		expect(nestedText({ a: 1, b: 'x' }, String)).toBe("{'a': 1, 'b': x}");
	});
});
