import { geoMercator, geoPath } from 'd3';
import type { FeatureCollection, Geometry } from 'geojson';
import { country } from '$lib/country';

/** Region boundaries as served at `boundaryUrls(base).regions`: one feature per ISO code. */
export type Boundaries = FeatureCollection<Geometry, { iso: string }>;

/** Where the site serves the country pack's boundaries (scripts/build-boundaries.mjs writes them). */
export function boundaryUrls(base: string): { regions: string; labels: string } {
	return {
		regions: `${base}/geo/${country.boundaries.regionsFile}`,
		labels: `${base}/geo/${country.boundaries.labelsFile}`
	};
}

export interface RegionShape {
	iso: string;
	/** SVG path data in the map's pixel space. */
	d: string;
	/** The shape's centre of area in the same space (where a card for it can point). */
	centre: [number, number];
}

/**
 * Every region as an SVG path, Mercator-projected to fill a `width` × `height` box less `padding`
 * on each side (MapLibre's Web Mercator fitted the same way draws the same outline).
 */
export function regionShapes(
	boundaries: Boundaries,
	width: number,
	height: number,
	padding = 0
): RegionShape[] {
	const projection = geoMercator().fitExtent(
		[
			[padding, padding],
			[Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)]
		],
		boundaries
	);
	const path = geoPath(projection);
	return boundaries.features.map((f) => ({
		iso: f.properties.iso,
		d: path(f) ?? '',
		centre: path.centroid(f)
	}));
}
