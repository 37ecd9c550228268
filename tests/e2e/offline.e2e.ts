import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { chartRows, expect, settledMapSignature, test, waitForData } from './fixtures';

/** Offline after one visit: the service worker's copy of the site, driven as a person would. */

const ENGINE = /(\.wasm|\/duckdb-browser-[^/]*\.worker\b[^/]*\.js)$/;

/** Waits until the offline copy is installed, then reloads until the worker serves the page. */
async function waitForOfflineCopy(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect
		.poll(
			async () => {
				if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return true;
				await page.reload();
				return false;
			},
			{ message: 'the service worker controls the page' }
		)
		.toBe(true);
}

interface EngineTraffic {
	/** DuckDB files a page or its workers asked for. */
	requested: Set<string>;
	/** DuckDB files the service worker got an answer for (from the network or the HTTP cache). */
	receivedByWorker: Set<string>;
}

/** Watches the DuckDB files fetched in the context from now on. */
function engineTraffic(context: BrowserContext): EngineTraffic {
	const traffic: EngineTraffic = { requested: new Set(), receivedByWorker: new Set() };
	const enginePath = (url: string) => {
		const path = new URL(url).pathname;
		return ENGINE.test(path) ? path : null;
	};
	context.on('request', (request) => {
		const path = enginePath(request.url());
		if (path && !request.serviceWorker()) traffic.requested.add(path);
	});
	context.on('response', (response) => {
		const path = enginePath(response.url());
		if (path && response.request().serviceWorker()) traffic.receivedByWorker.add(path);
	});
	return traffic;
}

/** The service worker fetched only DuckDB files a page asked for: never the engine on its own. */
function expectNoEngineDownloadOfItsOwn(traffic: EngineTraffic): void {
	const ownInitiative = [...traffic.receivedByWorker].filter((p) => !traffic.requested.has(p));
	expect(ownInitiative, 'DuckDB files the service worker fetched unasked').toEqual([]);
}

/** Every path the service worker's caches hold. */
function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) {
				paths.push(new URL(request.url).pathname);
			}
		}
		return paths;
	});
}

/** Waits until every DuckDB file that was fetched is in the cache (none fetched: nothing to wait for). */
async function waitForEngineCached(page: Page, traffic: EngineTraffic): Promise<void> {
	await expect
		.poll(
			async () => {
				const cached = await cachedPaths(page);
				return [...traffic.requested].filter((path) => !cached.includes(path));
			},
			{ message: 'the DuckDB files the page fetched are cached' }
		)
		.toEqual([]);
}

/** Offline for the page and its workers: a file that was never cached cannot be fetched. */
async function goOffline(page: Page): Promise<void> {
	await page.context().setOffline(true);
	const probe = await page.evaluate(() =>
		fetch('/_app/version.json', { cache: 'no-store' }).then(
			(r) => `fetched ${r.status}`,
			() => 'failed'
		)
	);
	expect(probe, 'a file outside the offline copy').toBe('failed');
}

/** Save-Data on, as on a metered phone: the page does not prefetch an engine it does not need. */
async function preferSavingData(page: Page): Promise<void> {
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'connection', {
			get: () => ({ saveData: true, effectiveType: '4g' })
		});
	});
}

/** An online visit to the explorer that ends with the service worker serving it. */
async function visitExplorerOnline(page: Page): Promise<void> {
	await page.goto('/');
	await waitForData(page);
	await waitForOfflineCopy(page);
	await waitForData(page);
}

test('after one visit the explorer, Kiswahili and a region profile work offline', async ({
	page
}) => {
	test.setTimeout(180_000);
	// The views of the bundled data need no DuckDB; the engine offline is tested with SQL below.
	await preferSavingData(page);
	await visitExplorerOnline(page);

	await goOffline(page);
	await page.reload();
	await waitForData(page);
	await expect(chartRows(page)).toHaveCount(31);
	await settledMapSignature(page);

	await page.getByLabel('Language / Lugha').selectOption('sw');
	await expect(page.getByLabel('Kiashiria')).toBeEnabled();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Wanawake wanaomiliki simu ya mkononi'
	);
	await expect(
		page.getByRole('region', { name: /kwa mkoa/ }).getByRole('button', { name: /^[^:]+: / })
	).toHaveCount(31);

	await page.goto('/region/TZ-03/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dodoma');
});

