import type { ViewText } from '$lib/i18n/labels';
import type { Estimate } from '$lib/domain/estimate';
import { scaleForMeasure, type ColourScale } from '$lib/charts/colourScale';
import type { BarRow, DumbbellRow, RoundsRow } from '$lib/charts/types';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, RegionView } from '$lib/data/views';
import { gapChangeOf, totalChangeOf } from '$lib/data/viewChanges';
import {
	gapWithInterval,
	type DifferenceEstimate,
	type GapChangeFigures,
	measureValue,
	parityRatio,
	seFromInterval,
	type GapEstimate,
	type Measure
} from '$lib/domain/gaps';
import { normalCriticalValue } from '$lib/domain/weightedShare';
import { rankDescending } from '$lib/domain/ranking';
import { displayUnit, formatValue, type DisplayUnit } from '$lib/i18n/format';
import { NOTE_SUPPRESSED, NOTE_UNSTABLE } from '$lib/domain/reliability';

export interface ViewModel {
	unit: DisplayUnit;
	/** The unit of the chart's x axis: the indicator's own for dumbbells, the measure's for bars. */
	axisUnit: DisplayUnit;
	values: Record<string, number | null>;
	/** The urban–rural gap with its interval and significance, where urban and rural exist. */
	gaps: Record<string, GapEstimate | null>;
	scale: ColourScale;
	fills: Record<string, string>;
	/** Urban and rural dumbbells, ranked bars, or the gap in two rounds (the change in the gap). */
	chart: 'dumbbell' | 'bars' | 'rounds';
	dumbbellRows: DumbbellRow[];
	barRows: BarRow[];
	roundsRows: RoundsRow[];
	/** Each region's change of its total since the previous round, with its interval. */
	changes: Record<string, DifferenceEstimate | null>;
	/** Each region's change of its gap since the previous round, with the gap of both rounds. */
	gapChanges: Record<string, GapChangeFigures | null>;
	national: number | null;
	nationalSplit: { urban: number | null; rural: number | null } | null;
	/** Share indicators are drawn on a fixed 0–100 axis so regions compare honestly across views. */
	domain: [number, number] | undefined;
	describe: (iso: string) => string[];
}

const DUMBBELL_MEASURES: readonly Measure[] = ['urban', 'rural', 'gap', 'parity'];

export function valuesOf(r: RegionView) {
	return {
		total: r.total.value,
		urban: r.urban.value,
		rural: r.rural.value,
		previousTotal: r.previousTotal.value,
		previousUrban: r.previousUrban?.value,
		previousRural: r.previousRural?.value
	};
}

/** A value's interval in brackets, " (a … b)", or nothing without one. */
function range(
	d: { lower: number | null; upper: number | null } | null | undefined,
	fmt: (v: number) => string
): string {
	return d && d.lower !== null && d.upper !== null ? ` (${fmt(d.lower)} … ${fmt(d.upper)})` : '';
}

function interval(a: Estimate, unit: DisplayUnit, t: ViewText): string {
	if (a.lower === null || a.upper === null) return '';
	return ` (${formatValue(a.lower, unit, t.locale)}–${formatValue(a.upper, unit, t.locale)})`;
}

