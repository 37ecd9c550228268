#!/usr/bin/env node
// Run by `npm run build` after `vite build`: writes a brotli copy (.br, quality 11) and a gzip copy
// (.gz, level 9) beside every compressible file in build/, for servers that send precompressed
// files (scripts/serve.mjs; nginx's brotli_static and gzip_static).
//
// Not adapter-static's `precompress`: it skips .csv and .geojson, and it compresses everything again
// on every build, which for the two DuckDB .wasm files (34 MB and 39 MB) at brotli's best quality
// takes minutes of CPU. Here every result is cached by the file's content hash, so a file that did
// not change since the last build (the .wasm files, most chunks) costs a copy.
//
// Usage: node scripts/precompress.mjs [DIR]   (default build/)

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.geojson', '.svg', '.md']);
/** The extensions that get compressed copies; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set([...TEXT, '.wasm']);

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The two copies written for each file; the cache key names the settings, so changing them misses. */
const FORMATS = [
	{
		suffix: '.br',
		key: 'br-q11',
		compress: (/** @type {Buffer} */ bytes, /** @type {string} */ ext) =>
			brotli(bytes, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
					[constants.BROTLI_PARAM_MODE]: TEXT.has(ext)
						? constants.BROTLI_MODE_TEXT
						: constants.BROTLI_MODE_GENERIC,
					[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
				}
			})
	},
	{
		suffix: '.gz',
		key: 'gz-9',
		compress: (/** @type {Buffer} */ bytes) => gz(bytes, { level: constants.Z_BEST_COMPRESSION })
	}
];

/** @param {string} dir @returns {Promise<string[]>} */
async function compressibleFiles(dir) {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name)))
		.map((e) => join(e.parentPath, e.name));
}

/** Writes via a temporary name, so a build cut short never leaves half a file behind. */
async function writeWhole(/** @type {string} */ path, /** @type {Buffer} */ bytes) {
	const temporary = `${path}.${process.pid}.tmp`;
	await writeFile(temporary, bytes);
	await rename(temporary, path);
}

/**
 * Writes `.br` and `.gz` beside every compressible file under `dir`, reusing results cached in
 * `cacheDir` and removing cache entries this run did not use. A copy that would not be smaller
 * than the file is not written (a server then sends the file as it is).
 * @param {string} dir
 * @param {string} cacheDir
 */
export async function precompress(dir, cacheDir) {
	await mkdir(cacheDir, { recursive: true });
	const files = await compressibleFiles(dir);
	const sizes = new Map();
	const queue = [];
	for (const file of files) {
		const bytes = await readFile(file);
		sizes.set(file, bytes.length);
		queue.push({ file, bytes, hash: createHash('sha256').update(bytes).digest('hex') });
	}
	// Largest first, so the .wasm files do not start last and hold up the end.
	queue.sort((a, b) => b.bytes.length - a.bytes.length);

	/** One compression per distinct content and format, however many files share it. */
	const copies = new Map();
	const totals = { files: files.length, raw: 0, br: 0, gz: 0, cached: 0, compressed: 0 };
	const copy = (/** @type {string} */ entry, /** @type {() => Promise<Buffer>} */ make) => {
		let made = copies.get(entry);
		if (!made) {
			made = readFile(join(cacheDir, entry)).then(
				(cached) => {
					totals.cached += 1;
					return cached;
				},
				async () => {
					const packed = await make();
					await writeWhole(join(cacheDir, entry), packed);
					totals.compressed += 1;
					return packed;
				}
			);
			copies.set(entry, made);
		}
		return made;
	};
	const work = queue.flatMap(({ file, bytes, hash }) =>
		FORMATS.map((format) => async () => {
			const packed = await copy(`${hash}.${format.key}`, () =>
				format.compress(bytes, extname(file))
			);
			const target = file + format.suffix;
			if (packed.length < bytes.length) await writeWhole(target, packed);
			else await rm(target, { force: true });
			totals[format.suffix === '.br' ? 'br' : 'gz'] += Math.min(packed.length, bytes.length);
		})
	);
	// zlib's asynchronous calls run on libuv's thread pool; more jobs than cores only queue there.
	const lanes = Math.max(1, Math.min(availableParallelism(), 4));
	await Promise.all(
		Array.from({ length: lanes }, async () => {
			for (let job = work.shift(); job; job = work.shift()) await job();
		})
	);
	for (const size of sizes.values()) totals.raw += size;

	for (const name of await readdir(cacheDir)) {
		if (!copies.has(name)) await rm(join(cacheDir, name), { force: true });
	}
	return totals;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const dir = resolve(process.argv[2] ?? join(ROOT, 'build'));
	const started = performance.now();
	const t = await precompress(dir, join(ROOT, 'node_modules/.cache/pengo-precompress'));
	const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
	console.log(
		`precompress: ${t.files} files, ${t.compressed} copies made and ${t.cached} from cache ` +
			`in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
			`${mb(t.raw)} raw, ${mb(t.br)} brotli, ${mb(t.gz)} gzip`
	);
}
