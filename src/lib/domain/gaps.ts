/**
 * The urban–rural gap measures a person reads. Values are percentages (0–100) or any other unit;
 * every function returns null rather than NaN when an input is missing.
 */

import { normalCriticalValue } from './weightedShare';

export type Maybe = number | null | undefined;

const known = (x: Maybe): x is number => typeof x === 'number' && Number.isFinite(x);

/** Urban minus rural, in the indicator's unit (percentage points for percentages). */
export function urbanRuralGap(urban: Maybe, rural: Maybe): number | null {
	return known(urban) && known(rural) ? urban - rural : null;
}

/** Rural ÷ urban: 1 is parity, 0.5 means rural is at half the urban level. Undefined when urban is 0. */
export function parityRatio(urban: Maybe, rural: Maybe): number | null {
	if (!known(urban) || !known(rural) || urban <= 0) return null;
	return rural / urban;
}

/** Later minus earlier value of the same indicator. */
export function change(later: Maybe, earlier: Maybe): number | null {
	return known(later) && known(earlier) ? later - earlier : null;
}

/**
 * Standard error of a difference of two estimates from independent samples: √(se₁² + se₂²).
 * Urban and rural households are sampled in separate strata, so independence is the design's own
 * assumption; it would overstate the error for two estimates from the same clusters.
 */
export function differenceSe(se1: Maybe, se2: Maybe): number | null {
	return known(se1) && known(se2) ? Math.sqrt(se1 * se1 + se2 * se2) : null;
}

/** `change`: the total's change since the previous round; `gapChange`: the gap's change. */
export type Measure = 'total' | 'urban' | 'rural' | 'gap' | 'parity' | 'change' | 'gapChange';

/** Every measure, in the order the Measure list offers them. */
export const MEASURES: readonly Measure[] = [
	'total',
	'urban',
	'rural',
	'gap',
	'parity',
	'change',
	'gapChange'
];

/** Measures that compare two survey rounds. */
export const ROUND_MEASURES: readonly Measure[] = ['change', 'gapChange'];

export interface RegionValues {
	total?: Maybe;
	urban?: Maybe;
	rural?: Maybe;
	previousTotal?: Maybe;
	previousUrban?: Maybe;
	previousRural?: Maybe;
}

/** The number a measure shows for one region. */
export function measureValue(values: RegionValues, measure: Measure): number | null {
	switch (measure) {
		case 'total':
			return known(values.total) ? values.total : null;
		case 'urban':
			return known(values.urban) ? values.urban : null;
		case 'rural':
			return known(values.rural) ? values.rural : null;
		case 'gap':
			return urbanRuralGap(values.urban, values.rural);
		case 'parity':
			return parityRatio(values.urban, values.rural);
		case 'change':
			return change(values.total, values.previousTotal);
		case 'gapChange':
			return change(
				urbanRuralGap(values.urban, values.rural),
				urbanRuralGap(values.previousUrban, values.previousRural)
			);
	}
}

/** Measures that take an urban/rural split, those that take two survey rounds, and both. */
export function measuresFor(hasUrbanRural: boolean, hasPreviousYear: boolean): Measure[] {
	const out: Measure[] = ['total'];
	if (hasUrbanRural) out.push('urban', 'rural', 'gap', 'parity');
	if (hasPreviousYear) out.push('change');
	if (hasPreviousYear && hasUrbanRural) out.push('gapChange');
	return out;
}

/**
 * A standard error recovered from a published interval, assuming it is symmetric and normal:
 * (upper − lower) / (2 z). DHS intervals are computed on the logit scale and are slightly
 * asymmetric, so this is an approximation, used only where no standard error was published.
 */
export function seFromInterval(lower: Maybe, upper: Maybe, z: number): number | null {
	return known(lower) && known(upper) && upper >= lower && z > 0 ? (upper - lower) / (2 * z) : null;
}

/**
 * A difference of two estimates from independent samples with its interval: a − b ± z·√(se_a² +
 * se_b²). Urban against rural (separate strata) and one survey round against another (separate
 * samples) are both independent by design.
 */
export interface DifferenceEstimate {
	value: number;
	se: number | null;
	lower: number | null;
	upper: number | null;
	/** False when the interval includes zero: the data cannot tell the difference from none. */
	significant: boolean | null;
}

