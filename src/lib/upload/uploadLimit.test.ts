import { describe, expect, it } from 'vitest';
import { estimatedRows, lineEnds, MAX_CELLS, tooManyCells } from './uploadLimit';

describe('upload limit', () => {
	it('counts a whole-file sample exactly and scales a partial one by bytes', () => {
		expect(estimatedRows(120, 5_000, 5_000)).toBe(120);
		expect(estimatedRows(10_000, 2_097_152, 2_000)).toBe(10_000);
		// 10,000 records in the first 2 MiB of a 679 MB file: about 3.24 M records.
		expect(estimatedRows(10_000, 2_097_152, 679_000_000)).toBe(3_237_724);
		expect(estimatedRows(0, 0, 10)).toBe(0);
	});

	it('refuses past the cell limit, naming rows and columns, and lets the limit itself in', () => {
		expect(tooManyCells('a.csv', MAX_CELLS / 12, 12, false)).toBeNull();
		const refused = tooManyCells('census.csv', 10_000_000, 14, true);
		expect(refused).toMatchObject({
			file: 'census.csv',
			kind: 'too-many-cells',
			severity: 'error'
		});
		expect(JSON.parse(refused!.detail!)).toEqual({
			rows: 10_000_000,
			columns: 14,
			estimated: true
		});
		// Measured: 6 M × 10 loaded, 7 M × 10 did not; the limit keeps a sixth below what loaded.
		expect(MAX_CELLS).toBe(50_000_000);
		expect(tooManyCells('x', 5_000_000, 10, false)).toBeNull();
		expect(tooManyCells('x', 5_000_001, 10, false)).not.toBeNull();
		expect(tooManyCells('x', 6_000_000, 10, false)).not.toBeNull();
		// bench:upload's 10 M-row file (495.7 MB, under the 512 MB cap) is refused by its cells.
		expect(tooManyCells('x', 10_000_000, 10, true)).not.toBeNull();
	});

	it('counts line ends as LF, or CR in a file that has no LF', () => {
		const bytes = (text: string) => new TextEncoder().encode(text);
		expect(lineEnds(bytes('a,b\r\n1,2\r\n3,4'))).toBe(2);
		expect(lineEnds(bytes('a,b\r1,2\r3,4\r'))).toBe(3);
		expect(lineEnds(bytes('"two\nlines",1\n'))).toBe(2);
		expect(lineEnds(bytes(''))).toBe(0);
	});
});
