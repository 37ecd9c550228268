import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCancelledError } from '$lib/db/connector';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { loadBundled } from './loadBundled';
import { checkUserSql, listRelations, runUserSql } from './userSql';
import {
	DEFAULT_USER_SQL,
	DISPLAY_ROW_LIMIT,
	engineMessage,
	findFileName,
	findTableFunctionCall,
	isAllowedTableFunction,
	significantRange,
	SqlEngineError,
	SqlRefusedError,
	statementRanges,
	type Refusal
} from '$lib/sql/userSql';
import { quoteLiteral } from '$lib/db/quote';

const dataDir = join(import.meta.dirname, '../../../data');
let db: NativeConnector;

beforeAll(async () => {
	db = await openNativeConnector();
	await loadBundled(db, async (file) => new Uint8Array(readFileSync(join(dataDir, file))));
	// A file DuckDB could read if the guard let it: proves the refusals are not just "file missing".
	await db.registerFile('secret.csv', new TextEncoder().encode('a,b\n1,2\n'));
});
afterAll(() => db.close());

async function refusal(text: string): Promise<Refusal> {
	try {
		await runUserSql(db, text);
	} catch (error) {
		if (error instanceof SqlRefusedError) return error.refusal;
		throw error;
	}
	throw new Error(`expected a refusal for ${text}`);
}

async function engineError(text: string): Promise<string> {
	try {
		await runUserSql(db, text);
	} catch (error) {
		if (error instanceof SqlEngineError) return error.message;
		throw error;
	}
	throw new Error(`expected an engine error for ${text}`);
}

const tableCount = async () =>
	Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM regions'))[0]!.n);

describe('statementRanges', () => {
	it('splits at semicolons outside strings, quoted names, comments and dollar quotes', () => {
		const text = `select ';' , "a;b" -- c;d\n/* e; /* nested; */ f; */ ; $$ g; $$; drop x;`;
		const parts = statementRanges(text).map((r) => text.slice(r.start, r.end));
		expect(parts).toEqual([`select ';' , "a;b"`, '$$ g; $$', 'drop x']);
	});

	it('trims trailing semicolons, comments and whitespace but keeps the statement', () => {
		const text = '  -- lead\n SELECT 1 ;; -- done\n\t';
		const { start, end } = significantRange(text);
		expect(text.slice(start, end)).toBe('SELECT 1');
		expect(significantRange(' ; -- nothing\n')).toEqual({ start: 0, end: 0 });
	});
});

describe('findTableFunctionCall and findFileName', () => {
	const denied = ['read_csv', 'query', 'glob'];
	it.each([
		"SELECT * FROM READ_CSV ('x')",
		`SELECT * FROM "read_csv"('x')`,
		"SELECT * FROM main.read_csv('x')",
		"SELECT * FROM read_csv/* a /* nested */ b */('x')",
		"SELECT * FROM read_csv -- hidden\n('x')",
		"SELECT * FROM query\n\t('SELECT 1')"
	])('finds the call in %s', (text) => {
		expect(findTableFunctionCall(text, denied)).not.toBeNull();
	});
	it.each([
		'SELECT my_read_csv(1)',
		'SELECT read_csv_rows FROM t',
		"SELECT query_count, 'glob' AS g FROM t",
		'SELECT * FROM range(3)'
	])('does not flag %s', (text) => {
		expect(findTableFunctionCall(text, denied)).toBeNull();
	});
	it('finds file names and URLs, quoted or not, and leaves ordinary values alone', () => {
		expect(findFileName("FROM 'data/x.CSV.gz'")).toBe('data/x.CSV.gz');
		expect(findFileName('FROM "s3://bucket/key"')).toBe('s3://bucket/key');
		expect(findFileName("FROM '~/notes'")).toBe('~/notes');
		expect(findFileName('FROM x.parquet')).toBe('.parquet');
		expect(findFileName("SELECT 'TZ-03', 'urban', 4.5, \"upload_a.b\" FROM t")).toBeNull();
	});
	it('finds a file name spelled as quoted name parts, which DuckDB joins with a dot', () => {
		expect(findFileName('FROM "data/regions"."csv"')).toBe('data/regions.csv');
		expect(findFileName('FROM "secret" . "csv"')).toBe('secret.csv');
		expect(findFileName('FROM "secret".csv')).toBe('.csv');
		expect(findFileName('FROM main."regions"')).toBeNull();
	});
});

