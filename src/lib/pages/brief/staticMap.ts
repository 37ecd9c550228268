import type { ColourBin } from '$lib/charts/colourScale';
import type { Boundaries } from '$lib/map/regionShapes';

export {
	boundaryUrls,
	regionShapes,
	type Boundaries,
	type RegionShape
} from '$lib/map/regionShapes';

/** The side of each page's map, in CSS pixels: the shapes are projected to it. */
export const MAP_SIZE = 240;

/** The boundaries file, checked enough that a wrong file fails here and not in the drawing. */
export async function loadBoundaries(fetchFn: typeof fetch, url: string): Promise<Boundaries> {
	const response = await fetchFn(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const json = (await response.json()) as Partial<Boundaries>;
	if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
		throw new Error(`${url}: not a GeoJSON FeatureCollection`);
	}
	return json as Boundaries;
}

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
