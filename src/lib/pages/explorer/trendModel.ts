import type { RoundStep, TrendLayout, TrendLine, TrendPoint } from '$lib/charts/trendLayout';
import { displayUnit, formatValue, type DisplayUnit } from '$lib/i18n/format';
import { formatRange } from '$lib/ui/profile/format';

/**
 * What the trend panel writes: a point's value with its interval, the highlighted region's table
 * of rounds and changes, and which line and region are shown. Pure: layout and words in, text out.
 */

export interface TrendText {
	locale: string;
	/** Shown where there is no figure (the change of the first round). */
	none: string;
	/** The mark after a change whose interval includes zero, "(ns)". */
	notSignificantMark: string;
	/** Joins the two ends of a signed interval: "−3.1 pp to +4.0 pp". */
	join: (lower: string, upper: string) => string;
}

/** The unit a line is read in: a gap of percentages is in percentage points. */
export function lineUnit(indicatorUnit: 'percent' | 'count' | 'per100', line: TrendLine) {
	return displayUnit(indicatorUnit, line === 'gap' ? 'gap' : 'total');
}

/** The unit of a change between rounds of a line. */
export function changeUnit(indicatorUnit: 'percent' | 'count' | 'per100'): DisplayUnit {
	return displayUnit(indicatorUnit, 'change');
}

/** "45.2%" and its interval "32.2–58.9", or null for the interval when it has none. */
export function pointFigures(
	p: Pick<TrendPoint, 'value' | 'lower' | 'upper'>,
	unit: DisplayUnit,
	text: TrendText
): { value: string; range: string | null } {
	return {
		value: formatValue(p.value, unit, text.locale),
		range: formatRange(p.lower, p.upper, unit, text.locale, text.join)
	};
}

/** "90%": a confidence level as a person reads it. */
export function levelText(level: number, locale: string): string {
	return `${formatValue(level * 100, 'count', locale)}%`;
}

export interface TrendTableRow {
	period: string;
	value: string;
	/** The round's interval with its level, "32.2–58.9 (90%)", or the none text. */
	interval: string;
	/** The change from the round before with its interval and, when not significant, "(ns)". */
	change: string;
	significant: boolean | null;
}

/** One row per round of the highlighted region; the first has no change. */
export function trendTableRows(
	points: readonly TrendPoint[],
	steps: readonly RoundStep[],
	unit: DisplayUnit,
	diffUnit: DisplayUnit,
	text: TrendText
): TrendTableRow[] {
	return points.map((p, i) => {
		const { value, range } = pointFigures(p, unit, text);
		const step = i === 0 ? null : steps[i - 1];
		const e = step?.change.estimate ?? null;
		let change = text.none;
		if (e) {
			const changeRange = formatRange(e.lower, e.upper, diffUnit, text.locale, text.join);
			change = formatValue(e.value, diffUnit, text.locale);
			if (changeRange !== null)
				change += ` (${changeRange}, ${levelText(step!.change.ciLevel, text.locale)})`;
			if (e.significant === false) change += ` ${text.notSignificantMark}`;
		}
		return {
			period: p.period,
			value,
			interval: range === null ? text.none : `${range} (${levelText(p.ciLevel, text.locale)})`,
			change,
			significant: e?.significant ?? null
		};
	});
}

/**
 * The region picked out: the one the reader chose in the panel, else the one selected on the
 * map, else the first region drawn in name order; only a region the data has.
 */
export function highlightedRegion(
	layout: Pick<TrendLayout, 'drawn' | 'fewRounds'>,
	chosen: string | null,
	selectedOnMap: string | null,
	nameOf: (code: string) => string
): string | null {
	const known = new Set([...layout.drawn.map((s) => s.code), ...layout.fewRounds]);
	if (chosen !== null && known.has(chosen)) return chosen;
	if (selectedOnMap !== null && known.has(selectedOnMap)) return selectedOnMap;
	const drawn = layout.drawn.map((s) => s.code);
	return drawn.sort((a, b) => nameOf(a).localeCompare(nameOf(b)))[0] ?? null;
}

/** The line shown: the reader's choice when this indicator has it, else the gap, else the first. */
export function shownLine(
	available: readonly TrendLine[],
	chosen: TrendLine | null
): TrendLine | null {
	if (chosen !== null && available.includes(chosen)) return chosen;
	return available[0] ?? null;
}
