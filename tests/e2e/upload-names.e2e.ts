import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { download, unzipData } from './downloads';
import { chartSection, expect, test, waitForData } from './fixtures';
import {
	addSection,
	checkAndLoad,
	chooseFile,
	csvFile,
	loadAllMatched,
	pageWidth,
	step
} from './uploadSteps';

// Each upload runs DuckDB over the whole file several times, and a reload rebuilds every stored
// dataset from its original.
test.describe.configure({ timeout: 240_000 });

const HOUSEHOLD = 'tests/fixtures/uploads/household-2022.csv';
const BLANK_NAMES = 'tests/fixtures/uploads/blank-indicator-names.csv';

const title = (page: Page) => page.getByRole('heading', { level: 1 });
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });
const duplicateAlert = (page: Page) =>
	page.getByRole('alert').filter({ hasText: 'This file is identical to the dataset' });

/** The texts of the picker's options for uploaded indicators (ids up_…), sorted. */
async function uploadedOptions(page: Page): Promise<string[]> {
	const texts = await page
		.getByRole('combobox', { name: 'Indicator', exact: true })
		.getByRole('option')
		.evaluateAll((options) =>
			options
				.filter((o) => (o as HTMLOptionElement).value.startsWith('up_'))
				.map((o) => (o.textContent ?? '').trim())
		);
	return texts.sort();
}

