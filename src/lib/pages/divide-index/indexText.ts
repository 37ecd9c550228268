import type { IndexUrlProblem } from './indexUrl';
import type { IndexText } from './indexModel';
import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';

/** The index view's words in the current UI language. */
export function indexText(): IndexText {
	return {
		locale: intlLocale(i18n.locale),
		language: i18n.locale,
		componentGap: (label) => m.index_component_gap({ label }),
		componentLevel: (label) => m.index_component_level({ label }),
		notEnough: m.index_not_enough(),
		noValue: m.index_no_value(),
		rowNotEnough: (region) => m.index_row_not_enough({ region }),
		rowRanked: (words) => m.index_row_ranked(words),
		rankColumn: m.index_col_rank(),
		regionColumn: m.index_col_region(),
		indexColumn: m.index_col_index(),
		valueColumn: (component) => m.index_col_value({ component }),
		scoreColumn: (component) => m.index_col_score({ component })
	};
}

export function urlProblemText(p: IndexUrlProblem): string {
	switch (p.kind) {
		case 'component':
			return m.index_url_component({ value: p.value });
		case 'weight':
			return m.index_url_weight({ value: p.value });
		case 'duplicate':
			return m.index_url_duplicate({ value: p.value });
		case 'year':
			return m.index_url_year({ value: p.value });
	}
}
