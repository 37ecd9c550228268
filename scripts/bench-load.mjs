#!/usr/bin/env node
// `npm run bench:load`: the explorer's first visit as a rural user meets it, each figure beside
// its target. Every load is cold (a new browser context: empty cache, service workers blocked).
//
//   unthrottled, per run: time to the first coloured map and to the 31-row ranked chart; the
//     bytes on the wire before that map, its JavaScript, .wasm requests, everything until the
//     network is quiet for 2 s; then `--changes` changes of measure, year and indicator (the
//     controls a person uses, by their labels), each timed until map and chart show the new view
//   throttled, per run: the same two times under 4× CPU and the Fast 3G
//   once: a second visit with the network off (passes only with a service worker)
//
// Usage: node scripts/bench-load.mjs [--runs N] [--url URL] [--changes N] [--timeout S]
//                                    [--port P] [--no-build]
//   --runs      cold loads of each kind (default 3); medians and the spread are printed
//   --url       measure a served Pengo instead of building and serving this checkout
//   --changes   view changes timed per unthrottled run (default 20)
//   --timeout   seconds a throttled load may take to show map and chart (default 300)
//   --port      local port (default 4574; the offline check serves on the next one)
//   --no-build  serve build/ as it is
// Never fails on a target: exits 1 only when it could not measure. Writes .bench/load-result.json.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
	brotliBytes,
	buildSite,
	coldContext,
	coldLoad,
	kB,
	largestBefore,
	launchChromium,
	median,
	printTable,
	readOptions,
	ROOT,
	serveSite,
	transferFigures,
	VIEWPORT,
	wireBytes
} from './loadMetrics.mjs';
import { mapRepaint, p95, timeChanges } from './viewChanges.mjs';

const BUDGETS = JSON.parse(readFileSync(join(ROOT, 'budgets.json'), 'utf8'));
const TARGET_MS = { throttled: 3000, unthrottled: 1000, change: 50 };
/** The "Fast 3G": 150 ms latency, 1.6 Mbit/s down, 0.75 Mbit/s up; CPU 4× slower. */
const THROTTLE = { latencyMs: 150, downBitsPerS: 1.6e6, upBitsPerS: 0.75e6, cpuRate: 4 };
const THROTTLE_TEXT =
	`${THROTTLE.cpuRate}× CPU (CDP Emulation.setCPUThrottlingRate: the page's main thread only; ` +
	`workers run at full speed) + Fast 3G as the issue gives it: ${THROTTLE.latencyMs} ms latency, ` +
	`${THROTTLE.downBitsPerS / 1e6} Mbit/s down, ${THROTTLE.upBitsPerS / 1e6} Mbit/s up (CDP ` +
	`Network.emulateNetworkConditions; DevTools' own "Fast 3G" preset is slower: 562.5 ms, 1.44 Mbit/s)`;

const loadAverage = () => loadavg()[0].toFixed(1);
const progress = (text) => process.stderr.write(`${text}\n`);

async function throttle(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: THROTTLE.latencyMs,
		downloadThroughput: THROTTLE.downBitsPerS / 8,
		uploadThroughput: THROTTLE.upBitsPerS / 8
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuRate });
}

/**
 * A first visit with service workers allowed, then the network cut (the server stopped, and the
 * browser offline) and the explorer opened again: does its map paint?
 */
