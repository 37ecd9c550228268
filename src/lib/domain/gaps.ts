/**
 * The urban–rural gap measures a person reads. Values are percentages (0–100) or any other unit;
 * every function returns null rather than NaN when an input is missing.
 */

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

export type Measure = 'total' | 'urban' | 'rural' | 'gap' | 'parity' | 'change';

export interface RegionValues {
	total?: Maybe;
	urban?: Maybe;
	rural?: Maybe;
	previousTotal?: Maybe;
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
	}
}

/** Measures that take an urban/rural split, and the one that takes two survey rounds. */
export function measuresFor(hasUrbanRural: boolean, hasPreviousYear: boolean): Measure[] {
	const out: Measure[] = ['total'];
	if (hasUrbanRural) out.push('urban', 'rural', 'gap', 'parity');
	if (hasPreviousYear) out.push('change');
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
	const gap = urbanRuralGap(urban, rural);
	if (gap === null) return null;
	const se = differenceSe(urbanSe, ruralSe);
	if (se === null) return { gap, se: null, lower: null, upper: null, significant: null };
	const lower = gap - z * se;
	const upper = gap + z * se;
	return { gap, se, lower, upper, significant: lower > 0 || upper < 0 };
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
