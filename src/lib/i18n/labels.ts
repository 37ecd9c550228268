import type { IndicatorInfo } from '$lib/domain/indicators';
import type { Measure } from '$lib/domain/gaps';
import { m } from '$lib/paraglide/messages.js';
import type { DisplayUnit } from './format';

/** The words every view uses for measures, units and periods, in the current UI language. */

/** A survey year as published: 2016 → "2015-16". */
export function periodLabel(indicator: IndicatorInfo | undefined, year: number | null): string {
	if (year === null) return '';
	return indicator?.periods[year] ?? String(year);
}

export function previousYearOf(
	indicator: IndicatorInfo | undefined,
	year: number | null
): number | null {
	return indicator?.years.filter((y) => y < (year ?? 0)).at(-1) ?? null;
}

export function measureLabel(
	indicator: IndicatorInfo | undefined,
	measure: Measure,
	year: number | null
): string {
	switch (measure) {
		case 'total':
			return m.measure_total();
		case 'urban':
			return m.measure_urban();
		case 'rural':
			return m.measure_rural();
		case 'gap':
			return m.measure_gap();
		case 'parity':
			return m.measure_parity();
		case 'change': {
			const previous = previousYearOf(indicator, year);
			return previous === null
				? m.measure_change_plain()
				: m.measure_change({ year: periodLabel(indicator, previous) });
		}
		case 'gapChange': {
			const previous = previousYearOf(indicator, year);
			return previous === null
				? m.measure_gap_change_plain()
				: m.measure_gap_change({ year: periodLabel(indicator, previous) });
		}
	}
}

export function unitLabel(unit: DisplayUnit): string {
	switch (unit) {
		case 'percent':
			return m.unit_percent();
		case 'pp':
			return m.unit_pp();
		case 'ratio':
			return m.unit_ratio();
		case 'count':
			return m.unit_count();
		case 'per100':
			return m.unit_per100();
	}
}

/** The words the view model needs. */
export function viewText(locale: string, indicator: IndicatorInfo | undefined): ViewText {
	return {
		locale,
		noData: m.no_data(),
		urban: m.measure_urban(),
		rural: m.measure_rural(),
		total: m.measure_total(),
		gap: m.measure_gap(),
		parity: m.measure_parity(),
		notSignificant: m.not_significant(),
		notSignificantMark: m.not_significant_mark(),
		changeNotSignificant: m.change_not_significant(),
		gapIn: (period: string) => m.gap_in_period({ period }),
		changeSince: (period: string) => m.measure_change({ year: period }),
		gapChangeSince: (period: string) => m.measure_gap_change({ year: period }),
		suppressed: m.suppressed(),
		unstable: m.unstable(),
		period: (year: number) => periodLabel(indicator, year)
	};
}

/** The words a view model needs, in the reader's language (state/viewModel.ts stays pure). */
export interface ViewText {
	locale: string;
	noData: string;
	urban: string;
	rural: string;
	total: string;
	gap: string;
	parity: string;
	/** "not significant" in full, and its short mark after a gap value. */
	notSignificant: string;
	notSignificantMark: string;
	/** "not significant" said of a change between rounds. */
	changeNotSignificant: string;
	/** "Gap in 2015-16", "Change since 2015-16", "Change in the gap since 2015-16". */
	gapIn: (period: string) => string;
	changeSince: (period: string) => string;
	gapChangeSince: (period: string) => string;
	/** Words for the survey note codes (fewer than 10 / 25 respondents). */
	suppressed: string;
	unstable: string;
	/** A survey year as published: 2016 → "2015-16". */
	period: (year: number) => string;
}
