import { expect, onThreeG, settledMapSignature, test, waitForData } from './fixtures';

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
