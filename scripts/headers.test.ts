import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { get, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, BASE_POLICY, pagePolicy, policyText, type Site } from './headers.mjs';
import { readSite, siteHandler } from './serve.mjs';

const BASE =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; " +
	"connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; " +
	"style-src-attr 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'self'";

// As SvelteKit writes it: its own directive order, the page's script hash, no frame-ancestors.
const META =
	"default-src 'self'; worker-src 'self' blob:; connect-src 'self'; script-src 'self' " +
	"'wasm-unsafe-eval' 'sha256-Gn26Px7XHo1rszJrQNMQnCjOM5ysdXd1jqEVSDa+PAQ='; object-src 'none'";
const page = (policy: string) =>
	`<!doctype html><html><head><meta charset="utf-8" />\n\t\t<meta http-equiv="content-security-policy" content="${policy}">\n</head><body></body></html>`;

describe('policyText', () => {
	it('quotes keywords and leaves schemes bare', () => {
		expect(
			policyText({
				'script-src': ['self', 'wasm-unsafe-eval'],
				'img-src': ['self', 'data:', 'blob:'],
				'object-src': ['none']
			})
		).toBe("script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data: blob:; object-src 'none'");
	});

	it('writes the policy of csp.config.js, frame-ancestors included, for everything but pages', () => {
		expect(BASE_POLICY).toBe(BASE);
	});
});

describe('pagePolicy', () => {
	it("is the page's own <meta> policy (with its hashes) plus frame-ancestors", () => {
		expect(pagePolicy(page(META))).toBe(`${META}; frame-ancestors 'self'`);
	});

	it('undoes the attribute escaping of the tag', () => {
		expect(pagePolicy(page("default-src 'self' https://a.example/?x=1&amp;y=2"))).toBe(
			"default-src 'self' https://a.example/?x=1&y=2; frame-ancestors 'self'"
		);
	});

	it('is the base policy, with no inline script allowed, for a page without the tag', () => {
		expect(pagePolicy('<!doctype html><p>licence</p>')).toBe(BASE);
	});
});

describe('answer', () => {
	const site: Site = {
		files: new Set([
			'/index.html',
			'/404.html',
			'/sql/index.html',
			'/region/TZ-03/index.html',
			'/favicon.svg',
			'/geo/tanzania-regions.geojson',
			'/_app/version.json',
			'/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
			'/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
			'/_app/immutable/entry/start.DPgUK1bJ.js'
		]),
		pagePolicies: new Map([
			['/index.html', "script-src 'self' 'sha256-home'; frame-ancestors 'self'"],
			['/404.html', "script-src 'self' 'sha256-fallback'; frame-ancestors 'self'"],
			['/sql/index.html', "script-src 'self' 'sha256-sql'; frame-ancestors 'self'"],
			['/region/TZ-03/index.html', "script-src 'self' 'sha256-dodoma'; frame-ancestors 'self'"]
		]),
		fallback: '/404.html'
	};
	const secure = (policy: string, cache: string) => ({
		'Content-Security-Policy': policy,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'no-referrer',
		'Cache-Control': cache
	});
	const IMMUTABLE = 'public, max-age=31536000, immutable';

	it("serves a page with that page's policy, revalidated on every visit", () => {
		expect(answer('GET', '/', site)).toEqual({
			status: 200,
			file: '/index.html',
			headers: secure("script-src 'self' 'sha256-home'; frame-ancestors 'self'", 'no-cache')
		});
		expect(answer('GET', '/sql/?q=select%201', site)).toEqual({
			status: 200,
			file: '/sql/index.html',
			headers: secure("script-src 'self' 'sha256-sql'; frame-ancestors 'self'", 'no-cache')
		});
		expect(answer('HEAD', '/region/TZ-03/', site)).toEqual({
			status: 200,
			file: '/region/TZ-03/index.html',
			headers: secure("script-src 'self' 'sha256-dodoma'; frame-ancestors 'self'", 'no-cache')
		});
	});

	it('serves hashed files under _app/immutable/ with the base policy, cached for a year', () => {
		for (const file of [
			'/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
			'/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
			'/_app/immutable/entry/start.DPgUK1bJ.js'
		]) {
			expect(answer('GET', file, site)).toEqual({
				status: 200,
				file,
				headers: secure(BASE, IMMUTABLE)
			});
		}
	});

	it('revalidates files whose names do not change with their content', () => {
		for (const file of ['/_app/version.json', '/favicon.svg', '/geo/tanzania-regions.geojson']) {
			expect(answer('GET', file, site)).toEqual({
				status: 200,
				file,
				headers: secure(BASE, 'no-cache')
			});
		}
	});

	it('redirects a page path without its trailing slash, keeping the query', () => {
		expect(answer('GET', '/sql?q=1', site)).toEqual({
			status: 307,
			headers: { ...secure(BASE, 'no-cache'), Location: '/sql/?q=1' }
		});
		expect(answer('GET', '/region/TZ-03', site)).toEqual({
			status: 307,
			headers: { ...secure(BASE, 'no-cache'), Location: '/region/TZ-03/' }
		});
	});

	it('answers anything else with the fallback page and 404, never cached as immutable', () => {
		const notFound = {
			status: 404,
			file: '/404.html',
			headers: secure("script-src 'self' 'sha256-fallback'; frame-ancestors 'self'", 'no-cache')
		};
		for (const url of [
			'/region/TZ-99/',
			'/nowhere',
			'/geo/',
			'/_app/immutable/entry/start.gone.js',
			'//evil.example',
			'/%2Fevil.example',
			'/../../etc/passwd',
			'/sql/index.html/'
		]) {
			expect(answer('GET', url, site), url).toEqual(notFound);
		}
	});

	it('refuses methods other than GET and HEAD', () => {
		expect(answer('POST', '/', site)).toEqual({
			status: 405,
			headers: { ...secure(BASE, 'no-cache'), Allow: 'GET, HEAD' }
		});
	});
});

