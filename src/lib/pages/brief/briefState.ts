import type { Measure } from '$lib/domain/gaps';

/** A brief holds at most this many views: one A4 page each, plus the cover and the methods. */
export const MAX_VIEWS = 4;
export const TITLE_MAX = 120;
export const NOTE_MAX = 600;

/** One view of the brief: an indicator, the measure drawn and the survey year. */
export interface BriefView {
	indicator: string;
	measure: Measure;
	year: number;
}

export interface BriefState {
	views: BriefView[];
	/** The ISO code of the region the brief is about (`?region=TZ-31`), or null for none. */
	region: string | null;
	title: string;
	note: string;
}

export interface BriefProblem {
	value: string;
	reason: 'unknown' | 'too_many' | 'unknown_region';
}

/** What the catalog says of an indicator, enough to list the views it can give. */
export interface BriefIndicator {
	id: string;
	/** Years with regional values, ascending. */
	years: readonly number[];
	hasUrbanRural: boolean;
}

const MEASURES: readonly Measure[] = ['total', 'urban', 'rural', 'gap', 'parity', 'change'];

/** The key of a view in the URL: `women_mobile_phone.total.2022`. */
export function viewKey(view: BriefView): string {
	return `${view.indicator}.${view.measure}.${view.year}`;
}

export function parseViewKey(key: string): BriefView | null {
	const m = /^([a-z0-9_]+)\.([a-z]+)\.(\d{4})$/.exec(key.trim());
	if (!m) return null;
	const measure = m[2] as Measure;
	if (!MEASURES.includes(measure)) return null;
	return { indicator: m[1]!, measure, year: Number(m[3]) };
}

/**
 * The views a brief offers: for every indicator with regional values, its latest year as a total,
 * as the urban–rural gap where there is a split, and as the change since the previous round.
 */
export function briefOptions(indicators: readonly BriefIndicator[]): BriefView[] {
	const out: BriefView[] = [];
	for (const ind of indicators) {
		const year = ind.years.at(-1);
		if (year === undefined) continue;
		out.push({ indicator: ind.id, measure: 'total', year });
		if (ind.hasUrbanRural) out.push({ indicator: ind.id, measure: 'gap', year });
		if (ind.years.some((y) => y < year)) out.push({ indicator: ind.id, measure: 'change', year });
	}
	return out;
}

/**
 * The brief a URL asks for. Views the options do not hold, repeats and views past the fourth are
 * dropped and reported, as is a region that is not one of `regions` (ISO codes, any case); title
 * and note are kept as plain text, cut to their maximum length.
 */
export function parseBriefState(
	params: URLSearchParams,
	options: readonly BriefView[],
	regions: readonly string[] = []
): { state: BriefState; problems: BriefProblem[] } {
	const known = new Set(options.map(viewKey));
	const problems: BriefProblem[] = [];
	const views: BriefView[] = [];
	const seen = new Set<string>();
	for (const raw of (params.get('views') ?? '').split(',')) {
		const value = raw.trim();
		if (value === '' || seen.has(value)) continue;
		seen.add(value);
		const view = parseViewKey(value);
		if (!view || !known.has(viewKey(view))) problems.push({ value, reason: 'unknown' });
		else if (views.length >= MAX_VIEWS) problems.push({ value, reason: 'too_many' });
		else views.push(view);
	}
	const asked = (params.get('region') ?? '').trim();
	const region = regions.find((r) => r === asked.toUpperCase()) ?? null;
	if (asked !== '' && region === null) problems.push({ value: asked, reason: 'unknown_region' });
	return {
		state: {
			views,
			region,
			title: (params.get('title') ?? '').slice(0, TITLE_MAX),
			note: (params.get('note') ?? '').slice(0, NOTE_MAX)
		},
		problems
	};
}

/** The query string of a brief, keeping any other parameter (the language) as it was. */
export function briefParams(state: BriefState, current: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams(current);
	const set = (name: string, value: string) =>
		value === '' ? out.delete(name) : out.set(name, value);
	set('views', state.views.map(viewKey).join(','));
	set('region', state.region ?? '');
	set('title', state.title.slice(0, TITLE_MAX));
	set('note', state.note.slice(0, NOTE_MAX));
	return out;
}

/** The views after ticking or unticking one; ticking past the maximum changes nothing. */
export function toggleView(views: readonly BriefView[], view: BriefView, on: boolean): BriefView[] {
	const key = viewKey(view);
	const rest = views.filter((v) => viewKey(v) !== key);
	if (!on) return rest;
	return rest.length >= MAX_VIEWS ? [...views] : [...rest, view];
}

/** Where the views of the brief being put together are remembered between pages. */
export const BRIEF_STORAGE_KEY = 'pengo.brief.views';

/**
 * The `views` parameter after adding one view to the brief in progress (kept as given, a repeat
 * is not added twice, and the brief holds at most MAX_VIEWS).
 */
export function addToBrief(stored: string | null, view: BriefView): string {
	const keys = (stored ?? '').split(',').filter((k) => parseViewKey(k) !== null);
	const key = viewKey(view);
	if (!keys.includes(key) && keys.length < MAX_VIEWS) keys.push(key);
	return keys.join(',');
}

/** The query of the brief page with one more view, keeping the language. */
export function addToBriefQuery(
	stored: string | null,
	view: BriefView,
	lang: string | null
): string {
	const params = new URLSearchParams({ views: addToBrief(stored, view) });
	if (lang) params.set('lang', lang);
	return `?${params}`;
}
