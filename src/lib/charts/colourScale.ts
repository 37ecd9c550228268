import { scaleLinear, schemeOranges, schemePuOr, schemePurples, schemeYlGnBu, tickStep } from 'd3';

/** A classed colour scale: a legend can list its bins, the map and the chart share its colours. */
export interface ColourBin {
	from: number;
	to: number;
	colour: string;
}

export interface ColourScale {
	kind: 'sequential' | 'diverging';
	/** The classes that hold at least one of the values the scale was made from, low to high. */
	bins: ColourBin[];
	noData: string;
	colour(value: number | null | undefined): string;
}

/**
 * "No data": a pale pink, a hue none of the ramps below has (ΔE ≥ 20 from every colour of every
 * ramp, checked in the unit test), so a small region without data never passes for a low class
 * even where its hatching cannot be seen.
 */
export const NO_DATA_COLOUR = '#ffbcd9';

type Values = readonly (number | null | undefined)[];

/** The ramps the scales draw from, for the test that keeps "no data" apart from all of them. */
export const RAMPS = {
	level: schemeYlGnBu,
	positive: schemeOranges,
	negative: schemePurples,
	diverging: schemePuOr
} as const;

function finite(values: Values): number[] {
	return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/**
 * A scale over every class of `edges` (so a value always finds its colour) whose `bins` list only
 * the classes some value falls in: an empty class is never shown in a legend.
 */
function classed(
	kind: ColourScale['kind'],
	edges: readonly number[],
	colours: readonly string[],
	values: readonly number[]
): ColourScale {
	const all = colours.map((colour, i) => ({ from: edges[i]!, to: edges[i + 1]!, colour }));
	const indexOf = (value: number) => {
		const i = all.findIndex((b) => value < b.to);
		return i === -1 ? all.length - 1 : i;
	};
	const used = new Set(values.map(indexOf));
	return {
		kind,
		bins: all.filter((_, i) => used.has(i)),
		noData: NO_DATA_COLOUR,
		colour(value) {
			if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOUR;
			return all[indexOf(value)]!.colour;
		}
	};
}

/**
 * `n` colours of a ColorBrewer ramp, light to dark, leaving out its palest colour (almost white,
 * it would read as the page, not as a class); fewer than 2 are its darker end.
 */
function ramp(scheme: readonly (readonly string[])[], n: number): string[] {
	const k = Math.min(9, Math.max(3, n + 1));
	return [...scheme[k]!].slice(k - n);
}

/** Equal-interval classes over a rounded extent, light to dark (ColorBrewer YlGnBu, colour-blind safe). */
export function sequentialScale(values: Values, classes = 5): ColourScale {
	const xs = finite(values);
	let lo = xs.length ? Math.min(...xs) : 0;
	let hi = xs.length ? Math.max(...xs) : 1;
	if (lo === hi) {
		lo -= 1;
		hi += 1;
	}
	const [a, b] = scaleLinear().domain([lo, hi]).nice(classes).domain() as [number, number];
	const step = (b - a) / classes;
	const edges = Array.from({ length: classes + 1 }, (_, i) => (i === classes ? b : a + i * step));
	return classed('sequential', edges, schemeYlGnBu[classes] ?? schemeYlGnBu[5]!, xs);
}

/** Most classes a signed scale has, and most on one side of zero (PuOr has 5 a side at most). */
const MAX_CLASSES = 6;
const MAX_SIDE = 5;

/**
 * Round class edges covering [lo, hi]: a "nice" step (1, 2 or 5 times a power of ten) and the
 * multiples of it around the extent, so zero is an edge whenever it lies inside. Edges are
 * computed as integers over the step's inverse to avoid 0.30000000000000004.
 */
export function roundEdges(lo: number, hi: number, classes = 5): number[] {
	if (lo === hi) {
		const pad = Math.abs(lo) > 0 ? Math.abs(lo) / 10 : 1;
		[lo, hi] = lo >= 0 ? [Math.max(0, lo - pad), hi + pad] : [lo - pad, Math.min(0, hi + pad)];
	}
	for (let target = classes; ; target--) {
		const step = tickStep(lo, hi, Math.max(1, target));
		const inv = step < 1 ? Math.round(1 / step) : 0;
		const at = (k: number) => (inv ? k / inv : k * step);
		const first = Math.floor(inv ? lo * inv : lo / step);
		const last = Math.ceil(inv ? hi * inv : hi / step);
		const side = Math.max(Math.max(0, -first), Math.max(0, last));
		const n = last - first;
		if ((n <= MAX_CLASSES && (first >= 0 || last <= 0 || side <= MAX_SIDE)) || target <= 1) {
			return Array.from({ length: n + 1 }, (_, i) => at(first + i) + 0);
		}
	}
}

/**
 * The scale for a signed measure (a gap, a change): sequential when every value is on one side of
 * zero (oranges above, purples below, darker further from zero), diverging only when both signs
 * occur. Either way the classes are round, zero is an edge (never a neutral class straddling it)
 * and they run only as far as the values do on each side.
 */
export function signedScale(values: Values, classes = 5): ColourScale {
	const xs = finite(values);
	const lo = xs.length ? Math.min(...xs) : 0;
	const hi = xs.length ? Math.max(...xs) : 1;
	if (lo >= 0) {
		const edges = roundEdges(lo, hi, classes);
		return classed('sequential', edges, ramp(RAMPS.positive, edges.length - 1), xs);
	}
	if (hi <= 0) {
		const edges = roundEdges(lo, hi, classes);
		return classed('sequential', edges, ramp(RAMPS.negative, edges.length - 1).reverse(), xs);
	}
	const edges = roundEdges(lo, hi, classes);
	const negative = edges.filter((e) => e < 0).length;
	const positive = edges.length - 1 - negative;
	// An even PuOr has no neutral middle: its first half is orange, its second purple. Reversed,
	// purple below zero and orange above, each side from its lightest colour outwards.
	const half = Math.max(negative, positive);
	const colours = [...schemePuOr[Math.max(4, 2 * half)]!].reverse();
	const mid = colours.length / 2;
	return classed(
		'diverging',
		edges,
		[...colours.slice(mid - negative, mid), ...colours.slice(mid, mid + positive)],
		xs
	);
}

/** Whether any region has no value, so the legend needs its "No data" swatch. */
export function someMissing(values: Record<string, number | null>): boolean {
	return Object.values(values).some((v) => v === null || !Number.isFinite(v));
}

/** Measures of a level (a share, a count, a ratio); every other measure is signed. */
const LEVEL_MEASURES: readonly string[] = ['total', 'urban', 'rural', 'parity'];

/** The map's scale for a measure: level measures on YlGnBu, signed ones as `signedScale` says. */
export function scaleForMeasure(measure: string, values: Values): ColourScale {
	return LEVEL_MEASURES.includes(measure) ? sequentialScale(values) : signedScale(values);
}
