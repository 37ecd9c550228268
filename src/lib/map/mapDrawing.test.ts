import { describe, expect, it } from 'vitest';
import { drawMap, fitDrawing, loadMapDrawing, placeLabels, toFrame } from './mapDrawing';
import { regionShapes, type Boundaries, type LabelPoints } from './regionShapes';
import { point, square } from './shapes.test-data';

const regions: Boundaries = {
	type: 'FeatureCollection',
	features: [square('BIG', 0, 0, 4), square('SMALL', 4, 1.8, 0.4), square('MID', 0, -2, 2)]
};
const labels: LabelPoints = {
	type: 'FeatureCollection',
	// SMALL's point sits just beside BIG's: their names would overlap.
	features: [point('BIG', 3.6, 2), point('SMALL', 4.2, 2), point('MID', 1, -1)]
};
const names = { BIG: 'Bigregion', SMALL: 'Smallregion', MID: 'Mid' };

describe('the map drawing', () => {
	it('projects to a 1000-wide box whose height follows the shape', () => {
		const drawing = drawMap(regions, labels);
		// The squares span 4.4° of longitude and 6° of latitude (−2 to 4): near the equator
		// Mercator is nearly linear, so the height is about 1000 × 6 / 4.4 = 1364.
		expect(drawing.width).toBe(1000);
		expect(drawing.height).toBeGreaterThan(1355);
		expect(drawing.height).toBeLessThan(1375);
		const area = Object.fromEntries(drawing.regions.map((r) => [r.iso, r.area]));
		// Areas go as the squares' sides squared: 16 : 0.16 : 4.
		expect(area.BIG! / area.MID!).toBeCloseTo(4, 1);
		expect(area.BIG! / area.SMALL!).toBeCloseTo(100, -1);
		// BIG's label point (3.6°, 2°): 3.6 / 4.4 of the width, near the middle of BIG's height.
		const big = drawing.labels.find((l) => l.iso === 'BIG')!;
		expect(big.x).toBeCloseTo((1000 * 3.6) / 4.4, -1);
		expect(drawing.regions[0]!.d).toMatch(/^M[\d.]+,[\d.]+L/);
	});

	it('draws what the page would project itself (the projection MapLibre also uses)', () => {
		const drawing = drawMap(regions, labels);
		const own = regionShapes(regions, drawing.width, drawing.height);
		for (const region of drawing.regions) {
			const theirs = own.find((s) => s.iso === region.iso)!;
			expect(Math.abs(region.centre[0] - theirs.centre[0])).toBeLessThan(1);
			expect(Math.abs(region.centre[1] - theirs.centre[1])).toBeLessThan(1);
		}
	});

	it('fits inside a frame less its padding, centred', () => {
		// 1000 × 500 into 300 × 300 with 10 px padding: 280 / 1000 = 0.28 wide-bound, height 140.
		const fit = fitDrawing({ width: 1000, height: 500 }, 300, 300, 10);
		expect(fit.scale).toBeCloseTo(0.28, 10);
		expect(fit.x).toBeCloseTo(10, 10);
		expect(fit.y).toBeCloseTo((300 - 140) / 2, 10);
		expect(toFrame(fit, [500, 250])).toEqual([150, 150]);
		expect(fitDrawing({ width: 1000, height: 500 }, 0, 0, 10).scale).toBe(0);
	});

	it('places larger regions’ names first and leaves out one that would overlap', () => {
		const drawing = drawMap(regions, labels);
		const frame = { width: 300, height: 300 };
		const fit = fitDrawing(drawing, frame.width, frame.height, 10);
		expect(placeLabels(drawing, fit, names, frame).map((p) => p.iso)).toEqual(['BIG', 'MID']);
		// Far apart, all three fit.
		const apart = drawMap(regions, {
			...labels,
			features: [point('BIG', 1, 3), point('SMALL', 4.2, 2), point('MID', 1, -1)]
		});
		const placed = placeLabels(apart, fitDrawing(apart, 300, 300, 10), names, frame);
		expect(placed.map((p) => p.iso).sort()).toEqual(['BIG', 'MID', 'SMALL']);
		expect(placed.find((p) => p.iso === 'BIG')!.name).toBe('Bigregion');
	});

	it('leaves out a name that would cross the frame’s edge, or that has none', () => {
		const drawing = drawMap(regions, labels);
		const frame = { width: 300, height: 300 };
		const fit = fitDrawing(drawing, frame.width, frame.height, 10);
		const long = { SMALL: 'A very long region name indeed', MID: 'Mid' };
		expect(placeLabels(drawing, fit, long, frame).map((p) => p.iso)).toEqual(['MID']);
		expect(placeLabels(drawing, fit, {}, frame)).toEqual([]);
	});

	it('loads a drawing and names a wrong file', async () => {
		const drawing = drawMap(regions, labels);
		const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
		expect(await loadMapDrawing(async () => ok(drawing), '')).toEqual(drawing);
		await expect(loadMapDrawing(async () => ok({ type: 'FeatureCollection' }), '')).rejects.toThrow(
			/drawing\.json: not a map drawing/
		);
		await expect(
			loadMapDrawing(async () => new Response('', { status: 404 }), '/b')
		).rejects.toThrow(/^\/b\/geo\/.*drawing\.json: HTTP 404/);
	});
});
