import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
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
