import { writeCsv } from '$lib/export/csvWriter';
import type { UserSqlResult } from '$lib/sql/userSql';

/** A UTF-8 BOM first, so spreadsheet programs read Kiswahili and other non-ASCII text correctly. */
const BOM = '\uFEFF';

/**
 * The result as CSV: DuckDB's column names as the header, numbers as numbers, NULL as an empty
 * cell, and text that a spreadsheet would run as a formula neutralised (OWASP).
 */
export function resultCsv(result: Pick<UserSqlResult, 'columns' | 'rows'>): string {
	return (
		BOM +
		writeCsv(
			result.columns.map((c) => c.name),
			result.rows
		)
	);
}
