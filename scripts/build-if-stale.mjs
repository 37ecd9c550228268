#!/usr/bin/env node
// Runs `npm run build` unless build/ is what that would make of this checkout as it is now: for the
// end-to-end tests on a developer's machine, where the site was often built a minute ago. Under CI
// (CI set), on a fresh clone, or whenever anything is uncertain, it builds.
//
// A build is taken as fresh when both hold:
//   - the build inputs are unchanged since the last build this script ran: every file git knows or
//     would add (tracked, or untracked and not ignored) outside tests/e2e/, docs/, bench/ and *.md,
//     plus the installed package tree (node_modules/.package-lock.json), hashed by content;
//   - build/ is as that build left it: the same files with the same sizes and times.
// The stamp lives in node_modules/.cache/, so `npm ci` forgets it.
//
// Usage: node scripts/build-if-stale.mjs [--force]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(ROOT, 'build');
const STAMP = join(ROOT, 'node_modules/.cache/pengo-build-stamp.json');
/** What the build does not read: the browser tests, the documentation and the benchmarks. */
const NOT_INPUT = /^(tests\/e2e\/|docs\/|bench\/)|\.md$/;

/** A hash of every build input's path and content; null when git cannot list them. */
function inputsHash() {
	const listed = spawnSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (listed.status !== 0) return null;
	const files = listed.stdout
		.split('\0')
		.filter((f) => f !== '' && !NOT_INPUT.test(f))
		.concat('node_modules/.package-lock.json')
		.sort();
	const hash = createHash('sha256');
	for (const file of files) {
		const path = join(ROOT, file);
		hash.update(`${file}\0`);
		// A tracked file deleted in the working tree counts as its absence.
		hash.update(existsSync(path) && statSync(path).isFile() ? readFileSync(path) : '\0missing');
		hash.update('\0');
	}
	return hash.digest('hex');
}

/** A hash of what build/ holds: every file's path, size and modification time; null if none. */
function buildHash() {
	if (!existsSync(join(BUILD, 'index.html'))) return null;
	const hash = createHash('sha256');
	const files = readdirSync(BUILD, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name))
		.sort();
	for (const file of files) {
		const { size, mtimeMs } = statSync(file);
		hash.update(`${file.slice(BUILD.length)}\0${size}\0${mtimeMs}\0`);
	}
	return hash.digest('hex');
}

function readStamp() {
	try {
		return JSON.parse(readFileSync(STAMP, 'utf8'));
	} catch {
		return null;
	}
}

const force = process.argv.includes('--force') || Boolean(process.env.CI);
const inputs = inputsHash();
const stamp = readStamp();
const fresh =
	!force &&
	inputs !== null &&
	stamp?.inputs === inputs &&
	stamp?.build !== undefined &&
	stamp.build === buildHash();

if (fresh) {
	console.log('build: build/ is up to date with this checkout; not building again.');
} else {
	// On a fresh clone `npm run summary` (the build's third step) needs .svelte-kit/tsconfig.json,
	// which `svelte-kit sync` writes (`npm run check` runs it too, but the tests may come first).
	if (!existsSync(join(ROOT, '.svelte-kit/tsconfig.json'))) {
		const synced = spawnSync('npx', ['svelte-kit', 'sync'], { cwd: ROOT, stdio: 'inherit' });
		if (synced.status !== 0) process.exit(synced.status ?? 1);
	}
	const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
	// The inputs as they were when the build started: a file changed meanwhile forces the next.
	if (inputs !== null) {
		mkdirSync(dirname(STAMP), { recursive: true });
		writeFileSync(STAMP, JSON.stringify({ inputs, build: buildHash() }) + '\n');
	} else {
		console.log('build: git could not list the inputs; the next run builds again.');
	}
}
