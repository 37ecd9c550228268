import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// Playwright's own test, not ./fixtures: the fixtures' guard aborts every request that leaves the
// origin, so a refused probe would pass whether or not our policy refused it.
import {
	expect,
	test,
	type BrowserContext,
	type Page,
	type Response,
	type Worker
} from '@playwright/test';

/** The headers `scripts/serve.mjs` sends with every response, whatever it is. */
function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
	expect(headers['content-security-policy'], what).toContain("frame-ancestors 'self'");
	expect(headers['content-security-policy'], what).toContain("connect-src 'self'");
	expect(headers['content-security-policy'], what).toContain("'wasm-unsafe-eval'");
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['referrer-policy'], what).toBe('no-referrer');
	expect(headers['access-control-allow-origin'], what).toBeUndefined();
}

/**
 * Opens the SQL panel and waits until DuckDB has started and loaded the bundled tables; returns
 * the page's response and DuckDB's worker.
 */
async function openSqlPanel(page: Page): Promise<{ response: Response; worker: Worker }> {
	const response = await page.goto('/sql/');
	if (!response) throw new Error('No response for /sql/');
	await expect(page.getByRole('button', { name: /^Insert regions / })).toBeVisible({
		timeout: 45_000
	});
	const worker = page.workers().find((w) => w.url().includes('duckdb-browser'));
	if (!worker) throw new Error(`No DuckDB worker among ${page.workers().map((w) => w.url())}`);
	return { response, worker };
}

/** A server on another origin (127.0.0.1 on a free port) that notes every request it gets. */
async function otherOrigin(pages: Record<string, string> = {}) {
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		requests.push(req.url ?? '');
		const body = pages[req.url ?? ''];
		res.writeHead(body ? 200 : 204, { 'Content-Type': 'text/html' }).end(body);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		requests,
		close: () => new Promise((done) => server.close(done))
	};
}

