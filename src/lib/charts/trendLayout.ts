import { country } from '$lib/country';
import type { TrendData, TrendRound } from '$lib/data/trend';
import { boundaryNotesFor, periodStartYear, type BoundaryNote } from '$lib/domain/boundaries';
import {
	changeWithInterval,
	gapWithInterval,
	standardError,
	type ChangeFigures
} from '$lib/domain/gaps';
import { normalCriticalValue } from '$lib/domain/weightedShare';

/**
 * The trend chart's geometry-free layout: which line, the points of every place on it, where each
 * round sits on the time axis, the value axis's range, labels at the line ends, and the changes
 * between rounds that the table beside the chart reads. Pure: data in, numbers out.
 */

/** Which figure the lines follow: the urban–rural gap, or one area's value. */
export type TrendLine = 'gap' | 'urban' | 'rural' | 'total';

export const TREND_LINES: readonly TrendLine[] = ['gap', 'urban', 'rural', 'total'];

/** Intervals drawn at this level when a round names none (our own estimates use 95%). */
export const DEFAULT_TREND_CI = 0.95;

/** One round on one line: where it sits in time, its value and its interval. */
export interface TrendPoint {
	year: number;
	period: string;
	/** Position on the time axis, in years: the year the round's fieldwork began (see roundX). */
	x: number;
	value: number;
	lower: number | null;
	upper: number | null;
	se: number | null;
	/** The level of `lower`–`upper`. */
	ciLevel: number;
	/** For the gap: false when its interval includes zero. Null for an area's value. */
	significant: boolean | null;
}

export interface TrendSeries {
	code: string;
	points: TrendPoint[];
}

/**
 * Where a round sits on the time axis: at the year its fieldwork began, so "2015-16" sits at
 * 2015 (its rows carry the year 2016). The same convention places rounds against boundary
 * changes (domain/boundaries.ts): a round drawn left of 2016 was surveyed on the old map.
 */
export function roundX(period: string, year: number): number {
	return periodStartYear(period, year);
}

/** One round's point on a line, or null when the round has no value for it. */
export function pointOf(round: TrendRound, line: TrendLine): TrendPoint | null {
	const ciLevel = round.ciLevel ?? DEFAULT_TREND_CI;
	const z = normalCriticalValue(ciLevel);
	const base = { year: round.year, period: round.period, x: roundX(round.period, round.year) };
	if (line === 'gap') {
		const seU = standardError(round.urban, round.ciLevel);
		const seR = standardError(round.rural, round.ciLevel);
		const g = gapWithInterval(round.urban.value, seU?.se, round.rural.value, seR?.se, z);
		if (!g) return null;
		return {
			...base,
			value: g.gap,
			lower: g.lower,
			upper: g.upper,
			se: g.se,
			ciLevel,
			significant: g.significant
		};
	}
	const e = round[line];
	if (e.value === null) return null;
	const se = standardError(e, round.ciLevel)?.se ?? null;
	const published = e.lower !== null && e.upper !== null;
	return {
		...base,
		value: e.value,
		lower: published ? e.lower : se === null ? null : e.value - z * se,
		upper: published ? e.upper : se === null ? null : e.value + z * se,
		se,
		ciLevel,
		significant: null
	};
}

/** A place's points on a line, in time order; rounds without a value for it are left out. */
export function seriesPoints(rounds: readonly TrendRound[], line: TrendLine): TrendPoint[] {
	return rounds
		.map((r) => pointOf(r, line))
		.filter((p): p is TrendPoint => p !== null)
		.sort((a, b) => a.x - b.x || a.year - b.year);
}

/** The lines some region can draw (two rounds or more), in the toggle's order. */
export function linesAvailable(data: TrendData): TrendLine[] {
	return TREND_LINES.filter((line) =>
		data.regions.some((r) => seriesPoints(r.rounds, line).length >= 2)
	);
}

/** The time axis: one tick per round position, labelled by the period first seen there. */
export function timeTicks(series: readonly TrendSeries[]): { x: number; label: string }[] {
	const ticks = new Map<number, string>();
	for (const s of series) for (const p of s.points) if (!ticks.has(p.x)) ticks.set(p.x, p.period);
	return [...ticks].sort((a, b) => a[0] - b[0]).map(([x, label]) => ({ x, label }));
}

