import { describe, expect, it } from 'vitest';
import { roundSteps, seriesPoints, trendLayout } from '$lib/charts/trendLayout';
import type { RoundEstimate, TrendData, TrendRound } from '$lib/data/trend';
import {
	changeUnit,
	highlightedRegion,
	levelText,
	lineUnit,
	shownLine,
	trendTableRows,
	type TrendText
} from './trendModel';

const none: RoundEstimate = { value: null, lower: null, upper: null, se: null };
const total = (value: number, lower: number, upper: number) => ({ value, lower, upper, se: null });
const round = (year: number, period: string, t: RoundEstimate): TrendRound => ({
	year,
	period,
	ciLevel: 0.9,
	total: t,
	urban: none,
	rural: none
});
const text: TrendText = {
	locale: 'en-GB',
	none: '—',
	notSignificantMark: '(ns)',
	join: (lower, upper) => `${lower} to ${upper}`
};
// data/indicators.csv: Songwe 45.2 (32.2–58.9) in 2015-16, 50.7 (40.2–61.1) in 2022, at 90%.
const songwe = [
	round(2016, '2015-16', total(45.2, 32.2, 58.9)),
	round(2022, '2022', total(50.7, 40.2, 61.1))
];

describe('trendTableRows', () => {
	it("writes Songwe's rounds and its change 5.5 ± 1.645 · √(8.116² + 6.353²) = −11.5 to +22.5 (ns)", () => {
		const points = seriesPoints(songwe, 'total');
		const rows = trendTableRows(points, roundSteps('TZ-31', points), 'percent', 'pp', text);
		expect(rows).toEqual([
			{
				period: '2015-16',
				value: '45.2%',
				interval: '32.2–58.9 (90%)',
				change: '—',
				significant: null
			},
			{
				period: '2022',
				value: '50.7%',
				interval: '40.2–61.1 (90%)',
				change: '+5.5 pp (-11.5 pp to +22.5 pp, 90%) (ns)',
				significant: false
			}
		]);
	});

	it('writes a significant change without the mark, and a round without an interval as none', () => {
		const rounds = [
			round(2019, '2019', total(20, 18, 22)),
			round(2023, '2023', { ...total(40, 0, 0), lower: null, upper: null })
		];
		const points = seriesPoints(rounds, 'total');
		const [first, second] = trendTableRows(
			points,
			roundSteps('TZ-03', points),
			'percent',
			'pp',
			text
		);
		expect(first!.interval).toBe('18.0–22.0 (90%)');
		// No interval for 2023: the change has a value but no interval, so no mark either.
		expect(second).toEqual({
			period: '2023',
			value: '40.0%',
			interval: '—',
			change: '+20.0 pp',
			significant: null
		});
		const sure = [round(2019, '2019', total(20, 18, 22)), round(2023, '2023', total(40, 38, 42))];
		const p2 = seriesPoints(sure, 'total');
		const rows = trendTableRows(p2, roundSteps('TZ-03', p2), 'percent', 'pp', text);
		// se 4 / 3.29 = 1.216 each; √2 · 1.216 = 1.719; 20 ± 1.645 · 1.719 = 17.2 to 22.8.
		expect(rows[1]!.change).toBe('+20.0 pp (+17.2 pp to +22.8 pp, 90%)');
		expect(rows[1]!.significant).toBe(true);
	});
});

describe('units and levels', () => {
	it('reads a gap of percentages in points, and a count as a count', () => {
		expect(lineUnit('percent', 'gap')).toBe('pp');
		expect(lineUnit('percent', 'urban')).toBe('percent');
		expect(lineUnit('count', 'gap')).toBe('count');
		expect(changeUnit('percent')).toBe('pp');
		expect(levelText(0.9, 'en-GB')).toBe('90%');
		expect(levelText(0.95, 'sw-TZ')).toBe('95%');
	});
});

describe('highlightedRegion and shownLine', () => {
	const data: TrendData = {
		indicatorId: 'x',
		regions: [
			{ code: 'TZ-31', rounds: songwe },
			{ code: 'TZ-01', rounds: songwe },
			{ code: 'TZ-03', rounds: [songwe[0]!] }
		],
		national: []
	};
	const layout = trendLayout(data, 'total');
	const names: Record<string, string> = { 'TZ-31': 'Songwe', 'TZ-01': 'Arusha', 'TZ-03': 'Dodoma' };
	const nameOf = (c: string) => names[c]!;

	it('takes the reader’s choice, then the map’s selection, then the first drawn by name', () => {
		expect(highlightedRegion(layout, 'TZ-03', 'TZ-31', nameOf)).toBe('TZ-03');
		expect(highlightedRegion(layout, null, 'TZ-31', nameOf)).toBe('TZ-31');
		expect(highlightedRegion(layout, null, null, nameOf)).toBe('TZ-01');
		// A region the indicator has no rounds for is passed over.
		expect(highlightedRegion(layout, 'TZ-99', 'TZ-98', nameOf)).toBe('TZ-01');
		expect(highlightedRegion({ drawn: [], fewRounds: [] }, null, null, nameOf)).toBeNull();
	});

	it('keeps the chosen line when the indicator has it, else the first offered', () => {
		expect(shownLine(['gap', 'urban', 'rural', 'total'], 'rural')).toBe('rural');
		expect(shownLine(['total'], 'gap')).toBe('total');
		expect(shownLine(['gap', 'total'], null)).toBe('gap');
		expect(shownLine([], null)).toBeNull();
	});
});
