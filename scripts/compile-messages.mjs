#!/usr/bin/env node
// Compiles the UI messages (paraglide) and fails on any warning: offline, a plugin that cannot
// be imported only warns and compiles no messages at all, which must never pass silently.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin', 'paraglide-js');
const run = spawnSync(
	bin,
	[
		'compile',
		'--project',
		'./project.inlang',
		'--outdir',
		'./src/lib/paraglide',
		'--strategy',
		'localStorage',
		'baseLocale'
	],
	{ cwd: root, encoding: 'utf8' }
);
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
if (run.status !== 0) {
	process.stderr.write(output);
	process.exit(1);
}
if (/warn|error|PluginImportError|fetch failed/i.test(output)) {
	process.stderr.write(output);
	process.stderr.write('\nMessage compilation reported a problem (see above).\n');
	process.exit(1);
}
console.log('messages: compiled to src/lib/paraglide');
