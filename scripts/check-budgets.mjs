#!/usr/bin/env node
// `npm run budgets`: the bytes of a first visit to the built explorer against budgets.json. Bytes
// only, never times, so a busy machine cannot make it fail: one cold, unthrottled load in
// Chromium; every request that started before the first coloured map counts whole.
//
//   bytesBeforeFirstMap    everything requested before the map showed colours
//   wasmBeforeFirstMap     whether a .wasm request may start before it (false: none may)
//   jsBytesBeforeFirstMap  the JavaScript among those requests
//   firstVisitBytes        everything until the network has been quiet for 2 s
//
// Sizes are brotli sizes: what the server sent when it sent brotli (scripts/serve.mjs with a
// precompressed build); otherwise (vite preview sends none) each body is compressed here, brotli
// quality 11, as a precompressed build would hold it, plus the response headers received.
//
// Usage: node scripts/check-budgets.mjs [--port P] [--no-build]
//   --port      local port (default 4576)
//   --no-build  check build/ as it is
// Exits 1 naming each figure over its budget, or when it could not measure.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	brotliBytes,
	buildSite,
	coldLoad,
	kB,
	largestBefore,
	launchChromium,
	readOptions,
	ROOT,
	serveSite,
	transferFigures,
	wireBytes
} from './loadMetrics.mjs';

const BUDGET_FILE = 'budgets.json';

async function main() {
	const opts = readOptions(process.argv.slice(2), { port: 4576, 'no-build': false }, (_, value) =>
		Number.isInteger(value) && value > 0 ? null : 'a positive whole number'
	);
	const budgets = JSON.parse(readFileSync(join(ROOT, BUDGET_FILE), 'utf8'));
	for (const key of ['bytesBeforeFirstMap', 'jsBytesBeforeFirstMap', 'firstVisitBytes']) {
		if (!Number.isFinite(budgets[key])) throw new Error(`${BUDGET_FILE} has no number for ${key}.`);
	}
	if (typeof budgets.wasmBeforeFirstMap !== 'boolean') {
		throw new Error(`${BUDGET_FILE}: wasmBeforeFirstMap must be true or false.`);
	}
	if (!opts['no-build']) {
		console.log('building (npm run build)…');
		buildSite();
	}
	const site = await serveSite(opts.port);
	const browser = await launchChromium();
	let load;
	let bytesOf;
	try {
		load = await coldLoad(browser, `${site.origin}/`, { timeoutMs: 120_000, idleMs: 2_000 });
		// Bodies are fetched again for the brotli estimate, so the server stays up until then.
		bytesOf = load.requests.some((r) => r.encoding === 'br')
			? wireBytes
			: await brotliBytes(load.requests);
	} finally {
		await browser.close();
		await site.stop();
	}
	if (load.mapAt === null) {
		console.error(`Could not measure: the explorer showed no coloured map within 120 s.`);
		console.error(load.problems.join('\n'));
		process.exit(1);
	}

	console.log(`site: build/ served by ${site.name}`);
	console.log(
		bytesOf === wireBytes
			? 'sizes: as the server sent them (brotli), encoded body + response headers'
			: 'sizes: the server sent no brotli, so each response body was brotli-compressed here ' +
					'(quality 11, as a precompressed build holds it), plus the response headers received'
	);
	const figures = transferFigures(load.requests, load.mapAt, bytesOf);

	const checks = [
		['bytes before the first coloured map', 'bytesBeforeFirstMap', figures.bytesBeforeMap],
		['JavaScript before the first coloured map', 'jsBytesBeforeFirstMap', figures.jsBytesBeforeMap],
		['first visit, until the network is quiet', 'firstVisitBytes', figures.firstVisitBytes]
	].map(([figure, key, measured]) => ({
		figure,
		key,
		over: measured > budgets[key],
		text: `${kB(measured)}, budget ${kB(budgets[key], 0)}`
	}));
	const wasm = figures.wasmBeforeMap;
	checks.push({
		figure: '.wasm requested before the first coloured map',
		key: 'wasmBeforeFirstMap',
		over: wasm.length > 0 && budgets.wasmBeforeFirstMap === false,
		text: `${wasm.length > 0 ? wasm.join(', ') : 'none'}, budget ${budgets.wasmBeforeFirstMap ? 'any' : 'none'}`
	});
	for (const c of checks) console.log(`${c.over ? 'OVER' : 'ok  '}  ${c.figure}: ${c.text}`);

	const over = checks.filter((c) => c.over);
	if (over.length === 0) return;
	const largest = largestBefore(load.requests, load.mapAt, bytesOf);
	console.error(
		`\n${over.length} budget(s) of ${BUDGET_FILE} exceeded:\n` +
			over.map((c) => `  ${c.figure} is ${c.text} (${BUDGET_FILE}: ${c.key})`).join('\n') +
			`\nLargest requests before the first coloured map:\n` +
			largest.map((r) => `  ${kB(r.bytes).padStart(11)}  ${r.path}`).join('\n')
	);
	process.exitCode = 1;
}

main().catch((error) => {
	console.error(`Could not measure: ${error.stack ?? error}`);
	process.exit(1);
});
