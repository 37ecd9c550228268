#!/usr/bin/env node
// `npm run bench:upload`: a DHS-like household file of 1,000,000 rows uploaded through the real
// Datasets page (file chooser → preview → roles → regions → Check and load → report) in Chromium,
// timed from the page itself, with the main thread's long tasks counted; and, side by side in the
// same run, native DuckDB (one thread) running the app's own import code on the same file.
//
// Usage: node scripts/bench-upload.mjs [URL] [--rows N] [--seed S] [--browser-only]
//   URL     a served Pengo (default http://localhost:4173, what `npm start` serves); a dev server
//           works too but its numbers include Vite's on-demand compiling
//   --rows  households in the file (default 1000000)
//   --seed  PRNG seed for the data (default 20241129)
//   --browser-only  the page only, without native DuckDB beside it (to find what a tab holds)
// Writes the CSV into a temporary folder (removed at the end) and the measurements to
// .bench/upload-result-<rows>.json. Needs Chromium: CHROMIUM_PATH or /usr/bin/chromium.
// Prints the outcome: completed (then the phases and native DuckDB beside them), refused at step 1
// (over the page's cell limit: exit 0, native not run) or failed (the page's message; exit 1),
// each with Chromium's peak memory and the page's long tasks.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../tests/chromiumFlags.mjs';
import { appModuleLoader } from './appModules.mjs';
import { HOUSEHOLDS_FILE_NAME, writeHouseholds } from '../bench/households.mjs';
import { startMemorySampler } from '../bench/processMemory.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, '.bench');
const FILE_NAME = HOUSEHOLDS_FILE_NAME;
const STEP_TIMEOUT = 600_000;

function options(argv) {
	const values = { url: 'http://localhost:4173', rows: 1_000_000, seed: 20241129, native: true };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			values.url = arg.replace(/\/+$/, '');
			continue;
		}
		if (arg === '--browser-only') {
			values.native = false;
			continue;
		}
		const name = arg.slice(2);
		if (name !== 'rows' && name !== 'seed') {
			throw new Error(`Unknown option "${arg}". Use a URL, --rows N, --seed S or --browser-only.`);
		}
		const value = Number(argv[++i]);
		if (!Number.isInteger(value) || value < (name === 'seed' ? 0 : 1)) {
			throw new Error(`--${name} needs a positive whole number, not "${argv[i]}".`);
		}
		values[name] = value;
	}
	return values;
}

// ---------------------------------------------------------------------------------------------
// Chromium: the page marks its own times. An init script (runs before the app) records the
// moment the file input changes, every button click, the first frame after each "Step n of 5"
// heading appears, and every long task (> 50 ms on the main thread) the browser reports.

function instrumentPage() {
	const bench = { changeAt: null, clicks: [], steps: {}, longTasks: [] };
	Object.defineProperty(window, '__bench', { value: bench });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
		}
	}).observe({ type: 'longtask', buffered: true });
	document.addEventListener(
		'change',
		(event) => {
			const target = event.target;
			if (target instanceof HTMLInputElement && target.type === 'file') {
				bench.changeAt ??= performance.now();
			}
		},
		true
	);
	document.addEventListener(
		'click',
		(event) => {
			const button = event.target instanceof Element ? event.target.closest('button') : null;
			if (button) bench.clicks.push({ text: button.textContent.trim(), at: performance.now() });
		},
		true
	);
	new MutationObserver(() => {
		for (const heading of document.querySelectorAll('h2, h3')) {
			const step = /Step (\d) of 5/.exec(heading.textContent ?? '')?.[1];
			if (step && !(step in bench.steps)) {
				bench.steps[step] = -1;
				// The frame after the change: when the person could first see it.
				requestAnimationFrame(() => (bench.steps[step] = performance.now()));
			}
		}
	}).observe(document, { subtree: true, childList: true, characterData: true });
}

