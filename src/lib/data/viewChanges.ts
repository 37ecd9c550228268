import {
	changeWithInterval,
	gapChangeWithInterval,
	type ChangeFigures,
	type GapChangeFigures
} from '$lib/domain/gaps';
import type { BoundaryChange } from '$lib/country';
import { boundaryNotesFor, periodStartYear, type BoundaryNote } from '$lib/domain/boundaries';
import type { Estimate } from '$lib/domain/estimate';
import type { IndicatorView, RegionView } from './views';

/**
 * How a view's region moved since the previous round, with intervals: the total's change and the
 * gap's change. One place for both, so the map, the chart, the table, the hover card and the
 * exports say the same numbers. The change's interval is drawn at the view's own level (the
 * previous round's when this one has none); each round's standard error is from its own interval.
 */

const NONE: Estimate = { value: null, lower: null, upper: null, se: null, n: null, note: null };

/** The confidence level a view's changes are drawn at. */
export function changeLevel(view: Pick<IndicatorView, 'ciLevel' | 'previousCiLevel'>): number {
	return view.ciLevel ?? view.previousCiLevel ?? 0.95;
}

const previousLevel = (view: Pick<IndicatorView, 'ciLevel' | 'previousCiLevel'>) =>
	view.previousCiLevel ?? view.ciLevel;

/** The change of the region's total since the previous round. */
export function totalChangeOf(
	view: Pick<IndicatorView, 'ciLevel' | 'previousCiLevel'>,
	r: RegionView
): ChangeFigures {
	return changeWithInterval(
		r.total,
		view.ciLevel,
		r.previousTotal,
		previousLevel(view),
		changeLevel(view)
	);
}

/** The change of the region's urban–rural gap since the previous round, with both gaps. */
export function gapChangeOf(
	view: Pick<IndicatorView, 'ciLevel' | 'previousCiLevel'>,
	r: RegionView
): GapChangeFigures {
	return gapChangeWithInterval(
		{ urban: r.urban, rural: r.rural },
		view.ciLevel,
		{ urban: r.previousUrban ?? NONE, rural: r.previousRural ?? NONE },
		previousLevel(view),
		changeLevel(view)
	);
}

/**
 * The boundary notes of a view that compares each region's round with its previous one: for every
 * region whose boundaries changed between the two, what changed. A round is placed by the year its
 * fieldwork began (`periods` gives the published period of each year, "2015-16" for 2016).
 */
export function viewBoundaryNotes(
	view: Pick<IndicatorView, 'year' | 'regions'>,
	periods: Readonly<Record<number, string>>,
	changes: readonly BoundaryChange[]
): { notes: BoundaryNote[]; from: string; to: string } | null {
	const previous = view.regions.find((r) => r.previousYear !== null)?.previousYear ?? null;
	if (previous === null) return null;
	const from = periods[previous] ?? String(previous);
	const to = periods[view.year] ?? String(view.year);
	const notes = view.regions.flatMap((r) =>
		r.previousYear === null
			? []
			: boundaryNotesFor(
					changes,
					r.iso,
					periodStartYear(from, r.previousYear),
					periodStartYear(to, view.year)
				)
	);
	return { notes, from, to };
}
