import { describe, expect, it } from 'vitest';
import { hatchPattern, noDataFilter, regionLayers } from './regionStyle';

describe('no-data hatching', () => {
	it('draws diagonal lines on a transparent tile', () => {
		const { width, height, data } = hatchPattern(4, 1);
		expect([width, height, data.length]).toEqual([4, 4, 64]);
		const alpha = (x: number, y: number) => data[(y * 4 + x) * 4 + 3];
		// (x + y) % 4 === 0 is on the line: (0,0), (1,3), (2,2), (3,1)
		expect([alpha(0, 0), alpha(1, 3), alpha(2, 2), alpha(3, 1)]).toEqual([150, 150, 150, 150]);
		expect([alpha(1, 0), alpha(0, 1), alpha(2, 3)]).toEqual([0, 0, 0]);
	});

	it('filters the hatch layer to the regions without data', () => {
		expect(noDataFilter(['TZ-30'])).toEqual(['in', ['get', 'iso'], ['literal', ['TZ-30']]]);
		const hatch = regionLayers('#ccc').find((l) => l.id === 'region-no-data');
		expect(hatch).toMatchObject({ type: 'fill', paint: { 'fill-pattern': 'no-data-hatch' } });
	});
});
