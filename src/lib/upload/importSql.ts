/**
 * SQL that turns an uploaded file's raw text table into checked rows and observations.
 *
 * The raw table (see readSql.ts) has `__row` (the record number as a spreadsheet shows it),
 * `__fields` (fields found in that record) and `c1..cN` holding the exact text of every cell. Every
 * column name here is generated (`c3`), never taken from the file, and still goes through
 * quoteIdent; every value from the file or the person (region spellings, area codes, names) is a
 * bound parameter.
 *
 * Each check yields problem rows (row, column, value, kind, detail, severity). A row with any
 * 'error' stays out of the dataset and is kept aside for download; 'warning' rows load.
 */
import { FLAG_BELOW_N } from '$lib/domain/reliability';
import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import { isMissingSql, isNumberSql, numberSql, trimmedSql } from './numbers';
import type { ColumnAssignment, Dialect, RoleGuess, UploadProblemKind } from './types';

/** What the person decided about every written region name: an ISO code, an island, or nothing. */
export interface RegionDecision {
	written: string;
	/** 'region' → isoCode is set; 'island' → island code (UNGUJA/PEMBA); 'zone' and 'none' are kept aside. */
	kind: 'region' | 'island' | 'zone' | 'none';
	code: string | null;
}

/** Everything needed to rebuild a dataset from its original file. Stored with the file. */
export interface ImportMapping {
	dialect: Dialect;
	/** Number of columns the header (or the widest first record) has. */
	columnCount: number;
	/** Column labels as shown to the person (unique, see headerLabels). */
	labels: string[];
	roles: RoleGuess;
	regions: RegionDecision[];
	unit: 'percent' | 'count' | 'per100';
	/** The indicator name when the table has no indicator column (and for microdata items' prefix). */
	indicatorName: string;
}

/** A dataset id (a UUID or any text) as letters and digits only, for table names and indicator ids. */
export function datasetKey(id: string): string {
	const key = id.toLowerCase().replace(/[^a-z0-9]/g, '');
	if (key.length === 0) throw new Error(`A dataset id needs letters or digits: ${id}`);
	return key;
}

/** Names of the tables one dataset owns, all derived from its id (letters and digits only). */
export function datasetTables(id: string) {
	const key = datasetKey(id);
	return {
		key,
		raw: `upload_${key}_raw`,
		regions: `upload_${key}_regions`,
		problems: `upload_${key}_problems`,
		rows: `upload_${key}`,
		judged: `upload_${key}_judged`,
		source: `upload-${key}`
	};
}

const col = (index: number) => quoteIdent(`c${index}`);

function roleColumns(mapping: ImportMapping, role: ColumnAssignment['role']): ColumnAssignment[] {
	return mapping.roles.columns.filter((c) => c.role === role);
}

function one(mapping: ImportMapping, role: ColumnAssignment['role']): number | null {
	return roleColumns(mapping, role)[0]?.index ?? null;
}

/** The area a cell names, per the person's codes; NULL when it names none. */
function areaSql(expr: string, codes: RoleGuess['areaCodes']): BoundQuery {
	const branches: string[] = [];
	const params: string[] = [];
	for (const area of ['urban', 'rural', 'total'] as const) {
		const list = codes[area].map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
		if (list.length === 0) continue;
		branches.push(
			`WHEN lower(${trimmedSql(expr)}) IN (${list.map(() => '?').join(', ')}) THEN '${area}'`
		);
		params.push(...list);
	}
	if (branches.length === 0) return { sql: 'CAST(NULL AS VARCHAR)', params: [] };
	return { sql: `CASE ${branches.join(' ')} END`, params };
}

/** 1 / 0 for the ways surveys write yes and no, NULL for missing, -1 for anything else. */
function binarySql(expr: string, dialect: Dialect): string {
	const n = numberSql(expr, dialect);
	const t = `lower(${trimmedSql(expr)})`;
	return `CASE WHEN ${isMissingSql(expr, dialect)} THEN NULL
	WHEN ${t} IN ('yes', 'ndiyo', 'true', 'y') THEN 1
	WHEN ${t} IN ('no', 'hapana', 'false', 'n') THEN 0
	WHEN ${n} = 1 THEN 1 WHEN ${n} = 0 THEN 0 ELSE -1 END`;
}

/** Give a staged table its dataset's name (replacing an older table of that name). */
export function renameTableQuery(from: string, to: string): BoundQuery {
	return {
		sql: `DROP TABLE IF EXISTS ${quoteIdent(to)}; ALTER TABLE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`,
		params: []
	};
}