test('a repeated file is named before it is read; item names and upload names reach the picker and survive a reload', async ({
	page
}) => {
	const bytes = await readFile(HOUSEHOLD);
	await page.goto('/datasets/');

	// First upload: hv243a gets a name a reader understands; hv206 keeps its header.
	await chooseFile(page, HOUSEHOLD);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(duplicateAlert(page)).toHaveCount(0);
	await continueButton(page).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	const names = page.getByRole('group', { name: 'Names' });
	await expect(names.getByLabel('Name of hv243a')).toHaveValue('hv243a');
	await expect(names.getByLabel('Name of hv206')).toHaveValue('hv206');
	await names.getByLabel('Name of hv243a').fill('Household owns a mobile phone');
	expect(await axeViolations(page)).toEqual([]);
	await continueButton(page).click();
	await loadAllMatched(page, '496 data rows read: 496 loaded, 0 kept aside.');
	await expect(
		addSection(page)
			.getByRole('listitem')
			.filter({ hasText: /^Household owns a mobile phone – / })
	).toBeVisible();

	// The same bytes again: a warning names the earlier dataset and its date; nothing is read.
	await page.getByRole('button', { name: 'Add a dataset' }).click();
	await chooseFile(page, HOUSEHOLD);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(duplicateAlert(page)).toContainText(
		/identical to the dataset “household-2022” \(household-2022\.csv\), uploaded \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\./
	);
	await expect(continueButton(page)).toBeDisabled();
	expect(await axeViolations(page)).toEqual([]);
	// By keyboard from the step heading: Import anyway, then Cancel.
	await expect(step(page, 2)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(duplicateAlert(page).getByRole('button', { name: 'Import anyway' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(duplicateAlert(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(step(page, 1)).toBeVisible();
	const rows = page.getByRole('region', { name: 'Uploaded datasets' }).getByRole('row');
	await expect(rows).toHaveCount(2);

	// Under another name, the same bytes are still recognised; Import anyway goes on.
	await chooseFile(page, {
		name: 'household-2022 (2).csv',
		mimeType: 'text/csv',
		buffer: bytes
	});
	await expect(duplicateAlert(page)).toContainText('“household-2022” (household-2022.csv)');
	await expect(step(page, 2)).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(duplicateAlert(page)).toHaveCount(0);
	await continueButton(page).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await continueButton(page).click();
	await loadAllMatched(page, '496 data rows read: 496 loaded, 0 kept aside.');
	await expect(rows).toHaveCount(3);

	// The picker tells the two uploads' hv206 apart by file name; names given are used as given.
	const expected = [
		'Household owns a mobile phone',
		'hv206 (household-2022 (2).csv)',
		'hv206 (household-2022.csv)',
		'hv243a'
	];
	await page.getByRole('navigation').getByRole('link', { name: 'Explorer', exact: true }).click();
	await waitForData(page);
	await expect.poll(() => uploadedOptions(page)).toEqual(expected);
	await page
		.getByRole('combobox', { name: 'Indicator', exact: true })
		.selectOption({ label: 'Household owns a mobile phone' });
	await expect(title(page)).toContainText('Household owns a mobile phone: Total, 2022');
	// The downloaded data carry the name too.
	const data = unzipData((await download(page, chartSection(page), /^Data/)).bytes);
	expect(data.metadata.indicator).toMatchObject({ label: 'Household owns a mobile phone' });
	expect(data.readme).toContain('Household owns a mobile phone');

	// After a reload every dataset is rebuilt from its original with the names it was given.
	await page.reload();
	await waitForData(page);
	await expect(title(page)).toContainText('Household owns a mobile phone: Total, 2022');
	await expect.poll(() => uploadedOptions(page), { timeout: 90_000 }).toEqual(expected);
});

test('the year of the data counts as it is typed, and rows without an indicator name are kept aside with the reason', async ({
	page
}) => {
	await page.goto('/datasets/');
	await chooseFile(page, csvFile('radio-tv.csv', await readFile(BLANK_NAMES, 'utf8')));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await continueButton(page).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Role of column indicator')).toHaveValue('indicator');

	// No year column and none in the file name: Continue waits for a year.
	const year = page.getByLabel('Year of the data (when no column has it)');
	await expect(year).toHaveValue('');
	await expect(continueButton(page)).toBeDisabled();
	await year.fill('20');
	await expect(
		page.getByText('“20” is not a year: type four digits from 1900 to 2100')
	).toBeVisible();
	await expect(year).toHaveAttribute('aria-invalid', 'true');
	expect(await axeViolations(page)).toEqual([]);
	await expect(continueButton(page)).toBeDisabled();
	// Typing on, without leaving the field: the year counts at once.
	await year.pressSequentially('19');
	await expect(year).toBeFocused();
	await expect(page.getByText(/is not a year/)).toHaveCount(0);
	await expect(continueButton(page)).toBeEnabled();

	// The written indicator names are listed to rename; the blank ones are not names.
	const names = page.getByRole('group', { name: 'Names' });
	await expect(names.getByRole('textbox')).toHaveCount(2);
	await names.getByLabel('Name of radio').fill('Households with a radio');
	await continueButton(page).click();

	await checkAndLoad(page, 3, '7 data rows read: 5 loaded, 2 kept aside.');
	// Each kept-aside row names its row, the column and the value, and why.
	const section = addSection(page);
	const blank = section
		.getByRole('row')
		.filter({ hasText: 'The indicator name is blank: the row names no indicator.' });
	await expect(blank).toHaveCount(2);
	await expect(blank.nth(0).getByRole('rowheader')).toContainText('row 6, column “indicator”');
	await expect(blank.nth(1).getByRole('rowheader')).toContainText('row 7, column “indicator”');

	const item = section.getByRole('listitem').filter({ hasText: /^Households with a radio – / });
	await item.getByRole('link', { name: 'Show on the map' }).click();
	await expect(title(page)).toContainText('Households with a radio: Total, 2019');
	await expect.poll(() => uploadedOptions(page)).toEqual(['Households with a radio', 'tv']);
});

test('in Kiswahili on a 375 px phone the names and the year read in Kiswahili, with no sideways scrolling', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/datasets/?lang=sw');
	await expect(page.getByRole('heading', { name: 'Takwimu zako', level: 1 })).toBeVisible();
	await chooseFile(page, HOUSEHOLD, 'Faili la CSV, TSV au lililotenganishwa kwa nukta-mkato');
	await expect(page.getByRole('heading', { name: /^Hatua 2 kati ya 5: / })).toBeVisible({
		timeout: 60_000
	});
	await page.getByRole('button', { name: 'Endelea' }).click();
	await expect(page.getByRole('heading', { name: /^Hatua 3 kati ya 5: / })).toBeVisible({
		timeout: 90_000
	});
	const names = page.getByRole('group', { name: 'Majina' });
	await expect(names.getByLabel('Jina la hv243a')).toHaveValue('hv243a');
	await names.getByLabel('Jina la hv243a').fill('Kaya yenye simu ya mkononi');
	await names.getByLabel('Jina la hv206').fill('kaya yenye SIMU ya mkononi');
	// Two items may not share a name: the indicator list could not tell them apart.
	await expect(page.getByRole('status').filter({ hasText: 'Vipengele viwili' })).toContainText(
		// Named as the later of the two (hv243a comes after hv206 in the file) writes it.
		'Vipengele viwili vina jina “Kaya yenye simu ya mkononi”'
	);

	const year = page.getByLabel('Mwaka wa takwimu (ikiwa hakuna safu wima yenye mwaka)');
	await expect(year).toHaveValue('2022');
	await year.fill('22');
	await expect(
		page.getByText('“22” si mwaka: andika tarakimu nne kati ya 1900 na 2100')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Endelea' })).toBeDisabled();
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);
});
