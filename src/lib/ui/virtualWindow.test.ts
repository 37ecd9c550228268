import { describe, expect, it } from 'vitest';
import { virtualWindow } from './virtualWindow';

const base = { rowCount: 10_000, rowHeight: 25, viewport: 500, overscan: 10 };
/** The window that draws rows `start` to `end` of the base table, the rest as spacers. */
const drawn = (start: number, end: number) => ({
	start,
	end,
	before: start * 25,
	after: (10_000 - end) * 25
});

describe('virtualWindow', () => {
	it('draws the rows in view and the overscan below them at the top', () => {
		// 500 px show rows 0–19; 10 more below.
		expect(virtualWindow({ ...base, scrolled: 0 })).toEqual(drawn(0, 30));
	});

	it('draws the overscan on both sides in the middle', () => {
		// Scrolled by 1000 px (40 rows): rows 40–59 in view, 30–69 drawn.
		expect(virtualWindow({ ...base, scrolled: 1000 })).toEqual(drawn(30, 70));
		// Half a row further: row 40 is partly hidden, row 60 partly shown.
		expect(virtualWindow({ ...base, scrolled: 1012 })).toMatchObject({ start: 30, end: 71 });
	});

	it('stops at the last row, and the heights always add up to the whole table', () => {
		const bottom = virtualWindow({ ...base, scrolled: 10_000 * 25 - 500 });
		expect(bottom).toEqual(drawn(9970, 10_000));
		for (const scrolled of [-300, 0, 7, 1234, 99_999, 10_000 * 25, 10_000_000]) {
			const w = virtualWindow({ ...base, scrolled });
			expect(w.before + (w.end - w.start) * 25 + w.after).toBe(10_000 * 25);
			expect(w.start).toBeGreaterThanOrEqual(0);
			expect(w.end).toBeLessThanOrEqual(10_000);
			expect(w.end).toBeGreaterThanOrEqual(w.start);
		}
	});

	it('draws from the first row while the table’s top is still below the view’s top', () => {
		// The caption and header take the first 60 px of the view.
		expect(virtualWindow({ ...base, scrolled: -60 })).toMatchObject({ start: 0, end: 28 });
	});

	it('bounds the rows drawn by the view, whatever the table holds', () => {
		for (const rowCount of [300, 10_000, 1_000_000]) {
			const w = virtualWindow({ ...base, rowCount, scrolled: 5000 });
			expect(w.end - w.start).toBeLessThanOrEqual(500 / 25 + 2 * 10 + 1);
		}
	});

	it('copes with an empty table, an unmeasured row and a zero-height view', () => {
		expect(virtualWindow({ ...base, rowCount: 0, scrolled: 0 })).toEqual({
			start: 0,
			end: 0,
			before: 0,
			after: 0
		});
		expect(virtualWindow({ ...base, rowHeight: 0, scrolled: 0 })).toMatchObject({ start: 0 });
		expect(virtualWindow({ ...base, viewport: 0, scrolled: 0 })).toMatchObject({
			start: 0,
			end: 10
		});
	});
});