/** The region-decision table of a dataset, from the person's choices (values bound). */
export function regionDecisionsQuery(
	table: string,
	decisions: readonly RegionDecision[]
): BoundQuery {
	if (decisions.length === 0) {
		return {
			sql: `CREATE OR REPLACE TABLE ${quoteIdent(table)} (written VARCHAR, kind VARCHAR, code VARCHAR)`,
			params: []
		};
	}
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
SELECT * FROM (VALUES ${decisions.map(() => '(?, ?, ?)').join(', ')}) t(written, kind, code)`,
		params: decisions.flatMap((d) => [d.written, d.kind, d.code])
	};
}

/** Distinct region cells with how many data rows carry each, for the review screen. */
export function writtenRegionsQuery(
	raw: string,
	regionColumn: number,
	headerRow: number
): BoundQuery {
	return {
		sql: `SELECT ${col(regionColumn)} AS written, count(*) AS rows, min(__row) AS first_row
FROM ${quoteIdent(raw)} WHERE __row > ? AND ${col(regionColumn)} IS NOT NULL AND trim(${col(regionColumn)}) <> ''
GROUP BY ALL ORDER BY first_row`,
		params: [headerRow]
	};
}

function join(parts: readonly BoundQuery[], separator: string): BoundQuery {
	return {
		sql: parts.map((p) => p.sql).join(separator),
		params: parts.flatMap((p) => [...p.params])
	};
}

/** The data rows of the raw table: after the header, without blank lines. */
function dataRowsSql(tables: ReturnType<typeof datasetTables>, headerRow: number): string {
	return `SELECT * FROM ${quoteIdent(tables.raw)} WHERE __row > ${Number(headerRow)} AND NOT (__fields = 1 AND coalesce(c1, '') = '')`;
}

/** Columns whose cells are judged (every role but region, which is matched by name, and ignore). */
function judgedColumns(mapping: ImportMapping): number[] {
	return mapping.roles.columns
		.filter((c) => c.role !== 'ignore' && c.role !== 'region' && c.index <= mapping.columnCount)
		.map((c) => c.index);
}

/**
 * Every distinct text of every column that has a role, judged once: trimmed text, missing,
 * number, yes/no, area, year. A million-row survey holds a few thousand distinct texts per column,
 * so the regular expressions run thousands of times instead of millions; the checks and the typed
 * rows then look cells up here (`jk.v IS NOT DISTINCT FROM d.ck`, so NULL cells are judged too).
 */
export function judgedQuery(
	mapping: ImportMapping,
	tables: ReturnType<typeof datasetTables>
): BoundQuery {
	const { dialect, roles } = mapping;
	const parts: string[] = [];
	const params: (string | number | boolean | null)[] = [];
	for (const k of judgedColumns(mapping)) {
		const a = areaSql('v', roles.areaCodes);
		parts.push(`SELECT ${k} AS col, v, ${trimmedSql('v')} AS t, ${isMissingSql('v', dialect)} AS miss,
	${isNumberSql('v', dialect)} AS isnum, ${numberSql('v', dialect)} AS num, ${binarySql('v', dialect)} AS bin,
	${a.sql} AS area, coalesce(regexp_full_match(${trimmedSql('v')}, '(19|20)[0-9][0-9]'), false) AS yearok
FROM (SELECT DISTINCT ${col(k)} AS v FROM d)`);
		params.push(...a.params);
	}
	const body =
		parts.length > 0
			? parts.join('\nUNION ALL\n')
			: `SELECT NULL::INTEGER AS col, NULL::VARCHAR AS v, NULL::VARCHAR AS t, NULL::BOOLEAN AS miss,
	NULL::BOOLEAN AS isnum, NULL::DOUBLE AS num, NULL::INTEGER AS bin, NULL::VARCHAR AS area, NULL::BOOLEAN AS yearok
WHERE false`;
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(tables.judged)} AS
WITH d AS (${dataRowsSql(tables, dialect.headerRow)})
${body}`,
		params
	};
}

/** `LEFT JOIN` of the judged texts of column k, as alias `j{k}`, onto the row alias given. */
function judge(tables: ReturnType<typeof datasetTables>, k: number, row: string): string {
	const j = `j${k}`;
	return `LEFT JOIN ${quoteIdent(tables.judged)} ${j} ON ${j}.col = ${k} AND ${j}.v IS NOT DISTINCT FROM ${row}.${col(k)}`;
}

/**
 * One SELECT per check over the data rows, UNION ALL'ed into the problems table:
 * (row, col, value, kind, detail, severity). `col` is the 1-based column index or NULL for the row.
 * Needs the judged table (judgedQuery).
 */
