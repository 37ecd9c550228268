// Native DuckDB (@duckdb/node-api) on one thread: the same ingest and the same two queries the
// page runs in DuckDB-WASM, so the two engines differ only in how they are built and hosted.

import { DuckDBInstance } from '@duckdb/node-api';
import { SIMPLE_SHARES_SQL, createTableSql } from './sharesSql.mjs';

async function timed(work) {
	const started = performance.now();
	const value = await work();
	return [value, performance.now() - started];
}

/**
 * `runs` timed passes over the CSV at `path`; the first is the first after the database opened.
 * `survey` is the { sql, params } the page got from the app's surveySharesQuery.
 */
export async function runNative(path, survey, runs, onPhase = () => {}, create = createTableSql) {
	onPhase('native-start');
	const [{ instance, connection }, startMs] = await timed(async () => {
		const db = await DuckDBInstance.create(':memory:', { threads: '1' });
		const conn = await db.connect();
		await conn.run('SET threads = 1');
		return { instance: db, connection: conn };
	});
	const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
	const threads = (
		await connection.runAndReadAll("SELECT current_setting('threads') AS t")
	).getRowObjectsJS()[0].t;
	const timings = [];
	let simpleRows = [];
	let surveyRows = [];
	for (let run = 0; run < runs; run++) {
		onPhase(run === 0 ? 'native-first' : 'native-warm');
		const [, createMs] = await timed(() => connection.run(create(path)));
		const [simple, simpleMs] = await timed(async () =>
			(await connection.runAndReadAll(SIMPLE_SHARES_SQL)).getRowObjectsJS()
		);
		const [estimates, surveyMs] = await timed(async () =>
			(await connection.runAndReadAll(survey.sql, [...survey.params])).getRowObjectsJS()
		);
		timings.push({ createMs, simpleMs, surveyMs });
		if (run === 0) [simpleRows, surveyRows] = [simple, estimates];
	}
	connection.closeSync();
	instance.closeSync();
	return { version, threads: Number(threads), startMs, timings, simpleRows, surveyRows };
}
