import type { ColourBin } from '$lib/charts/colourScale';
export {
	boundaryUrls,
	loadBoundaries,
	regionShapes,
	type Boundaries,
	type RegionShape
} from '$lib/map/regionShapes';

/** The side of each page's map, in CSS pixels: the shapes are projected to it. */
export const MAP_SIZE = 240;

export interface LegendItem {
	colour: string;
	from: number | null;
	to: number | null;
}

/** The legend of a classed scale, top to bottom: its bins, then "no data". */
export function legendItems(bins: readonly ColourBin[], noData: string): LegendItem[] {
	return [
		...bins.map((b) => ({ colour: b.colour, from: b.from, to: b.to })),
		{ colour: noData, from: null, to: null }
	];
}

/** A region named on a small map: a numbered mark at its centre and a line of the key below. */
export interface MapCallout {
	number: number;
	iso: string;
	name: string;
	value: number;
	end: 'highest' | 'lowest';
}

/**
 * The `n` regions with the highest values and the `n` with the lowest (a region in both lists only
 * once, among the highest), numbered 1… from the top; ties in region-code order. Regions without a
 * value are never named.
 */
export function mapCallouts(
	values: Readonly<Record<string, number | null>>,
	nameOf: (iso: string) => string,
	n = 3
): MapCallout[] {
	const known = Object.entries(values)
		.filter((e): e is [string, number] => e[1] !== null && Number.isFinite(e[1]))
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
	const highest = known.slice(0, n);
	const lowest = known.slice(n).slice(-n).reverse();
	return [
		...highest.map(([iso, value]) => ({ iso, value, end: 'highest' as const })),
		...lowest.map(([iso, value]) => ({ iso, value, end: 'lowest' as const }))
	].map((c, i) => ({ ...c, number: i + 1, name: nameOf(c.iso) }));
}
