import type { DivideIndexRow } from '$lib/data/divideIndex';
import type { CsvCell } from './csvWriter';
import type { DataTable } from './dataCsv';

/**
 * The data behind the divide index: one row per region in rank order (regions without enough
 * components last), the index drawn as its bar, then for each component its raw value and its
 * rescaled score, and the sources. Weights and years go in the README and metadata.
 */
export const INDEX_COLUMNS = ['rank', 'region_code', 'region_name', 'year', 'index'] as const;

/** `hh_owns_mobile:gap` → `hh_owns_mobile_gap`: a column name with no separator to quote. */
export const componentColumn = (id: string) => id.replace(/[^A-Za-z0-9_]+/g, '_');

export function indexDataTable(
	rows: readonly DivideIndexRow[],
	components: readonly { id: string }[],
	year: number | null,
	sourceIds: readonly string[],
	notEnough: string
): DataTable {
	return {
		header: [
			...INDEX_COLUMNS,
			...components.flatMap((c) => [
				`${componentColumn(c.id)}_value`,
				`${componentColumn(c.id)}_score`
			]),
			'source_ids',
			'note'
		],
		rows: rows.map((r): CsvCell[] => [
			r.rank,
			r.iso,
			r.name,
			year,
			r.index,
			...components.flatMap((c) => [r.parts[c.id]?.raw ?? null, r.parts[c.id]?.score ?? null]),
			sourceIds.join(';'),
			r.rank === null ? notEnough : null
		])
	};
}
