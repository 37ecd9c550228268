// What `npm run bench:load` and `npm run budgets` share: building and serving the site, one cold
// load of the explorer in Chromium with every request's transferred bytes, and the figures taken
// from it (bytes before the first coloured map, its JavaScript, the whole first visit).

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../tests/chromiumFlags.mjs';
import { loadProbe } from './loadProbe.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const VIEWPORT = { width: 1280, height: 800 };
const BROTLI_CACHE = join(ROOT, '.bench/brotli-sizes.json');

/**
 * Reads `--name value` options (and bare `--flag`s) into a copy of `defaults`, whose values give
 * each option's type; `check` may refuse a value by returning a message.
 */
export function readOptions(argv, defaults, check = () => null) {
	const values = { ...defaults };
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].replace(/^--/, '');
		const known = argv[i].startsWith('--') && name in defaults;
		if (!known) {
			const list = Object.keys(defaults).map((n) => `--${n}`);
			throw new Error(`Unknown option "${argv[i]}". Options: ${list.join(', ')}.`);
		}
		if (typeof defaults[name] === 'boolean') {
			values[name] = true;
			continue;
		}
		const raw = argv[++i];
		const value = typeof defaults[name] === 'number' ? Number(raw) : raw;
		const problem = raw === undefined ? 'a value' : check(name, value);
		if (problem) throw new Error(`--${name} needs ${problem}, not "${raw}".`);
		values[name] = value;
	}
	return values;
}

/** `npm run build`, quietly; its output is shown only when it fails. */
export function buildSite() {
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
	if (result.status !== 0) {
		const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
		throw new Error(`npm run build failed:\n${output}`);
	}
}

/**
 * Serves build/ on localhost:`port` with scripts/serve.mjs (precompressed brotli and gzip) when
 * the checkout has it, else with `vite preview` (gzip for text, .wasm and .geojson as they are).
 */