/** a − b with its interval at the critical value z, or null when either value is missing. */
export function differenceWithInterval(
	a: Maybe,
	seA: Maybe,
	b: Maybe,
	seB: Maybe,
	z: number
): DifferenceEstimate | null {
	const value = change(a, b);
	if (value === null) return null;
	const se = differenceSe(seA, seB);
	if (se === null) return { value, se: null, lower: null, upper: null, significant: null };
	const lower = value - z * se;
	const upper = value + z * se;
	return { value, se, lower, upper, significant: lower > 0 || upper < 0 };
}

export interface GapEstimate {
	gap: number;
	se: number | null;
	lower: number | null;
	upper: number | null;
	/** False when the interval includes zero: the data cannot tell urban from rural. */
	significant: boolean | null;
}

/** The urban–rural gap with its interval: gap ± z·√(se_u² + se_r²), urban and rural independent. */
export function gapWithInterval(
	urban: Maybe,
	urbanSe: Maybe,
	rural: Maybe,
	ruralSe: Maybe,
	z: number
): GapEstimate | null {
	const d = differenceWithInterval(urban, urbanSe, rural, ruralSe, z);
	return (
		d && { gap: d.value, se: d.se, lower: d.lower, upper: d.upper, significant: d.significant }
	);
}

/** How a standard error was found: published with the estimate, or recovered from its interval. */
export type SeSource = 'published' | 'interval';

/**
 * The standard error of one estimate: the published one when there is one, else recovered from
 * its interval as (upper − lower) / (2z), z for the interval's own confidence level.
 */
export function standardError(
	e: { se: number | null; lower: number | null; upper: number | null },
	ciLevel: number | null
): { se: number; source: SeSource } | null {
	if (known(e.se)) return { se: e.se, source: 'published' };
	if (ciLevel === null) return null;
	const se = seFromInterval(e.lower, e.upper, normalCriticalValue(ciLevel));
	return se === null ? null : { se, source: 'interval' };
}

/** The weaker of two ways a pair of standard errors was found; null when either is missing. */
export function combinedSeSource(a: SeSource | null, b: SeSource | null): SeSource | null {
	if (a === null || b === null) return null;
	return a === 'published' && b === 'published' ? 'published' : 'interval';
}

/**
 * A change between two survey rounds with its interval, at a stated confidence level. The rounds
 * are independent samples, so the standard error is √(se_later² + se_earlier²). Sources publish
 * the estimates and their intervals; the change's interval is always computed here.
 */
export interface ChangeFigures {
	estimate: DifferenceEstimate | null;
	seSource: SeSource | null;
	ciLevel: number;
	z: number;
}

/**
 * Later minus earlier estimate with its interval. Each estimate's standard error is its own
 * (published, or from its interval at its own level `laterLevel`/`earlierLevel`); the change's
 * interval is drawn at `ciLevel`.
 */
export function changeWithInterval(
	later: { value: number | null; se: number | null; lower: number | null; upper: number | null },
	laterLevel: number | null,
	earlier: { value: number | null; se: number | null; lower: number | null; upper: number | null },
	earlierLevel: number | null,
	ciLevel: number
): ChangeFigures {
	const z = normalCriticalValue(ciLevel);
	const a = standardError(later, laterLevel);
	const b = standardError(earlier, earlierLevel);
	return {
		estimate: differenceWithInterval(later.value, a?.se, earlier.value, b?.se, z),
		seSource: combinedSeSource(a?.source ?? null, b?.source ?? null),
		ciLevel,
		z
	};
}

type Measured = {
	value: number | null;
	se: number | null;
	lower: number | null;
	upper: number | null;
};

/** One round's urban–rural gap with its interval at z, and how its standard error was found. */
function roundGap(
	urban: Measured,
	rural: Measured,
	level: number | null,
	z: number
): { gap: GapEstimate | null; source: SeSource | null } {
	const u = standardError(urban, level);
	const r = standardError(rural, level);
	return {
		gap: gapWithInterval(urban.value, u?.se, rural.value, r?.se, z),
		source: combinedSeSource(u?.source ?? null, r?.source ?? null)
	};
}

/** The change in the gap, with the gap of each round it compares. */
export interface GapChangeFigures extends ChangeFigures {
	now: GapEstimate | null;
	then: GapEstimate | null;
}

