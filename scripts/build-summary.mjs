#!/usr/bin/env node
// Writes the bundled data's precomputed answers (src/lib/data/summary.ts explains them) to
// src/lib/generated/ (git-ignored; the page imports both files as hashed assets): the whole
// summary, and the first screen's part (the catalogue and the default view) that comes first.
// Native DuckDB runs the app's own loader and view queries on the bundled CSVs; a bundled file
// that fails its checks stops the build with the message the page would show.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appModuleLoader } from './appModules.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'src/lib/generated');

const app = await appModuleLoader(ROOT);
let exitCode = 0;
try {
	const { openNativeConnector } = await app.load('/tests/native-connector.ts');
	const { buildSummary } = await app.load('/src/lib/data/summaryBuild.ts');
	const db = await openNativeConnector();
	try {
		const started = performance.now();
		const { summary, first } = await buildSummary(
			db,
			async (file) => new Uint8Array(readFileSync(join(ROOT, 'data', file)))
		);
		mkdirSync(OUT_DIR, { recursive: true });
		const ms = Math.round(performance.now() - started);
		for (const [name, part] of [
			['bundled-summary.json', summary],
			['bundled-summary-first.json', first]
		]) {
			const text = JSON.stringify(part);
			writeFileSync(join(OUT_DIR, name), text);
			console.log(
				`summary: ${name}: ${Object.keys(part.answers).length} answers, ${(text.length / 1024).toFixed(0)} KiB`
			);
		}
		console.log(`summary: ${summary.bundled.indicators.length} indicators, built in ${ms} ms`);
	} finally {
		db.close();
	}
} catch (error) {
	exitCode = 1;
	if (error?.name === 'DataFileError') {
		console.error(`summary: the bundled data failed its checks (${error.total} problem(s)):`);
		for (const p of error.problems) {
			const where = [p.file, p.line && `line ${p.line}`, p.column && `column ${p.column}`]
				.filter(Boolean)
				.join(', ');
			const value = p.value === undefined ? '' : ` value ${JSON.stringify(p.value)}`;
			console.error(`  ${where}:${value} ${p.kind}${p.detail ? ` (${p.detail})` : ''}`);
		}
	} else {
		console.error(error);
	}
} finally {
	await app.close();
}
process.exit(exitCode);
