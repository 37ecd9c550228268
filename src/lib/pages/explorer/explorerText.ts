import { m } from '$lib/paraglide/messages.js';
import type { TableText } from './explorerTable';

/** The explorer's table headers in the current UI language; `period` words a year. */
export function tableText(locale: string, period: (year: number) => string): TableText {
	return {
		locale,
		noData: m.no_data(),
		region: m.table_region(),
		total: m.measure_total(),
		urban: m.measure_urban(),
		rural: m.measure_rural(),
		gap: m.measure_gap(),
		parity: m.measure_parity(),
		interval: m.table_interval(),
		change: (y) => m.measure_change({ year: period(Number(y)) }),
		previous: (y) => m.table_previous({ year: period(Number(y)) }),
		gapIn: (y) => m.gap_in_period({ period: period(Number(y)) }),
		gapChange: (y) => m.measure_gap_change({ year: period(Number(y)) }),
		respondents: m.table_respondents(),
		notSignificantMark: m.not_significant_mark(),
		reliability: m.table_reliability(),
		unstable: m.unstable(),
		suppressed: m.suppressed()
	};
}