/**
 * The change in the urban–rural gap between two rounds: gap(now) − gap(then), each gap urban minus
 * rural of its own round. The four estimates come from independent samples (two strata, two
 * rounds), so se = √(se_gap,now² + se_gap,then²) = √(se_u1² + se_r1² + se_u0² + se_r0²). Each
 * estimate's se is its own (published, or from its interval at its round's level); the gaps and
 * the change are drawn at `ciLevel`.
 */
export function gapChangeWithInterval(
	now: { urban: Measured; rural: Measured },
	nowLevel: number | null,
	then: { urban: Measured; rural: Measured },
	thenLevel: number | null,
	ciLevel: number
): GapChangeFigures {
	const z = normalCriticalValue(ciLevel);
	const a = roundGap(now.urban, now.rural, nowLevel, z);
	const b = roundGap(then.urban, then.rural, thenLevel, z);
	const estimate =
		a.gap && b.gap ? differenceWithInterval(a.gap.gap, a.gap.se, b.gap.gap, b.gap.se, z) : null;
	return {
		estimate,
		seSource: combinedSeSource(a.source, b.source),
		ciLevel,
		z,
		now: a.gap,
		then: b.gap
	};
}

/**
 * People (or households) left behind: the rural population times the rural shortfall against the
 * urban rate, for rates in percent. Zero when rural is not behind.
 */
export function peopleLeftBehind(
	ruralPopulation: Maybe,
	urbanRate: Maybe,
	ruralRate: Maybe
): number | null {
	const gap = urbanRuralGap(urbanRate, ruralRate);
	if (gap === null || !known(ruralPopulation)) return null;
	return (ruralPopulation * Math.max(0, gap)) / 100;
}

/**
 * Years until the gap closes if it keeps closing at the pace seen between two surveys. A
 * projection, and only when the gap is positive and closing; null otherwise.
 */
export function yearsToParity(
	gapNow: Maybe,
	yearNow: Maybe,
	gapBefore: Maybe,
	yearBefore: Maybe
): number | null {
	if (!known(gapNow) || !known(gapBefore) || !known(yearNow) || !known(yearBefore)) return null;
	if (yearNow <= yearBefore || gapNow <= 0) return null;
	const closingPerYear = (gapBefore - gapNow) / (yearNow - yearBefore);
	return closingPerYear > 0 ? gapNow / closingPerYear : null;
}

/** A figure with the range the interval of its inputs gives it. */
export interface Ranged {
	value: number;
	lower: number | null;
	upper: number | null;
}

/**
 * Households (or people) left behind with a range: the rural count times the gap, and times each
 * end of the gap's interval, a shortfall below zero counting as none. The count itself is taken
 * as known (the survey's weighted count); only the gap's uncertainty is carried.
 */
export function leftBehindWithRange(
	ruralPopulation: Maybe,
	gap: Pick<GapEstimate, 'gap' | 'lower' | 'upper'> | null
): Ranged | null {
	if (!gap || !known(ruralPopulation)) return null;
	const of = (g: number | null) => (g === null ? null : (ruralPopulation * Math.max(0, g)) / 100);
	return { value: of(gap.gap)!, lower: of(gap.lower), upper: of(gap.upper) };
}

/**
 * Years to parity, projected only from a narrowing the data can tell apart from none. `narrowing`
 * is the gap's change between the rounds (later minus earlier, so closing is negative) with its
 * interval. The range is the projection at either end of that interval: the gap now divided by
 * the fastest and by the slowest pace of closing the interval allows.
 */
export type ParityProjection =
	| { closing: true; years: number; lower: number; upper: number; narrowing: DifferenceEstimate }
	/** The interval of the change includes zero (or runs above it), or has no interval. */
	| { closing: false; narrowing: DifferenceEstimate };

export function parityProjection(
	gapNow: Maybe,
	yearNow: Maybe,
	yearBefore: Maybe,
	narrowing: DifferenceEstimate | null
): ParityProjection | null {
	if (!narrowing || !known(gapNow) || !known(yearNow) || !known(yearBefore)) return null;
	if (yearNow <= yearBefore || gapNow <= 0) return null;
	const { upper, lower } = narrowing;
	if (upper === null || lower === null || !(upper < 0)) return { closing: false, narrowing };
	const span = yearNow - yearBefore;
	const years = yearsToParity(gapNow, yearNow, gapNow - narrowing.value, yearBefore)!;
	return {
		closing: true,
		years,
		lower: (gapNow * span) / -lower,
		upper: (gapNow * span) / -upper,
		narrowing
	};
}