export function problemsQuery(
	mapping: ImportMapping,
	tables: ReturnType<typeof datasetTables>
): BoundQuery {
	const { roles, columnCount } = mapping;
	const checks: BoundQuery[] = [];
	const add = (select: string, params: readonly (string | number | boolean | null)[] = []) =>
		checks.push({ sql: select, params: [...params] });
	const kind = (k: UploadProblemKind) => `'${k}'`;
	const cell = (k: number) => `d.${col(k)}`;

	add(
		`SELECT __row, NULL::INTEGER, NULL::VARCHAR, ${kind('ragged-row')}, CAST(__fields AS VARCHAR) || '/' || ?, 'error'
FROM d WHERE __fields <> ?`,
		[String(columnCount), columnCount]
	);

	const region = one(mapping, 'region');
	if (region !== null) {
		const r = col(region);
		const island = roles.kind === 'indicators' ? 'warning' : 'error';
		add(
			`SELECT d.__row, ${region}, d.${r},
	CASE WHEN m.kind = 'island' THEN ${kind('island-total')} WHEN m.kind = 'zone' THEN 'zone-total'
		WHEN d.${r} IS NULL OR trim(d.${r}) = '' THEN ${kind('missing-value')} ELSE ${kind('unknown-region')} END,
	m.code,
	CASE WHEN m.kind = 'island' THEN '${island}' ELSE 'error' END
FROM d LEFT JOIN ${quoteIdent(tables.regions)} m ON m.written = d.${r}
WHERE m.kind IS DISTINCT FROM 'region'`
		);
	}

	const area = one(mapping, 'area');
	if (area !== null) {
		add(
			`SELECT d.__row, ${area}, ${cell(area)}, ${kind('unknown-area')}, NULL, 'error'
FROM d ${judge(tables, area, 'd')} WHERE j${area}.area IS NULL`
		);
	}

	const year = one(mapping, 'year');
	if (year !== null) {
		add(
			`SELECT d.__row, ${year}, ${cell(year)}, ${kind('bad-year')}, NULL, 'error'
FROM d ${judge(tables, year, 'd')} WHERE NOT coalesce(j${year}.yearok, false)`
		);
	}

	if (roles.kind === 'indicators') {
		for (const c of [
			...roleColumns(mapping, 'value'),
			...roleColumns(mapping, 'wide-value'),
			...roleColumns(mapping, 'lower'),
			...roleColumns(mapping, 'upper')
		]) {
			const k = c.index;
			add(
				`SELECT d.__row, ${k}, ${cell(k)}, ${kind('not-number')}, NULL, 'error'
FROM d ${judge(tables, k, 'd')} WHERE __fields >= ${k} AND NOT j${k}.miss AND NOT j${k}.isnum`
			);
			if (mapping.unit === 'percent') {
				add(
					`SELECT d.__row, ${k}, ${cell(k)}, ${kind('percent-out-of-range')}, NULL, 'error'
FROM d ${judge(tables, k, 'd')} WHERE j${k}.num NOT BETWEEN 0 AND 100`
				);
			}
		}
		for (const c of [...roleColumns(mapping, 'value'), ...roleColumns(mapping, 'wide-value')]) {
			const k = c.index;
			add(
				`SELECT d.__row, ${k}, ${cell(k)}, ${kind('missing-value')}, NULL, 'warning'
FROM d ${judge(tables, k, 'd')} WHERE __fields >= ${k} AND j${k}.miss`
			);
		}
		if (region !== null) {
			// One observation per region × area × year × indicator (as far as the file has them).
			const keyed = (['area', 'year', 'indicator'] as const)
				.map((role) => one(mapping, role))
				.filter((k): k is number => k !== null);
			const parts = [
				`d.${col(region)}`,
				...keyed.map((k) => (k === area ? `j${k}.area` : `j${k}.t`))
			];
			add(
				`SELECT __row, NULL::INTEGER, NULL::VARCHAR, ${kind('duplicate-key')}, CAST(first_row AS VARCHAR), 'error'
FROM (SELECT d.__row, min(d.__row) OVER (PARTITION BY ${parts.join(', ')}) AS first_row
	FROM d ${keyed.map((k) => judge(tables, k, 'd')).join(' ')})
WHERE __row > first_row`
			);
		}
	} else {
		const weight = one(mapping, 'weight');
		if (weight !== null) {
			add(
				`SELECT d.__row, ${weight}, ${cell(weight)}, ${kind('bad-weight')}, NULL, 'error'
FROM d ${judge(tables, weight, 'd')} WHERE NOT coalesce(j${weight}.num > 0, false)`
			);
		}
		for (const c of roleColumns(mapping, 'item')) {
			const k = c.index;
			add(
				`SELECT d.__row, ${k}, ${cell(k)}, ${kind('not-binary')}, NULL, 'error'
FROM d ${judge(tables, k, 'd')} WHERE j${k}.bin = -1`
			);
		}
	}

	const body = join(checks, '\nUNION ALL\n');
	return {
		sql: `CREATE OR REPLACE TABLE ${quoteIdent(tables.problems)} AS
WITH d AS (${dataRowsSql(tables, mapping.dialect.headerRow)})
SELECT * FROM (
${body.sql}
) p(row, col, value, kind, detail, severity)
ORDER BY row, col NULLS FIRST`,
		params: body.params
	};
}

