import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapDrawing } from '$lib/map/mapDrawing';
import { mapFigure, mapScaleFor, MAP_LABEL_FONT } from './mapFigure';
import { serializeSvg } from './svgTree';

const root = join(import.meta.dirname, '../../..');
const drawing = JSON.parse(
	readFileSync(join(root, 'static/geo/tanzania-regions.drawing.json'), 'utf8')
) as MapDrawing;
const names = Object.fromEntries(drawing.regions.map((r) => [r.iso, `Region ${r.iso}`]));
const input = { drawing, fills: { 'TZ-03': '#123456' }, noDataColour: '#d9d9d9', names };

describe('mapFigure', () => {
	it('fits the map and its column of names in the area', () => {
		const area = { width: 928, height: 330 };
		const scale = mapScaleFor(input, area);
		// The column needs 24 + 8 px and the longest name, "Region TZ-01": 12 × 11 × 0.58.
		expect(scale).toBeCloseTo(Math.min((928 - 32 - 12 * 11 * 0.58) / 1000, 330 / 1000), 9);
		const figure = mapFigure(input, scale);
		expect(figure.width).toBeLessThanOrEqual(area.width);
		expect(figure.height).toBeLessThanOrEqual(area.height);
	});

	it('draws every region filled, and every name once as text of the label size', () => {
		const svg = serializeSvg(mapFigure(input, 0.6).node);
		expect(svg.match(/<path /g)).toHaveLength(31);
		expect(svg).toContain('data-iso="TZ-03" fill="#123456"');
		expect(svg.match(/fill="#d9d9d9"/g)).toHaveLength(30);
		for (const name of Object.values(names)) expect(svg.split(`>${name}</text>`)).toHaveLength(2);
		expect(svg.match(new RegExp(`font-size="${MAP_LABEL_FONT}"`, 'g'))).toHaveLength(31);
		// Dar es Salaam's name is in the column, tied to its region by a leader.
		expect(svg).toMatch(/<g class="leader" data-iso="TZ-02">/);
	});
});
