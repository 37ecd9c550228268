// `npm run bench -- --format parquet`: the same survey as CSV and as Parquet, ingest + estimates in
// DuckDB-WASM (the CSV by read_csv; the Parquet file by the app's own reader, parquetBench.ts) and
// in native DuckDB on one thread (read_csv, read_parquet), printed as times and ratios of one run.

import { existsSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { median } from './report.mjs';

/** The CSV written as Parquet by native DuckDB (snappy, DuckDB's row groups), reused when newer. */
export async function ensureSurveyParquet(csvPath) {
	const path = csvPath.replace(/\.csv$/, '.parquet');
	if (existsSync(path) && statSync(path).mtimeMs > statSync(csvPath).mtimeMs) {
		return { path, bytes: statSync(path).size };
	}
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const literal = (text) => `'${text.replaceAll("'", "''")}'`;
	await conn.run(
		`COPY (SELECT * FROM read_csv(${literal(csvPath)}, header = true)) TO ${literal(path)} (FORMAT parquet)`
	);
	conn.closeSync();
	db.closeSync();
	return { path, bytes: statSync(path).size };
}

const ms = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** first run and warm median of `pick` over the runs */
const step = (runs, pick) => ({ first: pick(runs[0]), warm: median(runs.slice(1).map(pick)) });

/** The largest difference between two lists of estimate rows (numbers only). */
function largestDifference(a, b) {
	let worst = 0;
	a.forEach((row, i) => {
		for (const [key, value] of Object.entries(row)) {
			const other = b[i]?.[key];
			if (typeof value === 'number' && typeof other === 'number') {
				worst = Math.max(worst, Math.abs(value - other));
			} else if (value !== other && !(value == null && other == null)) worst = Infinity;
		}
	});
	return a.length === b.length ? worst : Infinity;
}

/** The printed comparison; `ok` is false when the Parquet estimates differ from the CSV's. */
export function parquetReport({ wasm, parquet, nativeCsv, nativeParquet, csvBytes, parquetBytes }) {
	const engines = [
		['DuckDB-WASM, CSV (read_csv)', wasm.timings, (r) => r.registerMs + r.createMs],
		[
			'DuckDB-WASM, Parquet (hyparquet → Arrow → text → typed)',
			parquet.timings,
			(r) => r.stageMs + r.typeMs
		],
		['native, CSV (read_csv)', nativeCsv.timings, (r) => r.createMs],
		['native, Parquet (read_parquet)', nativeParquet.timings, (r) => r.createMs]
	];
	const lines = [
		`CSV ${(csvBytes / 1e6).toFixed(1)} MB, Parquet ${(parquetBytes / 1e6).toFixed(1)} MB. ` +
			'Milliseconds, first run / median of the warm runs; ingest excludes the HTTP fetch into the page.',
		''
	];
	const totals = {};
	for (const [name, runs, ingest] of engines) {
		const i = step(runs, ingest);
		const e = step(runs, (r) => r.surveyMs);
		const t = step(runs, (r) => ingest(r) + r.surveyMs);
		totals[name] = t.warm;
		lines.push(
			`${name}: ingest ${ms(i.first)} / ${ms(i.warm)}, estimates ${ms(e.first)} / ${ms(e.warm)}, ` +
				`both ${ms(t.first)} / ${ms(t.warm)}`
		);
	}
	const [wc, wp, nc, np] = engines.map(([name]) => totals[name]);
	lines.push(
		'',
		`Ratios (warm, ingest + estimates): Parquet ÷ CSV in the browser ${ratio(wp, wc)}, natively ${ratio(np, nc)}; ` +
			`browser ÷ native for CSV ${ratio(wc, nc)}, for Parquet ${ratio(wp, np)}.`
	);
	const differences = [
		largestDifference(wasm.surveyRows, parquet.surveyRows),
		largestDifference(nativeCsv.surveyRows, nativeParquet.surveyRows)
	];
	const ok = differences.every((d) => d <= 1e-9);
	lines.push(
		`Estimates from Parquet vs from CSV: largest difference ${differences[0]} in the browser, ${differences[1]} natively.`
	);
	return { text: lines.join('\n'), ok };
}
