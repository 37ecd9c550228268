import type { ViewText } from '$lib/i18n/labels';
import type { Estimate } from '$lib/domain/estimate';
import { scaleForMeasure, type ColourScale } from '$lib/charts/colourScale';
import type { BarRow, DumbbellRow } from '$lib/charts/types';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, RegionView } from '$lib/data/views';
import {
	gapWithInterval,
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
	chart: 'dumbbell' | 'bars';
	dumbbellRows: DumbbellRow[];
	barRows: BarRow[];
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
		previousTotal: r.previousTotal.value
	};
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
	const mark = (iso: string) =>
		measure === 'gap' && gaps[iso]?.significant === false ? ` ${t.notSignificantMark}` : '';
	const list = Object.values(values);
	const scale = scaleForMeasure(measure, classValues ?? list);
	// Regions without a value get no fill: the map draws them in the no-data fill, hatched.
	const fills: Record<string, string> = {};
	for (const [iso, v] of Object.entries(values)) if (v !== null) fills[iso] = scale.colour(v);
	const fmt = (v: number | null, u: DisplayUnit = unit) => formatValue(v, u, t.locale, t.noData);
	const chart =
		indicator.hasUrbanRural && DUMBBELL_MEASURES.includes(measure) ? 'dumbbell' : 'bars';
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
	const barRows: BarRow[] = ranked.map((r) => {
		const area = measure === 'urban' ? r.urban : measure === 'rural' ? r.rural : r.total;
		const withCi = measure === 'total' || measure === 'urban' || measure === 'rural';
		return {
			iso: r.iso,
			name: regionName(r),
			value: values[r.iso] ?? null,
			lower: withCi ? area.lower : null,
			upper: withCi ? area.upper : null,
			previous: measure === 'total' ? r.previousTotal.value : null,
			valueText: fmt(values[r.iso] ?? null),
			description: `${regionName(r)}: ${fmt(values[r.iso] ?? null)}${withCi ? interval(area, unit, t) : ''}`
		};
	});

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
		lines.push(`${fmt(value)}${ciText(r)}`);
		if (indicator.hasUrbanRural) {
			lines.push(`${t.urban}: ${fmt(r.urban.value, baseUnit)}${interval(r.urban, baseUnit, t)}`);
			lines.push(`${t.rural}: ${fmt(r.rural.value, baseUnit)}${interval(r.rural, baseUnit, t)}`);
			const g = gaps[iso];
			if (g) {
				const ci =
					g.lower !== null && g.upper !== null
						? ` (${fmt(g.lower, gapUnit)} … ${fmt(g.upper, gapUnit)})`
						: '';
				const verdict = g.significant === false ? `, ${t.notSignificant}` : '';
				if (measure !== 'gap') lines.push(`${t.gap}: ${fmt(g.gap, gapUnit)}${ci}${verdict}`);
				else lines[1] = `${fmt(g.gap, gapUnit)}${ci}${verdict}`;
			}
			const p = parityRatio(r.urban.value, r.rural.value);
			if (p !== null && measure !== 'parity') lines.push(`${t.parity}: ${fmt(p, 'ratio')}`);
		}
		if (r.previousYear !== null && r.previousTotal.value !== null && measure !== 'change') {
			lines.push(`${t.period(r.previousYear)}: ${fmt(r.previousTotal.value, baseUnit)}`);
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
		return lines;
	}

	return {
		unit,
		gaps,
		axisUnit: chart === 'dumbbell' ? baseUnit : unit,
		values,
		scale,
		fills,
		chart,
		dumbbellRows,
		barRows,
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