async function secondVisitOffline(browser, site) {
	const context = await coldContext(browser, { serviceWorkers: 'allow' });
	try {
		const page = await context.newPage();
		await page.goto(`${site.origin}/`);
		await page.evaluate((t) => window.__pengoLoad.shown(t), 60_000);
		const registered = await page.evaluate(async () => {
			for (let waited = 0; waited < 10_000; waited += 250) {
				const registrations = await navigator.serviceWorker?.getRegistrations();
				if (registrations?.length) {
					await navigator.serviceWorker.ready;
					return true;
				}
				await new Promise((r) => setTimeout(r, 250));
			}
			return false;
		});
		if (!registered) {
			return { met: 'not yet', text: 'not yet: no service worker registered' };
		}
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(5_000);
		await site.cutNetwork();
		await context.setOffline(true);
		await page.goto(`${site.origin}/`, { timeout: 30_000 }).catch(() => {});
		const shown = await page
			.evaluate((t) => window.__pengoLoad.shown(t).then(() => window.__pengoLoad.mapAt), 30_000)
			.catch((error) => error.message);
		return typeof shown === 'number'
			? { met: 'yes', text: `yes, coloured map after ${seconds(shown)}` }
			: { met: 'no', text: `no: ${String(shown).split('\n')[0].slice(0, 80)}` };
	} finally {
		await context.close();
	}
}

const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const reached = (ms) => (ms === null ? 'not reached' : seconds(ms));
const milliseconds = (ms) => `${Math.round(ms).toLocaleString('en-US')} ms`;

/**
 * "median (min–max)" of the runs in `format`; the range is left out when it is within 1% of the
 * median (bytes that differ only by a Date header). A run that never got there is Infinity: it
 * counts as the slowest and shows as "> `limit`".
 */
function spread(values, format, limit = '') {
	const show = (v) => (Number.isFinite(v) ? format(v) : `> ${limit}`);
	const mid = median(values);
	const low = Math.min(...values);
	const high = Math.max(...values);
	const range = high - low > 0.01 * mid ? ` (${show(low)}–${show(high)})` : '';
	return `${show(mid)}${range}`;
}

const yesNo = (ok) => (ok ? 'yes' : 'no');

async function main() {
	const defaults = { runs: 3, url: '', changes: 20, timeout: 300, port: 4574, 'no-build': false };
	const opts = readOptions(process.argv.slice(2), defaults, (name, value) => {
		if (name === 'url') return /^https?:\/\//.test(value) ? null : 'an http(s) URL';
		return Number.isInteger(value) && value > 0 ? null : 'a positive whole number';
	});
	const started = performance.now();
	const loadBefore = loadAverage();
	let site;
	let offlineSite;
	if (opts.url) {
		const origin = opts.url.replace(/\/+$/, '');
		site = { origin, name: 'the server behind --url', stop: async () => {} };
		offlineSite = { origin, cutNetwork: async () => {} };
	} else {
		if (!opts['no-build']) {
			progress('building (npm run build)…');
			buildSite();
		}
		site = await serveSite(opts.port);
		const second = await serveSite(opts.port + 1);
		offlineSite = { origin: second.origin, cutNetwork: second.stop, stop: second.stop };
	}
	const browser = await launchChromium();
	const url = `${site.origin}/`;
	const free = [];
	const slow = [];
	try {
		for (let run = 1; run <= opts.runs; run++) {
			progress(`run ${run}/${opts.runs}: unthrottled cold load and ${opts.changes} changes…`);
			const load = await coldLoad(browser, url, {
				timeoutMs: 60_000,
				idleMs: 2_000,
				use: (page) => timeChanges(page, opts.changes)
			});
			free.push(load);
			progress(`  map ${reached(load.mapAt)}, chart ${reached(load.chartAt)}`);
			progress(`run ${run}/${opts.runs}: throttled cold load (up to ${opts.timeout} s)…`);
			const throttled = await coldLoad(browser, url, {
				timeoutMs: opts.timeout * 1000,
				prepare: throttle
			});
			slow.push(throttled);
			progress(`  map ${reached(throttled.mapAt)}, chart ${reached(throttled.chartAt)}`);
		}
		progress('second visit with the network off…');
		const offline = await secondVisitOffline(browser, offlineSite).catch((error) => ({
			met: 'no',
			text: `could not check: ${error.message.split('\n')[0]}`
		}));
		const requests = free.flatMap((l) => l.requests);
		const sentBrotli = requests.some((r) => r.encoding === 'br');
		const brotli = sentBrotli ? null : await brotliBytes(requests);
		const load = { before: loadBefore };
		report({ opts, site, browser: browser.version(), free, slow, offline, brotli, load, started });
	} finally {
		await browser.close();
		await site.stop();
		await offlineSite.stop?.();
	}
}

