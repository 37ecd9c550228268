import type { IndicatorView, RegionView } from '$lib/data/views';
import { change, type GapEstimate } from '$lib/domain/gaps';

/** One region of one indicator-year, with the two numbers the key figures rank. */
export interface FigureRegion {
	iso: string;
	name: string;
	/** Urban minus rural, with its interval and significance; null without an urban/rural split. */
	gap: GapEstimate | null;
	/** Total now minus total in the previous survey round; null without an earlier round. */
	change: number | null;
	/** Whether the change's interval excludes zero (null when no interval is known). */
	changeSignificant?: boolean | null;
}

/** An indicator-year behind one or more chosen views. */
export interface FigureSource {
	/** `indicator.year`: two views of the same indicator-year are one source. */
	key: string;
	/** How a reader names it: "Women who own a mobile phone, 2022". */
	label: string;
	hasUrbanRural: boolean;
	hasPreviousRound: boolean;
	regions: FigureRegion[];
}

export interface FigureEntry {
	sourceKey: string;
	label: string;
	iso: string;
	name: string;
	value: number;
	/** For gaps: whether the interval excludes zero (null when no interval is known). */
	significant: boolean | null;
}

/**
 * The key figures of one indicator-year: its widest gaps, its most improved regions and the
 * regions where its gap is not significant. Gaps and changes of different indicators are never
 * ranked against each other.
 */
export interface FigureGroup {
	sourceKey: string;
	label: string;
	hasUrbanRural: boolean;
	hasPreviousRound: boolean;
	largestGaps: FigureEntry[];
	mostImproved: FigureEntry[];
	notSignificant: { iso: string; name: string }[];
}

export type KeyFigures = FigureGroup[];

/** The regions of a fetched view with their gap and the significance of their change (from the view model). */
export function figureSource(
	view: IndicatorView,
	model: {
		gaps: Readonly<Record<string, GapEstimate | null>>;
		changes?: Readonly<Record<string, { significant: boolean | null } | null>>;
	},
	options: { label: string; hasUrbanRural: boolean; regionName: (r: RegionView) => string }
): FigureSource {
	return {
		key: `${view.indicatorId}.${view.year}`,
		label: options.label,
		hasUrbanRural: options.hasUrbanRural,
		hasPreviousRound: view.regions.some((r) => r.previousYear !== null),
		regions: view.regions.map((r) => ({
			iso: r.iso,
			name: options.regionName(r),
			gap: options.hasUrbanRural ? (model.gaps[r.iso] ?? null) : null,
			change: change(r.total.value, r.previousTotal.value),
			changeSignificant: model.changes?.[r.iso]?.significant ?? null
		}))
	};
}

/** The first source of each key, in the order given. */
export function uniqueSources(sources: readonly FigureSource[]): FigureSource[] {
	const seen = new Set<string>();
	return sources.filter((s) => !seen.has(s.key) && (seen.add(s.key), true));
}

/** Larger first; ties in region-code order so a brief always reads the same. */
function byValueDescending(key: (e: FigureEntry) => number) {
	return (a: FigureEntry, b: FigureEntry) => key(b) - key(a) || a.iso.localeCompare(b.iso, 'en');
}

function entry(s: FigureSource, r: FigureRegion, value: number, significant: boolean | null) {
	return { sourceKey: s.key, label: s.label, iso: r.iso, name: r.name, value, significant };
}

/**
 * The `n` largest urban–rural gaps of one indicator-year, by size whichever way they run (a rural
 * lead is a gap too; its sign is kept for display).
 */
export function largestGaps(s: FigureSource, n = 3): FigureEntry[] {
	return s.regions
		.flatMap((r) => (r.gap ? [entry(s, r, r.gap.gap, r.gap.significant)] : []))
		.sort(byValueDescending((e) => Math.abs(e.value)))
		.slice(0, n);
}

/** The `n` regions whose total rose most since the previous round; falls are not improvements. */
export function mostImproved(s: FigureSource, n = 3): FigureEntry[] {
	return s.regions
		.flatMap((r) =>
			r.change !== null && r.change > 0 ? [entry(s, r, r.change, r.changeSignificant ?? null)] : []
		)
		.sort(byValueDescending((e) => e.value))
		.slice(0, n);
}

/**
 * The regions whose gap interval includes zero, by name. Regions without a known interval are not
 * listed: nothing can be said of them.
 */
export function gapNotSignificant(s: FigureSource): { iso: string; name: string }[] {
	return s.regions
		.filter((r) => r.gap?.significant === false)
		.map((r) => ({ iso: r.iso, name: r.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** One group of key figures per chosen indicator-year, in the order the views were chosen. */
export function keyFigures(sources: readonly FigureSource[], n = 3): KeyFigures {
	return uniqueSources(sources).map((s) => ({
		sourceKey: s.key,
		label: s.label,
		hasUrbanRural: s.hasUrbanRural,
		hasPreviousRound: s.hasPreviousRound,
		largestGaps: largestGaps(s, n),
		mostImproved: mostImproved(s, n),
		notSignificant: gapNotSignificant(s)
	}));
}
