#!/usr/bin/env node
// `npm run bench:changes`: how long a change of indicator, measure or year takes to reach the
// explorer's map and chart once a 1,000,000-row survey microdata file is loaded, beside the same
// changes on the bundled data in the same browser, in the same run.
//
//   1. the explorer, cold: `--changes` changes on the bundled data (answered from the build's
//      summary, as `npm run bench:load` times them)
//   2. the Datasets page: a seeded DHS-like household file (bench/households.mjs: region names,
//      urban/rural, weight, cluster, stratum, three 0/1 items) through the five steps
//   3. "Show on the map" for the first uploaded item, then `--changes` changes among the upload's
//      own indicators and `--changes` across every indicator: every view is now DuckDB-WASM's to
//      answer, with the microdata's tables in it
//
// Usage: node scripts/bench-changes.mjs [--rows N] [--changes N] [--seed S] [--url URL]
//                                       [--port P] [--no-build]
//   --rows      households in the file (default 1000000)
//   --changes   changes timed before the upload, and twice that after (default 40)
//   --seed      PRNG seed of the file (default 20241129)
//   --url       measure a served Pengo instead of building and serving this checkout
//   --port      local port (default 4576)
//   --no-build  serve build/ as it is
// Never fails on a target: exits 1 only when it could not measure. Writes
// .bench/changes-result-<rows>.json.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUSEHOLDS_FILE_NAME, writeHouseholds } from '../bench/households.mjs';
import {
	buildSite,
	coldContext,
	launchChromium,
	median,
	printTable,
	readOptions,
	ROOT,
	serveSite
} from './loadMetrics.mjs';
import { p95, timeChanges } from './viewChanges.mjs';

const TARGET_MS = { bundled: 50, upload: 100 };
const STEP_TIMEOUT = 600_000;
const progress = (text) => process.stderr.write(`${text}\n`);
const ms = (v) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : '> 10 s');
const seconds = (v) => `${(v / 1000).toFixed(1)} s`;

/** The file through the Datasets page's five steps, as a person does; returns the report line. */
async function upload(page, csvPath) {
	await page.getByRole('navigation').getByRole('link', { name: 'Data', exact: true }).click();
	const step = (n) => page.getByRole('heading', { name: new RegExp(`^Step ${n} of 5: `) });
	const input = page.getByLabel('CSV, TSV or semicolon-separated file');
	await input.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
	await input.setInputFiles(csvPath, { timeout: STEP_TIMEOUT });
	await step(2).waitFor({ timeout: STEP_TIMEOUT });
	await page.getByRole('button', { name: 'Continue' }).click();
	await step(3).waitFor({ timeout: STEP_TIMEOUT });
	await page.getByRole('button', { name: 'Continue' }).click();
	await step(4).waitFor({ timeout: STEP_TIMEOUT });
	await page.getByRole('button', { name: 'Check and load' }).click();
	await step(5).waitFor({ timeout: STEP_TIMEOUT });
	const added = page.getByRole('region', { name: 'Add a dataset' });
	const report = await added.getByRole('status').first().innerText();
	const item = added.getByRole('listitem').filter({ hasText: / – / }).first();
	const name = (await item.innerText()).split(' – ')[0].trim();
	await item.getByRole('link', { name: 'Show on the map' }).click();
	await page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) }).waitFor();
	await page.evaluate(() => window.__pengoLoad.arm());
	return { report, name };
}

/** p50 and p95 of a set of changes, with how many there were. */
function figures(changes) {
	const times = changes.map((c) => c.ms);
	return { n: times.length, p50: median(times), p95: p95(times) };
}

