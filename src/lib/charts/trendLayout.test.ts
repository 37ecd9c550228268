import { describe, expect, it } from 'vitest';
import type { RoundEstimate, TrendData, TrendRound } from '$lib/data/trend';
import {
	linesAvailable,
	pointOf,
	roundSteps,
	roundX,
	seriesPoints,
	spreadLabels,
	ticksToLabel,
	trendLayout,
	valueDomain
} from './trendLayout';

const none: RoundEstimate = { value: null, lower: null, upper: null, se: null };
const est = (
	value: number,
	se: number | null = null,
	lower: number | null = null,
	upper: number | null = null
) => ({
	value,
	se,
	lower,
	upper
});

function round(
	year: number,
	period: string,
	ciLevel: number | null,
	parts: Partial<TrendRound>
): TrendRound {
	return { year, period, ciLevel, total: none, urban: none, rural: none, ...parts };
}

// Songwe in data/indicators.csv: 45.2 (32.2–58.9) in 2015-16, 50.7 (40.2–61.1) in 2022, 90%.
const songwe = [
	round(2016, '2015-16', 0.9, { total: est(45.2, null, 32.2, 58.9) }),
	round(2022, '2022', 0.9, { total: est(50.7, null, 40.2, 61.1) })
];
// Survey rounds with published standard errors at 95%: gap 20 (se 5), then 14 (se 10).
const survey = [
	round(2021, '2021', 0.95, { urban: est(60, 3), rural: est(40, 4), total: est(50, 2) }),
	round(2024, '2024', 0.95, { urban: est(64, 6), rural: est(50, 8), total: est(55, 2) })
];

describe('roundX', () => {
	it('places a round at the year its fieldwork began', () => {
		expect(roundX('2015-16', 2016)).toBe(2015);
		expect(roundX('2022', 2022)).toBe(2022);
		expect(roundX('2022-06', 2022)).toBe(2022);
		expect(roundX('', 2019)).toBe(2019);
	});
});

describe('pointOf', () => {
	it('gives the gap with its interval: 20 ± 1.96·√(3² + 4²) = 10.20 to 29.80', () => {
		const p = pointOf(survey[0]!, 'gap')!;
		expect(p.value).toBe(20);
		expect(p.se).toBeCloseTo(5, 10);
		expect(p.lower).toBeCloseTo(10.2002, 4);
		expect(p.upper).toBeCloseTo(29.7998, 4);
		expect(p.significant).toBe(true);
		expect(p.x).toBe(2021);
	});

	it('keeps a published interval and recovers its se: (58.9 − 32.2) / (2 · 1.645) = 8.116', () => {
		const p = pointOf(songwe[0]!, 'total')!;
		expect([p.value, p.lower, p.upper, p.x, p.ciLevel]).toEqual([45.2, 32.2, 58.9, 2015, 0.9]);
		expect(p.se).toBeCloseTo(8.1162, 4);
		expect(p.significant).toBeNull();
	});

	it('draws an interval of ± z·se around a value published with its se only', () => {
		const p = pointOf(survey[0]!, 'urban')!;
		expect(p.lower).toBeCloseTo(60 - 1.96 * 3, 2);
		expect(p.upper).toBeCloseTo(60 + 1.96 * 3, 2);
	});

	it('has no point where the round has no value for the line', () => {
		expect(pointOf(songwe[0]!, 'gap')).toBeNull();
		expect(pointOf(songwe[0]!, 'urban')).toBeNull();
	});
});

describe('roundSteps', () => {
	it("gives Songwe's change 5.5 with its 90% interval −11.45 to 22.45 (ns) and the 2016 note", () => {
		const [step] = roundSteps('TZ-31', seriesPoints(songwe, 'total'));
		// se 8.116 and 20.9 / 3.290 = 6.353; √(8.116² + 6.353²) = 10.307; 5.5 ± 1.645 · 10.307.
		expect(step!.change.estimate!.value).toBeCloseTo(5.5, 10);
		expect(step!.change.estimate!.lower).toBeCloseTo(-11.4536, 3);
		expect(step!.change.estimate!.upper).toBeCloseTo(22.4536, 3);
		expect(step!.change.estimate!.significant).toBe(false);
		expect(step!.boundaryNotes).toEqual([
			{ region: 'TZ-31', role: 'created', year: 2016, others: ['TZ-14'] }
		]);
		// Mbeya gave Songwe its area: its own change carries the note too; Dodoma's none.
		expect(roundSteps('TZ-14', seriesPoints(songwe, 'total'))[0]!.boundaryNotes[0]!.role).toBe(
			'source'
		);
		expect(roundSteps('TZ-03', seriesPoints(songwe, 'total'))[0]!.boundaryNotes).toEqual([]);
	});

	it('gives the change of the gap: 14 − 20 = −6, se √(5² + 10²) = 11.18, −27.91 to 15.91', () => {
		const steps = roundSteps('TZ-03', seriesPoints(survey, 'gap'));
		expect(steps).toHaveLength(1);
		const e = steps[0]!.change.estimate!;
		expect(e.value).toBeCloseTo(-6, 10);
		expect(e.se).toBeCloseTo(11.1803, 4);
		expect(e.lower).toBeCloseTo(-27.9131, 3);
		expect(e.upper).toBeCloseTo(15.9131, 3);
		expect(e.significant).toBe(false);
	});

	it('has one step fewer than points', () => {
		const three = [...survey, round(2027, '2027', 0.95, { urban: est(70, 1), rural: est(66, 1) })];
		const steps = roundSteps('TZ-03', seriesPoints(three, 'gap'));
		expect(steps.map((s) => [s.from.year, s.to.year])).toEqual([
			[2021, 2024],
			[2024, 2027]
		]);
		// 4 − 14 = −10, se √(10² + 1.414²) = 10.10: still ns at 95%.
		expect(steps[1]!.change.estimate!.value).toBeCloseTo(-10, 10);
	});
});

