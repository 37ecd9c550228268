/**
 * The judge stage of an upload, in SQL: every cell of every column with a role is judged once
 * (judgedQuery), then one SELECT per check over the data rows yields problem rows (row, column,
 * value, kind, detail, severity) into the dataset's problems table (problemsQuery). A row with any
 * 'error' stays out of the dataset and is kept aside for download; 'warning' rows load.
 */
import { quoteIdent } from '$lib/db/quote';
import { unionChecks } from '$lib/sql/ingest';
import type { BoundQuery } from '$lib/db/connector';
import { isMissingSql, isNumberSql, numberSql, trimmedSql } from './numbers';
import {
	col,
	dataRowsSql,
	one,
	roleColumns,
	type DatasetTables,
	type ImportMapping
} from './importSql';
import type { Dialect, RoleGuess, UploadProblemKind } from './types';

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
export function judgedQuery(mapping: ImportMapping, tables: DatasetTables): BoundQuery {
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
export function judge(tables: DatasetTables, k: number, row: string): string {
	const j = `j${k}`;
	return `LEFT JOIN ${quoteIdent(tables.judged)} ${j} ON ${j}.col = ${k} AND ${j}.v IS NOT DISTINCT FROM ${row}.${col(k)}`;
}

/**
 * One SELECT per check over the data rows, UNION ALL'ed into the problems table:
 * (row, col, value, kind, detail, severity). `col` is the 1-based column index or NULL for the row.
 * Needs the judged table (judgedQuery).
 */
export function problemsQuery(mapping: ImportMapping, tables: DatasetTables): BoundQuery {
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
	CASE WHEN m.kind = 'island' THEN ${kind('island-total')} WHEN m.kind IN ('zone', 'national') THEN 'zone-total'
		WHEN d.${r} IS NULL OR trim(d.${r}) = '' THEN ${kind('missing-value')} ELSE ${kind('unknown-region')} END,
	m.code,
	CASE WHEN m.kind = 'island' THEN '${island}' ELSE 'error' END
FROM d LEFT JOIN ${quoteIdent(tables.regions)} m ON m.written = d.${r}
WHERE m.kind IS DISTINCT FROM 'region'${roles.kind === 'indicators' ? ` AND m.kind IS DISTINCT FROM 'national'` : ''}`
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
		const indicator = one(mapping, 'indicator');
		if (indicator !== null) {
			add(
				`SELECT d.__row, ${indicator}, ${cell(indicator)}, ${kind('blank-indicator-name')}, NULL, 'error'
FROM d ${judge(tables, indicator, 'd')} WHERE __fields >= ${indicator} AND j${indicator}.miss`
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

	const body = unionChecks(checks);
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
export function validRowsSql(tables: DatasetTables, headerRow: number): string {
	return `SELECT d.* FROM (${dataRowsSql(tables, headerRow)}) d
ANTI JOIN (SELECT row FROM ${quoteIdent(tables.problems)} WHERE severity = 'error') e ON e.row = d.__row`;
}
