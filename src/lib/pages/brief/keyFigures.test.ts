import type { Estimate } from '$lib/domain/estimate';
import { describe, expect, it } from 'vitest';
import type { IndicatorView, RegionView } from '$lib/data/views';
import { regionView } from '$lib/data/views.test-data';
import { gapWithInterval, type GapEstimate } from '$lib/domain/gaps';
import {
	figureSource,
	gapNotSignificant,
	keyFigures,
	largestGaps,
	mostImproved,
	type FigureSource
} from './keyFigures';

const est = (value: number | null, se: number | null = null): Estimate => ({
	value,
	se,
	lower: null,
	upper: null,
	n: null,
	note: null
});

function region(
	iso: string,
	name: string,
	a: { total?: number | null; urban?: Estimate; rural?: Estimate; previous?: number | null }
): RegionView {
	return regionView(iso, name, {
		total: est(a.total ?? null),
		urban: a.urban ?? est(null),
		rural: a.rural ?? est(null),
		previousYear: a.previous === undefined ? null : 2016,
		previousTotal: est(a.previous ?? null)
	});
}

function view(indicatorId: string, year: number, regions: RegionView[]): IndicatorView {
	return { indicatorId, year, regions, ciLevel: 0.95, national: null, sources: [], islands: [] };
}

/** Gaps as the view model makes them: z = 1.96, urban and rural standard errors combined. */
function gapsOf(v: IndicatorView): Record<string, GapEstimate | null> {
	return Object.fromEntries(
		v.regions.map((r) => [
			r.iso,
			gapWithInterval(r.urban.value, r.urban.se, r.rural.value, r.rural.se, 1.96)
		])
	);
}

// Hand-worked: gap = urban − rural; se = √(se_u² + se_r²); interval gap ± 1.96·se.
const household = view('hh_owns_mobile', 2024, [
	// 30 ± 1.96·5 = [20.2, 39.8]: significant
	region('TZ-01', 'Dodoma', { urban: est(80, 3), rural: est(50, 4) }),
	// 5 ± 1.96·10 = [−14.6, 24.6]: includes zero
	region('TZ-02', 'Arusha', { urban: est(60, 6), rural: est(55, 8) }),
	// −35 ± 9.8: rural ahead, the largest gap by size
	region('TZ-03', 'Kilimanjaro', { urban: est(40, 3), rural: est(75, 4) }),
	// 2 ± 1.96·1 = [0.04, 3.96]: just significant
	region('TZ-04', 'Tanga', { urban: est(70, 0.6), rural: est(68, 0.8) }),
	// no rural value: no gap
	region('TZ-05', 'Morogoro', { urban: est(90, 2) }),
	// 20 ± 9.8
	region('TZ-06', 'Pwani', { urban: est(50, 3), rural: est(30, 4) }),
	// gap 10 without standard errors: significance unknown, never listed as not significant
	region('TZ-12', 'Mbeya', { urban: est(60), rural: est(50) })
]);
const women = view('women_mobile_phone', 2022, [
	region('TZ-01', 'Dodoma', { total: 71, previous: 60 }), // +11
	region('TZ-02', 'Arusha', { total: 85, previous: 86 }), // −1: a fall
	region('TZ-03', 'Kilimanjaro', { total: 50, previous: 38.9 }), // +11.1
	region('TZ-04', 'Tanga', { total: 58.4, previous: 58.4 }), // 0
	region('TZ-05', 'Morogoro', { total: 70, previous: 41.9 }), // +28.1
	region('TZ-06', 'Pwani', { total: null, previous: 50 }) // no value now
]);

const name = (r: RegionView) => r.nameOfficial;
/** A view with an urban/rural split as the brief reads it: its gaps from the view model. */
const splitSource = (v: IndicatorView, label: string) =>
	figureSource(v, { gaps: gapsOf(v) }, { label, hasUrbanRural: true, regionName: name });
const hh = splitSource(household, 'Households owning a mobile phone, 2024');
const wm = figureSource(
	women,
	{ gaps: {}, changes: { 'TZ-05': { significant: true }, 'TZ-03': { significant: false } } },
	{
		label: 'Women who own a mobile phone, 2022',
		hasUrbanRural: false,
		regionName: name
	}
);

