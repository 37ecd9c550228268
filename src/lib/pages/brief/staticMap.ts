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
