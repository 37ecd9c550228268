import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { addSection, chooseFile, csvFile, loadAllMatched, step } from './uploadSteps';

// Issue #13: analysts' real files load right the first time. DHS writes its region variable
// (hv024) as a number, NBS codes without their leading zero; TCRA tables hold counts in millions.

/** NBS code → official name, from the bundled region table (data/regions.csv). */
async function nbsRegions(): Promise<{ code: string; name: string }[]> {
	const text = await readFile('data/regions.csv', 'utf8');
	const [header, ...lines] = text.trim().split('\n');
	const cols = header!.split(',');
	const at = (line: string, name: string) => line.split(',')[cols.indexOf(name)]!;
	return lines.map((l) => ({ code: at(l, 'nbs_code'), name: at(l, 'name_official') }));
}

async function toRoles(page: Page, file: ReturnType<typeof csvFile>) {
	await page.goto('/datasets/');
	await chooseFile(page, file);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
}

test('DHS region codes 1–9 match their regions, and step 4 says by which rule', async ({
	page
}) => {
	const regions = await nbsRegions();
	// One household per region and residence, hv024 written as DHS writes it: 1, 2, … 26, 51 … 55.
	const header = 'hhid,hv005,hv021,hv022,hv024,hv025,hv243a';
	const rows = regions.flatMap((r, i) =>
		[1, 2].flatMap((residence) =>
			[0, 1, 2].map(
				(k) =>
					`${i}-${residence}-${k},1000000,${i * 6 + residence * 3 + k},${i * 2 + residence},${Number(r.code)},${residence},${k % 2}`
			)
		)
	);
	await toRoles(page, csvFile('tzhr_2022.csv', [header, ...rows].join('\n') + '\n'));
	await expect(page.getByLabel('Role of column hv024')).toHaveValue('region');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	const table = page.getByRole('table', { name: 'Match region names' });
	const row = (written: string) =>
		table
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: written, exact: true }) });
	await expect(row('1')).toContainText('NBS code written as a number (1)');
	await expect(row('1').getByRole('combobox')).toHaveValue('TZ-03'); // Dodoma
	await expect(row('7').getByRole('combobox')).toHaveValue('TZ-02'); // Dar es Salaam
	await expect(row('53')).toContainText('code');
	await loadAllMatched(page, '186 data rows read: 186 loaded, 0 kept aside.');
});

test('a TCRA table of subscriptions is taken as counts, with the evidence shown, and loads whole', async ({
	page
}) => {
	const regions = await nbsRegions();
	const rows = regions.map((r, i) => `${r.name},${1204 + i * 293_617}`);
	await toRoles(
		page,
		csvFile('tcra_subscriptions_2022.csv', ['Region,subscriptions_2022', ...rows].join('\n') + '\n')
	);
	await expect(page.getByLabel('Unit of the values')).toHaveValue('count');
	const largest = (1204 + 30 * 293_617).toLocaleString('en');
	await expect(
		page.getByText(
			`Guessed from the data: the largest value in “subscriptions_2022” is ${largest}, above 100, so these are not percentages.`,
			{ exact: false }
		)
	).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await loadAllMatched(page, '31 data rows read: 31 loaded, 0 kept aside.');
	await expect(addSection(page)).not.toContainText('between 0 and 100');
});

test('a file for one region shows on the map under its own name, the rest not in this file', async ({
	page
}) => {
	await toRoles(
		page,
		csvFile(
			'kigoma_radio.csv',
			'region,area,year,value\nKigoma,urban,2022,41.5\nKigoma,rural,2022,12\n'
		)
	);
	await page
		.getByRole('textbox', { name: 'Indicator name (when no column names it)' })
		.fill('Radio in Kigoma');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 120_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'2 data rows read: 2 loaded, 0 kept aside.'
	);
	const item = addSection(page)
		.getByRole('listitem')
		.filter({ hasText: /^Radio in Kigoma/ });
	await item.getByRole('link', { name: 'Show on the map' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Radio in Kigoma', {
		timeout: 60_000
	});
	await expect(page.getByText(/No indicator with the code/)).toHaveCount(0);
	await expect(page.getByText('No data, or not in this file')).toBeVisible();
});