describe('engineMessage', () => {
	it('keeps DuckDB’s words and hint, drops the LINE pointer and any stack', () => {
		const error = new Error(
			'Catalog Error: Table with name regionz does not exist!\nDid you mean "regions"?\n\nLINE 2: select * from regionz\n                      ^'
		);
		expect(engineMessage(error)).toBe(
			'Catalog Error: Table with name regionz does not exist!\nDid you mean "regions"?'
		);
		expect(engineMessage(new Error('Binder Error: x\n    at Foo (a.js:1:2)'))).toBe(
			'Binder Error: x'
		);
		expect(engineMessage('plain text')).toBe('plain text');
		expect(engineMessage(new Error('x'.repeat(2000))).length).toBe(600);
	});
});

describe('runUserSql: what is allowed', () => {
	it.each([
		['SELECT', 'SELECT name_official FROM regions'],
		['WITH', 'WITH z AS (SELECT zone FROM regions) SELECT DISTINCT zone FROM z'],
		['FROM-first', 'FROM regions SELECT iso_code'],
		['VALUES', 'VALUES (1, 2), (3, 4)'],
		['DESCRIBE', 'DESCRIBE regions'],
		['SUMMARIZE', 'SUMMARIZE regions'],
		['SHOW TABLES', 'SHOW TABLES'],
		['SHOW a table', 'SHOW observations'],
		['EXPLAIN', 'EXPLAIN SELECT * FROM regions'],
		['EXPLAIN ANALYZE', 'explain analyze SELECT count(*) FROM regions'],
		['PIVOT', "PIVOT observations ON area IN ('urban', 'rural') USING avg(value) GROUP BY year"],
		['UNION', '(SELECT 1 AS x) UNION ALL (SELECT 2)'],
		['catalogue functions', 'SELECT table_name FROM duckdb_tables() ORDER BY 1'],
		['information_schema', 'SELECT table_name FROM information_schema.tables'],
		['range', 'SELECT * FROM range(3)'],
		['qualified name', 'SELECT count(*) FROM memory.main.regions'],
		['trailing ; and comment', 'SELECT 1 AS one; -- done'],
		['a string with ; and --', "SELECT 'a; -- b' AS s"]
	])('%s', async (_, text) => {
		const result = await runUserSql(db, text);
		expect(result.columns.length).toBeGreaterThan(0);
		expect(result.rows.length).toBeGreaterThan(0);
	});

	it('returns rows in the query’s order with the count, and the time measured', async () => {
		let clock = 100;
		const result = await runUserSql(
			db,
			'SELECT iso_code, population_2022 FROM regions ORDER BY population_2022 DESC',
			{ limit: DISPLAY_ROW_LIMIT, now: () => (clock += 7.5) }
		);
		const expected = await db.query<{ iso_code: string; population_2022: number }>(
			'SELECT iso_code, population_2022 FROM regions ORDER BY population_2022 DESC'
		);
		expect(result.columns).toEqual([
			{ name: 'iso_code', type: 'VARCHAR', numeric: false },
			{ name: 'population_2022', type: 'BIGINT', numeric: true }
		]);
		expect(result.rows).toEqual(expected.map((r) => [r.iso_code, r.population_2022]));
		expect(result.totalRows).toBe(31);
		expect(result.truncated).toBe(false);
		expect(result.elapsedMs).toBe(7.5);
	});

	it('fetches at most the limit, says so, and counts the whole result', async () => {
		const result = await runUserSql(db, 'SELECT range AS i FROM range(25) ORDER BY i DESC', {
			limit: 10
		});
		expect(result.rows).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15].map((i) => [i]));
		expect(result.truncated).toBe(true);
		expect(result.totalRows).toBe(25);
		const exact = await runUserSql(db, 'FROM range(10)', { limit: 10 });
		expect(exact).toMatchObject({ truncated: false, totalRows: 10 });
		expect(exact.rows).toHaveLength(10);
	});

	it('keeps duplicate and odd column names in place, numbers as numbers, the rest as DuckDB text', async () => {
		const result = await runUserSql(
			db,
			`SELECT 1 AS a, 2 AS a, 3 AS "1", 'x' AS "__proto__", NULL AS n, 12.50::DECIMAL(5,2) AS d,
			 DATE '2024-03-01' AS day, {'k': 1} AS s, [1, 2] AS l, true AS b, 2::HUGEINT AS h`
		);
		expect(result.columns.map((c) => c.name)).toEqual([
			'a',
			'a_1',
			'1',
			'__proto__',
			'n',
			'd',
			'day',
			's',
			'l',
			'b',
			'h'
		]);
		expect(result.rows).toEqual([
			[1, 2, 3, 'x', null, 12.5, '2024-03-01', "{'k': 1}", '[1, 2]', 'true', 2]
		]);
	});

	it('the default query ranks regions by the urban–rural gap, as a separate calculation does', async () => {
		const result = await runUserSql(db, DEFAULT_USER_SQL);
		expect(result.columns.map((c) => c.name)).toEqual([
			'region',
			'urban_pct',
			'rural_pct',
			'gap_pp'
		]);
		const names = new Map(
			(await db.query<{ iso_code: string; name_official: string }>('FROM regions')).map((r) => [
				r.iso_code,
				r.name_official
			])
		);
		// The same pairing and ordering done in JavaScript on the observations' raw rows.
		const obs = await db.query<{ geo_code: string; area: string; value: number }>(
			`SELECT geo_code, area, value FROM observations
			 WHERE indicator_id = 'hh_owns_mobile' AND year = 2024 AND geo_level = 'region'`
		);
		const urban = new Map(obs.filter((o) => o.area === 'urban').map((o) => [o.geo_code, o.value]));
		const rural = new Map(obs.filter((o) => o.area === 'rural').map((o) => [o.geo_code, o.value]));
		const expected = [...urban.entries()]
			.filter(([code]) => rural.has(code))
			.map(([code, u]) => ({ region: names.get(code)!, u, r: rural.get(code)! }))
			.sort((x, y) => y.u - y.r - (x.u - x.r));
		expect(result.rows).toHaveLength(30);
		expect(result.rows.map((r) => r[0])).toEqual(expected.map((e) => e.region));
		for (const [i, e] of expected.entries()) {
			expect(result.rows[i]![1]).toBeCloseTo(e.u, 1);
			expect(result.rows[i]![2]).toBeCloseTo(e.r, 1);
			expect(result.rows[i]![3]).toBeCloseTo(e.u - e.r, 1);
		}
		expect(result.rows.map((r) => r[0])).not.toContain('Dar es Salaam');
	});
});

