import { compositeIndex, type IndexComponent } from '$lib/domain/compositeIndex';
import { urbanRuralGap } from '$lib/domain/gaps';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, SourceRecord } from './views';

/**
 * The composite digital-divide index view: which components a person can put in, the state the
 * URL carries, a cached fetch of the indicator views they need, and the pure step from those views
 * to the index of each region. The method itself is in `$lib/domain/compositeIndex`.
 */

export type Direction = 'gap' | 'level';

/** A component that can go in: an indicator and the measure taken from it. */
export interface ComponentOption {
	indicatorId: string;
	direction: Direction;
	synthetic: boolean;
	years: readonly number[];
}

/** A component that went in, with its weight. */
export interface ComponentChoice {
	indicatorId: string;
	direction: Direction;
	weight: number;
}

export const MAX_WEIGHT = 5;
export const WEIGHT_STEP = 0.5;

/** A sensible start: the household gaps in owning a phone, using the internet and mobile money,
 * and women's phone ownership, the one real regional series with a divide in it. */
export const DEFAULT_CHOICES: readonly ComponentChoice[] = [
	{ indicatorId: 'hh_owns_mobile', direction: 'gap', weight: 1 },
	{ indicatorId: 'hh_used_internet', direction: 'gap', weight: 1 },
	{ indicatorId: 'hh_uses_mobile_money', direction: 'gap', weight: 1 },
	{ indicatorId: 'women_mobile_phone', direction: 'level', weight: 1 }
];

export const componentKey = (c: { indicatorId: string; direction: Direction }): string =>
	`${c.indicatorId}:${c.direction}`;

/**
 * Survey indicators with an urban/rural split give their gap; regional series without one give
 * their level. Raw counts are left out: a count grows with the population, not with access.
 */
export function componentOptions(indicators: readonly IndicatorInfo[]): ComponentOption[] {
	return indicators.flatMap((i): ComponentOption[] => {
		const base = { indicatorId: i.id, synthetic: i.synthetic, years: i.years };
		if (i.hasUrbanRural) return [{ ...base, direction: 'gap' }];
		if (i.unit !== 'count') return [{ ...base, direction: 'level' }];
		return [];
	});
}

/** Years the survey (every gap component) can be shown for. */
export function surveyYears(options: readonly ComponentOption[]): number[] {
	const years = new Set(options.filter((o) => o.direction === 'gap').flatMap((o) => o.years));
	return [...years].sort((a, b) => a - b);
}

/** The year a component uses: the chosen survey year for a gap, the latest year for a level. */
export function componentYear(option: ComponentOption, surveyYear: number | null): number | null {
	if (option.direction === 'gap' && surveyYear !== null && option.years.includes(surveyYear)) {
		return surveyYear;
	}
	return option.years.at(-1) ?? null;
}

/** One indicator-year to fetch. */
export interface ViewRequest {
	indicatorId: string;
	year: number;
}

export const viewKey = (r: ViewRequest): string => `${r.indicatorId}@${r.year}`;

/** The indicator-years the chosen components need, each once. */
export function viewRequests(
	choices: readonly ComponentChoice[],
	options: readonly ComponentOption[],
	surveyYear: number | null
): ViewRequest[] {
	const out = new Map<string, ViewRequest>();
	for (const c of choices) {
		const option = options.find((o) => componentKey(o) === componentKey(c));
		const year = option ? componentYear(option, surveyYear) : null;
		if (year === null) continue;
		const request = { indicatorId: c.indicatorId, year };
		out.set(viewKey(request), request);
	}
	return [...out.values()];
}

/** The raw value a component takes from one region of a view. */
function rawValue(region: IndicatorView['regions'][number], direction: Direction): number | null {
	return direction === 'gap'
		? urbanRuralGap(region.urban.value, region.rural.value)
		: region.total.value;
}

/** A chosen component with the view it reads and the year that view is for. */
export interface ResolvedComponent extends ComponentChoice {
	id: string;
	year: number;
}

/**
 * Turns fetched views into index components: for each region, the urban–rural gap (urban minus
 * rural) or the level. Components whose view is not (yet) fetched are left out.
 */
export function toIndexComponents(
	components: readonly ResolvedComponent[],
	views: ReadonlyMap<string, IndicatorView>
): IndexComponent[] {
	return components.flatMap((c) => {
		const view = views.get(viewKey(c));
		if (!view) return [];
		const values: Record<string, number | null> = {};
		for (const region of view.regions) values[region.iso] = rawValue(region, c.direction);
		return [{ id: c.id, values, direction: c.direction, weight: c.weight }];
	});
}

/** The chosen components that are known, with the year each uses. */
export function resolveComponents(
	choices: readonly ComponentChoice[],
	options: readonly ComponentOption[],
	surveyYear: number | null
): ResolvedComponent[] {
	return choices.flatMap((c) => {
		const option = options.find((o) => componentKey(o) === componentKey(c));
		const year = option ? componentYear(option, surveyYear) : null;
		return year === null ? [] : [{ ...c, id: componentKey(c), year }];
	});
}

export interface DivideIndexRow {
	iso: string;
	name: string;
	index: number | null;
	rank: number | null;
	/** Per component id: the raw value and its rescaled 0…1 score. */
	parts: Record<string, { raw: number | null; score: number | null }>;
}

/**
 * The index of every region, ranked (1 = widest divide) and then the regions without enough
 * components, by name.
 */
export function divideIndexRows(
	regions: readonly { iso: string; name: string }[],
	components: readonly IndexComponent[]
): DivideIndexRow[] {
	const rows = compositeIndex(
		regions.map((r) => r.iso),
		components
	);
	const names = new Map(regions.map((r) => [r.iso, r.name]));
	const out = rows.map((r) => ({
		iso: r.region,
		name: names.get(r.region) ?? r.region,
		index: r.index,
		rank: r.rank,
		parts: Object.fromEntries(
			components.map((c) => [
				c.id,
				{ raw: c.values[r.region] ?? null, score: r.scores[c.id] ?? null }
			])
		)
	}));
	return out.sort((a, b) =>
		a.rank !== null && b.rank !== null
			? a.rank - b.rank
			: a.rank !== null
				? -1
				: b.rank !== null
					? 1
					: a.name.localeCompare(b.name)
	);
}

/** The sources of every view used, each once. */
export function indexSources(views: Iterable<IndicatorView>): SourceRecord[] {
	const out = new Map<string, SourceRecord>();
	for (const v of views) for (const s of v.sources) if (!out.has(s.id)) out.set(s.id, s);
	return [...out.values()];
}
