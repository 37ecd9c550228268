import { describe, expect, it } from 'vitest';
import type { IndicatorView, RegionView } from '$lib/data/views';
import { est, indicatorInfo, regionView } from '$lib/data/views.test-data';
import { gapWithInterval } from '$lib/domain/gaps';
import { explorerTableColumns, type TableText } from './explorerTable';

const dodoma: RegionView = regionView('TZ-03', 'Dodoma', {
	total: est(61.6, 53.4, 69.2, 900),
	urban: est(80, 75, 85),
	rural: est(50, 45, 55),
	previousYear: 2016,
	previousTotal: est(38.9, 30.9, 46.9),
	previousUrban: est(70, 65, 75),
	previousRural: est(35, 30, 40)
});
const view: IndicatorView = {
	indicatorId: 'x',
	year: 2022,
	ciLevel: 0.9,
	regions: [dodoma],
	national: null,
	sources: [],
	islands: []
};
const info = (hasUrbanRural: boolean) => indicatorInfo(hasUrbanRural, 2022);
const t: TableText = {
	locale: 'en',
	noData: 'no data',
	region: 'Region',
	total: 'Total',
	urban: 'Urban',
	rural: 'Rural',
	gap: 'Gap',
	parity: 'Parity',
	interval: 'interval',
	change: (y) => `Change since ${y}`,
	previous: (y) => `Total ${y}`,
	gapIn: (y) => `Gap in ${y}`,
	gapChange: (y) => `Change in the gap since ${y}`,
	respondents: 'Respondents',
	notSignificantMark: '(ns)',
	reliability: 'Few respondents',
	unstable: 'unstable',
	suppressed: 'suppressed'
};

describe('explorerTableColumns', () => {
	it('shows the published numbers with their intervals and the change', () => {
		const columns = explorerTableColumns(view, info(false), {}, (r) => r.nameOfficial, t);
		expect(columns.map((c) => [c.label, c.text ? c.text(dodoma) : c.value(dodoma)])).toEqual([
			['Region', 'Dodoma'],
			['Total', '61.6%'],
			['Total, interval', '53.4% – 69.2%'],
			['Total 2016', '38.9%'],
			// 61.6 − 38.9 = 22.7; both rounds at 90 %, half-widths 7.9 and 8: the change's is
			// √(7.9² + 8²) = 11.243 → 11.457 … 33.943
			['Change since 2016', '+22.7 pp'],
			['Change since 2016, interval', '+11.5 pp – +33.9 pp'],
			['Respondents', '900'],
			['Few respondents', '']
		]);
	});

	it('adds urban, rural, the gap with its interval and parity where a split exists', () => {
		const gaps = { 'TZ-03': gapWithInterval(80, 3, 50, 4, 1.96) };
		const columns = explorerTableColumns(view, info(true), gaps, (r) => r.nameOfficial, t);
		const cell = (key: string) => {
			const c = columns.find((x) => x.key === key)!;
			return c.text ? c.text(dodoma) : c.value(dodoma);
		};
		expect(cell('urban')).toBe('80.0%');
		expect(cell('rural_ci')).toBe('45.0% – 55.0%');
		// gap 30, se 5, ±9.8
		expect(cell('gap')).toBe('+30.0 pp');
		expect(cell('gap_ci')).toBe('+20.2 pp – +39.8 pp');
		expect(cell('parity')).toBe('0.63');
		expect(columns.find((c) => c.key === 'gap')!.value(dodoma)).toBe(30);
		// The earlier gap beside it: 70 − 35 = 35 in 2016, so −5 since; each of the four estimates
		// ± 5 at 90 %, so the change's half-width is √(4 · 5²) = 10: −15 … +5, not significant
		expect(columns.find((c) => c.key === 'gap_previous')!.label).toBe('Gap in 2016');
		expect(cell('gap_previous')).toBe('+35.0 pp');
		expect(cell('gapChange')).toBe('-5.0 pp (ns)');
		expect(cell('gapChange_ci')).toBe('-15.0 pp – +5.0 pp');
	});

	it('flags estimates on few respondents per area, suppressed ones weighing more in the sort', () => {
		const small: RegionView = {
			...dodoma,
			urban: { ...est(null, null, null, 8), note: 'suppressed' },
			rural: { ...est(50, 40, 60, 21), note: 'unstable' }
		};
		const columns = explorerTableColumns(
			{ ...view, regions: [small] },
			info(true),
			{},
			(r) => r.nameOfficial,
			t
		);
		const flag = columns.find((c) => c.key === 'reliability')!;
		expect(flag.text!(small)).toBe('Urban: suppressed; Rural: unstable');
		expect(flag.value(small)).toBe(3);
		expect(flag.text!(dodoma)).toBe('');
		expect(flag.value(dodoma)).toBe(0);
	});
});
