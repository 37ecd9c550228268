import type {
	FilterSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { country } from '$lib/country';

export const REGIONS_SOURCE = 'regions';
export const LABELS_SOURCE = 'region-labels';
export const FILL_LAYER = 'region-fill';
export const NO_DATA_LAYER = 'region-no-data';
export const HATCH_IMAGE = 'no-data-hatch';

/**
 * "No data" must not look like a low value: regions without a value get diagonal hatching over
 * their grey, as the legend shows. RGBA pixels of one tile of the pattern.
 */
export function hatchPattern(
	size = 8,
	line = 2
): { width: number; height: number; data: Uint8Array } {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const onLine = (x + y) % size < line;
			const i = (y * size + x) * 4;
			data.set(onLine ? [80, 80, 80, 150] : [0, 0, 0, 0], i);
		}
	}
	return { width: size, height: size, data };
}

/** Only the regions without data show the hatch layer. */
export function noDataFilter(isoCodes: readonly string[]): FilterSpecification {
	return ['in', ['get', 'iso'], ['literal', [...isoCodes]]];
}

/** The country's extent, islands and lake shores included (the pack's `mapBounds`). */
export const COUNTRY_BOUNDS: [[number, number], [number, number]] = [
	[...country.mapBounds[0]],
	[...country.mapBounds[1]]
];

/** An offline style: no tiles, no glyph server, no sprite. */
export const baseStyle: StyleSpecification = {
	version: 8,
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f7' } }]
};

export function regionSources(
	regions: GeoJSON.FeatureCollection,
	labels: GeoJSON.FeatureCollection
): Record<string, GeoJSONSourceSpecification> {
	return {
		[REGIONS_SOURCE]: { type: 'geojson', data: regions, promoteId: 'iso' },
		[LABELS_SOURCE]: { type: 'geojson', data: labels }
	};
}

/**
 * Fill colour and selection come from feature state, so a new measure repaints without reloading
 * geometry. Labels use a point per region so multipolygon regions are labelled once.
 */
export function regionLayers(noDataColour: string): LayerSpecification[] {
	return [
		{
			id: FILL_LAYER,
			type: 'fill',
			source: REGIONS_SOURCE,
			paint: {
				'fill-color': ['coalesce', ['feature-state', 'fill'], noDataColour],
				'fill-opacity': 1
			}
		},
		{
			id: NO_DATA_LAYER,
			type: 'fill',
			source: REGIONS_SOURCE,
			filter: noDataFilter([]),
			paint: { 'fill-pattern': HATCH_IMAGE }
		},
		{
			id: 'region-outline',
			type: 'line',
			source: REGIONS_SOURCE,
			paint: {
				'line-color': [
					'case',
					['boolean', ['feature-state', 'selected'], false],
					'#111111',
					'#ffffff'
				],
				'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 0.8]
			}
		},
		{
			id: 'region-label',
			type: 'symbol',
			source: LABELS_SOURCE,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': ['sans-serif'],
				'text-size': 11,
				'text-max-width': 6
			},
			paint: { 'text-color': '#1b1b1b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 }
		}
	];
}
