/**
 * Runs analyst SQL from the SQL panel through the connector: the text checks of sql/userSql.ts
 * with the running engine's own list of file-reading functions, then the query, read-only and
 * bounded (rows, cell length, time).
 */
import { QueryCancelledError, type Connector } from '$lib/db/connector';
import { quoteIdent } from '$lib/db/quote';
import {
	checkUserSqlText,
	DISPLAY_ROW_LIMIT,
	engineMessage,
	fromQuery,
	isAllowedTableFunction,
	isNumericType,
	SqlEngineError,
	type CheckedSql,
	type Relation,
	type ResultCell,
	type ResultColumn,
	type UserSqlResult
} from '$lib/sql/userSql';

/** Table and table-macro names that are not allowed, from the running DuckDB's own catalogue. */
const deniedCache = new WeakMap<Connector, Promise<string[]>>();

function deniedTableFunctions(db: Connector): Promise<string[]> {
	let names = deniedCache.get(db);
	if (!names) {
		names = db
			.query<{ name: string }>(
				`SELECT DISTINCT function_name AS name FROM duckdb_functions()
				 WHERE function_type IN ('table', 'table_macro')`
			)
			.then((rows) => rows.map((r) => r.name).filter((n) => !isAllowedTableFunction(n)));
		names.catch(() => deniedCache.delete(db));
		deniedCache.set(db, names);
	}
	return names;
}

/** Refuses what the text checks can see (see checkUserSqlText), before anything runs. */
export async function checkUserSql(db: Connector, text: string): Promise<CheckedSql> {
	return checkUserSqlText(text, await deniedTableFunctions(db));
}

function plainCell(value: unknown, numeric: boolean): ResultCell {
	if (value === null || value === undefined) return null;
	if (numeric) return typeof value === 'number' ? value : Number(value);
	return String(value);
}

export interface RunOptions {
	/** Rows to fetch at most (one more is asked for, to know that there are more). */
	limit?: number;
	/** Cut text cells to this many characters and report their full length (the screen). */
	cellChars?: number;
	/** Stops the run; it then rejects with the connector's QueryCancelledError. */
	signal?: AbortSignal;
	now?: () => number;
}

async function describe(
	db: Connector,
	body: string,
	signal?: AbortSignal
): Promise<ResultColumn[]> {
	const rows = await db.query<{ column_name: string; column_type: string }>(
		`DESCRIBE SELECT * ${fromQuery(body)}`,
		{ signal }
	);
	return rows.map((r) => ({
		name: String(r.column_name),
		type: String(r.column_type),
		numeric: isNumericType(String(r.column_type))
	}));
}

function positiveInteger(n: number, what: string): number {
	if (!Number.isInteger(n) || n < 1) throw new Error(`bad ${what} ${n}`);
	return n;
}

/**
 * Runs analyst SQL read-only and returns at most `limit` rows. Columns are selected by position
 * (`#1`, `#2`, …) under generated names, so duplicate or odd column names ("1", "__proto__") keep
 * their place; numbers come back as numbers (DECIMAL and 64/128-bit integers as doubles) and every
 * other type as DuckDB's own text for it, cut in SQL when `cellChars` is set so that a huge value
 * never leaves the engine whole.
 */
export async function runUserSql(
	db: Connector,
	text: string,
	options: RunOptions = {}
): Promise<UserSqlResult> {
	const limit = positiveInteger(options.limit ?? DISPLAY_ROW_LIMIT, 'row limit');
	const cellChars =
		options.cellChars === undefined ? null : positiveInteger(options.cellChars, 'cell limit');
	const { signal } = options;
	const now = options.now ?? (() => performance.now());
	const started = now();
	const checked = await checkUserSql(db, text);
	try {
		if (checked.explain) {
			const rows = await db.query(`${checked.explain} SELECT * ${fromQuery(checked.body)}`, {
				signal
			});
			const names = Object.keys(rows[0] ?? { explain_key: null, explain_value: null });
			return {
				columns: names.map((name) => ({ name, type: 'VARCHAR', numeric: false })),
				rows: rows.map((r) => names.map((n) => plainCell(r[n], false))),
				cut: [],
				totalRows: rows.length,
				truncated: false,
				elapsedMs: now() - started
			};
		}
		const columns = await describe(db, checked.body, signal);
		const list = columns.flatMap((c, i) => {
			const cell = `CAST(#${i + 1} AS ${c.numeric ? 'DOUBLE' : 'VARCHAR'})`;
			if (c.numeric || cellChars === null) return [`${cell} AS ${quoteIdent(`c${i}`)}`];
			return [
				`left(${cell}, ${cellChars}) AS ${quoteIdent(`c${i}`)}`,
				`CASE WHEN length(${cell}) > ${cellChars} THEN length(${cell}) END AS ${quoteIdent(`n${i}`)}`
			];
		});
		const rows = await db.query(
			`SELECT ${list.join(', ')} ${fromQuery(checked.body)} LIMIT ${limit + 1}`,
			{ signal }
		);
		const truncated = rows.length > limit;
		const kept = truncated ? rows.slice(0, limit) : rows;
		let totalRows = kept.length;
		if (truncated) {
			const counted = await db.query<{ n: number }>(
				`SELECT count(*) AS n ${fromQuery(checked.body)}`,
				{ signal }
			);
			totalRows = Number(counted[0]?.n ?? 0);
		}
		const cut: UserSqlResult['cut'] = [];
		kept.forEach((r, row) =>
			columns.forEach((_, column) => {
				const length = r[`n${column}`];
				if (typeof length === 'number') cut.push({ row, column, length });
			})
		);
		return {
			columns,
			rows: kept.map((r) => columns.map((c, i) => plainCell(r[`c${i}`], c.numeric))),
			cut,
			totalRows,
			truncated,
			elapsedMs: now() - started
		};
	} catch (error) {
		if (error instanceof QueryCancelledError || error instanceof SqlEngineError) throw error;
		throw new SqlEngineError(engineMessage(error));
	}
}

/** The tables and views the app or the analyst loaded (not DuckDB's own catalogue views). */
export async function listRelations(db: Connector): Promise<Relation[]> {
	const rows = await db.query<{
		schema: string;
		name: string;
		kind: 'table' | 'view';
		column_name: string;
		data_type: string;
	}>(
		`WITH relations AS (
			SELECT database_name, schema_name, table_name AS name, 'table' AS kind
			FROM duckdb_tables() WHERE NOT internal
			UNION ALL
			SELECT database_name, schema_name, view_name, 'view' FROM duckdb_views() WHERE NOT internal
		)
		SELECT r.schema_name AS schema, r.name, r.kind, c.column_name, c.data_type
		FROM relations r
		JOIN duckdb_columns() c
			ON c.database_name = r.database_name AND c.schema_name = r.schema_name AND c.table_name = r.name
		ORDER BY r.schema_name <> 'main', r.schema_name, r.name, c.column_index`
	);
	const byKey = new Map<string, Relation>();
	for (const row of rows) {
		const key = `${row.schema}\u0000${row.name}`;
		let relation = byKey.get(key);
		if (!relation) {
			relation = {
				schema: row.schema,
				name: row.name,
				kind: row.kind,
				columns: [],
				reference:
					row.schema === 'main'
						? quoteIdent(row.name)
						: `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`
			};
			byKey.set(key, relation);
		}
		relation.columns.push({ name: row.column_name, type: row.data_type });
	}
	return [...byKey.values()];
}
