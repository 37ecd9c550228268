/**
 * The load stage of an upload, in SQL: the rows that passed every check (no 'error' in the
 * problems table), typed through the judged texts, into the dataset's rows table and from there
 * into `observations` (indicator tables) or the survey estimator (microdata).
 */
import { FLAG_BELOW_N } from '$lib/domain/reliability';
import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import { col, one, roleColumns, type DatasetTables, type ImportMapping } from './importSql';
import { judge, validRowsSql } from './judgeSql';

/**
 * The long rows of an indicator table that passed every check: one per region/island × area ×
 * year × indicator, wide columns unpivoted. `indicator` is the written indicator name.
 */
export function indicatorRowsQuery(mapping: ImportMapping, tables: DatasetTables): BoundQuery {
	const { roles } = mapping;
	const region = one(mapping, 'region');
	if (region === null) throw new Error('An indicator table needs a region column.');
	const area = one(mapping, 'area');
	const year = one(mapping, 'year');
	const indicator = one(mapping, 'indicator');
	const lower = one(mapping, 'lower');
	const upper = one(mapping, 'upper');
	const params: (string | number | boolean | null)[] = [];
	const yearSql =
		year !== null
			? `CAST(j${year}.t AS INTEGER)`
			: roles.fixedYear !== null
				? String(Number(roles.fixedYear))
				: 'NULL';
	const indicatorSql = indicator !== null ? `j${indicator}.t` : '?';
	const num = (c: number | null) => (c === null ? 'CAST(NULL AS DOUBLE)' : `j${c}.num`);
	const joins = (values: readonly number[]) =>
		[...new Set([area, year, indicator, lower, upper, ...values])]
			.filter((k): k is number => k !== null)
			.map((k) => judge(tables, k, 'v'))
			.join('\n');
	const regionJoin = `JOIN ${quoteIdent(tables.regions)} m ON m.written = v.${col(region)}`;
	const selects: string[] = [];
	for (const value of roleColumns(mapping, 'value')) {
		const areaOf = area !== null ? `j${area}.area` : `'total'`;
		selects.push(`SELECT v.__row, m.kind AS geo_kind, m.code AS geo_code, ${areaOf} AS area, ${yearSql} AS year,
	${indicatorSql} AS indicator, ${num(value.index)} AS value, ${num(lower)} AS lower, ${num(upper)} AS upper
FROM valid v ${regionJoin}
${joins([value.index])}`);
		if (indicator === null) params.push(mapping.indicatorName);
	}
	for (const wide of roleColumns(mapping, 'wide-value')) {
		const w = wide.wide ?? { area: 'total', year: null };
		const wideYear = w.year !== null ? String(Number(w.year)) : yearSql;
		selects.push(`SELECT v.__row, m.kind, m.code, '${w.area === 'urban' ? 'urban' : w.area === 'rural' ? 'rural' : 'total'}', ${wideYear},
	${indicatorSql}, ${num(wide.index)}, CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE)
FROM valid v ${regionJoin}
${joins([wide.index])}`);
		if (indicator === null) params.push(mapping.indicatorName);
	}
	if (selects.length === 0) throw new Error('An indicator table needs at least one value column.');
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(tables.rows)} AS
WITH valid AS (${validRowsSql(tables, mapping.dialect.headerRow)})
SELECT * FROM (
${selects.join('\nUNION ALL\n')}
) t(__row, geo_kind, geo_code, area, year, indicator, value, lower, upper)
WHERE geo_kind IN ('region', 'island', 'national')`,
		params
	};
}

/** Indicator ids of a dataset: `up_<id>_<n>` in order of the written names. Ids never hold file text. */
export function indicatorIdsQuery(tables: DatasetTables): BoundQuery {
	return {
		sql: `SELECT indicator, ? || '_' || CAST(row_number() OVER (ORDER BY indicator) AS VARCHAR) AS indicator_id
FROM (SELECT DISTINCT indicator FROM ${quoteIdent(tables.rows)} WHERE indicator IS NOT NULL)
ORDER BY indicator`,
		params: [`up_${tables.key}`]
	};
}

/** The dataset's rows as observations (values bound, ids from indicatorIdsQuery). */
export function insertIndicatorObservationsQuery(
	tables: DatasetTables,
	ids: readonly { indicator: string; indicatorId: string }[],
	unit: ImportMapping['unit']
): BoundQuery {
	if (ids.length === 0) return { sql: 'SELECT 1 WHERE false', params: [] };
	return {
		sql: `INSERT INTO observations
WITH ids(indicator, indicator_id) AS (VALUES ${ids.map(() => '(?, ?)').join(', ')})
SELECT ids.indicator_id, CASE WHEN t.geo_kind IN ('island', 'national') THEN t.geo_kind ELSE 'region' END, t.geo_code, t.area,
	CAST(t.year AS VARCHAR), t.year, t.value, t.lower, t.upper, NULL, NULL, ?, ?, NULL, NULL
FROM ${quoteIdent(tables.rows)} t JOIN ids USING (indicator)
WHERE t.year IS NOT NULL`,
		params: [...ids.flatMap((i) => [i.indicator, i.indicatorId]), unit, tables.source]
	};
}

/**
 * The survey rows that passed every check, typed for the estimator: ISO region, area code, weight
 * divided as the preset says, each item as 0/1 in `i<k>` (k = column index). Needs the judged table.
 */
export function microdataViewQuery(mapping: ImportMapping, tables: DatasetTables): BoundQuery {
	const { roles } = mapping;
	const region = one(mapping, 'region');
	const area = one(mapping, 'area');
	const weight = one(mapping, 'weight');
	if (region === null || area === null || weight === null) {
		throw new Error('Survey microdata needs region, area and weight columns.');
	}
	const cluster = one(mapping, 'cluster');
	const stratum = one(mapping, 'stratum');
	const year = one(mapping, 'year');
	const items = roleColumns(mapping, 'item').map((c) => c.index);
	const judged = [area, weight, cluster, stratum, year, ...items].filter(
		(k): k is number => k !== null
	);
	const yearSql =
		year !== null ? `CAST(j${year}.t AS INTEGER)` : String(Number(roles.fixedYear ?? 0));
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(tables.rows)} AS
WITH v AS (${validRowsSql(tables, mapping.dialect.headerRow)})
SELECT v.__row, m.code AS region_iso, j${area}.area AS area_code,
	j${weight}.num / ${Number(roles.weightDivisor) || 1} AS weight,
	${cluster !== null ? `j${cluster}.t` : 'NULL'} AS cluster,
	${stratum !== null ? `j${stratum}.t` : 'NULL'} AS stratum,
	${yearSql} AS year${items.map((k) => `,\n\tCAST(j${k}.bin AS DOUBLE) AS ${quoteIdent(`i${k}`)}`).join('')}
FROM v JOIN ${quoteIdent(tables.regions)} m ON m.written = v.${col(region)} AND m.kind = 'region'
${[...new Set(judged)].map((k) => judge(tables, k, 'v')).join('\n')}`,
		params: []
	};
}

/** Small cells in the estimates of one source, reported as warnings (DHS: flag < 25, suppress < 10). */
export function smallCellsQuery(sourceId: string): BoundQuery {
	return {
		sql: `SELECT o.indicator_id, o.geo_code, o.area, o.year, o.n, o.note
FROM observations o
WHERE o.source_id = ? AND o.geo_level = 'region' AND o.n < ${FLAG_BELOW_N}
ORDER BY o.indicator_id, o.geo_code, o.area, o.year`,
		params: [sourceId]
	};
}
