import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
	compoundFile,
	writeXlsx,
	xlsbFile,
	type CellSpec
} from '../../src/lib/upload/xlsxWriter.test-data';
import { axeViolations } from './axe';
import { expect, REGION_NAMES, test } from './fixtures';
import { addSection, chooseFile, fileInput, loadAllMatched, pageWidth, step } from './uploadSteps';

// A workbook goes through every stage of an upload, and a reload reads it again from storage.
test.describe.configure({ timeout: 240_000 });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (name: string, bytes: Uint8Array) => ({
	name,
	mimeType: XLSX,
	buffer: Buffer.from(bytes)
});

/**
 * An NBS-style workbook: an empty first sheet; "Table 3" with a title and a source line above a
 * two-row header ("Access 2022" merged over Urban and Rural, "Region" merged down), the 31
 * regions with a number stored as text, a formula, a #DIV/0! and an "n.a.", and an empty row;
 * a "Dates" sheet with a date cell.
 */
function phoneBook(): Uint8Array {
	const rows: CellSpec[][] = [
		['Table 3. Women owning a mobile phone (%), 2022'],
		['Source: synthetic figures for a test'],
		['Region', 'Access 2022', null],
		[null, 'Urban', 'Rural']
	];
	REGION_NAMES.forEach((name, i) => {
		if (i === 5) rows.push([]);
		const urban: CellSpec = i === 0 ? '61.5' : i === 1 ? { error: '#DIV/0!' } : 50 + i;
		const rural: CellSpec =
			i === 0 ? { formula: 'B5/2', cached: 30.75 } : i === 5 ? 'n.a.' : 20 + i;
		rows.push([name, urban, rural]);
	});
	return writeXlsx([
		{ name: 'Empty', rows: [] },
		{ name: 'Table 3', rows, merges: ['A1:C1', 'A3:A4', 'B3:C3'] },
		{
			name: 'Dates',
			rows: [
				['Published', 'Value'],
				[{ date: 44635 }, 1]
			]
		}
	]);
}

const preview = (page: Page) =>
	page.getByRole('region', { name: 'Preview of the first rows as read' });

