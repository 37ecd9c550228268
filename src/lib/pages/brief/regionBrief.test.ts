import { describe, expect, it } from 'vitest';
import { buildIndicatorProfile, type RegionProfile } from '$lib/data/regionProfile';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { Region } from '$lib/domain/regions';
import { indicatorInfo } from '../fixtures.test-data';
import { regionBrief, type RegionBriefText } from './regionBrief';

const WOMEN = indicatorInfo('women', {
	label: { en: 'Women who own a phone', sw: 'Wanawake wenye simu' },
	years: [2016, 2022],
	periods: { 2016: '2015-16', 2022: '2022' }
});
const HOUSEHOLDS = indicatorInfo('hh', {
	label: { en: 'Households with a phone', sw: 'Kaya zenye simu' },
	hasUrbanRural: true,
	years: [2021, 2024],
	periods: { 2021: '2021', 2024: '2024' },
	synthetic: true
});

const ranged = (area: string, value: number, half: number, level: number, source: string) => ({
	[`${area}_value`]: value,
	[`${area}_lower`]: value - half,
	[`${area}_upper`]: value + half,
	[`${area}_ci_level`]: level,
	[`${area}_source_id`]: source
});
const withSe = (area: string, value: number, se: number) => ({
	[`${area}_value`]: value,
	[`${area}_se`]: se,
	[`${area}_lower`]: value - 1.959964 * se,
	[`${area}_upper`]: value + 1.959964 * se,
	[`${area}_ci_level`]: 0.95,
	[`${area}_source_id`]: 'synthetic-demo'
});

/**
 * Songwe (formed out of Mbeya in 2016), hand-worked:
 * - Women, published 90% intervals: 40 ± 5 (2015-16) → 50 ± 6 (2022), 12th of 31. The change
 *   +10 has the half-width √(5² + 6²) = 7.8102 whatever z is: +2.2 to +17.8 pp, significant.
 *   2015-16 began in 2015, before the split: the comparison carries the boundary note.
 * - Households, Pengo's survey, 95%: 2021 urban 70 (se 3), rural 62 (se 4): gap 8, se 5;
 *   2024 urban 62 (se 3, 56.1–67.9), rural 58 (se 4, 50.2–65.8): gap 4 ± 1.959964 × 5 = −5.8 to
 *   +13.8, not significant. (en-GB writes the minus as a hyphen.)
 *   Gap change −4, se √50 = 7.0711, ± 13.859: −17.9 to +9.9, not significant.
 */
const songwe = (indicator: IndicatorInfo, rows: Record<string, unknown>[]) =>
	buildIndicatorProfile(indicator, rows, new Map(), [], 'TZ-31');

const profile: RegionProfile = {
	region: { isoCode: 'TZ-31', nameOfficial: 'Songwe' } as Region,
	populationSources: [],
	indicators: [
		songwe(WOMEN, [
			{ year: 2016, period: '2015-16', ...ranged('total', 40, 5, 0.9, 'dhs') },
			{
				year: 2022,
				period: '2022',
				total_rank: 12,
				ranked_regions: 31,
				...ranged('total', 50, 6, 0.9, 'dhs')
			}
		]),
		songwe(HOUSEHOLDS, [
			{
				year: 2021,
				...withSe('total', 66, 2),
				...withSe('urban', 70, 3),
				...withSe('rural', 62, 4)
			},
			{
				year: 2024,
				total_rank: 3,
				ranked_regions: 31,
				...withSe('total', 60, 2),
				...withSe('urban', 62, 3),
				...withSe('rural', 58, 4)
			}
		])
	]
};

const names: Record<string, string> = { 'TZ-31': 'Songwe', 'TZ-14': 'Mbeya' };
const en: RegionBriefText = { language: 'en', locale: 'en-GB', nameOf: (c) => names[c] ?? c };
const sw: RegionBriefText = { language: 'sw', locale: 'sw-TZ', nameOf: (c) => names[c] ?? c };

describe('regionBrief', () => {
	const brief = regionBrief(profile, en);
	const [women, households] = brief.indicators;

	it('gives the region its figures for each indicator, with intervals and its rank', () => {
		expect(brief).toMatchObject({ iso: 'TZ-31', name: 'Songwe' });
		expect(women).toMatchObject({
			label: 'Women who own a phone',
			period: '2022',
			total: '50.0% (44.0–56.0)',
			urban: null,
			gap: null,
			rank: '12 of 31',
			trendOf: 'total'
		});
		expect(households).toMatchObject({
			urban: '62.0% (56.1–67.9)',
			rural: '58.0% (50.2–65.8)',
			gap: '+4.0 pp (-5.8 pp to +13.8 pp)',
			gapNotSignificant: true,
			rank: '3 of 31',
			trendOf: 'gap'
		});
	});

	it('traces the trend across rounds with the interval of each change and (ns)', () => {
		expect(women!.trend).toEqual([
			{ period: '2015-16', value: '40.0% (35.0–45.0)', change: null, notSignificant: false },
			{
				period: '2022',
				value: '50.0% (44.0–56.0)',
				change: '+10.0 pp since 2015-16 (+2.2 pp to +17.8 pp)',
				notSignificant: false
			}
		]);
		expect(households!.trend.map((r) => [r.period, r.value, r.change, r.notSignificant])).toEqual([
			['2021', '+8.0 pp (-1.8 pp to +17.8 pp)', null, false],
			['2024', '+4.0 pp (-5.8 pp to +13.8 pp)', '-4.0 pp since 2021 (-17.9 pp to +9.9 pp)', true]
		]);
	});

	it('carries the boundary note where the rounds meet the 2016 split, and only there', () => {
		expect(women!.boundaryNotes).toHaveLength(1);
		expect(women!.boundaryNotes[0]).toContain('Songwe was formed in 2016 out of Mbeya');
		expect(women!.boundaryNotes[0]).toContain('between 2015-16 and 2022');
		expect(households!.boundaryNotes).toEqual([]);
	});

	it('says whose intervals are whose, and what the page shows', () => {
		expect(brief.intervalNotes).toHaveLength(3);
		expect(brief.intervalNotes[0]).toContain('published by the source');
		expect(brief.intervalNotes[1]).toContain('computed by Pengo');
		expect(brief.intervalNotes[2]).toContain('gaps and of the changes');
		expect(brief.contents).toMatchObject({
			gaps: true,
			gapIntervals: true,
			changeWithInterval: true,
			changeWithoutInterval: false,
			sourceIntervals: true,
			pengoIntervals: true,
			regionRank: true,
			keyFigures: false,
			synthetic: true
		});
	});

	it('speaks Kiswahili, with the same numbers', () => {
		const k = regionBrief(profile, sw);
		const [w, h] = k.indicators;
		expect(w!.label).toBe('Wanawake wenye simu');
		expect(w!.rank).toBe('12 kati ya 31');
		expect(h!.trend[1]!.change).toBe(
			'-4.0 asl. pointi tangu 2021 (-17.9 asl. pointi hadi +9.9 asl. pointi)'
		);
		expect(w!.boundaryNotes[0]).toContain('mkoa wa Songwe ulianzishwa mwaka 2016 kutoka Mbeya');
		expect(k.intervalNotes[0]).toContain('vimechapishwa na chanzo');
		expect(k.intervalNotes[2]).toContain('vimekokotolewa na Pengo');
	});
});
