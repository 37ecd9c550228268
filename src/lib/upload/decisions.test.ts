import { describe, expect, it } from 'vitest';
import { nationalReviews, regionDecisions } from './decisions';
import { nationalName, reviewRegionNames } from './regionMatch';
import { bundledRegions as regions } from './regions.test-data';

const review = (names: string[]) =>
	reviewRegionNames(
		names.map((name) => ({ name, rows: 1 })),
		regions,
		{}
	);
const allRegions = regions.map((r) => r.nameOfficial);

describe('national figures in an upload', () => {
	it('tells a name of the whole country from a plain total and from a zone', () => {
		for (const name of [
			'Tanzania',
			'TZ',
			'National',
			'Taifa',
			'United Republic of Tanzania',
			'Tanzania total'
		])
			expect(nationalName(name), name).toBe('named');
		for (const name of ['Total', 'Jumla', 'All regions', 'Grand total'])
			expect(nationalName(name), name).toBe('total');
		for (const name of ['Tanzania Bara', 'Zanzibar', 'Mainland', 'Dodoma', 'Unguja'])
			expect(nationalName(name), name).toBeNull();
	});

	it('loads a country-named row as the national figure, whatever the file covers', () => {
		const decisions = regionDecisions(review(['Dodoma', 'Arusha', 'Tanzania', 'TZ']), regions);
		expect(decisions.filter((d) => d.kind === 'national')).toEqual([
			{ written: 'Tanzania', kind: 'national', code: 'TZ' },
			{ written: 'TZ', kind: 'national', code: 'TZ' }
		]);
	});

	it('takes "Total" as national only when every region is in the file', () => {
		expect([...nationalReviews(review([...allRegions, 'Total']), regions)]).toEqual(['Total']);
		const some = review(['Dodoma', 'Arusha', 'Total']);
		expect(nationalReviews(some, regions).size).toBe(0);
		expect(regionDecisions(some, regions).find((d) => d.written === 'Total')).toEqual({
			written: 'Total',
			kind: 'zone',
			code: null
		});
	});

	it('never takes a zone for the country', () => {
		const decisions = regionDecisions(
			review([...allRegions, 'Tanzania Bara', 'Zanzibar']),
			regions
		);
		expect(decisions.filter((d) => d.kind === 'national')).toEqual([]);
		expect(decisions.filter((d) => d.kind === 'zone').map((d) => d.written)).toEqual([
			'Tanzania Bara',
			'Zanzibar'
		]);
	});
});
