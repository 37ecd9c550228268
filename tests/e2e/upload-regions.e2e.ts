import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { addSection, chooseFile, step } from './uploadSteps';

// Issue #13: region codes and the area role. Files as analysts bring them: one typo in the area
// column, DHS label spellings, a survey's own region codes.

const fixture = async (name: string) => ({
	name,
	mimeType: 'text/csv',
	buffer: await readFile(`tests/fixtures/uploads/${name}`)
});

test('one stray value in the area column rejects its row, not the column', async ({ page }) => {
	await page.goto('/datasets/');
	await chooseFile(page, await fixture('area-stray-value.csv'));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Role of column area')).toHaveValue('area');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByText(/^23 matched, 0 ambiguous, 0 unmatched/)).toBeVisible();
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 120_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'1,472 data rows read: 1,471 loaded, 1 kept aside.'
	);
	const problems = page.getByRole('region', { name: /^Problems \(\d+\)$/ });
	await expect(
		problems.getByRole('row', {
			name: 'area-stray-value.csv, row 1142, column “area”, value “urbn”'
		})
	).toContainText('The area is neither urban, rural nor total under the chosen codes.');
});