/** Data rows without an error, as `v`: the rows that load. */
function validRowsSql(tables: ReturnType<typeof datasetTables>, headerRow: number): string {
	return `SELECT d.* FROM (${dataRowsSql(tables, headerRow)}) d
ANTI JOIN (SELECT row FROM ${quoteIdent(tables.problems)} WHERE severity = 'error') e ON e.row = d.__row`;
}

/**
 * The long rows of an indicator table that passed every check: one per region/island × area ×
 * year × indicator, wide columns unpivoted. `indicator` is the written indicator name.
 */
export function indicatorRowsQuery(
	mapping: ImportMapping,
	tables: ReturnType<typeof datasetTables>
): BoundQuery {
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
WHERE geo_kind IN ('region', 'island')`,
		params
	};
}

/** Indicator ids of a dataset: `up_<id>_<n>` in order of the written names. Ids never hold file text. */
export function indicatorIdsQuery(tables: ReturnType<typeof datasetTables>): BoundQuery {
	return {
		sql: `SELECT indicator, ? || '_' || CAST(row_number() OVER (ORDER BY indicator) AS VARCHAR) AS indicator_id
FROM (SELECT DISTINCT indicator FROM ${quoteIdent(tables.rows)} WHERE indicator IS NOT NULL)
ORDER BY indicator`,
		params: [`up_${tables.key}`]
	};
}

/** The dataset's rows as observations (values bound, ids from indicatorIdsQuery). */
export function insertIndicatorObservationsQuery(
	tables: ReturnType<typeof datasetTables>,
	ids: readonly { indicator: string; indicatorId: string }[],
	unit: ImportMapping['unit']
): BoundQuery {
	if (ids.length === 0) return { sql: 'SELECT 1 WHERE false', params: [] };
	return {
		sql: `INSERT INTO observations
WITH ids(indicator, indicator_id) AS (VALUES ${ids.map(() => '(?, ?)').join(', ')})
SELECT ids.indicator_id, CASE WHEN t.geo_kind = 'island' THEN 'island' ELSE 'region' END, t.geo_code, t.area,
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
export function microdataViewQuery(
	mapping: ImportMapping,
	tables: ReturnType<typeof datasetTables>
): BoundQuery {
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

/** Rows kept aside, with every cell as written and one text of all their errors. */
export function rejectedRowsQuery(
	tables: ReturnType<typeof datasetTables>,
	columnCount: number
): BoundQuery {
	const cells = Array.from({ length: columnCount }, (_, i) => `r.${col(i + 1)}`).join(', ');
	return {
		sql: `SELECT r.__row, ${cells}, p.errors
FROM ${quoteIdent(tables.raw)} r
JOIN (SELECT row, string_agg(kind || CASE WHEN col IS NULL THEN '' ELSE ' (column ' || col || ')' END, '; ' ORDER BY col NULLS FIRST) AS errors
	FROM ${quoteIdent(tables.problems)} WHERE severity = 'error' GROUP BY row) p ON p.row = r.__row
ORDER BY r.__row`,
		params: []
	};
}

/** Everything a dataset added: its observations, definitions, source and tables. */
export function dropDatasetQueries(tables: ReturnType<typeof datasetTables>): BoundQuery[] {
	return [
		{ sql: 'DELETE FROM observations WHERE source_id = ?', params: [tables.source] },
		{
			sql: `DELETE FROM indicator_definitions WHERE source_ids = ?`,
			params: [tables.source]
		},
		{ sql: 'DELETE FROM sources WHERE source_id = ?', params: [tables.source] },
		...[tables.rows, tables.problems, tables.judged, tables.regions, tables.raw].map((t) => ({
			sql: `DROP TABLE IF EXISTS ${quoteIdent(t)}`,
			params: []
		}))
	];
}