describe('runUserSql: what is refused', () => {
	it.each([
		['DROP TABLE regions', 'DROP'],
		['DELETE FROM regions', 'DELETE'],
		['INSERT INTO regions SELECT * FROM regions', 'INSERT'],
		["UPDATE regions SET name_en = 'x'", 'UPDATE'],
		['CREATE TABLE t AS SELECT 1', 'CREATE'],
		['CREATE OR REPLACE VIEW observations AS SELECT 1', 'CREATE'],
		["COPY regions TO 'out.csv'", 'COPY'],
		["ATTACH 'other.db' AS other", 'ATTACH'],
		['INSTALL httpfs', 'INSTALL'],
		['LOAD httpfs', 'LOAD'],
		['SET threads = 4', 'SET'],
		['PRAGMA version', 'PRAGMA'],
		['CALL pragma_version()', 'CALL'],
		['CHECKPOINT', 'CHECKPOINT'],
		['ALTER TABLE regions RENAME TO r2', 'ALTER'],
		['  -- comment first\n drop table regions;', 'DROP'],
		['EXPLAIN DROP TABLE regions', 'DROP'],
		["EXPORT DATABASE 'x'", 'EXPORT']
	])('%s', async (text, keyword) => {
		expect(await refusal(text)).toEqual({ kind: 'not-read-only', keyword });
		expect(await tableCount()).toBe(31);
	});

	it('refuses more than one statement, even when each would be allowed', async () => {
		expect(await refusal('SELECT 1; SELECT 2')).toEqual({ kind: 'several-statements', count: 2 });
		expect(await refusal('SELECT * FROM regions; DROP TABLE regions;')).toEqual({
			kind: 'several-statements',
			count: 2
		});
		expect(await refusal('SELECT 1) ; DROP TABLE regions; SELECT (1')).toEqual({
			kind: 'several-statements',
			count: 3
		});
		// The text is a value, not SQL around ours: a closing parenthesis is just a syntax error.
		expect(await engineError('SELECT 1)\nUNION ALL (SELECT 2')).toMatch(/^Parser Error/);
		expect(await tableCount()).toBe(31);
	});

	it('leaves the last word to DuckDB: query() runs one SELECT and nothing else', async () => {
		// Starts like a query, so the text checks let it through; DuckDB refuses it.
		expect(await engineError('WITH x AS (SELECT 1) DELETE FROM regions')).toMatch(
			/^Parser Error: Expected a single SELECT statement/
		);
		expect(await engineError('(DROP TABLE regions)')).toMatch(/^Parser Error/);
		expect(await tableCount()).toBe(31);
	});

	it.each([
		["SELECT * FROM read_csv('secret.csv')", 'read_csv'],
		["SELECT * FROM read_csv_auto('secret.csv')", 'read_csv_auto'],
		["SELECT * FROM read_parquet('https://example.org/x.parquet')", 'read_parquet'],
		["SELECT * FROM read_json('x.json')", 'read_json'],
		["SELECT * FROM read_text('secret.csv')", 'read_text'],
		["SELECT * FROM read_blob('secret.csv')", 'read_blob'],
		["SELECT * FROM glob('*')", 'glob'],
		["SELECT * FROM query('DROP TABLE regions')", 'query'],
		["SELECT * FROM query_table('regions')", 'query_table'],
		['SELECT * FROM duckdb_secrets()', 'duckdb_secrets'],
		["SELECT * FROM sniff_csv('secret.csv')", 'sniff_csv'],
		["SELECT (SELECT count(*) FROM read_csv('secret.csv')) AS n", 'read_csv'],
		["WITH x AS (FROM read_csv('secret.csv')) SELECT * FROM regions", 'read_csv'],
		["SUMMARIZE SELECT * FROM read_csv('secret.csv')", 'read_csv'],
		["SELECT * FROM regions WHERE iso_code IN (SELECT a FROM read_csv('secret.csv'))", 'read_csv']
	])('reads through %s', async (text, name) => {
		expect(await refusal(text)).toEqual({ kind: 'table-function', name });
	});

	it.each([
		["SELECT * FROM 'secret.csv'", 'secret.csv'],
		['SELECT * FROM "secret.csv"', 'secret.csv'],
		["SELECT * FROM 'https://example.org/data.csv'", 'https://example.org/data.csv'],
		["DESCRIBE 'secret.csv'", 'secret.csv'],
		["SUMMARIZE 'secret.csv'", 'secret.csv'],
		["SELECT * FROM '/etc/passwd'", '/etc/passwd'],
		['WITH "secret.csv" AS (SELECT 1) SELECT * FROM "secret.csv"', 'secret.csv'],
		["SELECT * FROM regions JOIN 'secret.csv' ON true", 'secret.csv']
	])('reads a file by name: %s', async (text, name) => {
		expect(await refusal(text)).toEqual({ kind: 'file', name });
	});

	it('allows a loaded table whose name has a dot, since no file is read', async () => {
		await db.native.exec('CREATE TABLE "upload_a.b" AS SELECT 42 AS answer');
		try {
			expect((await runUserSql(db, 'SELECT * FROM "upload_a.b"')).rows).toEqual([[42]]);
		} finally {
			await db.native.exec('DROP TABLE "upload_a.b"');
		}
	});

	it('asks a PIVOT to list its values, which DuckDB would otherwise look up first', async () => {
		expect(await refusal('PIVOT observations ON area USING avg(value)')).toEqual({
			kind: 'pivot-needs-values'
		});
	});

	it('refuses an identifier written with Unicode escapes, which could spell a function', async () => {
		expect(await refusal(`SELECT * FROM U&"\\0072ead_csv"('secret.csv')`)).toEqual({
			kind: 'unicode-escape'
		});
	});

	it('refuses empty text', async () => {
		expect(await refusal('  -- only a comment\n ;')).toEqual({ kind: 'empty' });
	});

	it('checks what it runs: the guard returns the trimmed statement', async () => {
		expect(await checkUserSql(db, '\n SELECT 1;; -- x\n')).toEqual({
			body: 'SELECT 1',
			explain: ''
		});
		expect(await checkUserSql(db, 'EXPLAIN  SELECT 1')).toEqual({
			body: 'SELECT 1',
			explain: 'EXPLAIN'
		});
	});
});

