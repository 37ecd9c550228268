import { geoMercator, geoPath } from 'd3';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ColourBin } from '$lib/charts/colourScale';

/** Region boundaries as served at `/geo/tanzania-regions.geojson`: one feature per ISO code. */
export type Boundaries = FeatureCollection<Geometry, { iso: string }>;

export interface RegionShape {
	iso: string;
	/** SVG path data in the map's pixel space. */
	d: string;
}

/** Every region as an SVG path, Mercator-projected to fill a `width` × `height` box. */
export function regionShapes(boundaries: Boundaries, width: number, height: number): RegionShape[] {
	const projection = geoMercator().fitSize([width, height], boundaries);
	const path = geoPath(projection);
	return boundaries.features.map((f) => ({ iso: f.properties.iso, d: path(f) ?? '' }));
}

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
