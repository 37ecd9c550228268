import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addSection, checkAndLoad, chooseFile, fileInput, step, type Upload } from './uploadSteps';

// One reader for the step-2 preview and the import (issue 13): a broken quote gives the same records
// in both and is named once; an empty file is said to be empty; a file mixing UTF-8 and
// Windows-1252 reads each row in its own encoding and names the rows that were not UTF-8.
test.describe.configure({ timeout: 240_000 });

const FIXTURES = 'tests/fixtures/uploads';
const preview = (page: Page) =>
	page.getByRole('region', { name: 'Preview of the first rows as read' });
/** The row numbers the preview shows, in order. */
const previewRowNumbers = (page: Page) => preview(page).getByRole('rowheader').allInnerTexts();

test('a broken quote: the preview shows the rows the import reads, and names the row once', async ({
	page
}) => {
	await page.goto('/datasets/');
	await chooseFile(page, `${FIXTURES}/broken-quote-three-lines.csv`);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });

	// Rows 3 to 5 stay three rows; row 3's broken field is shown exactly as the file writes it.
	await expect(preview(page).getByRole('rowheader')).toHaveCount(5);
	expect(await previewRowNumbers(page)).toEqual(['2', '3', '4', '5', '6']);
	const arusha = preview(page).getByRole('row').filter({ hasText: 'Arusha' });
	await expect(arusha.getByRole('cell', { name: '"Meru "North', exact: true })).toBeVisible();
	await expect(
		preview(page).getByRole('row').filter({ hasText: 'Tanga' }).getByRole('cell')
	).toHaveText(['Tanga', 'ok', '30.2']);
	const broken = addSection(page).getByText('A closing quote is followed by more text', {
		exact: false
	});
	await expect(broken).toHaveCount(1);
	await expect(addSection(page).getByText(/row 3\b/)).toHaveCount(1);

	// The import reads the same five data rows and keeps row 3 aside, named once.
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	const year = page.getByLabel('Year of the data (when no column has it)');
	await year.fill('2022');
	await year.press('Tab');
	await page.getByRole('button', { name: 'Continue' }).click();
	await checkAndLoad(page, 5, '5 data rows read: 4 loaded, 1 kept aside.');
	await expect(broken).toHaveCount(1);
});

test('a header-only, blank-lines-only or BOM-only file is said to be empty, and nothing else', async ({
	page
}) => {
	await page.goto('/datasets/');
	const input = await fileInput(page);
	const file = (name: string, bytes: number[] | string): Upload => ({
		name,
		mimeType: 'text/csv',
		buffer: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)
	});
	const alert = page.getByRole('alert');
	const cases: [Upload, string][] = [
		[file('header.csv', 'Region,Urban,Rural\r\n'), 'The file has a header but no data rows.'],
		[file('blank-lines.csv', '\n\n\r\n\n'), 'The file is empty.'],
		[file('bom-only.csv', [0xef, 0xbb, 0xbf]), 'The file is empty.']
	];
	for (const [upload, text] of cases) {
		await input.setInputFiles(upload);
		await expect(alert).toContainText(text);
		await expect(alert).toContainText((upload as { name: string }).name);
		await expect(step(page, 1)).toBeVisible();
		await expect(step(page, 2)).toHaveCount(0);
		await expect(page.getByText('The column has no name.')).toHaveCount(0);
		await expect(page.getByText(/^Still needed/)).toHaveCount(0);
	}
	await expect(alert).toHaveCount(1);
});

test('a file mixing UTF-8 and Windows-1252 rows reads every accent right and names the other rows', async ({
	page
}) => {
	await page.goto('/datasets/');
	await chooseFile(page, `${FIXTURES}/mixed-encoding.csv`);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByLabel('Encoding')).toHaveValue('utf-8');

	// A UTF-8 row and a Windows-1252 row, each with its é.
	const row = (name: string) => preview(page).getByRole('row').filter({ hasText: name });
	await expect(row('Dar es Salaam').getByRole('cell')).toHaveText([
		'Dar es Salaam',
		'Kinondoni é',
		'45.3'
	]);
	await expect(row('Mtwara').getByRole('cell')).toHaveText(['Mtwara', 'Newala é', '30.2']);
	await expect(preview(page)).not.toContainText('Ã');
	const warning = addSection(page).getByText(
		'Rows 4, 6 were not valid UTF-8 and were read as Windows-1252.',
		{ exact: false }
	);
	await expect(warning).toHaveCount(1);
	await expect(addSection(page).getByText('“Mtwara,Newala é,30.2”', { exact: false })).toHaveCount(
		1
	);

	// The import reads the whole file the same way: the examples of step 3 come from DuckDB.
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	const examples = addSection(page).getByText(/e\.g\. .*Newala é/);
	await expect(examples).toContainText('Kinondoni é');
	await expect(addSection(page)).not.toContainText('Ã');
});