export async function serveSite(port) {
	if (!existsSync(join(ROOT, 'build/index.html'))) {
		throw new Error('There is no build/index.html: run `npm run build` first.');
	}
	const serveScript = join(ROOT, 'scripts/serve.mjs');
	const precompressed = existsSync(serveScript);
	const args = precompressed
		? [serveScript, '--port', String(port)]
		: [
				join(ROOT, 'node_modules/vite/bin/vite.js'),
				'preview',
				'--port',
				String(port),
				'--strictPort'
			];
	const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const origin = `http://localhost:${port}`;
	const started = performance.now();
	while (!(await answers(origin))) {
		if (child.exitCode !== null || performance.now() - started > 30_000) {
			child.kill();
			throw new Error(`The server on port ${port} did not start:\n${output.trim()}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	const stop = () =>
		new Promise((done) => {
			if (child.exitCode !== null || child.signalCode !== null) return done(undefined);
			child.once('exit', () => done(undefined));
			child.kill('SIGTERM');
		});
	return {
		origin,
		name: precompressed
			? 'node scripts/serve.mjs (precompressed brotli/gzip)'
			: 'vite preview (no brotli; gzip for text, .wasm and .geojson uncompressed)',
		stop
	};
}

async function answers(origin) {
	try {
		return (await fetch(`${origin}/`)).ok;
	} catch {
		return false;
	}
}

export function launchChromium() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_FLAGS
	});
}

/** A fresh context (empty HTTP cache) with the probe in every page. */
export async function coldContext(browser, { serviceWorkers = 'block' } = {}) {
	const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers });
	await context.addInitScript(loadProbe);
	return context;
}

/**
 * Keeps every request of `context`: when it started (ms after the page's navigation start, once
 * `timeOrigin` is known), its transferred bytes (encoded body + response headers, as Chromium's
 * encodedDataLength counts them) and whether it finished.
 */
export function recordRequests(context) {
	const requests = [];
	const work = [];
	let inFlight = 0;
	let lastActivity = performance.now();
	context.on('request', (request) => {
		// blob: and data: URLs (the probe's own worker among them) never reach the network.
		if (!/^https?:/.test(request.url())) return;
		inFlight++;
		lastActivity = performance.now();
		requests.push({ request, url: request.url(), seenAt: Date.now(), finished: false });
	});
	const settle = (request, finished) => {
		const entry = requests.find((r) => r.request === request);
		if (!entry) return;
		inFlight--;
		lastActivity = performance.now();
		work.push(describe(entry, finished));
	};
	context.on('requestfinished', (request) => settle(request, true));
	context.on('requestfailed', (request) => settle(request, false));

	async function describe(entry, finished) {
		const { request } = entry;
		const timing = request.timing();
		entry.startedAtEpoch = timing.startTime > 0 ? timing.startTime : entry.seenAt;
		entry.finished = finished;
		entry.type = request.resourceType();
		const response = finished ? await request.response() : null;
		entry.status = response?.status() ?? 0;
		entry.encoding = (await response?.headerValue('content-encoding')) ?? null;
		const sizes = finished ? await request.sizes() : null;
		// A 304 comes back with a negative body size (its headers subtracted twice).
		entry.bodyBytes = Math.max(0, sizes?.responseBodySize ?? 0);
		entry.headerBytes = sizes?.responseHeadersSize ?? 0;
		entry.measuredBy = 'browser';
		// Chromium reports a dedicated worker's own script with an encoded size of 0; ask the
		// server again with the browser's Accept-Encoding to learn what it sent.
		if (finished && entry.status === 200 && entry.bodyBytes === 0) {
			const acceptEncoding = (await request.allHeaders())['accept-encoding'] ?? 'identity';
			const raw = await fetchRaw(entry.url, acceptEncoding);
			Object.assign(entry, {
				bodyBytes: raw.body.length,
				headerBytes: raw.headerBytes,
				encoding: raw.encoding,
				measuredBy: 'server, asked again'
			});
		}
		delete entry.request;
	}

	return {
		requests,
		/** Resolves when nothing has been in flight for `quietMs`; false if `timeoutMs` passes first. */
		async idle(quietMs, timeoutMs) {
			const started = performance.now();
			while (performance.now() - started < timeoutMs) {
				if (inFlight <= 0 && performance.now() - lastActivity >= quietMs) return true;
				await new Promise((r) => setTimeout(r, 100));
			}
			return false;
		},
		/** Waits for the sizes of everything that has settled, and places each start in page time. */
		async settled(timeOrigin) {
			await Promise.all(work);
			const done = requests.filter((r) => r.request === undefined);
			for (const r of done) r.startedAt = r.startedAtEpoch - timeOrigin;
			return done;
		}
	};
}

/** A GET from Node that leaves the body as the server encoded it. */
export function fetchRaw(url, acceptEncoding) {
	const get = url.startsWith('https:') ? httpsGet : httpGet;
	return new Promise((done, fail) => {
		get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('error', fail);
			response.on('end', () => {
				const { rawHeaders, statusCode, statusMessage } = response;
				let headerBytes = `HTTP/1.1 ${statusCode} ${statusMessage}\r\n\r\n`.length;
				for (let i = 0; i < rawHeaders.length; i += 2) {
					headerBytes += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`.length;
				}
				const encoding = response.headers['content-encoding'] ?? null;
				done({ body: Buffer.concat(chunks), headerBytes, encoding });
			});
		}).on('error', fail);
	});
}

const isJs = (r) => /\.m?js$/.test(new URL(r.url).pathname);
const isWasm = (r) => new URL(r.url).pathname.endsWith('.wasm');
const sum = (list, bytes) => list.reduce((total, r) => total + bytes(r), 0);
/** Bytes as Chromium counts a transfer: the encoded body and the response headers. */
export const wireBytes = (r) => r.bodyBytes + r.headerBytes;

/**
 * The byte figures of one load. "Before the first coloured map" counts every request that started
 * before the map was seen, whole, even if it finished later: what the connection was asked to
 * carry while the person waited. `bytesOf` chooses how a response is counted.
 */
export function transferFigures(requests, mapAt, bytesOf = wireBytes) {
	const before = requests.filter((r) => mapAt !== null && r.startedAt <= mapAt);
	const wasmBefore = before.filter(isWasm).map((r) => new URL(r.url).pathname.split('/').pop());
	const wasmAny = requests.filter(isWasm).map((r) => new URL(r.url).pathname.split('/').pop());
	return {
		requestsBeforeMap: before.length,
		bytesBeforeMap: sum(before, bytesOf),
		jsBytesBeforeMap: sum(before.filter(isJs), bytesOf),
		wasmBeforeMap: wasmBefore,
		requests: requests.length,
		firstVisitBytes: sum(requests, bytesOf),
		wasmFetched: wasmAny,
		unfinished: requests.filter((r) => !r.finished).map((r) => r.url)
	};
}

