#!/usr/bin/env node
// `npm run bench`: DuckDB-WASM (the app's own module and estimator SQL) vs papaparse + JS in
// Chromium vs native DuckDB on one thread, over one synthetic survey CSV.
//
// Usage: node scripts/bench.mjs [--rows N] [--repeat K] [--seed S] [--source file|http]
//   --rows    households in the CSV (default 1000000); the file is reused for the same N and seed
//   --repeat  warm runs per engine after the first run (default 3); medians are over these
//   --seed    PRNG seed for the data (default 20241129)
//   --source  where the page gets the CSV: `file` (default) as an upload does, from a file input
//             the driver fills as a person would (no HTTP in the path), or `http`, fetched from
//             the same origin (how bundled data arrives)
// Writes only under .bench/ (git-ignored). Needs Chromium: CHROMIUM_PATH or /usr/bin/chromium.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../tests/chromiumFlags.mjs';
import { build } from 'vite';
import { ensureSurveyCsv } from '../bench/generateSurvey.mjs';
import { runNative } from '../bench/nativeDuckdb.mjs';
import { startMemorySampler } from '../bench/processMemory.mjs';
import * as report from '../bench/report.mjs';
import { serveStatic } from '../bench/staticServer.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, '.bench');

function options(argv) {
	const values = { rows: 1_000_000, repeat: 3, seed: 20241129, source: 'file' };
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].replace(/^--/, '');
		if (!(name in values) || !argv[i].startsWith('--')) {
			throw new Error(
				`Unknown option "${argv[i]}". Use --rows N, --repeat K, --seed S or --source file|http.`
			);
		}
		if (name === 'source') {
			const source = argv[++i];
			if (source !== 'file' && source !== 'http') {
				throw new Error(`--source is file or http, not "${source}".`);
			}
			values.source = source;
			continue;
		}
		const value = Number(argv[++i]);
		if (!Number.isInteger(value) || value < (name === 'seed' ? 0 : 1)) {
			throw new Error(`--${name} needs a positive whole number, not "${argv[i]}".`);
		}
		values[name] = value;
	}
	return values;
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function runBrowser(origin, csv, repeat, source, memory) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_FLAGS
	});
	try {
		const page = await browser.newPage();
		const problems = [];
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console: ${message.text()}`);
		});
		await page.exposeFunction('benchPhase', (phase) => memory.phase(phase));
		await page.goto(`${origin}/site/index.html`);
		await page.waitForFunction(() => typeof window.runBench === 'function', null, {
			timeout: 30_000
		});
		// As a person chooses a file: the browser reads it from disk when the page asks.
		if (source === 'file') await page.getByLabel('CSV file').setInputFiles(csv.path);
		try {
			return await page.evaluate((o) => window.runBench(o), {
				csvUrl: `../${csv.name}`,
				repeat,
				source
			});
		} catch (error) {
			throw new Error(`${error.message}\n${problems.join('\n')}`, { cause: error });
		}
	} finally {
		await browser.close();
	}
}

async function main() {
	const { rows, repeat, seed, source } = options(process.argv.slice(2));
	const started = performance.now();
	mkdirSync(OUT, { recursive: true });

	const csv = ensureSurveyCsv(OUT, rows, seed);
	console.log(
		`data: .bench/${csv.name} (${(csv.bytes / 1e6).toFixed(1)} MB, ${rows.toLocaleString('en-US')} rows), ` +
			(csv.reused ? 'reused' : `written in ${csv.seconds.toFixed(1)} s`)
	);

	const builtAt = performance.now();
	await build({ configFile: resolve(ROOT, 'vite.bench.config.ts') });
	console.log(`page: built .bench/site in ${seconds(builtAt)}`);

	const memory = startMemorySampler();
	const server = await serveStatic(OUT);
	let browserResult;
	try {
		browserResult = await runBrowser(server.origin, csv, repeat, source, memory);
	} finally {
		await server.close();
	}
	const csvServed = server.served.get(`/${csv.name}`);
	const native = await runNative(csv.path, browserResult.wasm.surveySql, 1 + repeat, memory.phase);
	memory.phase('after');
	const peaks = memory.stop();

	const result = { ...browserResult, native };
	for (const [engine, count] of [
		['DuckDB-WASM', result.wasm.rows],
		['papaparse', result.papaparse.rows]
	]) {
		if (count !== rows) throw new Error(`${engine} read ${count} rows, expected ${rows}.`);
	}
	const chrome = /Chrome\/(\d+)/.exec(result.userAgent)?.[1] ?? '?';
	const rawPath = resolve(OUT, `result-${rows}.json`);
	const plain = (_key, value) => (typeof value === 'bigint' ? Number(value) : value);
	writeFileSync(rawPath, JSON.stringify({ rows, repeat, seed, csv, result }, plain, '\t'));
	const summary = report.summarise(result);
	const agreement = report.agreementTable(result);

	console.log(
		`\n${rows.toLocaleString('en-US')} rows × 14 columns, ${(csv.bytes / 1e6).toFixed(1)} MB CSV; ` +
			`first run after load, then median of ${repeat} warm runs.\n` +
			`Chromium ${chrome}: DuckDB-WASM ${result.wasm.version} started in ${Math.round(result.wasm.startMs)} ms; ` +
			`native DuckDB ${native.version}, threads=${native.threads}, opened in ${Math.round(native.startMs)} ms.\n`
	);
	console.log(report.timingTable(summary, source));
	console.log('\n' + report.ratioTable(summary));
	console.log('\n' + agreement.text);
	console.log('\n' + report.memoryTable(peaks));
	if (result.wasmHttp.error) console.log(`\nread_csv over HTTP failed: ${result.wasmHttp.error}`);
	if (csvServed) {
		console.log(
			`\nCSV served: ${csvServed.whole} whole-file GETs, ${csvServed.ranges} range GETs, ${csvServed.head} HEADs, ` +
				`${(csvServed.bytes / 1e6).toFixed(0)} MB in all (${((csvServed.bytes / csv.bytes) * 1).toFixed(1)}× the file).`
		);
	}
	if (result.wasm.bytesDetached) {
		console.log(
			'\nnote: registerFile transferred the fetched ArrayBuffer to the DuckDB worker (detached in the page).'
		);
	}
	console.log(
		`\nper-run timings and query results: .bench/result-${rows}.json; total ${seconds(started)}`
	);
	if (!agreement.ok) {
		console.error('The engines disagree by more than 1e-9: see the agreement table.');
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
