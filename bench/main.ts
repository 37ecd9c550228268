// The benchmark page: times the app's own DuckDB module and estimator SQL, and papaparse in a
// worker, against one CSV: the file a person chose (the file input, as an upload gets it) or the
// same file served from the same origin. Driven by scripts/bench.mjs through
// `window.runBench`; every number is wall-clock milliseconds from performance.now().
import { connector } from '../src/lib/db/duckdb';
import { surveySharesQuery } from '../src/lib/sql/surveyEstimates';
import { DESIGN, ITEMS, SIMPLE_SHARES_SQL, createTableSql } from './sharesSql.mjs';
import type { ParseReply } from './parseWorker';
import ParseWorker from './parseWorker.ts?worker';
import { runWasmParquet } from './parquetBench';

export interface BenchOptions {
	/** the CSV, relative to this page */
	csvUrl: string;
	/** warm runs after the first one */
	repeat: number;
	/** the same data as Parquet (--format parquet), relative to this page */
	parquetUrl?: string;
	/** where the bytes come from: the file input (an upload's path) or an HTTP GET of `csvUrl` */
	source: 'file' | 'http';
}

/** The file in the page's file input, set by the driver as a person's choice would. */
function chosenFile(): File {
	const file = (document.getElementById('csv-file') as HTMLInputElement).files?.[0];
	if (!file) throw new Error('No file chosen in #csv-file.');
	return file;
}

/**
 * The CSV for the engine: the chosen File itself, as the page registers a UTF-8 upload that needs
 * no repair (DuckDB reads it in place, nothing copied into the page), or the fetched bytes.
 */
async function csvBytes(
	csvUrl: string,
	source: BenchOptions['source']
): Promise<Uint8Array | File> {
	if (source === 'file') return chosenFile();
	const response = await fetch(csvUrl, { cache: 'no-store' });
	if (!response.ok) throw new Error(`GET ${csvUrl}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

interface WasmRun {
	fetchMs: number;
	registerMs: number;
	createMs: number;
	simpleMs: number;
	surveyMs: number;
}

type Row = Record<string, unknown>;

declare global {
	interface Window {
		runBench: (options: BenchOptions) => Promise<unknown>;
		/** exposed by the driver, which samples Chromium's memory per phase */
		benchPhase?: (phase: string) => Promise<void>;
	}
}

const phase = async (name: string) => window.benchPhase?.(name);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	const value = await work();
	return [value, performance.now() - started];
}

async function runWasm(csvUrl: string, source: BenchOptions['source'], runs: number) {
	await phase('wasm-start');
	const [, startMs] = await timed(() => connector.query('SELECT 1'));
	const [versionRows] = await timed(() => connector.query<{ v: string }>('SELECT version() AS v'));
	const survey = surveySharesQuery(DESIGN, ITEMS);
	const timings: WasmRun[] = [];
	let simpleRows: Row[] = [];
	let surveyRows: Row[] = [];
	let bytesDetached = false;
	for (let run = 0; run < runs; run++) {
		await phase(run === 0 ? 'wasm-first' : 'wasm-warm');
		const [bytes, fetchMs] = await timed(() => csvBytes(csvUrl, source));
		// The connector cannot drop a registered file, so each run registers a new name.
		const file = `bench-${run}.csv`;
		const [path, registerMs] = await timed(() => connector.registerFile(file, bytes));
		bytesDetached ||= bytes instanceof Uint8Array && bytes.byteLength === 0;
		const [, createMs] = await timed(() => connector.query(createTableSql(path)));
		const [simple, simpleMs] = await timed(() => connector.query(SIMPLE_SHARES_SQL));
		const [estimates, surveyMs] = await timed(() => connector.query(survey));
		timings.push({ fetchMs, registerMs, createMs, simpleMs, surveyMs });
		if (run === 0) [simpleRows, surveyRows] = [simple, estimates];
	}
	const [countRows] = await timed(() =>
		connector.query<{ n: number }>('SELECT COUNT(*) AS n FROM survey')
	);
	return {
		version: versionRows[0]?.v,
		startMs,
		rows: countRows[0]?.n,
		bytesDetached,
		timings,
		simpleRows,
		surveyRows,
		surveySql: survey
	};
}

function parseOnce(
	csvUrl: string,
	source: BenchOptions['source']
): Promise<ParseReply & { wallMs: number }> {
	const started = performance.now();
	const worker = new ParseWorker();
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ParseReply>) => {
			worker.terminate();
			if (event.data.ok) resolve({ ...event.data, wallMs: performance.now() - started });
			else reject(new Error(event.data.error));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(`parse worker: ${event.message}`));
		};
		const from =
			source === 'file' ? { file: chosenFile() } : { url: new URL(csvUrl, location.href).href };
		worker.postMessage({ ...from, items: ITEMS });
	});
}

/**
 * DuckDB-WASM reading the CSV straight from its URL (its own HTTP file system, range requests from
 * the DuckDB worker), so the page never holds the bytes and nothing is registered. Not every build
 * can do this without the httpfs extension; the error is reported instead of a time.
 */
async function runWasmOverHttp(csvUrl: string, runs: number) {
	const url = new URL(csvUrl, location.href).href;
	const timings: { createMs: number }[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			await phase(run === 0 ? 'wasm-http-first' : 'wasm-http-warm');
			const [, createMs] = await timed(() => connector.query(createTableSql(url)));
			timings.push({ createMs });
		}
		const rows = await connector.query<{ n: number }>('SELECT COUNT(*) AS n FROM survey');
		return { timings, rows: rows[0]?.n };
	} catch (error) {
		return { timings, error: String(error) };
	}
}

async function runPapaparse(csvUrl: string, source: BenchOptions['source'], runs: number) {
	const timings = [];
	let shares: unknown = [];
	let rows = 0;
	for (let run = 0; run < runs; run++) {
		await phase(run === 0 ? 'papaparse-first' : 'papaparse-warm');
		const reply = await parseOnce(csvUrl, source);
		if (!reply.ok) throw new Error('unreachable');
		const { fetchMs, parseMs, aggregateMs, wallMs } = reply;
		timings.push({ fetchMs, parseMs, aggregateMs, wallMs });
		if (run === 0) [shares, rows] = [reply.shares, reply.rows];
	}
	return { timings, shares, rows };
}

window.runBench = async ({ csvUrl, repeat, source, parquetUrl }: BenchOptions) => {
	const runs = 1 + repeat;
	const wasm = await runWasm(csvUrl, source, runs);
	if (parquetUrl) {
		const parquet = await runWasmParquet(parquetUrl, runs, wasm.surveySql, phase);
		return { userAgent: navigator.userAgent, source, wasm, parquet };
	}
	const wasmHttp = await runWasmOverHttp(csvUrl, runs);
	const papaparse = await runPapaparse(csvUrl, source, runs);
	return { userAgent: navigator.userAgent, source, wasm, wasmHttp, papaparse };
};

document.getElementById('status')!.textContent = 'ready';
