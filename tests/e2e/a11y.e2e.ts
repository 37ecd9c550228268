import { axeViolations } from './axe';
import { chartRows, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Waits until the bundled data is in DuckDB: the upload page's file input is disabled until then. */
async function uploadInput(page: Page) {
	const input = page.getByLabel('CSV, TSV or semicolon-separated file');
	await expect(input).toBeEnabled({ timeout: 60_000 });
	return input;
}

/** The main views, each with what to do and wait for before checking. */
const views: { name: string; url: string; ready: (page: Page) => Promise<void> }[] = [
	{
		name: 'explorer, chart',
		url: '/',
		ready: (p) => expect(chartRows(p)).toHaveCount(31, { timeout: 30_000 })
	},
	{
		name: 'explorer, urban–rural gap',
		url: '/?indicator=hh_owns_mobile&measure=gap',
		ready: (p) => expect(chartRows(p)).toHaveCount(31, { timeout: 30_000 })
	},
	{
		name: 'explorer, table',
		url: '/?view=table',
		ready: (p) => expect(p.getByRole('table').getByRole('row')).toHaveCount(32, { timeout: 30_000 })
	},
	{
		name: 'explorer in Kiswahili',
		url: '/?lang=sw',
		// The chart's heading is in Kiswahili here: find a chart row by its region name instead.
		ready: (p) =>
			expect(p.getByRole('button', { name: /^Dodoma:/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'region profile',
		url: '/region/TZ-03/',
		ready: (p) =>
			expect(p.getByRole('heading', { level: 1, name: /Dodoma/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'regions index',
		url: '/regions/',
		ready: (p) => expect(p.getByRole('link', { name: /Dodoma/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'compare',
		url: '/compare/?regions=TZ-03,TZ-02',
		ready: (p) => expect(p.getByRole('table').first()).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'digital-divide index',
		url: '/divide-index/',
		ready: (p) => expect(p.getByRole('table').first()).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'services vs connectivity',
		url: '/services/',
		ready: (p) => expect(p.getByRole('table').first()).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'datasets, step 1',
		url: '/datasets/',
		ready: async (p) => {
			await uploadInput(p);
			await expect(p.getByRole('heading', { name: /^Step 1 of 5: / })).toBeVisible();
		}
	},
	{
		name: 'datasets, step 2 with the preview',
		url: '/datasets/',
		ready: async (p) => {
			await (await uploadInput(p)).setInputFiles('tests/fixtures/e2e-upload/messy-regions.csv');
			await expect(p.getByRole('heading', { name: /^Step 2 of 5: / })).toBeVisible({
				timeout: 60_000
			});
			await expect(
				p.getByRole('table', { name: 'Preview of the first rows as read' })
			).toBeVisible();
			// The evidence list is part of the page: open it so its text is checked too.
			await p.getByText(/^Detected from \d+ rows: /).click();
		}
	},
	{
		name: 'SQL, after running the default query',
		url: '/sql/',
		ready: async (p) => {
			const run = p.getByRole('button', { name: 'Run', exact: true });
			await expect(run).toBeEnabled({ timeout: 60_000 });
			await run.click();
			await expect(p.getByRole('table', { name: /Query result/ })).toBeVisible({ timeout: 30_000 });
			await expect(p.getByRole('status').filter({ hasText: / ms$/ })).toBeVisible();
		}
	}
];

for (const view of views) {
	test(`axe finds no violations: ${view.name}`, async ({ page }) => {
		await page.goto(view.url);
		await view.ready(page);
		expect(await axeViolations(page)).toEqual([]);
	});
}
