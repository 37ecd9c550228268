import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import { measureLabel, periodLabel, unitLabel, viewText } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages.js';
import type { BriefText } from './briefModel';
import { MAX_VIEWS, type BriefProblem } from './briefState';

/** The brief's words in the current UI language. */
export function briefText(): BriefText {
	const locale = intlLocale(i18n.locale);
	return {
		locale,
		language: i18n.locale,
		viewText: (indicator) => viewText(locale, indicator),
		measureLabel,
		unitLabel,
		period: periodLabel,
		legendTitle: (words) => m.legend_title(words),
		previous: (period) => m.chart_previous({ year: period }),
		figureView: (words) => m.brief_figure_view(words),
		noData: m.no_data()
	};
}

export const urlProblemText = (p: BriefProblem): string =>
	p.reason === 'unknown'
		? m.brief_url_unknown({ value: p.value })
		: p.reason === 'unknown_region'
			? m.brief_region_unknown({ value: p.value })
			: m.brief_url_too_many({ value: p.value, max: String(MAX_VIEWS) });
