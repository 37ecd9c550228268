import { expect, mapImage, onThreeG, settledMapSignature, test, waitForData } from './fixtures';

/**
 * The first screen needs no data engine: the explorer paints its map and chart from the build's
 * precomputed answers, and DuckDB's .wasm is fetched only when a page needs it.
 */

test('the first screen paints its map and chart before any .wasm request, and without one', async ({
	page
}) => {
	await onThreeG(page);
	const wasm: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname.endsWith('.wasm')) wasm.push(request.url());
	});
	await page.goto('/');
	await waitForData(page);
	await settledMapSignature(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Women who own a mobile phone: Total, 2022'
	);
	// A change of view is answered without it too.
	await page.getByLabel('Measure').selectOption({ label: 'Change since 2015-16' });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Change since 2015-16');
	await page.getByRole('link', { name: 'Regions', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(wasm).toEqual([]);

	// The SQL panel needs the engine: it is fetched now, with its progress shown meanwhile.
	await page.getByRole('link', { name: 'SQL queries', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({
		timeout: 60_000
	});
	expect(wasm.length).toBeGreaterThan(0);
});

test('the first screen draws its map without MapLibre; Zoom in brings it, still coloured', async ({
	page
}) => {
	const maplibre: string[] = [];
	page.on('request', (request) => {
		if (/maplibre/i.test(new URL(request.url()).pathname)) maplibre.push(request.url());
	});
	await page.goto('/');
	await waitForData(page);
	const drawn = await settledMapSignature(page);
	// A region's card and its selection work on the drawing as they do on MapLibre's canvas.
	const map = mapImage(page);
	await map.focus();
	await page.keyboard.press('Home');
	await expect(page.getByRole('tooltip')).toContainText('Arusha');
	await page.keyboard.press('Escape');
	expect(maplibre, 'MapLibre files fetched before a zoom').toEqual([]);
	// MapLibre's canvas is a region named like the map; the drawing has none.
	const canvas = page.getByRole('region', { name: /^Map of Tanzania's 31 regions/ });
	await expect(canvas).toHaveCount(0);

	await page.getByRole('button', { name: 'Zoom in' }).click();
	await expect(canvas).toBeVisible({ timeout: 30_000 });
	await expect
		.poll(() => maplibre.some((url) => /maplibre-gl-worker/.test(url)), {
			message: 'MapLibre’s worker fetched after the zoom'
		})
		.toBe(true);
	// Zoomed in: fewer regions in the frame, each larger, so the colours' counts change.
	await settledMapSignature(page, { differentFrom: drawn, minFills: 2 });
	await page.getByRole('button', { name: 'Zoom out' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('2022');
});
