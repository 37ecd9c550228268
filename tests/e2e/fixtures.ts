import {
	test as base,
	expect,
	type BrowserContext,
	type Locator,
	type Page,
	type TestInfo
} from '@playwright/test';

export { expect };

/** The 31 regions by their official names, as a person reads them on the map and chart. */
export const REGION_NAMES: readonly string[] = [
	'Dodoma',
	'Arusha',
	'Kilimanjaro',
	'Tanga',
	'Morogoro',
	'Pwani',
	'Dar es Salaam',
	'Lindi',
	'Mtwara',
	'Ruvuma',
	'Iringa',
	'Mbeya',
	'Singida',
	'Tabora',
	'Rukwa',
	'Kigoma',
	'Shinyanga',
	'Kagera',
	'Mwanza',
	'Mara',
	'Manyara',
	'Njombe',
	'Katavi',
	'Simiyu',
	'Geita',
	'Songwe',
	'Kaskazini Unguja',
	'Kusini Unguja',
	'Mjini Magharibi',
	'Kaskazini Pemba',
	'Kusini Pemba'
];

const CSP_MESSAGE = /content[- ]security[- ]policy|refused to/i;

/** What the page did that a test may want to look at, and the escape hatch for a deliberate probe. */
export interface Guard {
	/** URLs of requests that tried to leave the page's origin (all were aborted). */
	readonly foreignRequests: string[];
	/** Every console message, as "type: text". */
	readonly consoleMessages: string[];
	/** Console messages that report a Content-Security-Policy violation. */
	readonly cspViolations: string[];
	/** Uncaught errors thrown in the page. */
	readonly pageErrors: string[];
	/** Ignore foreign requests and CSP messages matching `pattern` (for a test that provokes them). */
	tolerate(pattern: RegExp): void;
}

function isSameOriginOrLocal(url: string, origin: string): boolean {
	if (url.startsWith('data:') || url.startsWith('blob:')) return true;
	try {
		return new URL(url).origin === origin;
	} catch {
		return false;
	}
}

/**
 * Watches a page as the guard does: aborts and notes every request bound elsewhere, and notes
 * console messages, CSP violations and uncaught errors. `settle` attaches the console to the test
 * and checks that nothing untolerated happened; then it starts afresh for the next test.
 */
async function watchPage(
	context: BrowserContext,
	page: Page,
	baseURL: string | undefined
): Promise<{ guard: Guard; settle: (testInfo: TestInfo) => Promise<void> }> {
	const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
	const tolerated: RegExp[] = [];
	const isTolerated = (text: string) => tolerated.some((p) => p.test(text));
	const noteForeign = (url: string) => {
		if (!guard.foreignRequests.includes(url)) guard.foreignRequests.push(url);
	};
	const guard: Guard = {
		foreignRequests: [],
		consoleMessages: [],
		cspViolations: [],
		pageErrors: [],
		tolerate: (pattern) => void tolerated.push(pattern)
	};

	// Abort anything bound elsewhere before it reaches the network, and remember it.
	await context.route(
		(url) => !isSameOriginOrLocal(url.href, origin),
		async (route) => {
			noteForeign(route.request().url());
			await route.abort('blockedbyclient');
		}
	);
	// Requests the router may not see (e.g. started by a worker) still show up here.
	context.on('request', (request) => {
		if (!isSameOriginOrLocal(request.url(), origin)) noteForeign(request.url());
	});
	page.on('websocket', (ws) => {
		if (!isSameOriginOrLocal(ws.url().replace(/^ws/, 'http'), origin)) {
			noteForeign(ws.url());
		}
	});

	// Report CSP violations through the console as well, in case the browser's own message
	// is worded differently or comes from a context whose console we do not see.
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(
				`Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI}`
			);
		});
	});
	page.on('console', (message) => {
		const text = `${message.type()}: ${message.text()}`;
		guard.consoleMessages.push(text);
		if (CSP_MESSAGE.test(message.text())) guard.cspViolations.push(text);
	});
	page.on('pageerror', (error) => {
		guard.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
	});

	const settle = async (testInfo: TestInfo) => {
		if (guard.consoleMessages.length > 0) {
			await testInfo.attach('console', { body: guard.consoleMessages.join('\n') });
		}
		expect
			.soft(
				guard.foreignRequests.filter((u) => !isTolerated(u)),
				'requests that left the page origin'
			)
			.toEqual([]);
		expect
			.soft(
				guard.cspViolations.filter((m) => !isTolerated(m)),
				'Content-Security-Policy violations'
			)
			.toEqual([]);
		expect.soft(guard.pageErrors, 'uncaught page errors').toEqual([]);
		for (const list of [
			guard.foreignRequests,
			guard.consoleMessages,
			guard.cspViolations,
			guard.pageErrors,
			tolerated
		])
			list.length = 0;
	};
	return { guard, settle };
}

