// The SQL both DuckDB engines run, written once so the browser and Node time the same text.
// (The app's estimator, surveySharesQuery, is built in the page and its { sql, params } handed to
// Node, so native DuckDB runs exactly the query the app generates.)

import { ITEMS } from './surveyColumns.mjs';

export { ITEMS };

export const TABLE = 'survey';

/** The design the dashboard would pass for this file: one round, 62 strata, clusters of 20. */
export const DESIGN = {
	table: TABLE,
	region: 'region',
	area: 'residence',
	weight: 'weight',
	cluster: 'cluster',
	stratum: 'stratum',
	year: 'year'
};

const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/** Load the CSV into a table with DuckDB's own type detection, as an upload would. */
export function createTableSql(file) {
	return `CREATE OR REPLACE TABLE ${TABLE} AS SELECT * FROM read_csv(${literal(file)}, header = true)`;
}

/** The same table from a Parquet file, its columns typed by the file (native DuckDB's reader). */
export function createParquetTableSql(file) {
	return `CREATE OR REPLACE TABLE ${TABLE} AS SELECT * FROM read_parquet(${literal(file)})`;
}

/** Region × area weighted shares Σ w·y / Σ w over households with a value, one column per item. */
export const SIMPLE_SHARES_SQL = `SELECT region, residence AS area,
	${ITEMS.map(
		(item) => `SUM(weight * ${item}) / SUM(weight) FILTER (WHERE ${item} IS NOT NULL) AS ${item}`
	).join(',\n\t')}
FROM ${TABLE}
GROUP BY region, residence
ORDER BY region, area`;