test('a workbook: sheet and header rows chosen, loaded by the sheet’s row numbers, read again after a reload', async ({
	page
}) => {
	await page.goto('/datasets/');
	await chooseFile(page, upload('phones.xlsx', phoneBook()));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	// The first sheet with cells, its header found under the title rows, merged names joined.
	await expect(page.getByText('Excel workbook, sheet Table 3, header rows 3–4')).toBeVisible();
	await expect(page.getByRole('combobox', { name: /^Sheet\b/ })).toHaveValue('Table 3');
	await expect(
		page.getByRole('combobox', { name: /^Sheet\b/ }).getByRole('option', { name: 'Empty (empty)' })
	).toHaveCount(1);
	await expect(page.getByLabel('Delimiter')).toBeHidden();
	expect(await axeViolations(page)).toEqual([]);
	for (const name of ['Region', 'Access 2022 Urban', 'Access 2022 Rural']) {
		await expect(preview(page).getByRole('columnheader', { name, exact: true })).toBeVisible();
	}
	// The sheet's own row numbers: the first region is row 5.
	await expect(preview(page).getByRole('row', { name: /^5 Dodoma 61\.5 30\.75$/ })).toBeVisible();

	// By keyboard: another sheet, whose date cell reads as an ISO date; then back.
	const sheet = page.getByRole('combobox', { name: /^Sheet\b/ });
	await sheet.focus();
	await sheet.selectOption('Dates');
	await expect(page.getByText('Excel workbook, sheet Dates, header row 1')).toBeVisible();
	await expect(preview(page).getByRole('cell', { name: '2022-03-15', exact: true })).toBeVisible();
	await sheet.selectOption('Table 3');
	await expect(page.getByText('Excel workbook, sheet Table 3, header rows 3–4')).toBeVisible();
	// One header row only: the second header row (its merged "Region" repeated) is read as a row.
	const headerRows = page.getByLabel('Rows in the header');
	await headerRows.fill('1');
	await headerRows.press('Tab');
	await expect(page.getByText('Excel workbook, sheet Table 3, header row 3')).toBeVisible();
	await expect(preview(page).getByRole('row', { name: /^4 Region Urban Rural$/ })).toBeVisible();
	await headerRows.fill('2');
	await headerRows.press('Tab');
	await expect(page.getByText('Excel workbook, sheet Table 3, header rows 3–4')).toBeVisible();

	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Role of column Access 2022 Urban')).toHaveValue('wide-value');
	await page.getByRole('button', { name: 'Continue' }).click();
	await loadAllMatched(page, '31 data rows read: 30 loaded, 1 kept aside.');

	// Problems name the workbook and the rows Excel shows; the error cell is a missing value.
	const problems = page.getByRole('region', { name: /^Problems \(\d+\)$/ });
	await expect(
		problems.getByRole('rowheader', {
			name: 'phones.xlsx, row 11, column “Access 2022 Rural”, value “n.a.”',
			exact: true
		})
	).toBeVisible();
	await expect(
		problems.getByRole('rowheader', {
			name: 'phones.xlsx, row 6, column “Access 2022 Urban”, value “#DIV/0!”',
			exact: true
		})
	).toBeVisible();
	const downloading = page.waitForEvent('download');
	await addSection(page).getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
	const csv = await readFile(await (await downloading).path(), 'utf8');
	const lines = csv.split('\r\n').filter((l) => l !== '');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toMatch(/^"11",.*,"Pwani,55,n\.a\.",/);

	// A reload rebuilds the dataset from the stored workbook with the same sheet and header.
	await page.reload();
	const row = page
		.getByRole('region', { name: 'Uploaded datasets' })
		.getByRole('row', { name: /phones\.xlsx/ });
	await expect(row).toContainText('Loaded', { timeout: 90_000 });
	await expect(row.getByRole('cell', { name: '30', exact: true })).toBeVisible();
});

test('an .xls, an .xlsb, a protected and a damaged workbook are named with what to do', async ({
	page
}) => {
	await page.goto('/datasets/');
	const good = writeXlsx([{ name: 'S', rows: [['Region', 'Value']] }]);
	const cases = [
		['old.xls', compoundFile(false), 'This is an old Excel workbook (.xls)'],
		['binary.xlsb', xlsbFile(), 'This is a binary Excel workbook (.xlsb)'],
		['locked.xlsx', compoundFile(true), 'This workbook is protected with a password'],
		['broken.xlsx', good.subarray(0, good.length - 30), 'This workbook is damaged']
	] as const;
	for (const [name, bytes, what] of cases) {
		await chooseFile(page, upload(name, bytes));
		const alert = addSection(page).getByRole('alert');
		await expect(alert).toContainText(name);
		await expect(alert).toContainText(what);
		await expect(alert).toContainText(/save (it as an Excel workbook \(\.xlsx\)|a copy)/);
		await expect(step(page, 2)).toHaveCount(0);
	}
});

test('in Kiswahili on a 375 px phone the workbook step reads in Kiswahili, with no sideways scrolling', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/datasets/?lang=sw');
	const input = await fileInput(page, 'Faili la CSV, TSV au lililotenganishwa kwa nukta-mkato');
	await input.setInputFiles(upload('simu.xlsx', phoneBook()));
	await expect(page.getByRole('heading', { name: /^Hatua 2 kati ya 5: / })).toBeVisible({
		timeout: 60_000
	});
	await expect(
		page.getByText('Kitabu cha kazi cha Excel, laha Table 3, safu za vichwa 3–4')
	).toBeVisible();
	await expect(page.getByRole('combobox', { name: /^Laha\b/ })).toHaveValue('Table 3');
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);
	expect(await axeViolations(page)).toEqual([]);
});
