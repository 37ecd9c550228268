import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForData } from './fixtures';
import { editor, openPanel, resultTable, runButton, runQuery, sharedPanel } from './sqlPanel';

/** The SQL panel, driven as an analyst would: the labelled editor, the Run button, the result. */

const summary = (page: Page) => page.getByText(/^\d[\d,]* rows? in \d[\d,]* ms$/);
const errorBox = (page: Page) =>
	page.getByRole('alert').filter({ hasText: 'The query did not run' });

async function headerCells(t: Locator): Promise<string[]> {
	return t
		.locator('thead')
		.getByRole('columnheader')
		.evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/[▲▼↕]/g, '').trim()));
}

async function bodyCells(t: Locator): Promise<string[][]> {
	return t
		.locator('tbody')
		.getByRole('row')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);
}

/** The three most populous regions and their 2022 census counts, read from the bundled file. */
function topRegions(): string[][] {
	const text = readFileSync(join(import.meta.dirname, '../../data/regions.csv'), 'utf8');
	const rows = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: true
	}).data;
	return rows
		.map((r) => [r.name_official!, r.population_2022!])
		.sort((a, b) => Number(b[1]) - Number(a[1]))
		.slice(0, 3);
}

// The English panel at its usual size: these tests take turns with one page, so DuckDB starts
// once. Each test waits for its own answer, and none starts by reading what the one before left
// (the result above an error is cleared; consecutive tests expect different row counts).
test.describe(() => {
	const { backAtPanel } = sharedPanel();

	test('runs a query: the cells, the row count and the time', async () => {
		const page = await backAtPanel();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'SQL queries over the loaded data'
		);
		// The example query is there and runs: regions ranked by the urban–rural gap.
		await expect(editor(page)).toHaveValue(/hh_owns_mobile/);
		await runButton(page).click();
		await expect(summary(page)).toHaveText(/^30 rows in \d[\d,]* ms$/);
		expect(await headerCells(resultTable(page))).toEqual([
			'region',
			'urban_pct',
			'rural_pct',
			'gap_pp'
		]);
		const ranked = await bodyCells(resultTable(page));
		expect(ranked).toHaveLength(30);
		const gaps = ranked.map((r) => Number(r[3]));
		expect(gaps).toEqual([...gaps].sort((a, b) => b - a));

		await runQuery(
			page,
			'SELECT name_official, population_2022 FROM regions ORDER BY population_2022 DESC LIMIT 3'
		);
		await expect(summary(page)).toHaveText(/^3 rows in \d[\d,]* ms$/);
		expect(await headerCells(resultTable(page))).toEqual(['name_official', 'population_2022']);
		expect(await bodyCells(resultTable(page))).toEqual(topRegions());
	});

	test('an error comes back as DuckDB’s message, without a stack or a LINE pointer', async () => {
		const page = await backAtPanel();
		await runQuery(page, 'SELECT * FROM regionz');
		await expect(errorBox(page)).toContainText(
			'Catalog Error: Table with name regionz does not exist!'
		);
		await expect(errorBox(page)).toContainText('regions');
		await expect(errorBox(page)).not.toContainText(/LINE \d|\bat \S+:\d+/);
		await expect(resultTable(page)).toHaveCount(0);

		await runQuery(page, 'SELEC 1');
		await expect(errorBox(page)).toContainText('Parser Error: syntax error at or near "SELEC"');
	});

	test('DROP TABLE and file reads are refused, and the panel and the explorer still work', async () => {
		const page = await backAtPanel();
		// Refused by DuckDB's own parser (json_serialize_sql), built into DuckDB-WASM.
		await runQuery(page, 'DROP TABLE regions');
		await expect(errorBox(page)).toContainText('DROP is not allowed here');
		await runQuery(page, 'SELECT 1; DROP TABLE observations');
		await expect(errorBox(page)).toContainText('Run one statement at a time (this text has 2).');
		// The parse tree is walked in the browser's DuckDB too.
		// What the text checks let through, DuckDB-WASM's query() still refuses.
		await runQuery(page, 'WITH x AS (SELECT 1) DELETE FROM regions');
		await expect(errorBox(page)).toContainText('Parser Error: Expected a single SELECT statement');
		await runQuery(page, "SELECT * FROM read_csv('regions.csv')");
		await expect(errorBox(page)).toContainText('The table function read_csv is not allowed here');
		await runQuery(page, "SELECT * FROM 'regions.csv'");
		await expect(errorBox(page)).toContainText('regions.csv is not a loaded table');

		await runQuery(page, 'SELECT count(*) AS n FROM regions');
		await expect(errorBox(page)).toHaveCount(0);
		expect(await bodyCells(resultTable(page))).toEqual([['31']]);
		await expect(summary(page)).toHaveText(/^1 row in \d[\d,]* ms$/);

		await page.getByRole('navigation').getByRole('link', { name: 'Explorer' }).click();
		await waitForData(page);
	});

	test('the CSV download parses and matches the table, with formulas neutralised', async () => {
		const page = await backAtPanel();
		await runQuery(
			page,
			`SELECT name_official AS region, population_2022 AS people, '=1+1' AS formula, NULL AS nothing
		 FROM regions ORDER BY people DESC LIMIT 5`
		);
		await expect(summary(page)).toHaveText(/^5 rows in/);
		const header = await headerCells(resultTable(page));
		const cells = await bodyCells(resultTable(page));
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download CSV' }).click()
		]);
		expect(file.suggestedFilename()).toBe('pengo-sql-result.csv');
		const text = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
		const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
		expect(parsed[0]).toEqual(header);
		expect(parsed.slice(1)).toEqual(
			cells.map(([region, people, formula]) => [region, people, `'${formula}`, ''])
		);
		expect(cells[0]![2]).toBe('=1+1');
		expect(cells[0]![3]).toBe('NULL');
	});

	test('a large result shows the first 10,000 rows and says how many there are', async () => {
		const page = await backAtPanel();
		await runQuery(page, 'SELECT range AS i FROM range(12000)');
		await expect(summary(page)).toHaveText(/^12,000 rows in/);
		await expect(
			page.getByText(
				'Showing the first 10,000 rows of 12,000. The CSV download holds up to 100,000 rows.'
			)
		).toBeVisible();
		// All 10,000 are in the table; only the rows in view are drawn (DataTable is virtual).
		await expect(resultTable(page)).toHaveAttribute('aria-rowcount', '10001');
	});

	test('keyboard: a table name is inserted with Enter, Ctrl+Enter runs', async () => {
		const page = await backAtPanel();
		await editor(page).fill('SELECT count(*) AS n FROM ');
		await editor(page).press('End');
		await page
			.getByRole('button', { name: 'Insert survey_households view into the query' })
			.focus();
		await page.keyboard.press('Enter');
		await expect(editor(page)).toHaveValue('SELECT count(*) AS n FROM "survey_households"');
		await expect(editor(page)).toBeFocused();
		await editor(page).press('Control+Enter');
		await expect(summary(page)).toHaveText(/^1 row in/);
		const n = (await bodyCells(resultTable(page)))[0]?.[0] ?? '';
		// The bundled synthetic survey: one row per household in the CSV.
		const lines = readFileSync(join(import.meta.dirname, '../../data/survey-synthetic.csv'), 'utf8')
			.split('\n')
			.filter((l) => l.trim() !== '');
		expect(Number(n)).toBe(lines.length - 1);
	});
});

test('in Kiswahili with ?lang=sw, and usable 375 px wide', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await openPanel(page, '?lang=sw');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Hoja za SQL juu ya takwimu zilizopakiwa'
	);
	await expect(page.getByRole('heading', { name: 'Majedwali na mionekano' })).toBeVisible();
	await page.getByLabel('Hoja ya SQL', { exact: true }).fill('SELECT 1 AS moja, 2 AS mbili');
	await page.getByRole('button', { name: 'Endesha', exact: true }).click();
	await expect(page.getByText(/^Safu 1 kwa ms \d+$/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Pakua CSV' })).toBeVisible();
	await page.getByLabel('Hoja ya SQL', { exact: true }).fill('DROP TABLE regions');
	await page.getByRole('button', { name: 'Endesha', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('DROP hairuhusiwi hapa');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});
