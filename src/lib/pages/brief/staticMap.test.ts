import { describe, expect, it } from 'vitest';
import {
	legendItems,
	loadBoundaries,
	mapCallouts,
	regionShapes,
	type Boundaries
} from './staticMap';

// Two small squares side by side, wound clockwise as d3-geo expects for an exterior ring.
const square = (x0: number, y0: number, size: number) => [
	[
		[x0, y0],
		[x0 + size, y0],
		[x0 + size, y0 - size],
		[x0, y0 - size],
		[x0, y0]
	]
];
const boundaries: Boundaries = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { iso: 'TZ-01' },
			geometry: { type: 'Polygon', coordinates: square(30, -2, 1) }
		},
		{
			type: 'Feature',
			properties: { iso: 'TZ-02' },
			geometry: { type: 'Polygon', coordinates: square(31, -2, 1) }
		}
	]
};

/** The x and y extent of the numbers in a path string. */
function extent(d: string): { x: [number, number]; y: [number, number] } {
	const n = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
	const xs = n.filter((_, i) => i % 2 === 0);
	const ys = n.filter((_, i) => i % 2 === 1);
	return { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] };
}

describe('regionShapes', () => {
	it('fits the regions to the box, one path per region, west to the left', () => {
		const shapes = regionShapes(boundaries, 200, 100);
		expect(shapes.map((s) => s.iso)).toEqual(['TZ-01', 'TZ-02']);
		const a = extent(shapes[0]!.d);
		const b = extent(shapes[1]!.d);
		// 2° wide, 1° high: fills the width (within a pixel: edges are great-circle arcs).
		expect(a.x[0]).toBeCloseTo(0, 0);
		expect(b.x[1]).toBeCloseTo(200, 0);
		expect(a.x[1]).toBeCloseTo(100, 0);
		expect(a.y[0]).toBeGreaterThanOrEqual(0);
		expect(a.y[1]).toBeLessThanOrEqual(100);
		// Centred vertically: about 100 px of height for 1° when 2° take 200 px.
		expect(a.y[1] - a.y[0]).toBeCloseTo(100, 0);
	});
});

describe('legendItems', () => {
	it('lists the bins then no data', () => {
		expect(
			legendItems(
				[
					{ from: 0, to: 10, colour: '#a' },
					{ from: 10, to: 20, colour: '#b' }
				],
				'#d9d9d9'
			)
		).toEqual([
			{ colour: '#a', from: 0, to: 10 },
			{ colour: '#b', from: 10, to: 20 },
			{ colour: '#d9d9d9', from: null, to: null }
		]);
	});
});

describe('loadBoundaries', () => {
	it('names the file when it is not GeoJSON', async () => {
		const fake = (async () => new Response('{"type":"Topology"}')) as unknown as typeof fetch;
		await expect(loadBoundaries(fake, '/geo/x.geojson')).rejects.toThrow(
			'/geo/x.geojson: not a GeoJSON FeatureCollection'
		);
	});
	it('names the file and status on an HTTP error', async () => {
		const fake = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
		await expect(loadBoundaries(fake, '/geo/x.geojson')).rejects.toThrow(
			'/geo/x.geojson: HTTP 404'
		);
	});
});

describe('mapCallouts', () => {
	const names: Record<string, string> = { 'TZ-01': 'Arusha', 'TZ-02': 'Dar es Salaam' };
	const nameOf = (iso: string) => names[iso] ?? iso;
	it('numbers the three highest, then the three lowest from the bottom up', () => {
		const values = {
			'TZ-01': 40,
			'TZ-02': 87,
			'TZ-03': 55,
			'TZ-04': 61,
			'TZ-05': 12,
			'TZ-06': 33,
			'TZ-07': 70,
			'TZ-08': null
		};
		expect(mapCallouts(values, nameOf).map((c) => [c.number, c.name, c.value, c.end])).toEqual([
			[1, 'Dar es Salaam', 87, 'highest'],
			[2, 'TZ-07', 70, 'highest'],
			[3, 'TZ-04', 61, 'highest'],
			[4, 'TZ-05', 12, 'lowest'],
			[5, 'TZ-06', 33, 'lowest'],
			[6, 'Arusha', 40, 'lowest']
		]);
	});
	it('names each region once when there are few, and never one without a value', () => {
		const few = { 'TZ-01': 5, 'TZ-02': -3, 'TZ-03': null, 'TZ-04': 1 };
		expect(mapCallouts(few, nameOf).map((c) => [c.iso, c.end])).toEqual([
			['TZ-01', 'highest'],
			['TZ-04', 'highest'],
			['TZ-02', 'highest']
		]);
		expect(mapCallouts({ 'TZ-01': 5, 'TZ-02': 5 }, nameOf, 1).map((c) => [c.iso, c.end])).toEqual([
			['TZ-01', 'highest'],
			['TZ-02', 'lowest']
		]);
	});
});
