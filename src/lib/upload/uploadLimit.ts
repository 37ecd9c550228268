/**
 * How much a browser tab can import. Staging keeps every cell of the file as text in DuckDB-WASM,
 * whose memory stops at 2.5 GiB (db/lockdown.ts, below the heap's ceiling near 3.1 GiB), and the
 * checks and the typed load need room beside it, so the limit is on cells (rows × columns), not on
 * bytes. Measured with `npm run bench:upload -- --browser-only` on the built site (10-column DHS-like
 * household files, three 0/1 items, 2026-12-05), the file read in place by DuckDB, never copied into
 * its memory: 6 M rows (60 M cells, 295 MB) loaded with Chromium at a 3.2 GB peak; 7 M, 8 M and
 * 10 M rows (70–100 M cells) were staged but ran out of memory in Check and load. The limit keeps a
 * sixth below the largest file that loaded.
 */
import type { UploadProblem } from './types';

export const MAX_CELLS = 50_000_000;

/**
 * Line ends in a sample: LF bytes, or CR bytes in a file with none (old Mac line ends). A quoted
 * line break counts too, so a file of long quoted texts is judged larger than it is, never smaller.
 */
export function lineEnds(bytes: Uint8Array): number {
	let lf = 0;
	let cr = 0;
	for (const b of bytes) {
		if (b === 0x0a) lf++;
		else if (b === 0x0d) cr++;
	}
	return lf > 0 ? lf : cr;
}

/**
 * Rows of the whole file judged from its sample: the sample's count when the sample is the whole
 * file, else scaled by bytes (lines of the sample × file size / sample size).
 */
export function estimatedRows(
	sampleRecords: number,
	sampleBytes: number,
	fileBytes: number
): number {
	if (sampleBytes <= 0) return 0;
	if (fileBytes <= sampleBytes) return sampleRecords;
	return Math.round((sampleRecords * fileBytes) / sampleBytes);
}

/**
 * The refusal of a file with more cells than a tab can hold, naming its rows, columns and the
 * limit (`estimated`: the rows are judged from a sample); else null.
 */
export function tooManyCells(
	file: string,
	rows: number,
	columns: number,
	estimated: boolean
): UploadProblem | null {
	if (rows * columns <= MAX_CELLS) return null;
	return {
		file,
		kind: 'too-many-cells',
		detail: JSON.stringify({ rows, columns, estimated }),
		severity: 'error'
	};
}
