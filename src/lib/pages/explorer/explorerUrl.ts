import type { UrlProblem } from '$lib/domain/urlProblem';
import { MEASURES, type Measure } from '$lib/domain/gaps';
import type { ViewState } from '$lib/state/dashboard.svelte';

/**
 * Everything a person chose in the explorer lives in the URL, so a link reproduces the exact view
 * and the back button walks through earlier views. Parsing never throws: an unknown code is
 * reported and replaced by the default, so a bad link still opens a working page.
 */
export type { ViewState };

export interface CatalogEntry {
	id: string;
	years: readonly number[];
	measures: (year: number) => readonly Measure[];
}

export function parseViewState(
	params: URLSearchParams,
	catalog: readonly CatalogEntry[],
	regionCodes: readonly string[],
	defaultIndicator: string
): { state: ViewState; problems: UrlProblem[] } {
	const problems: UrlProblem[] = [];
	const fallback = catalog.find((c) => c.id === defaultIndicator) ?? catalog[0];
	const askedIndicator = params.get('indicator');
	let entry = askedIndicator ? catalog.find((c) => c.id === askedIndicator) : fallback;
	if (!entry) {
		problems.push({ kind: 'unknown-indicator', value: askedIndicator ?? '' });
		entry = fallback;
	}
	const latest = entry ? (entry.years[entry.years.length - 1] ?? null) : null;
	const askedYear = params.get('year');
	let year = latest;
	if (askedYear !== null) {
		const y = Number(askedYear);
		if (entry && entry.years.includes(y)) year = y;
		else problems.push({ kind: 'unknown-year', value: askedYear });
	}
	const available = entry && year !== null ? entry.measures(year) : (['total'] as const);
	const askedMeasure = params.get('measure');
	let measure: Measure = 'total';
	if (askedMeasure !== null) {
		if (
			(MEASURES as readonly string[]).includes(askedMeasure) &&
			available.includes(askedMeasure as Measure)
		) {
			measure = askedMeasure as Measure;
		} else problems.push({ kind: 'unknown-measure', value: askedMeasure });
	}
	const askedRegion = params.get('region');
	let region: string | null = null;
	if (askedRegion !== null) {
		if (regionCodes.includes(askedRegion)) region = askedRegion;
		else problems.push({ kind: 'unknown-region', value: askedRegion });
	}
	const view = params.get('view') === 'table' ? 'table' : 'chart';
	const state: ViewState = {
		indicator: entry?.id ?? defaultIndicator,
		year,
		measure,
		region,
		view
	};
	if (params.get('classes') === 'fixed') state.classes = 'fixed';
	return { state, problems };
}

/** The query string for a state, keeping other parameters (such as the language) as they are. */
export function viewStateParams(state: ViewState, keep?: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams(keep);
	out.set('indicator', state.indicator);
	if (state.year !== null) out.set('year', String(state.year));
	else out.delete('year');
	out.set('measure', state.measure);
	if (state.region) out.set('region', state.region);
	else out.delete('region');
	if (state.view === 'table') out.set('view', 'table');
	else out.delete('view');
	if (state.classes === 'fixed') out.set('classes', 'fixed');
	else out.delete('classes');
	return out;
}