export const test = base.extend<{ guard: Guard }>({
	guard: [
		async ({ page, context, baseURL }, use, testInfo) => {
			const { guard, settle } = await watchPage(context, page, baseURL);
			await use(guard);
			// A route handler still waiting on the network when the test is over (the page asked
			// for a file again as the test ended) must not fail whichever test runs next.
			await page.unrouteAll({ behavior: 'ignoreErrors' });
			await context.unrouteAll({ behavior: 'ignoreErrors' });
			await settle(testInfo);
		},
		{ auto: true }
	]
});

/** One page that several tests of a file take turns with, and its guard. */
export interface SharedPage {
	readonly page: Page;
	readonly guard: Guard;
}

/**
 * For tests that look at the same loaded view: the tests of the enclosing describe block run in
 * order on one page, opened once by `open` (a failure skips the rest of the block). The page is
 * watched by the same guard as every test's own page, checked after each test. Each test still
 * waits for what it looks at, and must not rely on what an earlier test left on the page.
 */
export function sharePage(open: (page: Page) => Promise<void>): SharedPage {
	let context: BrowserContext | undefined;
	let shared:
		{ page: Page; guard: Guard; settle: (testInfo: TestInfo) => Promise<void> } | undefined;
	test.describe.configure({ mode: 'serial' });
	test.beforeAll(async ({ browser }, testInfo) => {
		const baseURL = testInfo.project.use.baseURL;
		context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		shared = { page, ...(await watchPage(context, page, baseURL)) };
		await open(page);
	});
	// Playwright reads a hook's fixtures from an object pattern; this one needs none.
	// eslint-disable-next-line no-empty-pattern
	test.afterEach(async ({}, testInfo) => {
		await shared?.settle(testInfo);
	});
	test.afterAll(async () => {
		await context?.close();
	});
	const current = () => {
		if (!shared) throw new Error('The shared page is not open (its beforeAll did not run).');
		return shared;
	};
	return {
		get page() {
			return current().page;
		},
		get guard() {
			return current().guard;
		}
	};
}

/** The chart section, found by its heading like a person would. */
export function chartSection(page: Page): Locator {
	return page.getByRole('region', { name: /by region/ });
}

/** The chart's marks: one focusable row per region. */
export function chartRows(page: Page): Locator {
	return chartSection(page).getByRole('group').getByRole('button');
}

