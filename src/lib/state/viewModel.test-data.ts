import type { ViewText } from '$lib/i18n/labels';

/** The words a view model needs, in English, for tests. */
export const VIEW_TEXT: ViewText = {
	locale: 'en',
	noData: 'no data',
	urban: 'Urban',
	rural: 'Rural',
	total: 'Total',
	gap: 'Gap',
	parity: 'Parity',
	notSignificant: 'not significant',
	notSignificantMark: '(ns)',
	changeNotSignificant: 'change not significant',
	gapIn: (period) => `Gap in ${period}`,
	changeSince: (period) => `Change since ${period}`,
	gapChangeSince: (period) => `Change in the gap since ${period}`,
	suppressed: 'suppressed',
	unstable: 'unstable',
	period: (y) => (y === 2016 ? '2015-16' : String(y))
};
