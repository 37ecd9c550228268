import { describe, expect, it } from 'vitest';
import { parseYearText } from './yearText';

describe('parseYearText', () => {
	it('reads four digits from 1900 to 2100 as the year, spaces around them allowed', () => {
		expect(parseYearText('2022')).toEqual({ year: 2022, invalid: false });
		expect(parseYearText(' 1900 ')).toEqual({ year: 1900, invalid: false });
		expect(parseYearText('2100')).toEqual({ year: 2100, invalid: false });
	});

	it('takes empty text as no year, and no mistake', () => {
		expect(parseYearText('')).toEqual({ year: null, invalid: false });
		expect(parseYearText('   ')).toEqual({ year: null, invalid: false });
	});

	it('says so while the text is not a year: a year half typed, out of range, or words', () => {
		for (const text of [
			'2',
			'202',
			'20222',
			'1899',
			'2101',
			'2022.0',
			'2,022',
			'22',
			'abcd',
			'15-16'
		]) {
			expect(parseYearText(text), text).toEqual({ year: null, invalid: true });
		}
	});
});
