import type { Page } from '@playwright/test';
import { expect, test, waitForData } from './fixtures';
import { resultTable, runButton, runQuery, sharedPanel } from './sqlPanel';

/**
 * The SQL panel against an attacker and a clumsy analyst: the engine reads no URL whatever the
 * spelling, one query cannot take the tab down, and a query that never ends can be stopped
 * without losing what was loaded, while the other views keep answering.
 */

const cancelButton = (page: Page) => page.getByRole('button', { name: 'Cancel', exact: true });

const ENDLESS =
	'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) AS n FROM r';

// The tests take turns with one page, so DuckDB starts once; each waits for its own answer.
test.describe(() => {
	const { backAtPanel } = sharedPanel();

	test('an escape string that spells a URL is refused, and the engine itself is locked', async () => {
		const page = await backAtPanel();
		await runQuery(page, "SELECT * FROM E'http\\x3a//127.0.0.1:4399/leak\\x2ecsv'");
		await expect(page.getByRole('alert')).toContainText('Escape strings');
		await runQuery(page, 'SELECT * FROM "data/regions"."csv"');
		await expect(page.getByRole('alert')).toContainText('data/regions.csv is not a loaded table');

		// Past the text checks, the settings hold: no external access, and nothing can change that.
		await runQuery(
			page,
			`SELECT current_setting('enable_external_access')::VARCHAR AS external,
			current_setting('lock_configuration')::VARCHAR AS locked,
			current_setting('autoload_known_extensions')::VARCHAR AS autoload`
		);
		const row = resultTable(page).locator('tbody').getByRole('row').first();
		await expect(row.getByRole('cell')).toHaveText(['false', 'true', 'false']);
	});

	test('a 100-million-character cell shows an excerpt and its length; the tab survives', async () => {
		const page = await backAtPanel();
		await runQuery(page, "SELECT repeat('x', 100000000) AS big, 1 AS n");
		const cell = resultTable(page).locator('tbody').getByRole('cell').first();
		await expect(cell).toContainText('(100,000,000 characters)', { timeout: 45_000 });
		expect((await cell.textContent())!.length).toBeLessThan(400);
		await runQuery(page, 'SELECT 42 AS answer');
		await expect(resultTable(page).locator('tbody').getByRole('cell')).toHaveText(['42']);
	});

	test('an endless query can be cancelled; the data stay and other views answer meanwhile', async () => {
		const page = await backAtPanel();
		await expect(page.getByText('A query stops after 60 seconds.')).toBeVisible();
		await runQuery(page, ENDLESS);
		await expect(page.getByRole('button', { name: 'Running…' })).toBeDisabled();
		await expect(cancelButton(page)).toBeVisible();

		// While it runs, the explorer still draws a view it has to ask the engine for.
		await page
			.getByRole('navigation', { name: 'Views' })
			.getByRole('link', { name: 'Explorer' })
			.click();
		await waitForData(page);
		await page.getByRole('button', { name: 'Show the urban–rural gap (synthetic survey)' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'Gap (urban − rural), 2024'
		);
		await page.getByRole('button', { name: 'Table' }).click();
		await expect(page.getByRole('table').getByRole('row')).toHaveCount(32);

		await page
			.getByRole('navigation', { name: 'Views' })
			.getByRole('link', { name: 'SQL queries' })
			.click();
		await expect(cancelButton(page)).toBeVisible();
		await cancelButton(page).click();
		const stopped = page.getByRole('alert');
		await expect(stopped).toContainText('The query was stopped');
		await expect(stopped).toContainText('You cancelled it.');
		await expect(runButton(page)).toBeEnabled();

		// Everything loaded is still there.
		await runQuery(page, 'SELECT count(*) AS n FROM regions');
		await expect(resultTable(page).locator('tbody').getByRole('cell')).toHaveText(['31']);
	});
});