describe('siteHandler on a small built site', () => {
	let dir: string;
	let server: Server;
	let origin: string;
	const wasm = new Uint8Array(4096).map((_, i) => i % 7);

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'pengo-serve-'));
		mkdirSync(join(dir, '_app/immutable/assets'), { recursive: true });
		mkdirSync(join(dir, 'sql'));
		writeFileSync(join(dir, 'index.html'), page(META));
		writeFileSync(join(dir, 'sql/index.html'), page("script-src 'self' 'sha256-sql'"));
		writeFileSync(join(dir, '404.html'), page("script-src 'self' 'sha256-fallback'"));
		writeFileSync(join(dir, '404.html.br'), brotliCompressSync(page('x')));
		const asset = join(dir, '_app/immutable/assets/duckdb-eh.abc.wasm');
		writeFileSync(asset, wasm);
		writeFileSync(`${asset}.br`, brotliCompressSync(wasm));
		writeFileSync(`${asset}.gz`, gzipSync(wasm));
		writeFileSync(join(dir, '_app/immutable/assets/worker.abc.js'), 'self.onmessage = () => {};');
		writeFileSync(join(dir, '_app/immutable/assets/maplibre-gl-worker.abc.mjs'), 'export {};');
		writeFileSync(join(dir, '_app/immutable/.hidden.js'), 'export {};');
		server = createServer(siteHandler(dir));
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((done) => server.close(done));
		rmSync(dir, { recursive: true, force: true });
	});

	/** The status, headers and byte count of a GET, with no decoding. */
	const fetchRaw = (path: string, encoding = 'identity') =>
		new Promise<{ status: number; headers: IncomingHttpHeaders; bytes: number }>(
			(resolve, reject) => {
				get(`${origin}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
					let bytes = 0;
					res.on('data', (chunk: Buffer) => (bytes += chunk.length));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes })
					);
				}).on('error', reject);
			}
		);

	it('lists the files without their compressed copies, and reads each page policy', () => {
		const site = readSite(dir);
		expect([...site.files].sort()).toEqual([
			'/404.html',
			'/_app/immutable/.hidden.js',
			'/_app/immutable/assets/duckdb-eh.abc.wasm',
			'/_app/immutable/assets/maplibre-gl-worker.abc.mjs',
			'/_app/immutable/assets/worker.abc.js',
			'/index.html',
			'/sql/index.html'
		]);
		expect(site.pagePolicies.get('/index.html')).toBe(`${META}; frame-ancestors 'self'`);
		expect(site.pagePolicies.get('/sql/index.html')).toBe(
			"script-src 'self' 'sha256-sql'; frame-ancestors 'self'"
		);
	});

	it('sends the .wasm as brotli, gzip or as it is, as application/wasm', async () => {
		const path = '/_app/immutable/assets/duckdb-eh.abc.wasm';
		const br = await fetchRaw(path, 'gzip, deflate, br');
		expect(br.status).toBe(200);
		expect(br.headers['content-type']).toBe('application/wasm');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toBe('Accept-Encoding');
		expect(br.bytes).toBe(brotliCompressSync(wasm).length);
		expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(br.headers['content-security-policy']).toBe(BASE);

		const gz = await fetchRaw(path, 'gzip');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gz.bytes).toBe(gzipSync(wasm).length);

		const plain = await fetchRaw(path);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.bytes).toBe(4096);
	});

	it('sends scripts as text/javascript, with the security headers and no CORS', async () => {
		for (const path of [
			'/_app/immutable/assets/worker.abc.js',
			'/_app/immutable/assets/maplibre-gl-worker.abc.mjs'
		]) {
			const { status, headers } = await fetchRaw(path);
			expect(status).toBe(200);
			expect(headers['content-type']).toBe('text/javascript');
			expect(headers['content-security-policy']).toBe(BASE);
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['referrer-policy']).toBe('no-referrer');
			expect(headers['access-control-allow-origin']).toBeUndefined();
		}
	});

	it('sends a page with its own policy and the fallback with 404, compressed when it can', async () => {
		const home = await fetchRaw('/');
		expect(home.status).toBe(200);
		expect(home.headers['content-type']).toBe('text/html;charset=utf-8');
		expect(home.headers['content-security-policy']).toBe(`${META}; frame-ancestors 'self'`);
		expect(home.headers['cache-control']).toBe('no-cache');

		const redirect = await fetchRaw('/sql?q=1');
		expect(redirect.status).toBe(307);
		expect(redirect.headers.location).toBe('/sql/?q=1');

		const missing = await fetchRaw('/region/TZ-99/', 'br');
		expect(missing.status).toBe(404);
		expect(missing.headers['content-encoding']).toBe('br');
		expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(missing.headers['content-security-policy']).toBe(
			"script-src 'self' 'sha256-fallback'; frame-ancestors 'self'"
		);
		expect(missing.bytes).toBe(brotliCompressSync(page('x')).length);
		const plain = await fetchRaw('/nowhere', 'gzip');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.status).toBe(404);

		// Listed by the site but refused by sirv: the fallback's headers, not the file's.
		const hidden = await fetchRaw('/_app/immutable/.hidden.js');
		expect(hidden.status).toBe(404);
		expect(hidden.headers['cache-control']).toBe('no-cache');
		expect(hidden.headers['content-security-policy']).toBe(
			"script-src 'self' 'sha256-fallback'; frame-ancestors 'self'"
		);
	});
});