// Both look at the SQL panel as it first loaded: they take turns with one page, so DuckDB starts
// once (a failure in the first skips the second).
test.describe(() => {
	test.describe.configure({ mode: 'serial' });
	let context: BrowserContext | undefined;
	let opened: { page: Page; response: Response; worker: Worker } | undefined;
	test.beforeAll(async ({ browser }, testInfo) => {
		context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
		const page = await context.newPage();
		opened = { page, ...(await openSqlPanel(page)) };
	});
	test.afterAll(async () => {
		await context?.close();
	});
	const sqlPanel = () => {
		if (!opened) throw new Error('The SQL panel did not open.');
		return opened;
	};

	test('the page, its scripts, the DuckDB worker and the .wasm carry the security headers', async ({
		request
	}) => {
		const { page, response, worker } = sqlPanel();
		expect(response.status()).toBe(200);
		const pageHeaders = await response.allHeaders();
		expectSecurityHeaders(pageHeaders, 'the page');
		// The header is the page's own <meta> policy, script hash included, plus frame-ancestors.
		const meta = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(meta).toMatch(/'sha256-[\w+/=]+'/);
		expect(pageHeaders['content-security-policy']).toBe(`${meta}; frame-ancestors 'self'`);
		expect(pageHeaders['cache-control']).toBe('no-cache');

		// The largest script the page loaded: small ones are sent as they are, not compressed.
		const script = await page.evaluate(() => {
			const scripts = performance
				.getEntriesByType('resource')
				.filter((e) => /\/_app\/immutable\/.+\.js$/.test(e.name)) as PerformanceResourceTiming[];
			return scripts.sort((a, b) => b.decodedBodySize - a.decodedBodySize)[0]?.name ?? '';
		});
		// What the worker itself fetched, with the sizes on the wire and after decoding.
		const wasm = await worker.evaluate(() => {
			const entry = performance
				.getEntriesByType('resource')
				.find((e) => /\/duckdb-eh\.[\w-]+\.wasm$/.test(e.name)) as
				PerformanceResourceTiming | undefined;
			return entry
				? { url: entry.name, encoded: entry.encodedBodySize, decoded: entry.decodedBodySize }
				: undefined;
		});
		expect(script, 'a script of the app').not.toBe('');
		expect(wasm, 'the .wasm fetched by the DuckDB worker').toBeDefined();
		// Compressed on the wire: brotli brings 34 MB to about 5 MB.
		expect(wasm!.encoded).toBeLessThan(wasm!.decoded / 4);
		test.info().annotations.push({
			type: 'duckdb-eh.wasm',
			description: `${wasm!.encoded} bytes on the wire, ${wasm!.decoded} decoded`
		});

		for (const [what, url] of [
			['a script of the app', script],
			['the DuckDB worker', worker.url()],
			['the .wasm', wasm!.url]
		] as const) {
			const answer = await request.get(url, {
				headers: { 'accept-encoding': 'gzip, deflate, br', origin: 'http://127.0.0.1:9' }
			});
			expect(answer.status(), what).toBe(200);
			const headers = answer.headers();
			expectSecurityHeaders(headers, what);
			expect(headers['cache-control'], what).toBe('public, max-age=31536000, immutable');
			expect(headers['content-encoding'], what).toBe('br');
			expect(headers['content-type'], what).toBe(
				what === 'the .wasm' ? 'application/wasm' : 'text/javascript'
			);
			expect(headers['content-security-policy'], what).not.toContain('sha256-');
		}
		const gzipped = await request.head(wasm!.url, { headers: { 'accept-encoding': 'gzip' } });
		expect(gzipped.headers()['content-encoding']).toBe('gzip');
		expect(gzipped.headers()['content-type']).toBe('application/wasm');
	});

	/**
	 * Run in the page or a worker: reports each CSP violation there on its console. Chromium's own
	 * "Refused to connect" message from a worker reaches no console event Playwright sees.
	 */
	const reportViolations = () => {
		self.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI}`);
		});
	};

	// no-cors: an answer without CORS headers still counts as fetched, so only the CSP can refuse.
	const tryFetch = (url: string) =>
		fetch(url, { mode: 'no-cors' }).then(
			() => 'fetched',
			(error: unknown) => `refused: ${String(error)}`
		);

	test('a fetch to another origin from inside the DuckDB worker is refused and reported', async () => {
		const elsewhere = await otherOrigin();
		try {
			const { page, worker } = sqlPanel();
			const reports: string[] = [];
			page.on('console', (m) => reports.push(`${m.worker() ? 'worker' : 'page'}: ${m.text()}`));
			await worker.evaluate(reportViolations);
			await page.evaluate(reportViolations);

			// The worker's policy can only come from its response header: a <meta> tag does not reach it.
			const leak = `${elsewhere.origin}/leak`;
			expect(await worker.evaluate(tryFetch, leak)).toMatch(/^refused: TypeError/);
			expect(elsewhere.requests, 'requests that reached the other origin').toEqual([]);
			await expect
				.poll(() => reports)
				.toContain(`worker: CSP violation: connect-src blocked ${leak}`);

			const fromPage = `${elsewhere.origin}/from-page`;
			expect(await page.evaluate(tryFetch, fromPage)).toMatch(/^refused: TypeError/);
			await expect
				.poll(() => reports)
				.toContain(`page: CSP violation: connect-src blocked ${fromPage}`);

			expect(elsewhere.requests, 'requests that reached the other origin').toEqual([]);
		} finally {
			await elsewhere.close();
		}
	});
});

test('another site cannot show Pengo in a frame', async ({ page, baseURL }) => {
	const elsewhere = await otherOrigin({
		'/frame': `<!doctype html><title>framer</title><iframe src="${baseURL}/"></iframe>`
	});
	try {
		const refusals: string[] = [];
		page.on('console', (m) => refusals.push(m.text()));
		await page.goto(`${elsewhere.origin}/frame`);
		await expect
			.poll(() => refusals)
			.toContainEqual(
				expect.stringMatching(
					/violates the following Content Security Policy directive: "frame-ancestors 'self'"/
				)
			);
		await expect.poll(() => page.frames()[1]?.url()).toBe('chrome-error://chromewebdata/');
	} finally {
		await elsewhere.close();
	}
});