describe('figureSource', () => {
	it('keys by indicator and year and computes change from the previous round', () => {
		expect(hh.key).toBe('hh_owns_mobile.2024');
		expect(hh.hasPreviousRound).toBe(false);
		expect(wm.hasPreviousRound).toBe(true);
		expect(wm.regions.find((r) => r.iso === 'TZ-05')?.change).toBeCloseTo(28.1, 10);
		expect(wm.regions.find((r) => r.iso === 'TZ-06')?.change).toBeNull();
		expect(wm.regions.every((r) => r.gap === null)).toBe(true);
	});
});

describe('largestGaps', () => {
	it('ranks one indicator-year by size whichever way the gap runs, keeping the sign', () => {
		const top = largestGaps(hh);
		expect(top.map((e) => [e.name, e.value])).toEqual([
			['Kilimanjaro', -35],
			['Dodoma', 30],
			['Pwani', 20]
		]);
		expect(top.every((e) => e.significant === true)).toBe(true);
		expect(top[0]!.label).toBe('Households owning a mobile phone, 2024');
	});
	it('breaks ties by region code', () => {
		const tie: FigureSource = {
			key: 'x.2024',
			label: 'x',
			hasUrbanRural: true,
			hasPreviousRound: false,
			regions: [
				{
					iso: 'TZ-09',
					name: 'Mtwara',
					gap: { gap: 10, se: null, lower: null, upper: null, significant: null },
					change: null
				},
				{
					iso: 'TZ-02',
					name: 'Arusha',
					gap: { gap: -10, se: null, lower: null, upper: null, significant: null },
					change: null
				}
			]
		};
		expect(largestGaps(tie).map((e) => e.iso)).toEqual(['TZ-02', 'TZ-09']);
	});
	it('is empty without an urban/rural split', () => {
		expect(largestGaps(wm)).toEqual([]);
	});
});

describe('mostImproved', () => {
	it('ranks rises only, largest first', () => {
		const top = mostImproved(wm);
		expect(top.map((e) => e.name)).toEqual(['Morogoro', 'Kilimanjaro', 'Dodoma']);
		expect(top[0]!.value).toBeCloseTo(28.1, 10);
		expect(top[1]!.value).toBeCloseTo(11.1, 10);
		expect(top[2]!.value).toBe(11);
		expect(top.map((e) => e.significant)).toEqual([true, false, null]);
	});
	it('leaves out falls and no change', () => {
		expect(mostImproved(wm, 10).map((e) => e.name)).not.toContain('Arusha');
		expect(mostImproved(wm, 10).map((e) => e.name)).not.toContain('Tanga');
		expect(mostImproved(hh)).toEqual([]);
	});
});

describe('gapNotSignificant', () => {
	it('lists regions whose gap interval includes zero', () => {
		expect(gapNotSignificant(hh)).toEqual([{ iso: 'TZ-02', name: 'Arusha' }]);
		expect(gapNotSignificant(wm)).toEqual([]);
	});
	it('sorts by name', () => {
		const wide = view('hh_owns_mobile', 2021, [
			region('TZ-06', 'Pwani', { urban: est(50, 10), rural: est(49, 10) }),
			region('TZ-02', 'Arusha', { urban: est(50, 10), rural: est(48, 10) })
		]);
		const s = splitSource(wide, 'w');
		expect(gapNotSignificant(s).map((r) => r.name)).toEqual(['Arusha', 'Pwani']);
	});
});

describe('keyFigures', () => {
	it('groups the figures by indicator-year, never one list across indicators', () => {
		const groups = keyFigures([wm, hh, wm]);
		expect(groups.map((g) => g.sourceKey)).toEqual([
			'women_mobile_phone.2022',
			'hh_owns_mobile.2024'
		]);
		const [women, households] = groups;
		expect(women!.largestGaps).toEqual([]);
		expect(women!.mostImproved.map((e) => e.name)).toEqual(['Morogoro', 'Kilimanjaro', 'Dodoma']);
		expect(households!.largestGaps.map((e) => e.name)).toEqual(['Kilimanjaro', 'Dodoma', 'Pwani']);
		expect(households!.mostImproved).toEqual([]);
		expect(households!.notSignificant.map((r) => r.name)).toEqual(['Arusha']);
		for (const g of groups) {
			for (const e of [...g.largestGaps, ...g.mostImproved]) expect(e.sourceKey).toBe(g.sourceKey);
		}
	});
});
