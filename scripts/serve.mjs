#!/usr/bin/env node
// `npm run serve` (and `npm start`, after the build): serves build/ on localhost with the headers
// the site needs and a static host should send (README, "Serving it yourself"): the CSP as a
// header, so that it covers the workers too; nosniff; no Referer; no CORS; precompressed files
// (brotli, gzip) when the browser accepts them; long caching for hashed files only.
//
// Usage: node scripts/serve.mjs [--port N]   (or PORT=N; default 4173)

import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { answer, notFound, pagePolicy } from './headers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Lists what the build wrote and reads each page's policy from its <meta> tag.
 * @param {string} dir
 * @returns {import('./headers.mjs').Site}
 */
export function readSite(dir) {
	const all = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name));
	const present = new Set(all);
	const files = new Set();
	const pagePolicies = new Map();
	for (const abs of all) {
		if (/\.(br|gz)$/.test(abs) && present.has(abs.slice(0, -3))) continue;
		const path = `/${relative(dir, abs).split(sep).join('/')}`;
		files.add(path);
		if (path.endsWith('.html')) pagePolicies.set(path, pagePolicy(readFileSync(abs, 'utf8')));
	}
	return { files, pagePolicies, fallback: '/404.html' };
}

/** Which copy of a file to send for an Accept-Encoding header, as sirv chooses. */
function encodingFor(/** @type {string} */ accept, /** @type {string} */ abs) {
	if (/\b(br|brotli)\b/i.test(accept) && existsSync(`${abs}.br`)) return 'br';
	if (/\bgzip\b/i.test(accept) && existsSync(`${abs}.gz`)) return 'gzip';
	return undefined;
}

/**
 * A request handler for the built site in `dir`.
 * @param {string} dir
 * @returns {import('node:http').RequestListener}
 */
export function siteHandler(dir) {
	const site = readSite(dir);
	const files = sirv(dir, { etag: true, brotli: true, gzip: true, extensions: [] });

	/** The fallback page with status 404, which sirv cannot send: it always answers 200. */
	const sendNotFound = (
		/** @type {import('node:http').IncomingMessage} */ req,
		/** @type {import('node:http').ServerResponse} */ res
	) => {
		const { file, headers } = notFound(site);
		const abs = join(dir, file);
		const encoding = encodingFor(req.headers['accept-encoding'] ?? '', abs);
		const sent = encoding ? `${abs}.${encoding === 'br' ? 'br' : 'gz'}` : abs;
		res.writeHead(404, {
			...headers,
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Length': statSync(sent).size,
			Vary: 'Accept-Encoding',
			...(encoding ? { 'Content-Encoding': encoding } : {})
		});
		if (req.method === 'HEAD') res.end();
		else createReadStream(sent).pipe(res);
	};

	return (req, res) => {
		const plan = answer(req.method ?? 'GET', req.url ?? '/', site);
		if (!('file' in plan)) {
			res.writeHead(plan.status, plan.headers).end();
			return;
		}
		if (plan.status === 404) {
			sendNotFound(req, res);
			return;
		}
		for (const [name, value] of Object.entries(plan.headers)) res.setHeader(name, value);
		req.url = plan.file;
		// sirv skips dotfiles, which the site's file list does not.
		files(req, res, () => sendNotFound(req, res));
	};
}

/** The port from `--port N`, `--port=N` or PORT, else 4173. */
function port(/** @type {string[]} */ argv) {
	const flag = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
	const text =
		flag < 0 ? (process.env.PORT ?? '4173') : (argv[flag].split('=')[1] ?? argv[flag + 1] ?? '');
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0 || value > 65535 || text.trim() === '') {
		throw new Error(`The port must be a whole number from 0 to 65535, not "${text}".`);
	}
	return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const dir = join(ROOT, 'build');
	if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, '404.html'))) {
		console.error(
			`No built site in ${dir} (index.html and 404.html). Run \`npm run build\` first.`
		);
		process.exit(1);
	}
	let listenOn;
	try {
		listenOn = port(process.argv.slice(2));
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	const server = createServer(siteHandler(dir));
	server.on('error', (error) => {
		const busy = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE';
		console.error(
			busy ? `Port ${listenOn} is in use; choose another with --port N or PORT=N.` : error
		);
		process.exit(1);
	});
	server.listen(listenOn, 'localhost', () => {
		const address = server.address();
		const bound = typeof address === 'object' && address ? address.port : listenOn;
		console.log(`Serving ${relative(process.cwd(), dir) || '.'}/ at http://localhost:${bound}/`);
	});
}
