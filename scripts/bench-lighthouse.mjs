#!/usr/bin/env node
// `npm run bench:lighthouse`: Lighthouse 12.2.3 on the explorer, `--runs` times as a phone (its
// default: Moto G Power screen, simulated slow 4G, 4× CPU) and `--runs` times as a desktop
// (`--preset=desktop`), with the medians of performance, accessibility and CLS beside the targets.
// Builds nothing: it serves build/ as `npm run serve` does (run `npm run build` first), or
// measures the server behind `--url`.
//
// Usage: node scripts/bench-lighthouse.mjs [--runs N] [--url URL] [--port P]
//   --runs  runs of each form factor (default 3: scores swing run to run on a shared machine)
//   --url   a served Pengo page (default: build/ served here, its explorer)
//   --port  local port (default 4578)
// Lighthouse comes from the npm registry through npx (lighthouse@12.2.3; 13.x needs Node 22) and
// drives Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium). Every report is kept in
// .bench/lighthouse/. Never fails on a target: exits 1 only when no run gave scores.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { median, printTable, readOptions, ROOT, serveSite } from './loadMetrics.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { mobile: 90, desktop: 98, accessibility: 100, cls: 0.05 };
const OUT = join(ROOT, '.bench/lighthouse');
const progress = (text) => process.stderr.write(`${text}\n`);

/** One Lighthouse run; resolves with the path of its JSON report. */
function lighthouse(url, formFactor, run) {
	const output = join(OUT, `${formFactor}-${run}.json`);
	const args = [
		'--yes',
		LIGHTHOUSE,
		url,
		`--chrome-path=${CHROME}`,
		'--chrome-flags=--headless=new --no-sandbox',
		'--only-categories=performance,accessibility',
		'--output=json',
		`--output-path=${output}`,
		'--quiet',
		...(formFactor === 'desktop' ? ['--preset=desktop'] : [])
	];
	return new Promise((resolve, reject) => {
		const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
		let errors = '';
		child.stderr.on('data', (d) => (errors += d));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve(output)
				: reject(
						new Error(
							`lighthouse exited ${code}:\n${errors.trim().split('\n').slice(-8).join('\n')}`
						)
					)
		);
	});
}

/** What one report says: scores 0–100, CLS, the metrics, what it suggests, what failed. */
function readReport(path) {
	const report = JSON.parse(readFileSync(path, 'utf8'));
	const audit = (id) => report.audits[id] ?? {};
	const score = (id) => {
		const value = report.categories[id]?.score;
		return typeof value === 'number' ? Math.round(value * 100) : NaN;
	};
	const opportunities = Object.values(report.audits)
		.filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
		.sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
		.map((a) => `${a.title} (${Math.round(a.details.overallSavingsMs)} ms)`);
	const failed = (category) =>
		(report.categories[category]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0)
			.map((ref) => audit(ref.id))
			.filter((a) => typeof a.score === 'number' && a.score < 0.9)
			.map((a) => a.id);
	return {
		version: report.lighthouseVersion,
		performance: score('performance'),
		accessibility: score('accessibility'),
		cls: audit('cumulative-layout-shift').numericValue ?? NaN,
		fcp: audit('first-contentful-paint').numericValue ?? NaN,
		lcp: audit('largest-contentful-paint').numericValue ?? NaN,
		tbt: audit('total-blocking-time').numericValue ?? NaN,
		si: audit('speed-index').numericValue ?? NaN,
		opportunities,
		failedPerformance: failed('performance'),
		failedAccessibility: failed('accessibility'),
		errors: Object.values(report.audits)
			.filter((a) => a.errorMessage)
			.map((a) => `${a.id}: ${a.errorMessage.split('\n')[0].slice(0, 120)}`),
		warnings: report.runWarnings ?? []
	};
}

const secondsText = (ms) => `${(ms / 1000).toFixed(1)} s`;
const yesNo = (ok) => (ok ? 'yes' : 'no');

/** "median (min–max)" of one figure over the runs. */
function spread(runs, key, format = String) {
	const values = runs.map((r) => r[key]).filter((v) => Number.isFinite(v));
	if (values.length === 0) return { median: NaN, text: 'not reported' };
	const mid = median(values);
	const low = Math.min(...values);
	const high = Math.max(...values);
	const range = high > low ? ` (${format(low)}–${format(high)})` : '';
	return { median: mid, text: `${format(mid)}${range}` };
}

