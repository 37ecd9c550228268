import { describe, expect, it } from 'vitest';
import { tanzania } from '$lib/country/tz';
import type { BoundaryChange } from '$lib/country';
import {
	boundaryChangesBetween,
	boundaryNotesFor,
	periodStartYear,
	regionsTouched
} from './boundaries';

const changes: readonly BoundaryChange[] = tanzania.boundaryChanges;

describe('where rounds meet a boundary change', () => {
	it('places a round by the year its fieldwork began', () => {
		expect(periodStartYear('2015-16', 2016)).toBe(2015);
		expect(periodStartYear('2022', 2022)).toBe(2022);
		expect(periodStartYear('2022-06', 2022)).toBe(2022);
		expect(periodStartYear('2012/13-2016/17', 2017)).toBe(2012);
		expect(periodStartYear(null, 2021)).toBe(2021);
		expect(periodStartYear('Q1 2024', 2024)).toBe(2024);
	});

	it('finds the changes after the earlier round began and up to the later one', () => {
		// DHS 2015-16 (began 2015) against 2022: Songwe, 2016, lies between
		expect(boundaryChangesBetween(changes, 2015, 2022).map((c) => c.created)).toEqual([['TZ-31']]);
		expect(boundaryChangesBetween(changes, 2022, 2015)).toHaveLength(1);
		// HBS 2007 against 2022: all five new regions
		expect(boundaryChangesBetween(changes, 2007, 2022)).toHaveLength(5);
		// the synthetic survey rounds 2021 and 2024: none
		expect(boundaryChangesBetween(changes, 2021, 2024)).toEqual([]);
		// a round begun in the year of the change already has the new map
		expect(boundaryChangesBetween(changes, 2016, 2022)).toEqual([]);
	});

	it('notes Songwe as created from Mbeya, and Mbeya as its source, between 2015-16 and 2022', () => {
		expect(boundaryNotesFor(changes, 'TZ-31', 2015, 2022)).toEqual([
			{ region: 'TZ-31', role: 'created', year: 2016, others: ['TZ-14'] }
		]);
		expect(boundaryNotesFor(changes, 'TZ-14', 2015, 2022)).toEqual([
			{ region: 'TZ-14', role: 'source', year: 2016, others: ['TZ-31'] }
		]);
		expect(boundaryNotesFor(changes, 'TZ-03', 2015, 2022)).toEqual([]);
		expect(boundaryNotesFor(changes, 'TZ-31', 2021, 2024)).toEqual([]);
	});

	it('gives Shinyanga a note for each region formed from it, and Geita its three sources', () => {
		expect(boundaryNotesFor(changes, 'TZ-22', 2007, 2022)).toEqual([
			{ region: 'TZ-22', role: 'source', year: 2012, others: ['TZ-27'] },
			{ region: 'TZ-22', role: 'source', year: 2012, others: ['TZ-30'] }
		]);
		expect(boundaryNotesFor(changes, 'TZ-27', 2007, 2022)).toEqual([
			{ region: 'TZ-27', role: 'created', year: 2012, others: ['TZ-18', 'TZ-05', 'TZ-22'] }
		]);
	});

	it('lists every region a comparison touches', () => {
		expect(regionsTouched(changes, 2015, 2022)).toEqual(['TZ-14', 'TZ-31']);
		// 2012: Geita (27) from Mwanza (18), Kagera (05), Shinyanga (22); Katavi (28) from Rukwa (20);
		// Njombe (29) from Iringa (04); Simiyu (30) from Shinyanga; 2016: Songwe (31) from Mbeya (14)
		expect(regionsTouched(changes, 2007, 2022)).toEqual([
			'TZ-04',
			'TZ-05',
			'TZ-14',
			'TZ-18',
			'TZ-20',
			'TZ-22',
			'TZ-27',
			'TZ-28',
			'TZ-29',
			'TZ-30',
			'TZ-31'
		]);
		expect(regionsTouched(changes, 2021, 2024)).toEqual([]);
	});
});