/** The map, found by its accessible name. */
export function mapImage(page: Page): Locator {
	return page.getByRole('application', { name: /^Map of Tanzania's 31 regions/ });
}

/**
 * Makes the page load the bundled CSVs into the engine instead of reading the build's summary,
 * as it does when the summary is missing: for tests that alter a bundled file on its way in.
 * No service worker either: its offline copy would answer those files before a route could.
 */
export async function withoutSummary(page: Page): Promise<void> {
	await page.context().route(/\/service-worker\.js$/, (route) => route.abort());
	await page.route(/\/bundled-summary[^/]*\.json$/, (route) => route.abort());
}

/** The connection the browser reports to the page (the Network Information API). */
export async function reportConnection(
	page: Page,
	connection: { saveData: boolean; effectiveType: string }
): Promise<void> {
	await page.addInitScript((reported) => {
		Object.defineProperty(Navigator.prototype, 'connection', { get: () => reported });
	}, connection);
}

/** A phone on 3G, as the browser reports it: the data engine is not prefetched. */
export function onThreeG(page: Page): Promise<void> {
	return reportConnection(page, { saveData: false, effectiveType: '3g' });
}

/** Waits for the bundled data and the chart to draw one row per region. */
export async function waitForData(page: Page): Promise<void> {
	await expect(chartRows(page)).toHaveCount(31, { timeout: 30_000 });
}

/** The aria-labels of the chart rows, top to bottom. */
export async function rowLabels(page: Page): Promise<string[]> {
	return chartRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

const BACKGROUND = '#eef3f7';
const WHITE = '#ffffff';
/** The boundaries' credit in the map's corner, in either language. */
const CREDIT = /^(Boundaries|Mipaka): /;

/**
 * Counts the colours of the map as it is on screen (the SVG drawing, or MapLibre's canvas after
 * a zoom) on a regular grid (every `step` CSS pixels). The pixels come from a screenshot of the
 * map's frame, decoded in the page; the words laid over it (status, credit, a region's card) are
 * masked in the background colour, which is not counted.
 */
export async function mapColours(page: Page, step = 4): Promise<Map<string, number>> {
	const frame = mapImage(page);
	// The map at the top of the window, as a person scrolls to look at it: the engine's notice,
	// fixed at the window's foot, then lies below it.
	await frame.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	const png = await frame.screenshot({
		animations: 'disabled',
		mask: [frame.getByRole('status'), frame.getByRole('tooltip'), frame.getByText(CREDIT)],
		maskColor: BACKGROUND
	});
	const counts = await page.evaluate(
		async ({ base64, gridStep }) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			const ctx = canvas.getContext('2d', { willReadFrequently: true });
			if (!ctx) throw new Error('no 2D context');
			ctx.drawImage(bitmap, 0, 0);
			const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
			const stride = Math.max(1, Math.round(gridStep * devicePixelRatio));
			const hex = (n: number) => n.toString(16).padStart(2, '0');
			const tally: Record<string, number> = {};
			for (let y = Math.floor(stride / 2); y < height; y += stride) {
				for (let x = Math.floor(stride / 2); x < width; x += stride) {
					const i = (y * width + x) * 4;
					const colour = `#${hex(data[i]!)}${hex(data[i + 1]!)}${hex(data[i + 2]!)}`;
					tally[colour] = (tally[colour] ?? 0) + 1;
				}
			}
			return tally;
		},
		{ base64: png.toString('base64'), gridStep: step }
	);
	return new Map(Object.entries(counts));
}

/**
 * The fill colours that cover a real area of the map (at least `minShare` of the samples),
 * leaving out the background and white borders; anti-aliased edges and label text drop out.
 */
export async function mapFills(page: Page, minShare = 0.005): Promise<Map<string, number>> {
	const all = await mapColours(page);
	const total = [...all.values()].reduce((a, b) => a + b, 0);
	const fills = new Map<string, number>();
	for (const [colour, count] of all) {
		if (colour === BACKGROUND || colour === WHITE) continue;
		if (count >= total * minShare) fills.set(colour, count);
	}
	return fills;
}

/** A stable text form of `mapFills`, for comparing one view of the map with another. */
export async function mapSignature(page: Page): Promise<string> {
	const fills = await mapFills(page);
	return [...fills.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([c, n]) => `${c}:${n}`)
		.join(' ');
}

/**
 * Waits until the map shows at least `minFills` fill colours and two readings in a row agree
 * (tiles, labels and feature states have settled), and returns that reading.
 */
export async function settledMapSignature(
	page: Page,
	options: { minFills?: number; differentFrom?: string } = {}
): Promise<string> {
	const { minFills = 4, differentFrom } = options;
	let previous = '';
	let settled = '';
	await expect
		.poll(
			async () => {
				const current = await mapSignature(page);
				const fills = current === '' ? 0 : current.split(' ').length;
				const ok = fills >= minFills && current === previous && current !== (differentFrom ?? null);
				previous = current;
				if (ok) settled = current;
				return ok;
			},
			{
				message: `map shows ≥ ${minFills} settled fill colours${differentFrom ? ', changed from before' : ''}`,
				intervals: [250, 250, 500],
				timeout: 20_000
			}
		)
		.toBe(true);
	return settled;
}

/** Loads the dashboard and waits for its data, chart and map. */
export async function openDashboard(page: Page): Promise<string> {
	await page.goto('/');
	await waitForData(page);
	return settledMapSignature(page);
}