export function buildViewModel(
	view: IndicatorView,
	indicator: IndicatorInfo,
	measure: Measure,
	regionName: (r: RegionView) => string,
	t: ViewText,
	/** Boundary notes of a region, for the views that compare its rounds. */
	boundaryNotes: (iso: string) => readonly string[] = () => [],
	/** The values the colour classes are made from, when not this view's own (fixed classes). */
	classValues?: readonly (number | null)[]
): ViewModel {
	const unit = displayUnit(indicator.unit, measure);
	const baseUnit = displayUnit(indicator.unit, 'total');
	const gapUnit = displayUnit(indicator.unit, 'gap');
	const values: Record<string, number | null> = {};
	for (const r of view.regions) values[r.iso] = measureValue(valuesOf(r), measure);
	const z = view.ciLevel ? normalCriticalValue(view.ciLevel) : null;
	const se = (a: Estimate) => a.se ?? (z ? seFromInterval(a.lower, a.upper, z) : null);
	const gaps: Record<string, GapEstimate | null> = {};
	for (const r of view.regions) {
		gaps[r.iso] = gapWithInterval(r.urban.value, se(r.urban), r.rural.value, se(r.rural), z ?? 0);
	}
	const hasPrevious = view.regions.some((r) => r.previousYear !== null);
	const changes: Record<string, DifferenceEstimate | null> = {};
	const gapChanges: Record<string, GapChangeFigures | null> = {};
	for (const r of view.regions) {
		changes[r.iso] = hasPrevious ? totalChangeOf(view, r).estimate : null;
		gapChanges[r.iso] = hasPrevious && indicator.hasUrbanRural ? gapChangeOf(view, r) : null;
	}
	/** The significance of the number the measure shows, where it has one. */
	const significance = (iso: string): boolean | null =>
		measure === 'gap'
			? (gaps[iso]?.significant ?? null)
			: measure === 'change'
				? (changes[iso]?.significant ?? null)
				: measure === 'gapChange'
					? (gapChanges[iso]?.estimate?.significant ?? null)
					: null;
	const mark = (iso: string) => (significance(iso) === false ? ` ${t.notSignificantMark}` : '');
	const list = Object.values(values);
	const scale = scaleForMeasure(measure, classValues ?? list);
	// Regions without a value get no fill: the map draws them in the no-data fill, hatched.
	const fills: Record<string, string> = {};
	for (const [iso, v] of Object.entries(values)) if (v !== null) fills[iso] = scale.colour(v);
	const fmt = (v: number | null, u: DisplayUnit = unit) => formatValue(v, u, t.locale, t.noData);
	const chart =
		measure === 'gapChange'
			? 'rounds'
			: indicator.hasUrbanRural && DUMBBELL_MEASURES.includes(measure)
				? 'dumbbell'
				: 'bars';
	// Parity: the least equal region first.
	const rankValue = (iso: string) => {
		const v = values[iso] ?? null;
		return measure === 'parity' && v !== null ? -v : v;
	};
	const ranked = rankDescending(view.regions, (r) => rankValue(r.iso), regionName);
	const ciText = (r: RegionView) => (measure === 'total' ? interval(r.total, unit, t) : '');

	const dumbbellRows: DumbbellRow[] = ranked.map((r) => ({
		iso: r.iso,
		name: regionName(r),
		urban: r.urban.value,
		rural: r.rural.value,
		urbanLower: r.urban.lower,
		urbanUpper: r.urban.upper,
		ruralLower: r.rural.lower,
		ruralUpper: r.rural.upper,
		significant: gaps[r.iso]?.significant ?? null,
		valueText: `${fmt(values[r.iso] ?? null)}${mark(r.iso)}`,
		description: `${regionName(r)}: ${t.urban} ${fmt(r.urban.value, baseUnit)}, ${t.rural} ${fmt(r.rural.value, baseUnit)}, ${
			measure === 'parity' ? t.parity : t.gap
		} ${fmt(values[r.iso] ?? null)}${gaps[r.iso]?.significant === false ? `, ${t.notSignificant}` : ''}`
	}));
	const fmtIn = (u: DisplayUnit) => (v: number) => fmt(v, u);
	const barRows: BarRow[] = ranked.map((r) => {
		const area = measure === 'urban' ? r.urban : measure === 'rural' ? r.rural : r.total;
		const withCi = measure === 'total' || measure === 'urban' || measure === 'rural';
		const moved = measure === 'change' ? changes[r.iso] : null;
		const value = values[r.iso] ?? null;
		const verdict = significance(r.iso) === false ? `, ${t.changeNotSignificant}` : '';
		return {
			iso: r.iso,
			name: regionName(r),
			value,
			lower: withCi ? area.lower : (moved?.lower ?? null),
			upper: withCi ? area.upper : (moved?.upper ?? null),
			previous: measure === 'total' ? r.previousTotal.value : null,
			valueText: `${fmt(value)}${mark(r.iso)}`,
			description: `${regionName(r)}: ${fmt(value)}${
				withCi ? interval(area, unit, t) : range(moved, fmtIn(unit))
			}${verdict}`
		};
	});
	const period = (year: number | null) => (year === null ? '' : t.period(year));
	const roundsRows: RoundsRow[] =
		chart === 'rounds'
			? ranked.map((r) => {
					const g = gapChanges[r.iso];
					const value = values[r.iso] ?? null;
					const before = period(r.previousYear);
					const verdict = significance(r.iso) === false ? `, ${t.changeNotSignificant}` : '';
					return {
						iso: r.iso,
						name: regionName(r),
						earlier: g?.then?.gap ?? null,
						later: g?.now?.gap ?? null,
						change: value,
						significant: g?.estimate?.significant ?? null,
						valueText: `${fmt(value)}${mark(r.iso)}`,
						description: `${regionName(r)}: ${fmt(value)}${range(g?.estimate, fmtIn(unit))}${verdict}; ${t.gapIn(
							before
						)} ${fmt(g?.then?.gap ?? null, gapUnit)}, ${t.gapIn(period(view.year))} ${fmt(
							g?.now?.gap ?? null,
							gapUnit
						)}`
					};
				})
			: [];

	const nat = view.national;
	const national = nat
		? measureValue(
				{ total: nat.total.value, urban: nat.urban.value, rural: nat.rural.value },
				measure
			)
		: null;

	function describe(iso: string): string[] {
		const r = view.regions.find((x) => x.iso === iso);
		if (!r) return [];
		const lines = [regionName(r)];
		const value = values[iso] ?? null;
		const before = period(r.previousYear);
		const moved =
			measure === 'change'
				? changes[iso]
				: measure === 'gapChange'
					? gapChanges[iso]?.estimate
					: null;
		const movedVerdict = moved?.significant === false ? `, ${t.changeNotSignificant}` : '';
		lines.push(
			`${fmt(value)}${measure === 'total' ? ciText(r) : range(moved, fmtIn(unit))}${movedVerdict}`
		);
		let comparesRounds = measure === 'change' || measure === 'gapChange';
		if (indicator.hasUrbanRural) {
			lines.push(`${t.urban}: ${fmt(r.urban.value, baseUnit)}${interval(r.urban, baseUnit, t)}`);
			lines.push(`${t.rural}: ${fmt(r.rural.value, baseUnit)}${interval(r.rural, baseUnit, t)}`);
			const g = gaps[iso];
			if (g) {
				const ci = range(g, fmtIn(gapUnit));
				const verdict = g.significant === false ? `, ${t.notSignificant}` : '';
				if (measure === 'gap') lines[1] = `${fmt(g.gap, gapUnit)}${ci}${verdict}`;
				else if (measure === 'gapChange')
					lines.push(`${t.gapIn(period(view.year))}: ${fmt(g.gap, gapUnit)}${ci}${verdict}`);
				else lines.push(`${t.gap}: ${fmt(g.gap, gapUnit)}${ci}${verdict}`);
			}
			// Where the gap is read, the previous round's gap and the gap's change stand beside it.
			const gc = gapChanges[iso];
			if ((measure === 'gap' || measure === 'gapChange') && gc?.then) {
				comparesRounds = true;
				lines.push(
					`${t.gapIn(before)}: ${fmt(gc.then.gap, gapUnit)}${range(gc.then, fmtIn(gapUnit))}`
				);
				if (measure === 'gap' && gc.estimate) {
					const ns = gc.estimate.significant === false ? `, ${t.changeNotSignificant}` : '';
					lines.push(
						`${t.gapChangeSince(before)}: ${fmt(gc.estimate.value, gapUnit)}${range(gc.estimate, fmtIn(gapUnit))}${ns}`
					);
				}
			}
			const p = parityRatio(r.urban.value, r.rural.value);
			if (p !== null && measure !== 'parity') lines.push(`${t.parity}: ${fmt(p, 'ratio')}`);
		}
		const showsPreviousTotal = measure !== 'gap' && measure !== 'gapChange';
		if (showsPreviousTotal && r.previousYear !== null && r.previousTotal.value !== null) {
			comparesRounds = true;
			lines.push(`${before}: ${fmt(r.previousTotal.value, baseUnit)}`);
		}
		for (const [label, a] of [
			[t.total, r.total],
			[t.urban, r.urban],
			[t.rural, r.rural]
		] as const) {
			if (a.note === NOTE_SUPPRESSED) lines.push(`${label}: ${t.suppressed}`);
			else if (a.note === NOTE_UNSTABLE) lines.push(`${label}: ${t.unstable}`);
			else if (a.note && a === r.total) lines.push(a.note);
		}
		if (comparesRounds) lines.push(...boundaryNotes(iso));
		return lines;
	}

	return {
		unit,
		gaps,
		axisUnit: chart === 'dumbbell' ? baseUnit : chart === 'rounds' ? gapUnit : unit,
		values,
		scale,
		fills,
		chart,
		dumbbellRows,
		barRows,
		roundsRows,
		changes,
		gapChanges,
		national,
		nationalSplit: nat ? { urban: nat.urban.value, rural: nat.rural.value } : null,
		domain:
			indicator.unit === 'percent' &&
			(measure === 'total' || measure === 'urban' || measure === 'rural')
				? [0, 100]
				: undefined,
		describe
	};
}