async function heapSampler(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Runtime.enable');
	let peak = 0;
	let stopped = false;
	const loop = (async () => {
		while (!stopped) {
			try {
				const { usedSize } = await cdp.send('Runtime.getHeapUsage');
				peak = Math.max(peak, usedSize);
			} catch {
				return;
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	})();
	return {
		now: async () => (await cdp.send('Runtime.getHeapUsage')).usedSize,
		async stop() {
			stopped = true;
			await loop;
			return peak;
		}
	};
}

async function runBrowser(url, csvPath, memory) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_FLAGS
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
		const problems = [];
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console: ${message.text().slice(0, 300)}`);
		});
		await page.addInitScript(instrumentPage);
		memory.phase('browser-load');
		const loadStarted = performance.now();
		await page.goto(`${url}/datasets/`);
		const input = page.getByLabel('CSV, TSV or semicolon-separated file');
		// The chooser is enabled once DuckDB is up and the bundled data are loaded.
		await input.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
		const readyMs = performance.now() - loadStarted;
		const heap = await heapSampler(page);
		const heapBefore = await heap.now();
		const step = (n) => page.getByRole('heading', { name: new RegExp(`Step ${n} of 5`) });
		const fail = async (error) => {
			const alert = await page
				.getByRole('alert')
				.allTextContents()
				.catch(() => []);
			throw new Error(`${error.message}\n${[...alert, ...problems].join('\n')}`, {
				cause: error
			});
		};
		/** Step n once it shows, or the problem the page shows instead (its text). */
		const problem = page.locator('#add-dataset [role=alert]');
		const reach = async (n) => {
			await step(n).or(problem).first().waitFor({ timeout: STEP_TIMEOUT });
			return (await step(n).isVisible()) ? null : (await problem.innerText()).trim();
		};
		const clickOn = (name) => () => page.getByRole('button', { name }).click();
		const steps = [
			[
				'preview',
				'browser-preview',
				2,
				() => input.setInputFiles(csvPath, { timeout: STEP_TIMEOUT })
			],
			['staging', 'browser-staging', 3, clickOn('Continue')],
			['regions', null, 4, clickOn('Continue')],
			['estimates', 'browser-import', 5, clickOn('Check and load')]
		];
		let outcome = { kind: 'completed' };
		try {
			for (const [name, phase, next, act] of steps) {
				if (phase) memory.phase(phase);
				await act();
				const text = await reach(next);
				if (text === null) continue;
				// Step 1's refusal of a file over the cell limit is an answer, not a crash.
				const refused = next === 2 && /cells/.test(text);
				outcome = { kind: refused ? 'refused' : 'failed', phase: name, text };
				break;
			}
			// Let the last frame and any long task still running be reported.
			await page.waitForTimeout(500);
		} catch (error) {
			await fail(error);
		}
		memory.phase('browser-done');
		const heapPeak = await heap.stop();
		const heapAfter = await heap.now();
		const marks = await page.evaluate(() => {
			const b = window.__bench;
			return {
				changeAt: b.changeAt,
				clicks: b.clicks,
				steps: b.steps,
				longTasks: b.longTasks,
				userAgent: navigator.userAgent
			};
		});
		const reportText = await page.locator('main').innerText();
		return {
			readyMs,
			outcome,
			marks,
			heap: { before: heapBefore, peak: heapPeak, after: heapAfter },
			reportText,
			problems
		};
	} finally {
		await browser.close();
	}
}

/** Splits the page's marks into the phases a person waits through, and the long tasks in each. */
function browserPhases(marks) {
	const clickAt = (text, after) => marks.clicks.find((c) => c.text === text && c.at >= after)?.at;
	const s = marks.steps;
	const start = marks.changeAt;
	const continue1 = clickAt('Continue', s[2]);
	const continue2 = clickAt('Continue', s[3]);
	const load = clickAt('Check and load', s[4]);
	const phases = [
		['preview: file chosen → Step 2', start, s[2]],
		['staging: Continue → Step 3 (roles)', continue1, s[3]],
		['regions: Continue → Step 4', continue2, s[4]],
		['estimates: Check and load → Step 5', load, s[5]],
		['total: file chosen → Step 5', start, s[5]]
	];
	for (const [name, from, to] of phases) {
		if (typeof from !== 'number' || typeof to !== 'number' || to < 0) {
			throw new Error(`The page did not mark "${name}": ${JSON.stringify(marks.steps)}`);
		}
	}
	return phases.map(([name, from, to]) => {
		const tasks = marks.longTasks.filter((t) => t.start + t.duration > from && t.start < to);
		return {
			name,
			from,
			to,
			ms: to - from,
			longTasks: tasks.length,
			longTaskMs: tasks.reduce((sum, t) => sum + t.duration, 0),
			longestMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0)
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Native DuckDB: the app's own TypeScript modules (loaded through Vite's SSR loader, no build),
// on the Connector tests use (tests/native-connector.ts, threads = 1), doing what the page does
// after each click: stage and profile the file and guess roles (Step 2 → 3), list and review the
// written region names (Step 3 → 4), stage again and import with estimates (Step 4 → 5, as
// runImport re-reads the stored original). The browser's extra work (IndexedDB, worker hops,
// rendering) is what the ratio measures.

async function loadAppModules() {
	const { load, close } = await appModuleLoader(ROOT);
	const modules = {
		connector: await load('/tests/native-connector.ts'),
		bundled: await load('/src/lib/data/loadBundled.ts'),
		sniff: await load('/src/lib/upload/sniff.worker.ts'),
		prepare: await load('/src/lib/upload/prepare.worker.ts'),
		importer: await load('/src/lib/upload/importer.ts'),
		importSql: await load('/src/lib/upload/importSql.ts'),
		headerCells: await load('/src/lib/upload/headerCells.ts'),
		columnProfiles: await load('/src/lib/upload/columnProfiles.ts'),
		roles: await load('/src/lib/upload/roles.ts'),
		regionMatch: await load('/src/lib/upload/regionMatch.ts'),
		decisions: await load('/src/lib/upload/decisions.ts'),
		quote: await load('/src/lib/db/quote.ts')
	};
	return { modules, close };
}

async function runNative(csvPath, app, memory) {
	const { connector, bundled, sniff, prepare, importer, importSql, roles } = app;
	const { headerCells, columnProfiles } = app;
	const { regionMatch, decisions, quote } = app;
	memory.phase('native-setup');
	const db = await connector.openNativeConnector();
	// Every query's time, to show which statements of the import dominate.
	const queryTimes = [];
	const query = db.query.bind(db);
	db.query = async (q) => {
		const started = performance.now();
		const rows = await query(q);
		const sql = (typeof q === 'string' ? q : q.sql).replace(/\s+/g, ' ').slice(0, 100);
		queryTimes.push({ ms: performance.now() - started, sql });
		return rows;
	};
	try {
		const data = await bundled.loadBundled(
			db,
			async (file) => new Uint8Array(readFileSync(join(ROOT, 'data', file)))
		);
		const [{ v: version }] = await db.query('SELECT version() AS v');
		const { openAsBlob } = await import('node:fs');
		const file = new File([await openAsBlob(csvPath)], FILE_NAME);
		const times = {};
		const timed = async (name, work) => {
			const started = performance.now();
			const value = await work();
			times[name] = performance.now() - started;
			return value;
		};

		memory.phase('native-preview');
		const preview = await timed('preview', () => sniff.sniffRequest({ file }));
		const dialect = preview.dialect;
		const columnCount = Math.max(1, preview.header.length, ...preview.rows.map((r) => r.length));

		memory.phase('native-staging');
		const stageId = 'benchstage';
		const staged = await timed('staging', async () => {
			const { utf8, scan } = await timed('staging: read + scan', () =>
				prepare.prepareRequest({ file, dialect })
			);
			await timed('staging: stageRaw (read_csv)', () =>
				importer.stageRaw(
					db,
					{ id: stageId, fileName: FILE_NAME },
					utf8 ?? file,
					{ dialect, columnCount },
					scan
				)
			);
			const raw = importSql.datasetTables(stageId).raw;
			const [row] = await db.query({
				sql: `SELECT * FROM ${quote.quoteIdent(raw)} WHERE __row = ?`,
				params: [dialect.headerRow]
			});
			const headers = Array.from({ length: columnCount }, (_, i) =>
				String(row?.[`c${i + 1}`] ?? '')
			);
			const { labels } = headerCells.headerLabels(headers, FILE_NAME);
			const profileRows = await db.query(
				columnProfiles.columnProfilesQuery(raw, columnCount, dialect, dialect.headerRow)
			);
			const profiles = columnProfiles.toColumnProfiles(profileRows, headers);
			return { labels, roles: roles.guessRoles(profiles, FILE_NAME, data.regions) };
		});
		const { kind, columns, fixedYear } = staged.roles;
		const problems = roles.validateRoles(kind, columns, fixedYear);
		if (problems.length > 0) throw new Error(`native: roles not usable: ${problems.join(', ')}`);

		memory.phase('native-regions');
		const reviews = await timed('regions', async () => {
			const region = staged.roles.columns.find((c) => c.role === 'region');
			const written = await db.query(
				importSql.writtenRegionsQuery(
					importSql.datasetTables(stageId).raw,
					region.index,
					dialect.headerRow
				)
			);
			return regionMatch.reviewRegionNames(
				written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
				data.regions,
				{}
			);
		});

		memory.phase('native-import');
		const mapping = {
			dialect,
			columnCount,
			labels: staged.labels,
			roles: staged.roles,
			regions: decisions.regionDecisions(reviews, data.regions),
			unit: 'percent',
			indicatorName: 'bench'
		};
		const meta = {
			id: 'benchupload',
			name: 'bench',
			fileName: FILE_NAME,
			sourceNote: '',
			importedAt: new Date().toISOString()
		};
		const report = await timed('estimates', async () => {
			const { utf8, scan } = await timed('estimates: read + scan', () =>
				prepare.prepareRequest({ file, dialect })
			);
			const structural = await timed('estimates: stageRaw (read_csv)', () =>
				importer.stageRaw(db, meta, utf8 ?? file, mapping, scan)
			);
			return timed('estimates: importDataset', () =>
				importer.importDataset(db, meta, mapping, structural)
			);
		});
		times.total = times.preview + times.staging + times.regions + times.estimates;
		const statuses = {};
		for (const r of reviews) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
		return {
			version,
			times,
			report: {
				rowsRead: report.rowsRead,
				rowsLoaded: report.rowsLoaded,
				rowsRejected: report.rowsRejected,
				indicators: report.indicatorIds.length
			},
			slowestQueries: queryTimes.sort((a, b) => b.ms - a.ms).slice(0, 8),
			regionNames: reviews.length,
			regionStatuses: statuses
		};
	} finally {
		db.close();
	}
}

// ---------------------------------------------------------------------------------------------

const s = (ms) => (ms / 1000).toFixed(2);
const mb = (bytes) => (bytes / 1e6).toFixed(1);

function pad(rows) {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
	return rows
		.map((r) =>
			r
				.map((cell, c) =>
					c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])
				)
				.join('  ')
		)
		.join('\n');
}

/** The highest PSS of Chromium's processes over the browser's phases. */
function browserPeak(peaks) {
	return Math.max(0, ...[...peaks.values()].map((p) => p.browser));
}

/** Long tasks on the page's main thread from the file's choice on. */
function longTaskSummary(marks) {
	const from = marks.changeAt ?? 0;
	const tasks = marks.longTasks.filter((t) => t.start + t.duration > from);
	const total = tasks.reduce((sum, t) => sum + t.duration, 0);
	const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
	return `${tasks.length} long tasks, ${Math.round(total)} ms in all, longest ${Math.round(longest)} ms`;
}

function peakLine(peaks) {
	return (
		'peak PSS: ' +
		[...peaks.entries()]
			.filter(([phase]) => phase !== 'setup')
			.map(
				([phase, p]) =>
					`${phase} ${p.browser > 0 ? `${mb(p.browser)} MB Chromium` : ''} / ${mb(p.node)} MB Node`
			)
			.join('; ')
	);
}

/**
 * A run without native DuckDB beside it, printed and kept: refused, failed (which, where, the page's
 * message) or completed (--browser-only), with memory and long tasks.
 */
function browserOnlyReport(browser, peaks) {
	const { outcome, marks } = browser;
	if (outcome.kind === 'completed') {
		console.log(
			`\noutcome: completed: ${browser.reportText.match(/[\d,]+ data rows read[^.]*\./)?.[0] ?? 'step 5 reached'}`
		);
	} else {
		const where =
			outcome.phase === 'preview' ? 'at step 1, before the file was read' : `in ${outcome.phase}`;
		console.log(`\noutcome: ${outcome.kind} ${where}:\n  ${outcome.text.replace(/\n+/g, '\n  ')}`);
	}
	console.log(`peak Chromium PSS ${mb(browserPeak(peaks))} MB; ${longTaskSummary(marks)}.`);
	console.log(peakLine(peaks));
	console.log(
		`main-thread JS heap: ${mb(browser.heap.before)} MB before, peak ${mb(browser.heap.peak)} MB, ${mb(browser.heap.after)} MB after.`
	);
	console.log(
		outcome.kind === 'completed'
			? 'native DuckDB not run (--browser-only).'
			: 'native DuckDB not run: the page did not load this file.'
	);
	if (browser.problems.length > 0) console.log(`\npage problems:\n${browser.problems.join('\n')}`);
	return {
		outcome,
		chrome: /Chrome\/(\d+)/.exec(marks.userAgent)?.[1] ?? '?',
		readyMs: browser.readyMs,
		heap: browser.heap,
		peaks: Object.fromEntries(peaks),
		longTasks: marks.longTasks,
		pageProblems: browser.problems
	};
}

function writeResult(result) {
	const path = join(OUT, `upload-result-${result.rows}.json`);
	writeFileSync(path, JSON.stringify(result, null, '\t') + '\n');
	console.log(`all marks: .bench/upload-result-${result.rows}.json`);
}

async function main() {
	const { url, rows, seed, native: withNative } = options(process.argv.slice(2));
	const started = performance.now();
	mkdirSync(OUT, { recursive: true });
	const dir = mkdtempSync(join(tmpdir(), 'pengo-bench-upload-'));
	const csvPath = join(dir, FILE_NAME);
	try {
		const writeStarted = performance.now();
		const bytes = writeHouseholds(csvPath, rows, seed);
		console.log(
			`data: ${FILE_NAME}, ${rows.toLocaleString('en-US')} rows × 10 columns, ${mb(bytes)} MB, ` +
				`written in ${s(performance.now() - writeStarted)} s`
		);

		const memory = startMemorySampler();
		const browser = await runBrowser(url, csvPath, memory);
		if (browser.outcome.kind !== 'completed' || !withNative) {
			memory.phase('after');
			const result = browserOnlyReport(browser, memory.stop());
			writeResult({ url, rows, seed, bytes, ...result });
			// A refusal is the page doing its job; only a failure fails the run.
			if (browser.outcome.kind === 'failed') process.exitCode = 1;
			return;
		}
		const phases = browserPhases(browser.marks);
		const app = await loadAppModules();
		let native;
		try {
			native = await runNative(csvPath, app.modules, memory);
		} finally {
			await app.close();
		}
		memory.phase('after');
		const peaks = memory.stop();

		const counts = /([\d,.\s]+) data rows read: ([\d,.\s]+) loaded, ([\d,.\s]+) kept aside/.exec(
			browser.reportText
		);
		const number = (text) => Number(text.replace(/[^\d]/g, ''));
		const browserCounts = counts
			? { read: number(counts[1]), loaded: number(counts[2]), rejected: number(counts[3]) }
			: null;
		const chrome = /Chrome\/(\d+)/.exec(browser.marks.userAgent)?.[1] ?? '?';

		const nativeOf = {
			'preview: file chosen → Step 2': native.times.preview,
			'staging: Continue → Step 3 (roles)': native.times.staging,
			'regions: Continue → Step 4': native.times.regions,
			'estimates: Check and load → Step 5': native.times.estimates,
			'total: file chosen → Step 5': native.times.total
		};
		console.log(
			`\n${url}/datasets/ in Chromium ${chrome} (DuckDB-WASM, 1 thread), page ready in ${s(browser.readyMs)} s; ` +
				`native DuckDB ${native.version} (threads = 1) through the app's own import modules.\n`
		);
		console.log(
			pad([
				['phase', 'browser s', 'native s', 'wasm/native', 'long tasks', 'long ms', 'longest ms'],
				...phases.map((p) => [
					p.name,
					s(p.ms),
					s(nativeOf[p.name]),
					`${(p.ms / nativeOf[p.name]).toFixed(1)}×`,
					p.longTasks,
					Math.round(p.longTaskMs),
					Math.round(p.longestMs)
				])
			])
		);
		console.log(
			`\nrows: browser ${browserCounts ? `${browserCounts.read} read, ${browserCounts.loaded} loaded, ${browserCounts.rejected} kept aside` : 'report counts not found'}; ` +
				`native ${native.report.rowsRead} read, ${native.report.rowsLoaded} loaded, ${native.report.rowsRejected} kept aside, ` +
				`${native.report.indicators} indicators; ${native.regionNames} written region names (${Object.entries(
					native.regionStatuses
				)
					.map(([k, v]) => `${v} ${k}`)
					.join(', ')}).`
		);
		console.log(
			'native split: ' +
				Object.entries(native.times)
					.filter(([name]) => name.includes(':'))
					.map(([name, ms]) => `${name} ${s(ms)} s`)
					.join('; ')
		);
		console.log(
			'native, slowest statements:\n' +
				native.slowestQueries
					.slice(0, 5)
					.map((q) => `  ${s(q.ms)} s  ${q.sql}`)
					.join('\n')
		);
		console.log(
			`main-thread JS heap: ${mb(browser.heap.before)} MB before, peak ${mb(browser.heap.peak)} MB, ${mb(browser.heap.after)} MB after.`
		);
		console.log(peakLine(peaks));
		if (browser.problems.length > 0)
			console.log(`\npage problems:\n${browser.problems.join('\n')}`);

		const result = {
			url,
			rows,
			seed,
			bytes,
			chrome,
			readyMs: browser.readyMs,
			phases,
			native,
			browserCounts,
			heap: browser.heap,
			peaks: Object.fromEntries(peaks),
			longTasks: browser.marks.longTasks,
			pageProblems: browser.problems
		};
		console.log(
			`\noutcome: completed: ${rows.toLocaleString('en-US')} rows loaded in the page; ` +
				`peak Chromium PSS ${mb(browserPeak(peaks))} MB; ${longTaskSummary(browser.marks)}.`
		);
		writeResult({ ...result, outcome: browser.outcome });
		console.log(`total ${s(performance.now() - started)} s`);
		if (browserCounts && browserCounts.loaded !== native.report.rowsLoaded) {
			console.error('The browser and native DuckDB loaded different row counts.');
			process.exitCode = 1;
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
