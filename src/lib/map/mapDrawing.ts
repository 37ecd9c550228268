import { geoMercator, geoPath } from 'd3';
import { country } from '$lib/country';
import type { Boundaries, LabelPoints } from './regionShapes';

/**
 * The regions already projected, as the build writes them (scripts/build-boundaries.mjs): SVG
 * path data in a box `width` × `height`, Web Mercator fitted to the width, so a page draws the
 * map with no projection work and scales it to its frame. MapLibre (after a zoom) projects the
 * same boundaries the same way, so the two pictures agree.
 */
export interface MapDrawing {
	width: number;
	height: number;
	regions: { iso: string; d: string; centre: [number, number]; area: number }[];
	/** Where each region's name goes. */
	labels: { iso: string; x: number; y: number }[];
}

/** The drawing's width in its own units: one decimal of a unit is far below a screen pixel. */
export const DRAWING_WIDTH = 1000;

const round = (v: number) => Math.round(v * 10) / 10;

/** Project the boundaries and label points once, into a `width`-wide box. */
export function drawMap(
	regions: Boundaries,
	labels: LabelPoints,
	width = DRAWING_WIDTH
): MapDrawing {
	const projection = geoMercator().fitWidth(width, regions);
	const path = geoPath(projection).digits(1);
	const [, [, bottom]] = path.bounds(regions);
	return {
		width,
		height: Math.ceil(bottom),
		regions: regions.features.map((f) => {
			const [cx, cy] = path.centroid(f);
			return {
				iso: f.properties.iso,
				d: path(f) ?? '',
				centre: [round(cx), round(cy)],
				area: round(path.area(f))
			};
		}),
		labels: labels.features.flatMap((f) => {
			const at = projection(f.geometry.coordinates as [number, number]);
			return at ? [{ iso: f.properties.iso, x: round(at[0]), y: round(at[1]) }] : [];
		})
	};
}

/** Where the drawing sits in a frame: scaled to fit inside `padding`, centred. */
export interface DrawingFit {
	scale: number;
	x: number;
	y: number;
}

export function fitDrawing(
	drawing: Pick<MapDrawing, 'width' | 'height'>,
	width: number,
	height: number,
	padding = 0
): DrawingFit {
	const scale = Math.max(
		0,
		Math.min((width - 2 * padding) / drawing.width, (height - 2 * padding) / drawing.height)
	);
	return {
		scale,
		x: (width - drawing.width * scale) / 2,
		y: (height - drawing.height * scale) / 2
	};
}

/** A point of the drawing in the frame's pixels. */
export function toFrame(fit: DrawingFit, [x, y]: readonly [number, number]): [number, number] {
	return [fit.x + x * fit.scale, fit.y + y * fit.scale];
}

export interface PlacedLabel {
	iso: string;
	name: string;
	/** The middle of the text, in the frame's pixels. */
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
 * Zanzibar regions) then show the name that fits; the hover card and the keyboard name them all.
 */
export function placeLabels(
	drawing: MapDrawing,
	fit: DrawingFit,
	names: Readonly<Record<string, string>>,
	frame: { width: number; height: number },
	metrics: LabelMetrics = MAP_LABEL_METRICS
): PlacedLabel[] {
	const area = new Map(drawing.regions.map((r) => [r.iso, r.area]));
	const candidates = drawing.labels
		.flatMap((l) => {
			const name = names[l.iso];
			if (!name) return [];
			const [x, y] = toFrame(fit, [l.x, l.y]);
			return [{ iso: l.iso, name, x, y }];
		})
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
			box.left >= 0 && box.top >= 0 && box.right <= frame.width && box.bottom <= frame.height;
		const clear = boxes.every(
			(b) => box.right < b.left || box.left > b.right || box.bottom < b.top || box.top > b.bottom
		);
		if (!inside || !clear) continue;
		boxes.push(box);
		placed.push(label);
	}
	return placed;
}

/** Where the site serves the drawing the build made of the country pack's boundaries. */
export function drawingUrl(base: string): string {
	return `${base}/geo/${country.boundaries.regionsFile.replace(/\.geojson$/, '')}.drawing.json`;
}

/** The drawing, checked enough that a wrong file fails here and not in the picture. */
export async function loadMapDrawing(fetchFn: typeof fetch, base: string): Promise<MapDrawing> {
	const url = drawingUrl(base);
	const response = await fetchFn(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const json = (await response.json()) as Partial<MapDrawing>;
	if (
		typeof json.width !== 'number' ||
		typeof json.height !== 'number' ||
		!Array.isArray(json.regions) ||
		!Array.isArray(json.labels)
	) {
		throw new Error(`${url}: not a map drawing (width, height, regions, labels)`);
	}
	return json as MapDrawing;
}
