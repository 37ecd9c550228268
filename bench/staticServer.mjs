// A tiny static file server for .bench/ on a free localhost port: the MIME types DuckDB-WASM and
// module workers need, no caching (every fetch in a run really reads the file), and byte ranges.

import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.css': 'text/css; charset=utf-8'
};

function fileFor(root, url) {
	const path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
	const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
	if (file !== root && !file.startsWith(root + sep)) return undefined;
	try {
		const stat = statSync(file);
		return stat.isFile() ? { file, size: stat.size } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Serve `root`; resolves to { origin, close(), served } once listening. `served` counts, per path,
 * HEAD, whole-file and byte-range responses and the bytes sent.
 */
export function serveStatic(root) {
	const served = new Map();
	const server = createServer((request, response) => {
		const found = fileFor(root, request.url ?? '/');
		if (!found || (request.method !== 'GET' && request.method !== 'HEAD')) {
			response.writeHead(found ? 405 : 404).end();
			return;
		}
		const headers = {
			'Content-Type': MIME[extname(found.file)] ?? 'application/octet-stream',
			'Cache-Control': 'no-store',
			'Accept-Ranges': 'bytes'
		};
		let start = 0;
		let end = found.size - 1;
		let status = 200;
		const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
		if (range && (range[1] || range[2])) {
			start = range[1] ? Number(range[1]) : Math.max(0, found.size - Number(range[2]));
			end = range[1] && range[2] ? Math.min(Number(range[2]), end) : end;
			if (start > end) {
				response.writeHead(416, { 'Content-Range': `bytes */${found.size}` }).end();
				return;
			}
			status = 206;
			headers['Content-Range'] = `bytes ${start}-${end}/${found.size}`;
		}
		headers['Content-Length'] = String(end - start + 1);
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const count = served.get(path) ?? { head: 0, whole: 0, ranges: 0, bytes: 0 };
		count[request.method === 'HEAD' ? 'head' : status === 206 ? 'ranges' : 'whole'] += 1;
		if (request.method === 'GET') count.bytes += end - start + 1;
		served.set(path, count);
		response.writeHead(status, headers);
		if (request.method === 'HEAD') response.end();
		else createReadStream(found.file, { start, end }).pipe(response);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				origin: `http://127.0.0.1:${port}`,
				served,
				close: () => new Promise((done) => server.close(() => done()))
			});
		});
	});
}
