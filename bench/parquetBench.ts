// The page's Parquet path, timed: the app's own reader (hyparquet in its worker, Arrow batches into
// DuckDB-WASM's raw text table), then a typed table cast from that text, then the same two queries
// the CSV runs get. Driven by main.ts when scripts/bench.mjs runs with --format parquet.
import { connector } from '../src/lib/db/duckdb';
import { quoteIdent } from '../src/lib/db/quote';
import { datasetTables } from '../src/lib/upload/importSql';
import { parquetBatches, readParquetPreview } from '../src/lib/upload/parquetClient';
import { stageParquetRows } from '../src/lib/upload/parquetStage';
import { SIMPLE_SHARES_SQL, TABLE } from './sharesSql.mjs';

type Row = Record<string, unknown>;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	const value = await work();
	return [value, performance.now() - started];
}

/**
 * `runs` passes over the Parquet file at `url`; `survey` is the app's estimator query. The typed
 * table takes the column types DuckDB gave the CSV (the table the CSV runs left behind).
 */
export async function runWasmParquet(
	url: string,
	runs: number,
	survey: { sql: string; params: readonly (string | number | boolean | null)[] },
	phase: (name: string) => Promise<void>
) {
	const types = await connector.query<{ column_name: string; column_type: string }>(
		`DESCRIBE ${TABLE}`
	);
	const timings: {
		fetchMs: number;
		stageMs: number;
		typeMs: number;
		simpleMs: number;
		surveyMs: number;
	}[] = [];
	let simpleRows: Row[] = [];
	let surveyRows: Row[] = [];
	for (let run = 0; run < runs; run++) {
		await phase(run === 0 ? 'parquet-first' : 'parquet-warm');
		const [file, fetchMs] = await timed(async () => {
			const response = await fetch(url, { cache: 'no-store' });
			if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
			return new File([await response.blob()], 'bench.parquet');
		});
		const meta = { id: `bench_parquet_${run}`, fileName: file.name };
		const raw = datasetTables(meta.id).raw;
		let insertMs = 0;
		const counted = {
			...connector,
			insertArrow: async (table: string, ipc: Uint8Array) => {
				const [, took] = await timed(() => connector.insertArrow!(table, ipc));
				insertMs += took;
			}
		};
		const [facts, footerMs] = await timed(async () => (await readParquetPreview(file)).facts);
		const [, batchesMs] = await timed(async () => {
			const all = { rowStart: 0, rowEnd: facts.rows, indices: null };
			await stageParquetRows(counted, meta, facts.names, parquetBatches(file, all));
		});
		const stageMs = footerMs + batchesMs;
		console.log(
			`parquet run ${run}: footer and preview ${Math.round(footerMs)} ms, batches ${Math.round(batchesMs)} ms of which DuckDB's Arrow inserts ${Math.round(insertMs)} ms`
		);
		const casts = types.map(
			(t, i) => `CAST(NULLIF(c${i + 1}, '') AS ${t.column_type}) AS ${quoteIdent(t.column_name)}`
		);
		const [, typeMs] = await timed(() =>
			connector.query(
				`CREATE OR REPLACE TABLE ${TABLE} AS SELECT ${casts.join(', ')} FROM ${quoteIdent(raw)} WHERE __row > 1`
			)
		);
		await connector.query(`DROP TABLE ${quoteIdent(raw)}`);
		const [simple, simpleMs] = await timed(() => connector.query(SIMPLE_SHARES_SQL));
		const [estimates, surveyMs] = await timed(() => connector.query(survey));
		timings.push({ fetchMs, stageMs, typeMs, simpleMs, surveyMs });
		if (run === 0) [simpleRows, surveyRows] = [simple, estimates];
	}
	const [count] = await connector.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${TABLE}`);
	return { timings, rows: count?.n, simpleRows, surveyRows };
}