describe('runUserSql: DuckDB’s errors', () => {
	it('gives the parser’s message for a syntax error', async () => {
		expect(await engineError('SELEC 1')).toBe('Parser Error: syntax error at or near "SELEC"');
	});

	it('gives the catalogue’s message with its hint, without the LINE pointer', async () => {
		const message = await engineError('SELECT * FROM regionz');
		expect(message).toMatch(/^Catalog Error: Table with name regionz does not exist!/);
		expect(message).toContain('regions');
		expect(message).not.toMatch(/LINE \d/);
	});

	it('gives the binder’s and the run time’s messages', async () => {
		expect(await engineError('SELECT no_such_column FROM regions')).toMatch(
			/^Binder Error: Referenced column "no_such_column" not found/
		);
		expect(await engineError('SELECT CAST(name_en AS INTEGER) FROM regions')).toMatch(
			/^Conversion Error: Could not convert string 'Dodoma' to INT32/
		);
	});
});

describe('listRelations', () => {
	it('lists every loaded table and view with its columns in order, and the quoted reference', async () => {
		await db.native.exec(
			'CREATE TABLE "upload_7 ""odd""" AS SELECT 1 AS x, 2 AS y; CREATE SCHEMA extra; CREATE VIEW extra.v AS SELECT 1 AS z'
		);
		try {
			const relations = await listRelations(db);
			const names = relations.map((r) => r.name);
			for (const t of [
				'regions',
				'sources',
				'indicator_definitions',
				'observations',
				'survey_households'
			])
				expect(names).toContain(t);
			expect(names).not.toContain('duckdb_tables');
			const regions = relations.find((r) => r.name === 'regions')!;
			expect(regions.kind).toBe('table');
			const expected = await db.query<{ column_name: string }>(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'regions' ORDER BY ordinal_position"
			);
			expect(regions.columns.map((c) => c.name)).toEqual(expected.map((c) => c.column_name));
			expect(regions.columns.find((c) => c.name === 'population_2022')?.type).toBe('BIGINT');
			expect(relations.find((r) => r.name === 'survey_households')?.kind).toBe('view');
			const odd = relations.find((r) => r.name === 'upload_7 "odd"')!;
			expect(odd.reference).toBe('"upload_7 ""odd"""');
			expect((await runUserSql(db, `SELECT * FROM ${odd.reference}`)).rows).toEqual([[1, 2]]);
			const extra = relations.find((r) => r.name === 'v')!;
			expect(extra.reference).toBe('"extra"."v"');
			expect(relations.at(-1)).toBe(extra);
		} finally {
			await db.native.exec('DROP TABLE "upload_7 ""odd"""; DROP VIEW extra.v; DROP SCHEMA extra');
		}
	});
});

