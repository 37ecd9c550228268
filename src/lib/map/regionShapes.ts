import { geoMercator, geoPath } from 'd3';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { country } from '$lib/country';

/** Region boundaries as served at `boundaryUrls(base).regions`: one feature per ISO code. */
export type Boundaries = FeatureCollection<Geometry, { iso: string }>;

/** Where each region's name goes, as served at `boundaryUrls(base).labels`: a point per ISO code. */
export type LabelPoints = FeatureCollection<Point, { iso: string }>;

/** What a map of the regions draws: their outlines and where their names go. */
export interface MapFeatures {
	regions: Boundaries;
	labels: LabelPoints;
}

/** Where the site serves the country pack's boundaries (scripts/build-boundaries.mjs writes them). */
export function boundaryUrls(base: string): { regions: string; labels: string } {
	return {
		regions: `${base}/geo/${country.boundaries.regionsFile}`,
		labels: `${base}/geo/${country.boundaries.labelsFile}`
	};
}

/** A GeoJSON file, checked enough that a wrong file fails here and not in the drawing. */
async function loadCollection<T>(fetchFn: typeof fetch, url: string): Promise<T> {
	const response = await fetchFn(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const json = (await response.json()) as { type?: unknown; features?: unknown };
	if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
		throw new Error(`${url}: not a GeoJSON FeatureCollection`);
	}
	return json as T;
}

/** The boundaries file alone (the brief's small maps have no names on them). */
export function loadBoundaries(fetchFn: typeof fetch, url: string): Promise<Boundaries> {
	return loadCollection<Boundaries>(fetchFn, url);
}

/** Both files of the site's map, fetched side by side (the labels are 3 kB). */
export async function loadMapFeatures(fetchFn: typeof fetch, base: string): Promise<MapFeatures> {
	const urls = boundaryUrls(base);
	const [regions, labels] = await Promise.all([
		loadBoundaries(fetchFn, urls.regions),
		loadCollection<LabelPoints>(fetchFn, urls.labels)
	]);
	return { regions, labels };
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
