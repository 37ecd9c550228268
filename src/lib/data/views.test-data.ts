import type { IndicatorInfo } from '$lib/domain/indicators';
import type { RegionView } from './views';
import type { Estimate } from '$lib/domain/estimate';

/** An estimate: a value, and its interval, cases and note when given; no standard error. */
export const est = (
	value: number | null,
	lower: number | null = null,
	upper: number | null = null,
	n: number | null = null,
	note: string | null = null
): Estimate => ({ value, lower, upper, se: null, n, note });

/** A region of a view named `name`: no estimates and no earlier year unless given. */
export function regionView(iso: string, name: string, parts: Partial<RegionView> = {}): RegionView {
	return {
		iso,
		nbsCode: iso.slice(3),
		nameOfficial: name,
		nameEn: name,
		zone: 'Mainland',
		population: 1000,
		total: est(null),
		urban: est(null),
		rural: est(null),
		previousYear: null,
		previousTotal: est(null),
		...parts
	};
}

/** A percent indicator `x` for 2016 (published as 2015-16) and `year`. */
export function indicatorInfo(hasUrbanRural: boolean, year: number): IndicatorInfo {
	return {
		id: 'x',
		label: { en: 'X', sw: 'X' },
		unit: 'percent',
		definition: { en: '', sw: '' },
		hasUrbanRural,
		years: [2016, year],
		periods: { 2016: '2015-16', [year]: String(year) },
		synthetic: false
	};
}