describe('runUserSql: the second line of the text checks', () => {
	it('refuses escape strings, which spell ":" and "." after the checks have looked', async () => {
		expect(await refusal("SELECT * FROM E'http\\x3a//127.0.0.1:4399/leak\\x2ecsv'")).toEqual({
			kind: 'escape-string'
		});
		expect(await refusal("SELECT * FROM regions WHERE name_en = e'Arusha'")).toEqual({
			kind: 'escape-string'
		});
		// A name ending in e before a string is not an escape string.
		expect((await runUserSql(db, "SELECT 'x' AS name")).rows).toEqual([['x']]);
	});

	it('refuses a file spelled as quoted name parts', async () => {
		expect(await refusal('SELECT * FROM "data/regions"."csv"')).toEqual({
			kind: 'file',
			name: 'data/regions.csv'
		});
	});

	it('refuses a NUL character', async () => {
		expect(await refusal('SELECT 1 AS \u0000x')).toEqual({ kind: 'nul-character' });
	});

	it('refuses every table function in DuckDB’s catalogue that is not on the read-nothing list', async () => {
		const functions = await db.query<{ name: string }>(
			`SELECT DISTINCT function_name AS name FROM duckdb_functions()
			 WHERE function_type IN ('table', 'table_macro') ORDER BY 1`
		);
		const denied = functions.map((f) => f.name).filter((n) => !isAllowedTableFunction(n));
		// The readers the panel promises to refuse are among them.
		for (const reader of [
			'read_csv',
			'read_parquet',
			'read_json',
			'read_text',
			'read_blob',
			'glob'
		])
			expect(denied).toContain(reader);
		for (const name of denied) {
			expect(await refusal(`SELECT * FROM ${name}('/pengo/x.csv')`)).toEqual({
				kind: 'table-function',
				name
			});
		}
	});
});