function report({ opts, site, browser, free, slow, offline, brotli, load, started }) {
	const wire = free.map((l) => transferFigures(l.requests, l.mapAt));
	const asBrotli = brotli && free.map((l) => transferFigures(l.requests, l.mapAt, brotli));
	const judged = asBrotli ?? wire;
	const bytesRow = (figure, key, budgetKey, target = kB(BUDGETS[budgetKey], 0)) => {
		const of = (figures) => figures.map((f) => f[key]);
		const estimate = asBrotli ? `; as brotli ${spread(of(asBrotli), kB)}` : '';
		const met = Math.max(...of(judged)) <= BUDGETS[budgetKey];
		return [figure, spread(of(wire), kB) + estimate, `≤ ${target}`, yesNo(met)];
	};
	const timeRow = (figure, loads, key, targetMs, limitMs) => {
		const values = loads.map((l) => l[key] ?? Infinity);
		const measured = spread(values, seconds, seconds(limitMs));
		return [figure, measured, `≤ ${targetMs / 1000} s`, yesNo(median(values) <= targetMs)];
	};
	const changeRuns = free.map((l) => l.extra ?? []);
	const changeP95 = changeRuns.map((changes) => p95(changes.map((c) => c.ms)));
	const wasmBefore = [...new Set(wire.flatMap((f) => f.wasmBeforeMap))];
	const wasmAny = wire.some((f) => f.wasmFetched.length > 0);
	const throttledLimit = opts.timeout * 1000;

	console.log(`\nPengo load benchmark, ${new Date().toISOString().slice(0, 16)}Z`);
	console.log(`site: ${site.origin}/ served by ${site.name}`);
	console.log(
		`Chromium ${browser}, viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${cpus().length} cores, ` +
			`load average ${load.before} before, ${loadAverage()} after`
	);
	console.log(
		`cold loads: a new browser context each (empty cache, service workers blocked); ` +
			`${opts.runs} of each kind, median (min–max)`
	);
	console.log(`throttled: ${THROTTLE_TEXT}`);
	console.log(
		'bytes (unthrottled loads): encoded body + response headers as Chromium received them; a ' +
			'request started before the map counts whole; 1 kB = 1000 bytes' +
			(asBrotli
				? '; "as brotli": no response came as brotli, so each body was compressed here (quality 11) and targets are judged on that'
				: '') +
			'\n'
	);
	printTable([
		['figure', 'measured', 'target', 'met?'],
		bytesRow('bytes before the first coloured map', 'bytesBeforeMap', 'bytesBeforeFirstMap'),
		[
			'.wasm requested before the first coloured map',
			wasmBefore.length > 0 ? `yes (${wasmBefore.join(', ')})` : 'no',
			'no',
			yesNo(wasmBefore.length === 0)
		],
		timeRow('first coloured map, throttled', slow, 'mapAt', TARGET_MS.throttled, throttledLimit),
		timeRow(
			'ranked chart (31 rows), throttled',
			slow,
			'chartAt',
			TARGET_MS.throttled,
			throttledLimit
		),
		timeRow('first coloured map, unthrottled', free, 'mapAt', TARGET_MS.unthrottled, 60_000),
		timeRow('ranked chart (31 rows), unthrottled', free, 'chartAt', TARGET_MS.unthrottled, 60_000),
		bytesRow(
			'JavaScript before the first coloured map',
			'jsBytesBeforeMap',
			'jsBytesBeforeFirstMap',
			`${kB(BUDGETS.jsBytesBeforeFirstMap, 0)} (budget)`
		),
		bytesRow(
			'first visit, until the network is quiet 2 s',
			'firstVisitBytes',
			'firstVisitBytes',
			`${kB(BUDGETS.firstVisitBytes, 0)} (budget)`
		),
		['DuckDB (.wasm) fetched on the first screen', wasmAny ? 'yes' : 'no', '—', '—'],
		[
			`change → map and chart repainted, p95 of ${opts.changes}`,
			spread(changeP95, milliseconds, '10 s'),
			'≤ 50 ms',
			yesNo(median(changeP95) <= TARGET_MS.change)
		],
		['second visit offline: map painted', offline.text, 'yes', offline.met]
	]);

	const notes = [];
	const allChanges = changeRuns.flat();
	const unchanged = allChanges.filter((c) => c.mapUnchanged).length;
	const missed = allChanges.filter((c) => c.ms === Infinity).length;
	const medianMs = (key) => milliseconds(median(allChanges.map((c) => c[key] ?? NaN)));
	notes.push(
		`Changes (${allChanges.length}): median ${medianMs('ms')}; chart ${medianMs('chartMs')}, ` +
			`map's first new colours ${medianMs('firstColourMs')}, map settled ${medianMs('mapMs')} ` +
			'(medians)' +
			(unchanged ? `; ${unchanged} left the map as it was (timed on the chart)` : '') +
			(missed ? `; ${missed} never reached the chart within 10 s` : '') +
			'.'
	);
	const kinds = [...new Set(allChanges.map((c) => c.kind))];
	notes.push(
		'By kind (medians): ' +
			kinds
				.map((kind) => {
					const times = allChanges.filter((c) => c.kind === kind).map((c) => c.ms);
					return `${kind} ${milliseconds(median(times))} (${times.length})`;
				})
				.join(', ') +
			'.'
	);
	const settled = free.map((l) => mapRepaint(l.frames, 0, '')?.settledAt ?? Infinity);
	notes.push(
		'Map as it settles (colours without the "no data" hatching over them), unthrottled: ' +
			`${spread(settled, seconds, '60 s')}.`
	);
	notes.push(
		`The probe's own main-thread time until the first view: median ` +
			`${milliseconds(median(free.map((l) => l.map.costMs)))} ` +
			`(${median(free.map((l) => l.map.snapshots))} map frames snapshotted).`
	);
	const last = free.at(-1);
	notes.push(
		'Largest requests before the first coloured map (last unthrottled run' +
			(brotli ? ', as brotli' : '') +
			'):\n' +
			largestBefore(last.requests, last.mapAt, brotli ?? wireBytes)
				.map((r) => `  ${kB(r.bytes).padStart(11)}  ${r.path}`)
				.join('\n')
	);
	const unfinished = [...new Set(wire.flatMap((f) => f.unfinished))];
	if (unfinished.length > 0) notes.push(`Unfinished requests: ${unfinished.join(', ')}`);
	const problems = [...new Set([...free, ...slow].flatMap((l) => l.problems))];
	if (problems.length > 0) notes.push(`Page problems:\n  ${problems.slice(0, 8).join('\n  ')}`);
	const perRun = (loads, limit) =>
		loads
			.map((l) =>
				[l.mapAt, l.chartAt].map((v) => (v === null ? `> ${limit}` : seconds(v))).join(' / ')
			)
			.join(', ');
	notes.push(
		`Runs, map / chart: unthrottled ${perRun(free, '60 s')}; throttled ${perRun(slow, seconds(throttledLimit))}.`
	);
	console.log(`\n${notes.join('\n')}`);

	mkdirSync(join(ROOT, '.bench'), { recursive: true });
	const result = { date: new Date().toISOString(), site, browser, throttle: THROTTLE, free, slow };
	writeFileSync(
		join(ROOT, '.bench/load-result.json'),
		JSON.stringify({ ...result, offline }, null, '\t') + '\n'
	);
	console.log(
		`\nAll requests and marks: .bench/load-result.json. Took ${seconds(performance.now() - started)}.`
	);
	if (!free.some((l) => l.mapAt !== null && l.chartAt !== null)) {
		console.error(
			'\nNo unthrottled load showed a coloured map and a full chart: nothing measured.'
		);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
