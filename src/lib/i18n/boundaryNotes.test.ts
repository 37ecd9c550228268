import { describe, expect, it } from 'vitest';
import { boundaryNoteText, joinNames } from './boundaryNotes';

const names: Record<string, string> = {
	'TZ-31': 'Songwe',
	'TZ-14': 'Mbeya',
	'TZ-27': 'Geita',
	'TZ-18': 'Mwanza',
	'TZ-05': 'Kagera',
	'TZ-22': 'Shinyanga'
};
const nameOf = (code: string) => names[code] ?? code;

describe('boundary notes in words (English, the base locale)', () => {
	it('joins names as a sentence does', () => {
		expect(joinNames(['Mbeya'], 'en-GB')).toBe('Mbeya');
		expect(joinNames(['Mwanza', 'Kagera', 'Shinyanga'], 'en-GB')).toBe(
			'Mwanza, Kagera and Shinyanga'
		);
		expect(joinNames(['Mwanza', 'Kagera'], 'sw-TZ')).toBe('Mwanza na Kagera');
	});

	it('words a created region and a source region', () => {
		expect(
			boundaryNoteText(
				{ region: 'TZ-31', role: 'created', year: 2016, others: ['TZ-14'] },
				'2015-16',
				'2022',
				nameOf,
				'en-GB'
			)
		).toMatch(
			/^Boundary change between 2015-16 and 2022: Songwe was formed in 2016 out of Mbeya\./
		);
		expect(
			boundaryNoteText(
				{ region: 'TZ-14', role: 'source', year: 2016, others: ['TZ-31'] },
				'2015-16',
				'2022',
				nameOf,
				'en-GB'
			)
		).toMatch(/part of Mbeya became Songwe in 2016, so Mbeya covered a larger area in 2015-16/);
		expect(
			boundaryNoteText(
				{ region: 'TZ-27', role: 'created', year: 2012, others: ['TZ-18', 'TZ-05', 'TZ-22'] },
				'2007',
				'2022',
				nameOf,
				'en-GB'
			)
		).toMatch(/Geita was formed in 2012 out of Mwanza, Kagera and Shinyanga\./);
	});
});
