import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import {
	chartRows,
	expect,
	onThreeG,
	REGION_NAMES,
	reportConnection,
	settledMapSignature,
	test,
	waitForData
} from './fixtures';
import { addSection, chooseFile, csvFile, loadAllMatched, navLink, step } from './uploadSteps';

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
function preferSavingData(page: Page): Promise<void> {
	return reportConnection(page, { saveData: true, effectiveType: '4g' });
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

/** A small indicator table: one value a region (Dodoma 20.0 %, Arusha 21.5 %…) for 2024. */
const SMALL_CSV = csvFile(
	'offline-upload.csv',
	`region,year,value\n${REGION_NAMES.map((r, i) => `${r},2024,${(20 + 1.5 * i).toFixed(1)}`).join('\n')}\n`
);

const ENGINE_OFFLINE =
	'The data engine has not been downloaded yet and this device is offline. Connect to the internet once to upload files or run SQL.';

/**
 * The person tries an upload anyway: the file is read (that needs no engine), and loading it says
 * why it cannot, with the file still chosen to try again.
 */
async function expectUploadToNeedConnection(page: Page): Promise<void> {
	await chooseFile(page, SMALL_CSV);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(addSection(page).getByRole('alert')).toHaveText(
		'offline-upload.csv: The data engine has not been downloaded yet and this device is offline. ' +
			'Connect to the internet once and try again; after that, uploads work offline too.'
	);
	await expect(step(page, 2), 'the file stays chosen, to try again').toBeVisible();
	await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
}

/**
 * An online visit to the explorer, then to the Datasets page, which fetches the engine through
 * the service worker (no prefetch before: Save-Data), until the offline copy holds it.
 */
async function fetchEngineOnDatasetsPage(page: Page): Promise<void> {
	await preferSavingData(page);
	await visitExplorerOnline(page);
	const served = engineTraffic(page.context());
	await navLink(page, 'Data').click();
	await expect
		.poll(() => [...served.requested].some((path) => path.endsWith('.wasm')), {
			message: 'the Datasets page fetches the engine',
			timeout: 60_000
		})
		.toBe(true);
	await waitForEngineCached(page, served);
}

test('offline before DuckDB was ever fetched: an upload says the engine needs a connection, the map stays', async ({
	page
}) => {
	test.setTimeout(180_000);
	// A slow phone that saw only the first screen: nothing prefetched the engine.
	await onThreeG(page);
	const traffic = engineTraffic(page.context());
	await visitExplorerOnline(page);
	expect([...traffic.requested], 'DuckDB files fetched by the explorer').toEqual([]);
	expectNoEngineDownloadOfItsOwn(traffic);

	await goOffline(page);
	await page.reload();
	await waitForData(page);
	const map = await settledMapSignature(page);
	await navLink(page, 'Data').click();
	await expect(page.getByRole('alert').filter({ hasText: ENGINE_OFFLINE })).toBeVisible();

	await expectUploadToNeedConnection(page);

	// The rest of the page is as it was: the map and chart of the bundled data, and a change of view.
	await navLink(page, 'Explorer').click();
	await waitForData(page);
	expect(await settledMapSignature(page)).toBe(map);
	await page.getByLabel('Measure').selectOption({ label: 'Change since 2015-16' });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Change since 2015-16');
	await settledMapSignature(page, { differentFrom: map });
});

test('after DuckDB was fetched once, an upload works offline and reaches the map', async ({
	page
}) => {
	test.setTimeout(240_000);
	await fetchEngineOnDatasetsPage(page);

	await goOffline(page);
	await page.reload();
	await chooseFile(page, SMALL_CSV);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Role of column region')).toHaveValue('region');
	await page.getByRole('button', { name: 'Continue' }).click();
	await loadAllMatched(page, '31 data rows read: 31 loaded, 0 kept aside.');

	const item = addSection(page)
		.getByRole('listitem')
		.filter({ hasText: /^offline-upload – / });
	await item.getByRole('link', { name: 'Show on the map' }).click();
	await waitForData(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'offline-upload: Total, 2024'
	);
	await settledMapSignature(page);
	await expect(chartRows(page).filter({ hasText: /^Arusha/ })).toHaveAttribute(
		'aria-label',
		/Arusha.*21\.5%/
	);
});

test('offline with the engine only half kept (its module missing): an upload says so, never hangs', async ({
	page
}) => {
	test.setTimeout(180_000);
	await fetchEngineOnDatasetsPage(page);
	// As when the download was cut short: the worker script is kept, the WebAssembly module not.
	const removed = await page.evaluate(async () => {
		let n = 0;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				if (new URL(request.url).pathname.endsWith('.wasm') && (await cache.delete(request))) n++;
			}
		}
		return n;
	});
	expect(removed, 'cached modules removed').toBeGreaterThan(0);

	await goOffline(page);
	await page.reload();
	await expectUploadToNeedConnection(page);
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