/** Lines of what the runs said, each once, with how many runs said it. */
function tally(runs, key) {
	const counts = new Map();
	for (const run of runs)
		for (const item of new Set(run[key])) counts.set(item, (counts.get(item) ?? 0) + 1);
	return [...counts].map(
		([item, n]) => `${item}${runs.length > 1 ? ` [${n}/${runs.length}]` : ''}`
	);
}

async function main() {
	const opts = readOptions(
		process.argv.slice(2),
		{ runs: 3, url: '', port: 4578 },
		(name, value) => {
			if (name === 'url') return /^https?:\/\//.test(value) ? null : 'an http(s) URL';
			return Number.isInteger(value) && value > 0 ? null : 'a positive whole number';
		}
	);
	mkdirSync(OUT, { recursive: true });
	const loadBefore = loadavg()[0].toFixed(1);
	const site = opts.url ? { origin: opts.url, stop: async () => {} } : await serveSite(opts.port);
	const url = opts.url || `${site.origin}/`;
	const results = { mobile: [], desktop: [] };
	const failures = [];
	try {
		for (let run = 1; run <= opts.runs; run++) {
			for (const formFactor of ['mobile', 'desktop']) {
				progress(`${formFactor} run ${run}/${opts.runs}…`);
				try {
					results[formFactor].push(readReport(await lighthouse(url, formFactor, run)));
				} catch (error) {
					failures.push(`${formFactor} run ${run}: ${error.message}`);
					progress(`  failed: ${error.message.split('\n')[0]}`);
				}
			}
		}
	} finally {
		await site.stop();
	}

	const version = [...results.mobile, ...results.desktop][0]?.version ?? '?';
	console.log(`\nLighthouse ${version} on ${url}, ${new Date().toISOString().slice(0, 16)}Z`);
	console.log(
		`Chromium ${CHROME} (--headless=new --no-sandbox); ${cpus().length} cores, load average ` +
			`${loadBefore} before, ${loadavg()[0].toFixed(1)} after; median (min–max) of the runs\n`
	);
	const rows = [['figure', 'mobile', 'desktop', 'target', 'met?']];
	const both = (key, format) => ['mobile', 'desktop'].map((f) => spread(results[f], key, format));
	const [perfMobile, perfDesktop] = both('performance');
	rows.push([
		'performance',
		perfMobile.text,
		perfDesktop.text,
		`mobile ≥ ${TARGETS.mobile}, desktop ≥ ${TARGETS.desktop}`,
		`${yesNo(perfMobile.median >= TARGETS.mobile)}, ${yesNo(perfDesktop.median >= TARGETS.desktop)}`
	]);
	const [a11yMobile, a11yDesktop] = both('accessibility');
	rows.push([
		'accessibility',
		a11yMobile.text,
		a11yDesktop.text,
		`${TARGETS.accessibility}`,
		yesNo(Math.min(a11yMobile.median, a11yDesktop.median) >= TARGETS.accessibility)
	]);
	const [clsMobile, clsDesktop] = both('cls', (v) => v.toFixed(3));
	rows.push([
		'cumulative layout shift',
		clsMobile.text,
		clsDesktop.text,
		`≤ ${TARGETS.cls}`,
		yesNo(Math.max(clsMobile.median, clsDesktop.median) <= TARGETS.cls)
	]);
	for (const [key, name] of [
		['fcp', 'first contentful paint'],
		['lcp', 'largest contentful paint'],
		['tbt', 'total blocking time'],
		['si', 'speed index']
	]) {
		const [mobile, desktop] = both(key, key === 'tbt' ? (v) => `${Math.round(v)} ms` : secondsText);
		rows.push([name, mobile.text, desktop.text, '—', '—']);
	}
	printTable(rows);

	for (const formFactor of ['mobile', 'desktop']) {
		const runs = results[formFactor];
		if (runs.length === 0) continue;
		const lines = [
			['top opportunities', tally(runs, 'opportunities').slice(0, 5)],
			['performance audits below 0.9', tally(runs, 'failedPerformance')],
			['accessibility audits failed', tally(runs, 'failedAccessibility')],
			['audits that could not run', tally(runs, 'errors')],
			['warnings', tally(runs, 'warnings')]
		].filter(([, items]) => items.length > 0);
		console.log(`\n${formFactor}:`);
		for (const [title, items] of lines) console.log(`  ${title}:\n    ${items.join('\n    ')}`);
	}
	if (failures.length > 0) console.log(`\nRuns that failed:\n  ${failures.join('\n  ')}`);
	console.log(`\nReports: .bench/lighthouse/{mobile,desktop}-N.json`);
	if (results.mobile.length + results.desktop.length === 0) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