test('offline before DuckDB was ever fetched: the explorer works, Datasets says what to do', async ({
	page
}) => {
	test.setTimeout(120_000);
	await preferSavingData(page);
	const traffic = engineTraffic(page.context());
	await visitExplorerOnline(page);
	expect([...traffic.requested], 'DuckDB files fetched by the explorer').toEqual([]);
	expectNoEngineDownloadOfItsOwn(traffic);

	await goOffline(page);
	await page.reload();
	await waitForData(page);
	await settledMapSignature(page);
	await page.goto('/datasets/');
	await expect(
		page.getByText(
			'The data engine has not been downloaded yet and this device is offline. Connect to the internet once to upload files or run SQL.'
		)
	).toBeVisible();
});

const sqlEditor = (page: Page) => page.getByLabel('SQL query', { exact: true });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const sqlSummary = (page: Page) => page.getByText(/^\d[\d,]* rows? in \d[\d,]* ms$/);

async function runSqlQuery(page: Page): Promise<void> {
	// The table list appears once DuckDB has started and loaded the bundled data.
	await expect(page.getByRole('button', { name: /^Insert regions / })).toBeVisible({
		timeout: 45_000
	});
	await sqlEditor(page).fill('SELECT count(*) AS n FROM regions');
	await runButton(page).click();
	await expect(sqlSummary(page)).toHaveText(/^1 row in \d[\d,]* ms$/);
	const result = page.getByRole('table', { name: 'Query result' });
	await expect(result.getByRole('row').last()).toHaveText('31');
}

test('after DuckDB was used once, SQL works offline', async ({ page }) => {
	test.setTimeout(180_000);
	const all = engineTraffic(page.context());
	await page.goto('/sql/');
	await runSqlQuery(page);
	await waitForOfflineCopy(page);
	// DuckDB started on the first page before the worker existed: the next load fetches it
	// through the worker.
	const served = engineTraffic(page.context());
	await page.reload();
	await runSqlQuery(page);
	expect(served.requested.size, 'DuckDB files fetched by the SQL page').toBeGreaterThan(0);
	await waitForEngineCached(page, served);
	expectNoEngineDownloadOfItsOwn(all);

	await goOffline(page);
	await page.reload();
	await runSqlQuery(page);
});

test('a page the network is slow to send opens from the offline copy', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await waitForOfflineCopy(page);

	// The network holds the worker's request for the page until the page is on screen.
	let held = 0;
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.context().route('**/region/TZ-03/', async (route) => {
		if (!route.request().serviceWorker()) return route.fallback();
		held += 1;
		await released;
		await route.abort();
	});
	await page.goto('/region/TZ-03/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dodoma');
	release();
	expect(held, 'the worker asked the network first').toBe(1);
});

test('a new version says so, politely, once, in both languages', async ({ page }) => {
	const updated = (p: Page) =>
		p.getByRole('status').filter({ hasText: /Pengo was updated|Pengo imesasishwa/ });
	await page.goto('/');
	await waitForData(page);
	await expect(updated(page), 'nothing to announce on a first visit').toHaveCount(0);

	// Stands in for a rebuild: the browser last showed another build than the one served now.
	// The decision itself is unit-tested in src/lib/offline/seenVersions.test.ts.
	await page.evaluate(() => localStorage.setItem('pengo.seenVersions', '["an-earlier-build"]'));
	await page.reload();
	await expect(updated(page)).toHaveText(/^Pengo was updated since your last visit\.\s*Dismiss$/);
	await waitForData(page);
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);

	// It stays through a change of language, and Tab reaches it right after the language switch.
	await page.getByLabel('Language / Lugha').selectOption('sw');
	await expect(updated(page)).toContainText('Pengo imesasishwa');
	await page.getByLabel('Language / Lugha').focus();
	await page.keyboard.press('Tab');
	await expect(updated(page).getByRole('button', { name: 'Funga' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(updated(page)).toHaveCount(0);

	await page.reload();
	await expect(page.getByLabel('Kiashiria')).toBeEnabled({ timeout: 45_000 });
	await expect(updated(page), 'said once').toHaveCount(0);
});
