import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	boxesOverlap,
	insideRings,
	labelBox,
	pathRings,
	placeExportLabels,
	type ExportLabel
} from './exportLabels';
import type { MapDrawing } from './mapDrawing';

const root = join(import.meta.dirname, '../../..');
const drawing = JSON.parse(
	readFileSync(join(root, 'static/geo/tanzania-regions.drawing.json'), 'utf8')
) as MapDrawing;
/** Official names from the region table: iso_code and name_official are its 2nd and 3rd columns. */
const names: Record<string, string> = Object.fromEntries(
	readFileSync(join(root, 'data/regions.csv'), 'utf8')
		.trim()
		.split(/\r?\n/)
		.slice(1)
		.map((line) => line.split(','))
		.map((cells) => [cells[1]!, cells[2]!])
);
const SMALL = ['TZ-02', 'TZ-06', 'TZ-07', 'TZ-10', 'TZ-11', 'TZ-15'];

describe('pathRings and insideRings', () => {
	it('read M/L/Z paths and count a point inside by the even-odd rule', () => {
		// A 10 × 10 square with a 2 × 2 hole, and an island square beside it.
		const rings = pathRings('M0,0L10,0L10,10L0,10ZM4,4L6,4L6,6L4,6ZM20,0L22,0L22,2L20,2Z');
		expect(rings).toHaveLength(3);
		expect(insideRings(rings, [1, 1])).toBe(true);
		expect(insideRings(rings, [5, 5])).toBe(false);
		expect(insideRings(rings, [21, 1])).toBe(true);
		expect(insideRings(rings, [15, 1])).toBe(false);
	});
});

describe('labelBox', () => {
	it('is centred on a middle anchor and starts at a start anchor', () => {
		// 4 letters × 10 px × 0.5 = 20 px wide, 12 px tall (0.6 em each side of the baseline's middle).
		const middle = labelBox({ x: 50, y: 20, anchor: 'middle', name: 'Mara' }, 10, 0.5);
		expect(middle).toEqual({ left: 40, right: 60, top: 14, bottom: 26 });
		const start = labelBox({ x: 50, y: 20, anchor: 'start', name: 'Mara' }, 10, 0.5);
		expect(start.left).toBe(50);
		expect(boxesOverlap(middle, start)).toBe(true);
		expect(boxesOverlap(middle, { left: 60, right: 70, top: 14, bottom: 26 })).toBe(false);
	});
});

/** What a reader of the printed map needs, checked for one size of map. */
function checkLayout(scale: number, fontSize: number, height: number) {
	const layout = placeExportLabels(drawing, names, { scale, fontSize, height });
	const byIso = new Map(layout.labels.map((l) => [l.iso, l]));
	// Every region, once, by its own name.
	expect([...byIso.keys()].sort()).toEqual(Object.keys(names).sort());
	expect(layout.labels).toHaveLength(31);
	for (const l of layout.labels) expect(l.name).toBe(names[l.iso]);
	const rings = new Map(drawing.regions.map((r) => [r.iso, pathRings(r.d)]));
	const inOwn = (l: ExportLabel, x: number, y: number) =>
		insideRings(rings.get(l.iso)!, [x / scale, y / scale]);
	for (const l of layout.labels) {
		if (l.leader) {
			// The leader starts inside its own region and ends at its name, in the column.
			expect(inOwn(l, l.leader.x1, l.leader.y1), `${l.name} leader`).toBe(true);
			expect([l.leader.x2, l.leader.y2]).toEqual([layout.columnX - 4, l.y]);
			expect(l.x).toBeGreaterThanOrEqual(drawing.width * scale);
		} else {
			// A name on the map sits on its own region.
			expect(inOwn(l, l.x, l.y), `${l.name} anchor`).toBe(true);
		}
	}
	// No two names overlap, and every name is inside the figure's height.
	const boxes = layout.labels.map((l) => labelBox(l, fontSize));
	// A leader line crosses no other name on its way.
	for (const l of layout.labels) {
		if (!l.leader) continue;
		const { x1, y1, x2, y2 } = l.leader;
		for (const [j, box] of boxes.entries()) {
			if (layout.labels[j]!.iso === l.iso) continue;
			for (let t = 0; t <= 1; t += 1 / 64) {
				const [x, y] = [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
				const inBox = x > box.left && x < box.right && y > box.top && y < box.bottom;
				expect(inBox, `${l.name}'s leader crosses ${layout.labels[j]!.name}`).toBe(false);
			}
		}
	}
	for (const [i, a] of boxes.entries()) {
		expect(a.top, layout.labels[i]!.name).toBeGreaterThanOrEqual(0);
		expect(a.bottom, layout.labels[i]!.name).toBeLessThanOrEqual(height);
		for (const b of boxes.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
	}
	return { layout, byIso };
}

describe('placeExportLabels on the Tanzania drawing', () => {
	it('gives Dar es Salaam and the five Zanzibar regions leader lines, north to south', () => {
		const { layout, byIso } = checkLayout(0.6, 11, 600);
		for (const iso of SMALL) expect(byIso.get(iso)!.leader, names[iso]).not.toBeNull();
		const column = layout.labels.filter((l) => l.leader).map((l) => l.iso);
		// Pemba (north) above Unguja above Dar es Salaam: the leaders do not cross.
		expect(column.indexOf('TZ-06')).toBeLessThan(column.indexOf('TZ-07'));
		expect(column.indexOf('TZ-07')).toBeLessThan(column.indexOf('TZ-02'));
		const ys = layout.labels.filter((l) => l.leader).map((l) => l.y);
		expect(ys).toEqual([...ys].sort((a, b) => a - b));
		// Large regions keep their names on the map.
		expect(byIso.get('TZ-24')!.leader).toBeNull();
		expect(byIso.get('TZ-16')!.leader).toBeNull();
	});

	it('labels every region at every size an export draws, from a slide to A4', () => {
		// A 16:9 slide leaves the map about 330 px of height; a square about 400; A4 about 700.
		for (const [scale, height] of [
			[0.33, 330],
			[0.4, 400],
			[0.5, 500],
			[0.7, 700],
			[1.1, 1100]
		] as const)
			checkLayout(scale, 11, height);
	});
});
