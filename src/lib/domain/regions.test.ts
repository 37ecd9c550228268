import { describe, expect, it } from 'vitest';
import { matchRegionName, normaliseRegionName, regionNameIndex, type Region } from './regions';

const regions: Region[] = [
	{
		nbsCode: '07',
		isoCode: 'TZ-02',
		nameOfficial: 'Dar es Salaam',
		nameEn: 'Dar es Salaam',
		zone: 'Mainland',
		population2022: 5383728,
		variants: ['Dar-es-salaam', 'DSM', 'Dar']
	},
	{
		nbsCode: '06',
		isoCode: 'TZ-19',
		nameOfficial: 'Pwani',
		nameEn: 'Coast',
		zone: 'Mainland',
		population2022: 2024947,
		variants: []
	},
	{
		nbsCode: '53',
		isoCode: 'TZ-15',
		nameOfficial: 'Mjini Magharibi',
		nameEn: 'Zanzibar West',
		zone: 'Zanzibar',
		population2022: 893169,
		variants: ['Town West', 'Mjini/Magharibi Unguja']
	},
	{
		nbsCode: '52',
		isoCode: 'TZ-11',
		nameOfficial: 'Kusini Unguja',
		nameEn: 'Zanzibar South',
		zone: 'Zanzibar',
		population2022: 195873,
		variants: ['Zanzibar South & Central']
	}
];
const index = regionNameIndex(regions);

describe('normaliseRegionName', () => {
	it('folds case, punctuation, accents and ampersands', () => {
		expect(normaliseRegionName('  DAR-ES  SALAAM ')).toBe('dar es salaam');
		expect(normaliseRegionName('Zanzibar South & Central')).toBe('zanzibar south and central');
		expect(normaliseRegionName('Mjini/Magharibi Unguja')).toBe('mjini magharibi unguja');
		expect(normaliseRegionName('Pwàni')).toBe('pwani');
	});
});

describe('matchRegionName', () => {
	it.each([
		['TZ-02', 'TZ-02', 'code'],
		['tz-19', 'TZ-19', 'code'],
		['07', 'TZ-02', 'code'],
		['Coast', 'TZ-19', 'name'],
		['PWANI', 'TZ-19', 'name'],
		['DSM', 'TZ-02', 'variant'],
		['Town West', 'TZ-15', 'variant'],
		['DAR ES SALAAM', 'TZ-02', 'name'],
		['Dar-Es-Salaam', 'TZ-02', 'variant'],
		['Dar es  Salaam.', 'TZ-02', 'normalised'],
		['Zanzibar South and Central', 'TZ-11', 'normalised']
	])('%s → %s via %s', (written, iso, via) => {
		expect(matchRegionName(written, index)).toEqual({ status: 'matched', isoCode: iso, via });
	});

	it('reports island totals instead of forcing them onto a region', () => {
		expect(matchRegionName('Unguja', index)).toEqual({ status: 'island', island: 'unguja' });
		expect(matchRegionName('PEMBA', index)).toEqual({ status: 'island', island: 'pemba' });
	});

	it('leaves unknown names unmatched', () => {
		expect(matchRegionName('Atlantis', index)).toEqual({ status: 'unmatched' });
		expect(matchRegionName('', index)).toEqual({ status: 'unmatched' });
	});
});