describe('the engine refuses what the text checks might miss', () => {
	// These run straight on the connector, past every text check: the lockdown settings hold alone.
	const permission = async (sql: string) =>
		(await db.query(sql).then(
			() => 'ran',
			(e: Error) => e.message
		)) as string;

	it.each([
		"SELECT * FROM read_csv('http://127.0.0.1:9/leak.csv')",
		"SELECT * FROM E'http\\x3a//127.0.0.1:9/leak\\x2ecsv'",
		"SELECT * FROM read_text('/etc/hostname')",
		"SELECT * FROM glob('/*')"
	])('reads no file and no URL: %s', async (sql) => {
		expect(await permission(sql)).toMatch(/Permission Error|disabled by configuration/);
	});

	it.each([
		'SET enable_external_access = true',
		"SET allowed_directories = ['/']",
		'RESET lock_configuration',
		'SET lock_configuration = false',
		"SET memory_limit = '100GB'",
		'SET autoload_known_extensions = true'
	])('cannot be reconfigured: %s', async (sql) => {
		expect(await permission(sql)).toMatch(/configuration has been locked/);
	});

	it('reads no file outside the registered folder, although it exists and is readable', async () => {
		const outside = join(mkdtempSync(join(tmpdir(), 'pengo-outside-')), 'outside.csv');
		writeFileSync(outside, 'a\n1\n');
		expect(await permission(`SELECT * FROM ${quoteLiteral(outside)}`)).toMatch(/Permission Error/);
		expect(await permission(`SELECT * FROM read_csv(${quoteLiteral(outside)})`)).toMatch(
			/Permission Error/
		);
	});

	it('installs and loads no extension', async () => {
		expect(await permission('INSTALL httpfs')).not.toBe('ran');
		expect(await permission('LOAD httpfs')).not.toBe('ran');
	});

	it('still reads a registered file by the path registerFile gives', async () => {
		const path = await db.registerFile('kept.csv', new TextEncoder().encode('a\n7\n'));
		expect(await db.query(`SELECT a FROM read_csv(${quoteLiteral(path)})`)).toEqual([{ a: 7 }]);
		await db.dropFile('kept.csv');
	});
});

describe('runUserSql: bounded results and cancelling', () => {
	it('writes the typed text as a literal DuckDB reads back verbatim', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
				fc.pre(!text.includes('\u0000'));
				const rows = await db.query<{ same: boolean }>({
					sql: `SELECT ${quoteLiteral(text)} = ? AS same`,
					params: [text]
				});
				expect(rows[0]!.same).toBe(true);
			}),
			{ numRuns: 200 }
		);
		expect((await runUserSql(db, "SELECT 'it''s \\x3a' AS t")).rows).toEqual([["it's \\x3a"]]);
	});

	it('cuts long text cells for the screen and reports their full length', async () => {
		const result = await runUserSql(
			db,
			"SELECT repeat('x', 1000000) AS big, 'short' AS s, 42 AS n, NULL AS z",
			{ cellChars: 200 }
		);
		expect(result.rows).toEqual([['x'.repeat(200), 'short', 42, null]]);
		expect(result.cut).toEqual([{ row: 0, column: 0, length: 1_000_000 }]);
		const full = await runUserSql(db, "SELECT repeat('x', 1000) AS big");
		expect(full.rows[0]![0]).toHaveLength(1000);
		expect(full.cut).toEqual([]);
	});

	it('stops an endless query when the signal aborts, and the database answers afterwards', async () => {
		const controller = new AbortController();
		setTimeout(() => controller.abort('person'), 300);
		const endless =
			'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) FROM r';
		const error = await runUserSql(db, endless, { signal: controller.signal }).catch((e) => e);
		expect(error).toBeInstanceOf(QueryCancelledError);
		expect(error).toMatchObject({ reason: 'person', restarted: false });
		expect(await tableCount()).toBe(31);
		const already = await runUserSql(db, 'SELECT 1', { signal: AbortSignal.abort('x') }).catch(
			(e) => e
		);
		expect(already).toBeInstanceOf(QueryCancelledError);
	});
});