describe('trendLayout', () => {
	const data: TrendData = {
		indicatorId: 'x',
		regions: [
			{ code: 'TZ-03', rounds: survey },
			{ code: 'TZ-31', rounds: songwe },
			{ code: 'TZ-01', rounds: [survey[1]!] }
		],
		national: [
			round(2024, '2024', 0.95, { total: est(53, 1), urban: est(62, 1), rural: est(45, 1) })
		]
	};

	it('draws regions with two rounds or more and lists the others', () => {
		const gap = trendLayout(data, 'gap');
		expect(gap.drawn.map((s) => s.code)).toEqual(['TZ-03']);
		expect(gap.fewRounds).toEqual(['TZ-31', 'TZ-01']);
		expect(gap.national.map((p) => p.value)).toEqual([17]);
		const total = trendLayout(data, 'total');
		expect(total.drawn.map((s) => s.code)).toEqual(['TZ-03', 'TZ-31']);
		expect(total.fewRounds).toEqual(['TZ-01']);
		expect(total.ticks).toEqual([
			{ x: 2015, label: '2015-16' },
			{ x: 2021, label: '2021' },
			{ x: 2022, label: '2022' },
			{ x: 2024, label: '2024' }
		]);
		expect(total.xDomain).toEqual([2015, 2024]);
	});

	it('offers the lines some region has two rounds of', () => {
		expect(linesAvailable(data)).toEqual(['gap', 'urban', 'rural', 'total']);
		expect(linesAvailable({ ...data, regions: [{ code: 'TZ-31', rounds: songwe }] })).toEqual([
			'total'
		]);
	});
});

describe('valueDomain', () => {
	it('spans values and interval ends, padded by 5%, with zero for the gap', () => {
		const series = [{ code: 'a', points: seriesPoints(songwe, 'total') }];
		// 32.2 to 61.1: span 28.9, padding 1.445.
		const [lo, hi] = valueDomain(series, 'total');
		expect(lo).toBeCloseTo(30.755, 6);
		expect(hi).toBeCloseTo(62.545, 6);
		// Gaps 20 ± 1.96 · 5 (10.20 to 29.80) and 14 ± 1.96 · √(6² + 8²) = 14 ± 19.60 (−5.60 to
		// 33.60): span 39.20, padding 1.96.
		const [glo, ghi] = valueDomain([{ code: 'a', points: seriesPoints(survey, 'gap') }], 'gap');
		expect(glo).toBeCloseTo(-7.5596, 3);
		expect(ghi).toBeCloseTo(35.5596, 3);
		// Zero is kept in the gap's range even when every gap is far above it.
		const wide = [round(2021, '2021', 0.95, { urban: est(90, 0), rural: est(40, 0) })];
		expect(valueDomain([{ code: 'a', points: seriesPoints(wide, 'gap') }], 'gap')).toEqual([
			-2.5, 52.5
		]);
		expect(valueDomain([], 'total')).toEqual([0, 1]);
		const single = [round(2021, '2021', null, { total: est(45.2) })];
		expect(valueDomain([{ code: 'a', points: seriesPoints(single, 'total') }], 'total')).toEqual([
			44.2, 46.2
		]);
	});
});

describe('spreadLabels', () => {
	it('leaves labels that do not overlap where they are', () => {
		expect(spreadLabels([10, 40, 80], 12, 0, 100)).toEqual([10, 40, 80]);
	});

	it('pushes overlapping labels apart by the gap, in the input order', () => {
		// 50 and 52 overlap: the lower one moves down to 62.
		expect(spreadLabels([52, 50, 90], 12, 0, 100)).toEqual([62, 50, 90]);
	});

	it('pushes back up from the bottom when the labels run past it', () => {
		// 95, 96, 97 → 95, 107, 119 → bottom 100: 76, 88, 100.
		expect(spreadLabels([95, 96, 97], 12, 0, 100)).toEqual([76, 88, 100]);
	});

	it('never goes above the top, even with no room', () => {
		expect(spreadLabels([1, 2, 3], 10, 0, 5)).toEqual([0, 10, 20]);
	});
});

describe('ticksToLabel', () => {
	it('writes the first label and each one far enough from the last written', () => {
		// 2015, 2021, 2022, 2024 on a 260 px axis: 0, 173, 202, 260.
		expect(ticksToLabel([0, 173.3, 202.2, 260], 36)).toEqual([true, true, false, true]);
		expect(ticksToLabel([0, 100, 200], 36)).toEqual([true, true, true]);
		expect(ticksToLabel([], 36)).toEqual([]);
	});
});
