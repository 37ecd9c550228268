import { describe, expect, it } from 'vitest';
import { parseRegionList } from './compareUrl';

describe('parseRegionList', () => {
	it('parses a comparison link: known codes in order, repeats and unknown codes set aside', () => {
		const known = ['TZ-02', 'TZ-03', 'TZ-30'];
		expect(parseRegionList('TZ-03, tz-02,,TZ-03,TZ-99,xyz,TZ-99', known)).toEqual({
			codes: ['TZ-03', 'TZ-02'],
			unknown: ['TZ-99', 'xyz']
		});
		expect(parseRegionList(null, known)).toEqual({ codes: [], unknown: [] });
	});
});
