import { describe, expect, it } from 'vitest';
import {
	loadMapFeatures,
	placeLabels,
	regionShapes,
	type Boundaries,
	type LabelPoints
} from './regionShapes';

/** A square region from (x, y) of side `side` degrees, near the equator (Mercator ≈ linear). */
function square(iso: string, x: number, y: number, side: number) {
	return {
		type: 'Feature' as const,
		properties: { iso },
		geometry: {
			type: 'Polygon' as const,
			coordinates: [
				[
					[x, y],
					[x, y + side],
					[x + side, y + side],
					[x + side, y],
					[x, y]
				]
			]
		}
	};
}

const regions: Boundaries = {
	type: 'FeatureCollection',
	features: [square('BIG', 0, 0, 4), square('SMALL', 4, 1.8, 0.4), square('MID', 0, -2, 2)]
};

function point(iso: string, x: number, y: number) {
	return {
		type: 'Feature' as const,
		properties: { iso },
		geometry: { type: 'Point' as const, coordinates: [x, y] }
	};
}

const labels: LabelPoints = {
	type: 'FeatureCollection',
	// SMALL's point sits just beside BIG's: their names would overlap.
	features: [point('BIG', 3.6, 2), point('SMALL', 4.2, 2), point('MID', 1, -1)]
};

const names = { BIG: 'Bigregion', SMALL: 'Smallregion', MID: 'Mid' };

const shapes = regionShapes(regions, 300, 300, 10);

describe('region shapes and their names', () => {
	it('projects every region into the box, with its area', () => {
		expect(shapes.map((s) => s.iso)).toEqual(['BIG', 'SMALL', 'MID']);
		const area = Object.fromEntries(shapes.map((s) => [s.iso, s.area]));
		// Areas scale with the squares' sides: 16 : 0.16 : 4 (Mercator stretches little at 0–4°).
		expect(area.BIG! / area.MID!).toBeCloseTo(4, 0);
		expect(area.BIG! / area.SMALL!).toBeGreaterThan(80);
		for (const s of shapes) {
			expect(s.centre[0]).toBeGreaterThanOrEqual(10);
			expect(s.centre[0]).toBeLessThanOrEqual(290);
		}
	});

	it('places larger regions’ names first and leaves out a name that would overlap', () => {
		const placed = placeLabels(shapes, regions, labels, names, {
			width: 300,
			height: 300,
			padding: 10
		});
		expect(placed.map((p) => p.iso)).toEqual(['BIG', 'MID']);
		const big = placed[0]!;
		expect(big.name).toBe('Bigregion');
		// Far apart, both fit.
		const wide = placeLabels(
			shapes,
			regions,
			{ ...labels, features: [point('BIG', 1, 3), point('SMALL', 4.2, 2), point('MID', 1, -1)] },
			names,
			{ width: 300, height: 300, padding: 10 }
		);
		expect(wide.map((p) => p.iso).sort()).toEqual(['BIG', 'MID', 'SMALL']);
	});

	it('leaves out a name that would cross the frame’s edge, or that has no name', () => {
		const edge = placeLabels(
			shapes,
			regions,
			{ ...labels, features: [point('SMALL', 4.4, 2), point('MID', 1, -1)] },
			{ SMALL: 'A very long region name indeed', MID: 'Mid' },
			{ width: 300, height: 300, padding: 10 }
		);
		expect(edge.map((p) => p.iso)).toEqual(['MID']);
		expect(placeLabels(shapes, regions, labels, {}, { width: 300, height: 300 })).toEqual([]);
	});
});

describe('loadMapFeatures', () => {
	it('fetches the outlines and the label points, and says which file is wrong', async () => {
		const asked: string[] = [];
		const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
		const features = await loadMapFeatures(async (input) => {
			const url = String(input);
			asked.push(url);
			return ok(url.includes('label') ? labels : regions);
		}, '/base');
		expect(features.regions.features).toHaveLength(3);
		expect(features.labels.features).toHaveLength(3);
		expect(asked.every((u) => u.startsWith('/base/geo/'))).toBe(true);

		await expect(
			loadMapFeatures(
				async (input) => (String(input).includes('label') ? ok({ type: 'Feature' }) : ok(regions)),
				''
			)
		).rejects.toThrow(/labels.*not a GeoJSON FeatureCollection/);
	});
});
