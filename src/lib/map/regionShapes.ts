import { geoMercator, geoPath, type GeoProjection } from 'd3';
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
	/** Its area in square pixels. */
	area: number;
}

/**
 * Mercator fitted to a `width` × `height` box less `padding` on each side (MapLibre's Web Mercator
 * fitted the same way draws the same outline).
 */
function fitted(boundaries: Boundaries, width: number, height: number, padding: number) {
	return geoMercator().fitExtent(
		[
			[padding, padding],
			[Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)]
		],
		boundaries
	);
}

function shapesIn(boundaries: Boundaries, projection: GeoProjection): RegionShape[] {
	const path = geoPath(projection);
	return boundaries.features.map((f) => ({
		iso: f.properties.iso,
		d: path(f) ?? '',
		centre: path.centroid(f),
		area: path.area(f)
	}));
}

/** Every region as an SVG path, projected to fill a `width` × `height` box less `padding`. */
export function regionShapes(
	boundaries: Boundaries,
	width: number,
	height: number,
	padding = 0
): RegionShape[] {
	return shapesIn(boundaries, fitted(boundaries, width, height, padding));
}

export interface PlacedLabel {
	iso: string;
	name: string;
	/** The middle of the text, in the map's pixel space. */
	x: number;
	y: number;
}

/** The size a label is taken to need: its font size and an average letter's width in that font. */
export interface LabelMetrics {
	fontSize: number;
	letterWidth: number;
}

export const MAP_LABEL_METRICS: LabelMetrics = { fontSize: 11, letterWidth: 6.2 };

/**
 * Names to draw at their label points, larger regions first, leaving out a name whose box would
 * overlap one already placed or cross the frame's edge: small neighbours (Dar es Salaam, the
 * Zanzibar regions) then show the name that fits, and every name shows once zoomed in. `shapes`
 * are `regionShapes` of the same boundaries and size (their areas set the order).
 */
export function placeLabels(
	shapes: readonly RegionShape[],
	boundaries: Boundaries,
	labels: LabelPoints,
	names: Readonly<Record<string, string>>,
	size: { width: number; height: number; padding?: number },
	metrics: LabelMetrics = MAP_LABEL_METRICS
): PlacedLabel[] {
	const projection = fitted(boundaries, size.width, size.height, size.padding ?? 0);
	const area = new Map(shapes.map((s) => [s.iso, s.area]));
	const candidates = labels.features
		.map((f) => {
			const at = projection(f.geometry.coordinates as [number, number]);
			const name = names[f.properties.iso];
			return at && name ? { iso: f.properties.iso, name, x: at[0], y: at[1] } : null;
		})
		.filter((c): c is PlacedLabel => c !== null)
		.sort((a, b) => (area.get(b.iso) ?? 0) - (area.get(a.iso) ?? 0) || a.iso.localeCompare(b.iso));
	const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
	const placed: PlacedLabel[] = [];
	for (const label of candidates) {
		const half = (label.name.length * metrics.letterWidth) / 2;
		const box = {
			left: label.x - half,
			right: label.x + half,
			top: label.y - metrics.fontSize * 0.7,
			bottom: label.y + metrics.fontSize * 0.7
		};
		const inside =
			box.left >= 0 && box.top >= 0 && box.right <= size.width && box.bottom <= size.height;
		const clear = boxes.every(
			(b) => box.right < b.left || box.left > b.right || box.bottom < b.top || box.top > b.bottom
		);
		if (!inside || !clear) continue;
		boxes.push(box);
		placed.push(label);
	}
	return placed;
}