async function main() {
	const defaults = {
		rows: 1_000_000,
		changes: 40,
		seed: 20241129,
		url: '',
		port: 4576,
		'no-build': false
	};
	const opts = readOptions(process.argv.slice(2), defaults, (name, value) => {
		if (name === 'url') return /^https?:\/\//.test(value) ? null : 'an http(s) URL';
		return Number.isInteger(value) && value >= 0 ? null : 'a whole number';
	});
	const started = performance.now();
	const loadBefore = loadavg()[0].toFixed(1);
	let site;
	if (opts.url) {
		site = { origin: opts.url.replace(/\/+$/, ''), stop: async () => {} };
	} else {
		if (!opts['no-build']) {
			progress('building (npm run build)…');
			buildSite();
		}
		site = await serveSite(opts.port);
	}
	const dir = mkdtempSync(join(tmpdir(), 'pengo-bench-changes-'));
	const csvPath = join(dir, HOUSEHOLDS_FILE_NAME);
	const browser = await launchChromium();
	try {
		progress(`writing ${opts.rows.toLocaleString('en-US')} households…`);
		const bytes = writeHouseholds(csvPath, opts.rows, opts.seed);
		const context = await coldContext(browser);
		const page = await context.newPage();
		const problems = [];
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

		progress(`bundled data: cold load and ${opts.changes} changes…`);
		await page.goto(`${site.origin}/`);
		await page.evaluate((t) => window.__pengoLoad.shown(t), 60_000);
		const bundled = await timeChanges(page, opts.changes);

		progress('uploading through the Datasets page…');
		const uploadStarted = performance.now();
		const uploaded = await upload(page, csvPath);
		const uploadMs = performance.now() - uploadStarted;
		progress(
			`  ${uploaded.report} (${seconds(uploadMs)}); ${opts.changes} changes from ${uploaded.name}…`
		);
		const onUpload = await timeChanges(page, opts.changes, (id) => id.startsWith('up_'));
		progress(`  ${opts.changes} changes across every indicator…`);
		const acrossAll = await timeChanges(page, opts.changes);
		const after = [...onUpload, ...acrossAll];
		await context.close();

		const before = figures(bundled);
		const all = figures(after);
		console.log(
			`\nPengo: changes of view with ${opts.rows.toLocaleString('en-US')} uploaded rows loaded, ${new Date().toISOString().slice(0, 16)}Z`
		);
		console.log(
			`site: ${site.origin}/; Chromium ${browser.version()}; ${cpus().length} cores, load average ` +
				`${loadBefore} before, ${loadavg()[0].toFixed(1)} after`
		);
		console.log(
			`file: ${HOUSEHOLDS_FILE_NAME}, ${(bytes / 1e6).toFixed(1)} MB; ${uploaded.report} ` +
				`(file chosen → map: ${seconds(uploadMs)})`
		);
		console.log(
			'a change: from the change or click event to the chart showing new rows and the map the ' +
				'picture it settles on (scripts/viewChanges.mjs)\n'
		);
		const row = (label, f, target) => [
			label,
			String(f.n),
			f.n ? ms(f.p50) : '—',
			f.n ? ms(f.p95) : '—',
			target ? `≤ ${target} ms` : '—',
			target && f.n ? (f.p95 <= target ? 'yes' : 'no') : '—'
		];
		printTable([
			['changes', 'n', 'p50', 'p95', 'target (p95)', 'met?'],
			row('bundled data, before the upload (baseline)', before, TARGET_MS.bundled),
			row('with the upload loaded, all', all, TARGET_MS.upload),
			row("  among the upload's own indicators", figures(onUpload), null),
			row('  across every indicator', figures(acrossAll), null)
		]);
		const kinds = [...new Set(after.map((c) => c.kind))];
		console.log(
			'\nWith the upload, by kind (p50 / p95): ' +
				kinds
					.map((kind) => {
						const f = figures(after.filter((c) => c.kind === kind));
						return `${kind} ${ms(f.p50)} / ${ms(f.p95)} (${f.n})`;
					})
					.join(', ') +
				'.'
		);
		const slowest = [...after].sort((a, b) => b.ms - a.ms).slice(0, 3);
		console.log(
			`Slowest: ${slowest.map((c) => `${c.change} on ${c.indicator} ${ms(c.ms)} (chart ${ms(c.chartMs)}, map ${ms(c.mapMs)})`).join('; ')}.`
		);
		if (problems.length > 0) console.log(`Page problems:\n  ${problems.slice(0, 8).join('\n  ')}`);

		mkdirSync(join(ROOT, '.bench'), { recursive: true });
		const result = {
			date: new Date().toISOString(),
			opts,
			bytes,
			uploaded,
			uploadMs,
			bundled,
			after
		};
		writeFileSync(
			join(ROOT, `.bench/changes-result-${opts.rows}.json`),
			JSON.stringify(result, null, '\t') + '\n'
		);
		console.log(
			`\nEvery change: .bench/changes-result-${opts.rows}.json. Took ${seconds(performance.now() - started)}.`
		);
		if (before.n === 0 || all.n === 0) {
			console.error('No change was timed.');
			process.exitCode = 1;
		}
	} finally {
		await browser.close();
		await site.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