/**
 * The value axis's range: every value and interval end drawn, and zero for the gap (the line of
 * parity). Padded by 5% of the span each side; a single value gets ±1.
 */
export function valueDomain(series: readonly TrendSeries[], line: TrendLine): [number, number] {
	const values = series.flatMap((s) =>
		s.points.flatMap((p) => [p.value, p.lower, p.upper].filter((v): v is number => v !== null))
	);
	if (line === 'gap') values.push(0);
	if (values.length === 0) return [0, 1];
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	if (lo === hi) return [lo - 1, hi + 1];
	const pad = (hi - lo) * 0.05;
	return [lo - pad, hi + pad];
}

export interface TrendLayout {
	line: TrendLine;
	/** Regions with two rounds or more on this line: drawn as lines. */
	drawn: TrendSeries[];
	/** Regions with fewer than two rounds on this line (by ISO code): listed, not drawn. */
	fewRounds: string[];
	/** The national figure's points, when there are any. */
	national: TrendPoint[];
	ticks: { x: number; label: string }[];
	xDomain: [number, number];
	yDomain: [number, number];
}

export function trendLayout(data: TrendData, line: TrendLine): TrendLayout {
	const all = data.regions.map((r) => ({ code: r.code, points: seriesPoints(r.rounds, line) }));
	const drawn = all.filter((s) => s.points.length >= 2);
	const national = seriesPoints(data.national, line);
	const shown = [...drawn, { code: '', points: national }];
	const ticks = timeTicks(shown);
	const xs = ticks.map((t) => t.x);
	return {
		line,
		drawn,
		fewRounds: all.filter((s) => s.points.length < 2).map((s) => s.code),
		national,
		ticks,
		xDomain: xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 1],
		yDomain: valueDomain(shown, line)
	};
}

/**
 * Labels at the end of lines, moved apart so that none is closer than `gap` to the next, kept
 * between `top` and `bottom` where there is room; each is moved as little as the others allow.
 * Returns the label positions in the input's order.
 */
export function spreadLabels(
	wanted: readonly number[],
	gap: number,
	top: number,
	bottom: number
): number[] {
	const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
	const placed = order.map((o) => Math.max(top, o.y));
	for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
	// Pushed past the bottom: shift back up from the bottom, as far as the top allows.
	const last = placed.length - 1;
	if (last >= 0 && placed[last]! > bottom) {
		placed[last] = Math.max(bottom, top + gap * last);
		for (let k = last - 1; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
	}
	const out = new Array<number>(wanted.length);
	order.forEach((o, k) => (out[o.i] = placed[k]!));
	return out;
}

/** A change between two consecutive rounds of one region's line, with its interval. */
export interface RoundStep {
	from: TrendPoint;
	to: TrendPoint;
	change: ChangeFigures;
	/** Boundary changes between the two rounds that touched this region (Songwe, 2016). */
	boundaryNotes: BoundaryNote[];
}

/**
 * The change from each round to the next, later minus earlier, with its interval at the later
 * round's level: the rounds are independent samples, so se = √(se_later² + se_earlier²).
 */
export function roundSteps(code: string, points: readonly TrendPoint[]): RoundStep[] {
	return points.slice(1).map((to, k) => {
		const from = points[k]!;
		return {
			from,
			to,
			change: changeWithInterval(to, to.ciLevel, from, from.ciLevel, to.ciLevel),
			boundaryNotes: boundaryNotesFor(country.boundaryChanges, code, from.x, to.x)
		};
	});
}

/**
 * Which tick labels of a time axis to write, given their positions in pixels: the first, then each
 * one at least `minGap` from the last one written (rounds a year apart crowd a narrow screen).
 */
export function ticksToLabel(positions: readonly number[], minGap: number): boolean[] {
	let last = -Infinity;
	return positions.map((x) => {
		if (x - last < minGap) return false;
		last = x;
		return true;
	});
}
