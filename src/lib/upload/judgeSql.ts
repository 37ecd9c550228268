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
	let dk: string | null = null;
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
			dk = duplicateKeysSql(mapping, tables, region);
			checks.push(...duplicateChecks(mapping));
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
WITH d AS (${dataRowsSql(tables, mapping.dialect.headerRow)})${dk ? `,\ndk AS (${dk})` : ''}
SELECT * FROM (
${body.sql}
) p(row, col, value, kind, detail, severity)
ORDER BY row, col NULLS FIRST`,
		params: body.params
	};
}

/** Columns whose numbers make an observation: a later row with the same key must repeat them. */
function observedColumns(mapping: ImportMapping): number[] {
	return (['value', 'wide-value', 'lower', 'upper'] as const).flatMap((role) =>
		roleColumns(mapping, role).map((c) => c.index)
	);
}

/**
 * The data rows of an indicator table with their observation key (region as written, area, year,
 * indicator, as far as the file has them): `first_row` of the key, the key as text, and per
 * observed column k the cell (`v{k}`), the first row's cell (`f{k}`) and whether they differ
 * (`x{k}`; numbers compared as numbers, so 30 and 30.0 agree). Needs `d` and the judged table.
 */
function duplicateKeysSql(mapping: ImportMapping, tables: DatasetTables, region: number): string {
	const area = one(mapping, 'area');
	const keyed = (['area', 'year', 'indicator'] as const)
		.map((role) => one(mapping, role))
		.filter((k): k is number => k !== null);
	const parts = [`d.${col(region)}`, ...keyed.map((k) => (k === area ? `j${k}.area` : `j${k}.t`))];
	const keyText = `concat_ws(', ', trim(d.${col(region)}), ${keyed.map((k) => `j${k}.t`).join(', ') || 'NULL'})`;
	const observed = observedColumns(mapping);
	const compared = (k: number) =>
		`CASE WHEN j${k}.isnum THEN CAST(j${k}.num AS VARCHAR) ELSE j${k}.t END`;
	const columns = observed.map(
		(k) => `d.${col(k)} AS v${k}, first_value(d.${col(k)}) OVER w AS f${k},
	${compared(k)} IS DISTINCT FROM first_value(${compared(k)}) OVER w AS x${k}`
	);
	return `SELECT d.__row, min(d.__row) OVER w AS first_row, ${keyText} AS key_text${columns.map((c) => `,\n\t${c}`).join('')}
FROM d ${[...new Set([...keyed, ...observed])].map((k) => judge(tables, k, 'd')).join(' ')}
WINDOW w AS (PARTITION BY ${parts.join(', ')} ORDER BY d.__row)`;
}

/**
 * A later row with the key of an earlier one: when it repeats every observed value, a
 * 'repeated-row' warning (detail: the first row) and the repeat is skipped; when a value differs, a
 * 'conflicting-duplicate' error for each column that differs, naming both rows and both values
 * (detail: first row, first value and the key, parted by U+001F). The first row is kept.
 */
function duplicateChecks(mapping: ImportMapping): BoundQuery[] {
	const observed = observedColumns(mapping);
	const differs = observed.map((k) => `x${k}`).join(' OR ') || 'false';
	return [
		...observed.map((k) => ({
			sql: `SELECT __row, ${k}, v${k}, 'conflicting-duplicate',
	CAST(first_row AS VARCHAR) || chr(31) || coalesce(f${k}, '') || chr(31) || key_text, 'error'
FROM dk WHERE __row > first_row AND x${k}`,
			params: []
		})),
		{
			sql: `SELECT __row, NULL::INTEGER, NULL::VARCHAR, 'repeated-row', CAST(first_row AS VARCHAR), 'warning'
FROM dk WHERE __row > first_row AND NOT (${differs})`,
			params: []
		}
	];
}

/** The detail of a 'conflicting-duplicate' problem: the kept row, its value and the key as text. */
export function conflictDetail(detail: string): { row: string; value: string; key: string } {
	const [row = '', value = '', ...key] = detail.split('\u001f');
	return { row, value, key: key.join('\u001f') };
}

/**
 * Data rows that load, as `v`: no error, and not the repeat of an earlier row (its observation is
 * already there).
 */
export function validRowsSql(tables: DatasetTables, headerRow: number): string {
	return `SELECT d.* FROM (${dataRowsSql(tables, headerRow)}) d
ANTI JOIN (SELECT row FROM ${quoteIdent(tables.problems)} WHERE severity = 'error' OR kind = 'repeated-row') e ON e.row = d.__row`;
}
