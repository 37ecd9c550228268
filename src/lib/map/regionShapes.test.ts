import { describe, expect, it } from 'vitest';
import { loadMapFeatures, type Boundaries, type LabelPoints } from './regionShapes';
import { square, point } from './shapes.test-data';

const regions: Boundaries = { type: 'FeatureCollection', features: [square('A', 0, 0, 1)] };
const labels: LabelPoints = { type: 'FeatureCollection', features: [point('A', 0.5, 0.5)] };

describe('loadMapFeatures', () => {
	it('fetches the outlines and the label points, and says which file is wrong', async () => {
		const asked: string[] = [];
		const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
		const features = await loadMapFeatures(async (input) => {
			const url = String(input);
			asked.push(url);
			return ok(url.includes('label') ? labels : regions);
		}, '/base');
		expect(features.regions.features).toHaveLength(1);
		expect(features.labels.features).toHaveLength(1);
		expect(asked.every((u) => u.startsWith('/base/geo/'))).toBe(true);

		await expect(
			loadMapFeatures(
				async (input) => (String(input).includes('label') ? ok({ type: 'Feature' }) : ok(regions)),
				''
			)
		).rejects.toThrow(/labels.*not a GeoJSON FeatureCollection/);
	});
});
