import { scaleLinear, schemePuOr, schemeYlGnBu } from 'd3';

/** A classed colour scale: a legend can list its bins, the map and the chart share its colours. */
export interface ColourBin {
	from: number;
	to: number;
	colour: string;
}

export interface ColourScale {
	kind: 'sequential' | 'diverging';
	bins: ColourBin[];
	noData: string;
	colour(value: number | null | undefined): string;
}

export const NO_DATA_COLOUR = '#d9d9d9';

function classed(
	kind: ColourScale['kind'],
	edges: number[],
	colours: readonly string[]
): ColourScale {
	const bins = colours.map((colour, i) => ({ from: edges[i]!, to: edges[i + 1]!, colour }));
	return {
		kind,
		bins,
		noData: NO_DATA_COLOUR,
		colour(value) {
			if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOUR;
			const i = bins.findIndex((b) => value < b.to);
			return (i === -1 ? bins[bins.length - 1]! : bins[i]!).colour;
		}
	};
}

function finite(values: readonly (number | null | undefined)[]): number[] {
	return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/** Equal-interval classes over a rounded extent, light to dark (ColorBrewer YlGnBu, colour-blind safe). */
export function sequentialScale(
	values: readonly (number | null | undefined)[],
	classes = 5
): ColourScale {
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
	return classed('sequential', edges, schemeYlGnBu[classes] ?? schemeYlGnBu[5]!);
}

/** Classes symmetric about zero, so "no gap" is always the neutral middle (ColorBrewer PuOr). */
export function divergingScale(
	values: readonly (number | null | undefined)[],
	classes = 7
): ColourScale {
	const xs = finite(values);
	const extent = Math.max(...xs.map(Math.abs), 0) || 1;
	const [, m] = scaleLinear()
		.domain([0, extent])
		.nice(Math.ceil(classes / 2))
		.domain() as [number, number];
	const step = (2 * m) / classes;
	const edges = Array.from({ length: classes + 1 }, (_, i) => (i === classes ? m : -m + i * step));
	const colours = [...(schemePuOr[classes] ?? schemePuOr[7]!)].reverse();
	return classed('diverging', edges, colours);
}
