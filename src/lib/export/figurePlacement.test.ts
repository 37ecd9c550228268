import { describe, expect, it } from 'vitest';
import {
	COLUMN_GAP,
	columnStrips,
	largestFigure,
	MIN_FONT,
	placeFigure,
	ROW_FONT,
	rowBandsFromCentres,
	rowsPerColumn,
	type RowBands
} from './figurePlacement';

/** The explorer's bar chart of 31 regions: 40 px head, 22 px rows, 12 px foot. */
const BARS: RowBands = { top: 40, rowHeight: 22, count: 31, height: 40 + 31 * 22 + 12 };

describe('rowsPerColumn', () => {
	it('fills the first columns first', () => {
		expect(rowsPerColumn(31, 1)).toEqual([31]);
		expect(rowsPerColumn(31, 2)).toEqual([16, 15]);
		expect(rowsPerColumn(31, 3)).toEqual([11, 11, 9]);
		expect(rowsPerColumn(2, 3)).toEqual([1, 1]);
	});
});

describe('columnStrips', () => {
	it('gives each column the head, its rows moved up under it, and the foot under them', () => {
		const strips = columnStrips(BARS, 2);
		expect(strips).toEqual([
			{ column: 0, y0: 0, y1: 40, dy: 0 },
			{ column: 0, y0: 40, y1: 40 + 16 * 22, dy: 0 },
			// The foot (y 722–734) goes up by the 15 rows of the other column: under row 16.
			{ column: 0, y0: 722, y1: 734, dy: -15 * 22 },
			{ column: 1, y0: 0, y1: 40, dy: 0 },
			// Rows 17–31 (y 392–722) move up by 16 rows, to start at y 40.
			{ column: 1, y0: 392, y1: 722, dy: -16 * 22 },
			{ column: 1, y0: 722, y1: 734, dy: -16 * 22 }
		]);
	});
});

describe('placeFigure', () => {
	it('keeps a figure whole and scales it to fit when it has no rows', () => {
		const p = placeFigure({ width: 400, height: 300 }, { width: 800, height: 300 });
		expect(p).toMatchObject({ scale: 1, columns: 1, width: 400, height: 300, strips: [] });
	});

	it('sets 31 rows in two columns on a 16:9 slide, with row text no smaller than the minimum', () => {
		// A 640-wide chart in the room a 960 × 540 slide leaves (928 × 310): in one column its
		// rows would be 310 / 734 × 12 = 5.1 px; in two, min(452 / 640, 310 / 404) × 12 = 8.5 px.
		const p = placeFigure(
			{ width: 640, height: BARS.height, rows: BARS },
			{ width: 928, height: 310 }
		);
		expect(p.columns).toBe(2);
		expect(p.scale).toBeCloseTo((928 - COLUMN_GAP) / 2 / 640, 6);
		expect(ROW_FONT * p.scale).toBeGreaterThanOrEqual(MIN_FONT);
		expect(p.width).toBeCloseTo(928, 6);
		expect(p.height).toBeCloseTo((40 + 16 * 22 + 12) * p.scale, 6);
		// One column would have been unreadable: that is why the columns.
		expect((ROW_FONT * 310) / BARS.height).toBeLessThan(MIN_FONT);
	});

	it('keeps one column where it reads best (A4 portrait)', () => {
		const p = placeFigure(
			{ width: 640, height: BARS.height, rows: BARS },
			{ width: 795, height: 950 }
		);
		expect(p.columns).toBe(1);
		expect(p.scale).toBeCloseTo(Math.min(795 / 640, 950 / BARS.height), 6);
	});
});

describe('largestFigure', () => {
	it('picks the drawing whose rows read largest: a narrow chart in two columns on a square', () => {
		const area = { width: 508, height: 270 };
		const wide = { width: 900, height: BARS.height, rows: BARS };
		const narrow = { width: 340, height: BARS.height, rows: BARS };
		expect(largestFigure([wide, narrow], area)).toBe(1);
		// 900 wide: 1 column by height, 270 / 734 × 12 = 4.4 px. 340 wide, 2 columns:
		// min(484 / 2 / 340, 270 / 404) × 12 = 8.0 px.
		expect(ROW_FONT * placeFigure(wide, area).scale).toBeLessThan(MIN_FONT);
		expect(ROW_FONT * placeFigure(narrow, area).scale).toBeGreaterThanOrEqual(MIN_FONT);
		expect(largestFigure([narrow, narrow], area)).toBe(0);
	});
});

describe('rowBandsFromCentres', () => {
	it('reads evenly spaced rows, and refuses uneven ones', () => {
		expect(rowBandsFromCentres([51, 73, 95], 118)).toEqual({
			top: 40,
			rowHeight: 22,
			count: 3,
			height: 118
		});
		expect(rowBandsFromCentres([51, 73, 96], 118)).toBeNull();
		expect(rowBandsFromCentres([51], 118)).toBeNull();
	});
});