/** The `count` largest requests that started before the map, by `bytesOf`. */
export function largestBefore(requests, mapAt, bytesOf, count = 5) {
	return requests
		.filter((r) => mapAt !== null && r.startedAt <= mapAt)
		.map((r) => ({ path: new URL(r.url).pathname, bytes: bytesOf(r) }))
		.sort((a, b) => b.bytes - a.bytes)
		.slice(0, count);
}

/**
 * What each response would weigh as brotli (quality 11) with the headers it came with: for a
 * server that sends no brotli (vite preview). Bodies are fetched again unencoded; sizes are kept
 * in .bench/brotli-sizes.json by content hash, since DuckDB's .wasm takes a minute to compress.
 */
export async function brotliBytes(requests) {
	const cache = existsSync(BROTLI_CACHE) ? JSON.parse(readFileSync(BROTLI_CACHE, 'utf8')) : {};
	const compress = promisify(brotliCompress);
	const sizes = new Map();
	for (const r of requests) {
		if (!r.finished || sizes.has(r.url)) continue;
		const { body } = await fetchRaw(r.url, 'identity');
		const hash = createHash('sha256').update(body).digest('hex');
		cache[hash] ??= (
			await compress(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length
				}
			})
		).length;
		sizes.set(r.url, cache[hash]);
	}
	mkdirSync(dirname(BROTLI_CACHE), { recursive: true });
	writeFileSync(BROTLI_CACHE, JSON.stringify(cache, null, '\t') + '\n');
	return (r) => (sizes.get(r.url) ?? 0) + r.headerBytes;
}

/**
 * One cold load of `url` in a fresh context: waits for the coloured map and the 31-row chart (up
 * to `timeoutMs`), then, with `idleMs`, for the network to stay quiet that long. `prepare` may
 * throttle the page before it navigates. The page is left open for `use`, then closed.
 */
export async function coldLoad(browser, url, { timeoutMs, idleMs = 0, prepare, use } = {}) {
	const context = await coldContext(browser);
	const network = recordRequests(context);
	const problems = [];
	try {
		const page = await context.newPage();
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('console', (m) => {
			if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`);
		});
		await prepare?.(page);
		await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
		let shown = true;
		await page
			.evaluate((t) => window.__pengoLoad.shown(t), timeoutMs)
			.catch((error) => {
				problems.push(`first view: ${error.message}`);
				shown = false;
			});
		const marks = await page.evaluate(() => {
			const { mapAt, chartAt, map, frames } = window.__pengoLoad;
			return { mapAt, chartAt, map, frames, timeOrigin: performance.timeOrigin };
		});
		if (marks.map.error) problems.push(`map probe: ${marks.map.error}`);
		const quiet = idleMs > 0 ? await network.idle(idleMs, 120_000) : null;
		if (quiet !== null) marks.frames = await page.evaluate(() => window.__pengoLoad.frames);
		// The first visit ends here: what `use` makes the page fetch is not part of it.
		const requests = await network.settled(marks.timeOrigin);
		const extra = use ? await use(page) : undefined;
		return { shown, ...marks, quiet, requests, problems, extra };
	} finally {
		await context.close();
	}
}

/** The median; a run that never got there (Infinity) counts as the slowest, not as missing. */
export function median(values) {
	const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const [low, high] = [Math.floor, Math.ceil].map(
		(round) => sorted[round((sorted.length - 1) / 2)]
	);
	return (low + high) / 2;
}

/** Bytes as kB (1000 bytes), with `digits` decimals. */
export const kB = (bytes, digits = 1) =>
	`${(bytes / 1000).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} kB`;

/** Prints `rows` (the first is the header) as a Markdown table, each column as wide as its widest cell. */
export function printTable(rows) {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	console.log(line(rows[0]));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of rows.slice(1)) console.log(line(row));
}
