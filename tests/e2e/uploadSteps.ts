import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The Datasets page's upload wizard, found by role and label as a person finds it. */

const FILE_LABEL = 'CSV, TSV or semicolon-separated file';

export type Upload = string | { name: string; mimeType: string; buffer: Buffer };

export const step = (page: Page, n: number) =>
	page.getByRole('heading', { name: new RegExp(`^Step ${n} of 5: `) });
export const addSection = (page: Page) => page.getByRole('region', { name: 'Add a dataset' });
export const navLink = (page: Page, name: string) =>
	page.getByRole('navigation').getByRole('link', { name, exact: true });

/**
 * The file input is disabled until the bundled data is in DuckDB (region matching needs the 31
 * regions); a person cannot choose a file before, and Playwright's setInputFiles would not wait.
 */
export async function fileInput(page: Page, label = FILE_LABEL): Promise<Locator> {
	const input = page.getByLabel(label);
	await expect(input).toBeEnabled({ timeout: 90_000 });
	return input;
}

/** `label`: the file input's label in the page's language (English unless given). */
export async function chooseFile(page: Page, file: Upload, label = FILE_LABEL): Promise<void> {
	await (await fileInput(page, label)).setInputFiles(file);
}

export function csvFile(name: string, text: string): Upload {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/**
 * Step 4 with `matched` written region names all matched, "Check and load", and the report's
 * count line (`status`, e.g. "31 data rows read: 31 loaded, 0 kept aside.").
 */
export async function checkAndLoad(page: Page, matched: number, status: string): Promise<void> {
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	await expect(
		page.getByText(new RegExp(`^${matched} matched, 0 ambiguous, 0 unmatched`))
	).toBeVisible();
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 120_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(status);
}

/** checkAndLoad with all 31 regions in the file. */
export const loadAllMatched = (page: Page, status: string) => checkAndLoad(page, 31, status);

/** How wide the page scrolls: at most 376 at a 375 px viewport means no sideways scrolling. */
export function pageWidth(page: Page): Promise<number> {
	return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}
