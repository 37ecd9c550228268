/**
 * A Parquet file in the import wizard: step 2 has no dialect to choose, so its "sniff" is what the
 * footer says (columns, rows) and the first rows as they will be staged; the cell limit uses the
 * footer's exact row count.
 */
import type { ParquetPreview } from './parquet.worker';
import { PARQUET_DIALECT } from './parquetSql';
import type { SniffResult } from './sniffClient';
import { PREVIEW_COLUMNS } from './sniff.worker';
import { tooManyCells } from './uploadLimit';
import type { UploadProblem } from './types';

/** The preview step's reading of a Parquet file: header row 1, rows from 2, nothing to guess. */
export function parquetSniff({ facts, rows }: ParquetPreview): SniffResult {
	return {
		encoding: 'utf-8',
		dialect: PARQUET_DIALECT,
		evidence: [],
		header: facts.names.slice(0, PREVIEW_COLUMNS),
		rows,
		columns: facts.names.length,
		rowNumbers: rows.map((_, i) => i + 2),
		sampleRecords: rows.length,
		truncated: facts.rows > rows.length,
		problems: [],
		// No text sample: the cell limit takes the footer's exact row count (parquetTooManyCells).
		sample: { bytes: 0, lineEnds: 0 },
		empty: facts.names.length === 0 ? 'empty' : facts.rows === 0 ? 'header-only' : null
	};
}

/** The refusal of a file with more cells than a tab can hold, from the footer's exact count. */
export function parquetTooManyCells(file: string, preview: ParquetPreview): UploadProblem | null {
	return tooManyCells(file, preview.facts.rows, preview.facts.names.length, false);
}