test('the report shows every problem: counts by kind, structure first, paging to the last repeat, both values of a conflict, and the original text of each rejected record', async ({
	page
}) => {
	// 264 records: 62 rows, 198 exact repeats, Kigoma rural 30 repeated as 36 (row 164), a ragged
	// row (263, a sixth field) and an unterminated quote (265) that swallows the last line.
	const buffer = await readFile('tests/fixtures/uploads/many-duplicates.csv');
	await page.goto('/datasets/');
	await chooseFile(page, { name: 'many-duplicates.csv', mimeType: 'text/csv', buffer });
	// Step 2 warns although both problems lie beyond the rows it previews.
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(
		page.getByText(
			'2 of the 265 records read so far do not have the 5 fields most records have: ragged rows, or lines a broken quote ran together.'
		)
	).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await loadAllMatched(
		page,
		'264 data rows read: 63 loaded, 198 exact repeats skipped, 3 kept aside.'
	);

	const kinds = addSection(page).getByRole('list', { name: 'Problems by kind' });
	await expect(kinds.getByRole('button')).toHaveText([
		'Unterminated quotes: 1',
		'Ragged rows: 2',
		'Conflicting duplicates: 1',
		'Bad years: 1',
		'Repeated rows: 198',
		'All problems: 203'
	]);
	const all = page.getByRole('region', { name: 'Problems (203)' });
	await expect(all.getByRole('rowheader').first()).toHaveText('many-duplicates.csv, row 265');
	await expect(all.getByRole('rowheader').nth(1)).toHaveText('many-duplicates.csv, row 263');
	const conflict = all.getByRole('row', {
		name: 'many-duplicates.csv, row 164, column “value”, value “36”'
	});
	await expect(conflict).toContainText(
		"Same key as row 33 (Kigoma, rural, 2022, Radio listening) with another value: row 33 has “30”, this row has “36”. Row 33's value is kept; this row is kept aside."
	);

	await kinds.getByRole('button', { name: 'Repeated rows: 198' }).click();
	await expect(kinds.getByRole('button', { name: 'Repeated rows: 198' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const repeats = page.getByRole('region', { name: 'Repeated rows (198)' });
	const pages = page.getByRole('navigation', { name: 'Pages of problems' });
	await expect(pages).toContainText('Rows 1–50 of 198');
	await expect(repeats.getByRole('rowheader').first()).toHaveText('many-duplicates.csv, row 64');
	await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled();
	for (const range of ['Rows 51–100 of 198', 'Rows 101–150 of 198', 'Rows 151–198 of 198']) {
		await pages.getByRole('button', { name: 'Next' }).click();
		await expect(pages).toContainText(range);
	}
	await expect(pages.getByRole('button', { name: 'Next' })).toBeDisabled();
	await expect(repeats.getByRole('row')).toHaveCount(49); // 48 problems and the header
	const last = repeats.getByRole('row', { name: 'many-duplicates.csv, row 262' });
	await expect(last).toContainText('Repeats row 13: the same key and the same values.');
	// By keyboard, and on a 375 px phone without sideways scrolling.
	await pages.getByRole('button', { name: 'Previous' }).focus();
	await page.keyboard.press('Enter');
	await expect(pages).toContainText('Rows 101–150 of 198');
	await page.setViewportSize({ width: 375, height: 800 });
	await expect(kinds.getByRole('button', { name: 'All problems: 203' })).toBeInViewport();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	const axe = await new AxeBuilder({ page })
		.include('section[aria-labelledby="add-title"]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	const downloading = page.waitForEvent('download');
	await addSection(page).getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
	const csv = await readFile(await (await downloading).path(), 'utf8');
	const [header, ...rows] = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
	expect(header).toEqual([
		'row',
		'reason',
		'reason_explained',
		'original_record',
		'region',
		'area',
		'indicator',
		'year',
		'value',
		'extra field 6'
	]);
	// The reason as codes for scripts, then in the page's words.
	expect(rows.map((r) => r.slice(0, 4))).toEqual([
		[
			'164',
			'conflicting-duplicate (column “value”)',
			'Conflicting duplicates (column “value”)',
			'Kigoma,rural,Radio listening,2022,36'
		],
		[
			'263',
			'ragged-row',
			'Ragged rows',
			'Mwanza,urban,Radio listening,2023,45.1,check this figure'
		],
		[
			'265',
			'ragged-row; unterminated-quote; bad-year (column “year”)',
			'Ragged rows; Unterminated quotes; Bad years (column “year”)',
			'Tanga,rural,"Radio listening,2023,12.5\nTanga,urban,Radio listening,2023,30.2\n'
		]
	]);
	expect(rows[1]!.at(-1)).toBe('check this figure');
});

test('step 2 warns of ragged rows and broken quotes before anything is read', async ({ page }) => {
	await page.goto('/datasets/');
	await chooseFile(
		page,
		csvFile(
			'ragged.csv',
			'region,year,value\nDodoma,2022,40\nArusha,2022,38,extra\nMwanza,2022,41\n'
		)
	);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(
		page.getByText(
			'This file has structural problems: Ragged rows: 1. Those rows will be kept aside and listed in the report'
		)
	).toBeVisible();
});
