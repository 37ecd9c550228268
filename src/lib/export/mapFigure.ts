import type { MapDrawing } from '$lib/map/mapDrawing';
import { placeExportLabels } from '$lib/map/exportLabels';
import { el } from './svgTree';
import type { Figure } from './tableFigure';

/**
 * The map as an export draws it: every region from the build's drawing, filled as on screen,
 * and every region's name as SVG text (sharp at any resolution), on its region or, for the
 * small ones, in a column in the sea with a leader line. Sized to an area in layout pixels:
 * the map as large as the area allows beside its column of names.
 */

export const MAP_LABEL_FONT = 11;
const LETTER_SHARE = 0.58;
/** Room between map and column, and for the column's dot and leader end. */
const COLUMN_ROOM = 24 + 8;

export interface MapFigureInput {
	drawing: MapDrawing;
	fills: Readonly<Record<string, string>>;
	noDataColour: string;
	names: Readonly<Record<string, string>>;
}

/** The largest map that leaves room for a column as wide as the longest name, in `area`. */
export function mapScaleFor(
	input: Pick<MapFigureInput, 'drawing' | 'names'>,
	area: { width: number; height: number }
): number {
	const longest = Math.max(0, ...Object.values(input.names).map((n) => [...n].length));
	const column = COLUMN_ROOM + longest * MAP_LABEL_FONT * LETTER_SHARE;
	return Math.max(
		0.05,
		Math.min((area.width - column) / input.drawing.width, area.height / input.drawing.height)
	);
}

export function mapFigure(input: MapFigureInput, scale: number): Figure {
	const { drawing, fills, noDataColour, names } = input;
	const height = Math.ceil(drawing.height * scale);
	const layout = placeExportLabels(drawing, names, {
		scale,
		fontSize: MAP_LABEL_FONT,
		letterShare: LETTER_SHARE,
		height
	});
	const regions = el(
		'g',
		{ class: 'regions', transform: `scale(${scale})` },
		drawing.regions.map((r) =>
			el('path', {
				d: r.d,
				'data-iso': r.iso,
				fill: fills[r.iso] ?? noDataColour,
				stroke: '#ffffff',
				'stroke-width': 0.75 / scale,
				'stroke-linejoin': 'round'
			})
		)
	);
	const leaders = layout.labels.flatMap((l) =>
		l.leader
			? [
					el('g', { class: 'leader', 'data-iso': l.iso }, [
						el('line', {
							x1: l.leader.x1,
							y1: l.leader.y1,
							x2: l.leader.x2,
							y2: l.leader.y2,
							stroke: '#333333',
							'stroke-width': 0.8
						}),
						el('circle', { cx: l.leader.x1, cy: l.leader.y1, r: 2, fill: '#111111' })
					])
				]
			: []
	);
	const labels = layout.labels.map((l) =>
		el(
			'text',
			{
				class: 'region-name',
				'data-iso': l.iso,
				x: l.x,
				y: l.y,
				'text-anchor': l.anchor,
				'dominant-baseline': 'middle',
				'font-size': MAP_LABEL_FONT,
				fill: '#1b1b1b',
				stroke: '#ffffff',
				'stroke-width': 2.4,
				'stroke-linejoin': 'round',
				'paint-order': 'stroke'
			},
			[l.name]
		)
	);
	const width = Math.ceil(Math.max(drawing.width * scale, layout.columnX + layout.columnWidth));
	return { node: el('g', { class: 'map' }, [regions, ...leaders, ...labels]), width, height };
}
