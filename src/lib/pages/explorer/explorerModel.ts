import { SURVEY_SOURCE_ID } from '$lib/data/loadBundled';
import { changeLevel } from '$lib/data/viewChanges';
import type { IndicatorView } from '$lib/data/views';
import { measuresFor, type Measure } from '$lib/domain/gaps';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { ViewModel } from '$lib/state/viewModel';
import type { BriefView } from '../brief/briefState';
import type { CatalogEntry, ViewState } from './explorerUrl';

/** The explorer's choices and what the page shows of them, from the data and the view state. */

/** Measures an indicator can give in a given year. */
export function measuresOf(indicator: IndicatorInfo, year: number): Measure[] {
	return measuresFor(
		indicator.hasUrbanRural,
		indicator.years.some((y) => y < year)
	);
}

/** The measures on offer for the view state's indicator and year; the total alone without them. */
export function measuresIn(indicator: IndicatorInfo | undefined, year: number | null): Measure[] {
	return indicator && year !== null ? measuresOf(indicator, year) : ['total'];
}

/** What the URL may ask for: each indicator, its years and the measures of each year. */
export function catalogOf(indicators: readonly IndicatorInfo[]): CatalogEntry[] {
	return indicators.map((i) => ({
		id: i.id,
		years: i.years,
		measures: (year: number) => measuresOf(i, year)
	}));
}

/**
 * Whether the page offers its "Show the urban–rural gap (synthetic survey)" shortcut: only for an
 * indicator that has no urban and rural values of its own. One that has them offers the gap in
 * its Measure list, and the shortcut would swap its view for another indicator's.
 */
export function offersGapShortcut(indicator: IndicatorInfo | undefined): boolean {
	return indicator !== undefined && !indicator.hasUrbanRural;
}

/** The state after choosing an indicator: its latest year, the same measure if it still applies. */
export function withIndicator(
	indicators: readonly IndicatorInfo[],
	state: ViewState,
	indicatorId: string,
	measure?: Measure
): ViewState {
	const ind = indicators.find((i) => i.id === indicatorId);
	if (!ind) return state;
	const year = ind.years[ind.years.length - 1] ?? null;
	const wanted = measure ?? state.measure;
	const available = year === null ? ['total'] : measuresOf(ind, year);
	return {
		...state,
		indicator: indicatorId,
		year,
		measure: available.includes(wanted) ? wanted : 'total'
	};
}

/** The state after choosing a year of the indicator: the same measure if it still applies. */
export function withYear(
	indicator: IndicatorInfo | undefined,
	state: ViewState,
	year: number
): ViewState {
	const available = indicator ? measuresOf(indicator, year) : ['total'];
	return {
		...state,
		year,
		measure: available.includes(state.measure) ? state.measure : 'total'
	};
}

/** The view as a brief view, when the brief offers it (latest year: total, gap, change). */
export function briefViewOf(
	indicator: IndicatorInfo | undefined,
	state: ViewState
): BriefView | null {
	const { measure, year } = state;
	if (!indicator || year === null || year !== indicator.years.at(-1)) return null;
	const offered =
		measure === 'total' || measure === 'change' || (measure === 'gap' && indicator.hasUrbanRural);
	return offered ? { indicator: indicator.id, measure, year } : null;
}

/** Which notes stand under the chart: the interval level (a percentage) for each, or null. */
export interface ChartNotes {
	/** The intervals drawn of the estimates themselves (totals, urban, rural). */
	ci: string | null;
	/** Who made those intervals: the source, or Pengo from the bundled survey's records. */
	ciOrigin: 'published' | 'survey';
	/** The gaps' intervals, always computed by Pengo, are read on this view. */
	gapCi: boolean;
	/** The gaps marked not significant. */
	notSignificant: string | null;
	/** The intervals drawn of changes between rounds, computed by Pengo. */
	changeCi: string | null;
	/** The changes marked not significant. */
	changeNotSignificant: string | null;
	/** The key of the chart of the gap in two rounds, at the level its changes are judged. */
	rounds: string | null;
	/** No national figure to draw. */
	noNational: boolean;
}

export function chartNotes(
	view: IndicatorView | null,
	model: ViewModel | null,
	measure: Measure
): ChartNotes {
	const level = view?.ciLevel ? String(Math.round(view.ciLevel * 100)) : null;
	const compares = measure === 'change' || measure === 'gapChange';
	const drawn =
		model !== null && (model.barRows.some((r) => r.lower !== null) || model.chart === 'dumbbell');
	const notSignificant =
		model !== null &&
		measure === 'gap' &&
		Object.values(model.gaps).some((g) => g?.significant === false);
	const moved =
		model === null
			? []
			: measure === 'change'
				? Object.values(model.changes)
				: measure === 'gapChange'
					? Object.values(model.gapChanges).map((g) => g?.estimate ?? null)
					: [];
	const atChangeLevel = view ? String(Math.round(changeLevel(view) * 100)) : null;
	const fromSurvey = view?.sources.some((s) => s.id === SURVEY_SOURCE_ID) ?? false;
	return {
		ci: drawn && !compares ? level : null,
		ciOrigin: fromSurvey ? 'survey' : 'published',
		gapCi:
			model !== null &&
			measure === 'gap' &&
			Object.values(model.gaps).some((g) => g?.lower != null),
		notSignificant: notSignificant ? level : null,
		changeCi: measure === 'change' && drawn ? atChangeLevel : null,
		changeNotSignificant: moved.some((c) => c?.significant === false) ? atChangeLevel : null,
		rounds: model?.chart === 'rounds' ? atChangeLevel : null,
		noNational: model !== null && model.national === null && model.nationalSplit === null
	};
}

/**
 * What the map's tooltip and the selected-region box say of a region: the model's lines, the
 * first naming the region in both its names when they differ; its name alone without a model.
 */
export function regionLines(
	model: ViewModel | null,
	view: IndicatorView | null,
	names: Readonly<Record<string, string>>,
	iso: string
): string[] {
	const lines = model?.describe(iso) ?? [names[iso] ?? iso];
	const r = view?.regions.find((x) => x.iso === iso);
	if (r && r.nameEn !== r.nameOfficial && lines.length > 0)
		lines[0] = `${r.nameOfficial} (${r.nameEn})`;
	return lines;
}
