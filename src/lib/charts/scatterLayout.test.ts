import { describe, expect, it } from 'vitest';
import { estimateTextWidth, overlaps, placeLabels, shareDomain } from './scatterLayout';

describe('shareDomain', () => {
	it('pads and rounds outwards to tens', () => {
		// 12.3 − 1 (pad: 5% of 70.1 = 3.5) → 8.8 → 0; 82.4 + 3.5 = 85.9 → 90
		expect(shareDomain([12.3, 82.4, null])).toEqual([0, 90]);
		// 41 − 1 (pad: max(5% of 17, 1)) = 40 → 40; 58 + 1 = 59 → 60
		expect(shareDomain([41, 58])).toEqual([40, 60]);
	});

	it('never leaves 0–100', () => {
		expect(shareDomain([0.5, 99.8])).toEqual([0, 100]);
	});

	it('keeps a minimum span around a tight cluster', () => {
		expect(shareDomain([50, 50.5])).toEqual([40, 60]);
		expect(shareDomain([99, 99.5])).toEqual([80, 100]);
	});

	it('falls back to the whole range when nothing is known', () => {
		expect(shareDomain([null, undefined, Number.NaN])).toEqual([0, 100]);
	});
});

describe('placeLabels', () => {
	const bounds = { x: 0, y: 0, width: 400, height: 300 };

	it('puts a lone label to the right of its point', () => {
		const [label] = placeLabels([{ id: 'a', x: 100, y: 100, text: 'Mara' }], bounds, {
			fontSize: 10,
			radius: 5,
			gap: 3
		});
		expect(label).toMatchObject({ id: 'a', x: 108, anchor: 'start' });
		expect(label!.box).toEqual({ x: 108, y: 95, width: estimateTextWidth('Mara', 10), height: 10 });
	});

	it('moves a label to the left when the right side leaves the plot', () => {
		const [label] = placeLabels([{ id: 'a', x: 395, y: 100, text: 'Kilimanjaro' }], bounds);
		expect(label?.anchor).toBe('end');
		expect(label!.box.x + label!.box.width).toBeLessThanOrEqual(395);
	});

	it('tries right, left, above, below in turn, and drops a label with no free side', () => {
		const crowd = [
			{ id: 'a', x: 100, y: 100, text: 'Dodoma' },
			{ id: 'b', x: 100, y: 104, text: 'Singida' },
			{ id: 'c', x: 102, y: 102, text: 'Tabora' },
			{ id: 'd', x: 101, y: 101, text: 'Mara' },
			{ id: 'e', x: 101, y: 103, text: 'Geita' }
		];
		const placed = placeLabels(crowd, bounds);
		expect(placed.map((p) => [p.id, p.anchor])).toEqual([
			['a', 'start'],
			['b', 'end'],
			['c', 'middle'],
			['e', 'middle']
		]);
		// c went above its point; d found every side taken (below it touches b's label); e went below.
		expect(placed[2]!.box.y + placed[2]!.box.height).toBeLessThanOrEqual(102 - 5);
		expect(placed[3]!.box.y).toBeGreaterThanOrEqual(103 + 5);
		for (let i = 0; i < placed.length; i++)
			for (let j = i + 1; j < placed.length; j++)
				expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
		// Every placed label stays clear of every point.
		for (const p of placed)
			for (const c of crowd)
				expect(overlaps(p.box, { x: c.x - 5, y: c.y - 5, width: 10, height: 10 })).toBe(false);
	});

	it('labels an `always` point even when other points crowd every side', () => {
		const crowd = [
			{ id: 'national', x: 100, y: 100, text: 'Tanzania', always: true },
			{ id: 'r', x: 112, y: 100, text: 'x' },
			{ id: 'l', x: 88, y: 100, text: 'x' },
			{ id: 'u', x: 100, y: 88, text: 'x' },
			{ id: 'd', x: 100, y: 112, text: 'x' }
		];
		expect(
			placeLabels(crowd.slice(1).concat({ ...crowd[0]!, always: false }), bounds).map((p) => p.id)
		).not.toContain('national');
		const [first] = placeLabels(crowd, bounds);
		expect(first).toMatchObject({ id: 'national', anchor: 'start', x: 108 });
	});

	it('keeps every label inside the bounds', () => {
		const points = Array.from({ length: 40 }, (_, i) => ({
			id: String(i),
			x: (i * 37) % 400,
			y: (i * 53) % 300,
			text: `Region ${i}`
		}));
		for (const p of placeLabels(points, bounds)) {
			expect(p.box.x).toBeGreaterThanOrEqual(0);
			expect(p.box.y).toBeGreaterThanOrEqual(0);
			expect(p.box.x + p.box.width).toBeLessThanOrEqual(400);
			expect(p.box.y + p.box.height).toBeLessThanOrEqual(300);
		}
	});
});
