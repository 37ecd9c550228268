import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SYNTHETIC_BADGE = 'Synthetic demonstration data, not official statistics';
const MOBILE_GAP = 'Gap: Households owning a mobile phone (synthetic)';
const MONEY_GAP = 'Gap: Households using mobile money (synthetic)';
const WOMEN_LEVEL = 'Level: Women who own a mobile phone';

/** The ranked bars, found by the chart's accessible name; one focusable row per region. */
const bars = (page: Page) =>
	page
		.getByRole('group', { name: /^Ranked bars of the composite divide index/ })
		.getByRole('button');
const usedList = (page: Page) => page.getByRole('list', { name: 'What went in' });

async function barLabels(page: Page): Promise<string[]> {
	return bars(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

async function openIndex(page: Page, query = ''): Promise<void> {
	await page.goto(`/divide-index/${query}`);
	await expect(bars(page)).toHaveCount(31, { timeout: 45_000 });
}

test('the default index ranks all 31 regions, states its method and what went in', async ({
	page
}) => {
	await openIndex(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Composite digital-divide index, by region'
	);
	const labels = await barLabels(page);
	// Ranked first, then the regions without enough components (Dar es Salaam has no rural sample).
	// The visible name and index first (label in name, WCAG 2.5.3), then the rank.
	expect(labels[0]).toMatch(/^(.+): (\d\.\d\d), rank 1 of 30 by the index$/);
	expect(labels.at(-1)).toBe('Dar es Salaam: not enough data');
	await expect(page.getByText(/weighted mean of its rescaled components/)).toBeVisible();
	await expect(usedList(page).getByRole('listitem')).toHaveText([
		`${MOBILE_GAP}, 2024, weight 1`,
		'Gap: Households that used the internet (synthetic), 2024, weight 1',
		`${MONEY_GAP}, 2024, weight 1`,
		`${WOMEN_LEVEL}, 2022, weight 1`
	]);
	await expect(page.getByText(SYNTHETIC_BADGE).first()).toBeVisible();
	await expect(
		page.getByText(/^Source:.*Synthetic demonstration household survey/).first()
	).toBeVisible();
	const table = page.getByRole('table', { name: /^Composite divide index by region/ });
	await expect(table.locator('tbody').getByRole('row')).toHaveCount(31);
	await expect(table.getByRole('button', { name: `Sort by ${WOMEN_LEVEL}: value` })).toHaveCount(1);
});

test('a weight, a tick and the year change the ranking at once, and the URL reproduces it', async ({
	page,
	context
}) => {
	await openIndex(page);
	const before = await barLabels(page);

	// Keyboard on the slider: End sets the largest weight.
	await page.getByLabel(`Weight for ${WOMEN_LEVEL}`, { exact: true }).focus();
	await page.keyboard.press('End');
	await expect(page.getByLabel(`Weight for ${WOMEN_LEVEL} (number)`)).toHaveValue('5');
	await expect(page).toHaveURL(/women_mobile_phone%3Alevel%3A5\b/);
	await expect.poll(() => barLabels(page)).not.toEqual(before);
	await expect(usedList(page)).toContainText(`${WOMEN_LEVEL}, 2022, weight 5`);

	await page.getByRole('checkbox', { name: MONEY_GAP }).uncheck();
	await expect(usedList(page).getByRole('listitem')).toHaveCount(3);
	await expect(usedList(page)).not.toContainText(MONEY_GAP);
	await expect(page).not.toHaveURL(/hh_uses_mobile_money/);

	await page.getByLabel('Survey year (for the gaps)').selectOption('2021');
	await expect(usedList(page)).toContainText(`${MOBILE_GAP}, 2021, weight 1`);
	await expect(bars(page)).toHaveCount(31);
	const chosen = await barLabels(page);

	const fresh = await context.newPage();
	await fresh.goto(page.url());
	await expect(bars(fresh)).toHaveCount(31, { timeout: 45_000 });
	expect(await barLabels(fresh)).toEqual(chosen);
	await expect(fresh.getByRole('checkbox', { name: MONEY_GAP })).not.toBeChecked();
	await expect(fresh.getByLabel(`Weight for ${WOMEN_LEVEL} (number)`)).toHaveValue('5');
	await expect(fresh.getByLabel('Survey year (for the gaps)')).toHaveValue('2021');
	await fresh.close();
});

test('the badge shows only while a synthetic component is in; unknown link parts are named', async ({
	page
}) => {
	await openIndex(page, '?c=women_mobile_phone:level:1,sims_per_100:level:1,fax:gap:1');
	await expect(page.getByRole('alert')).toContainText('Component “fax:gap:1” is not known.');
	await expect(usedList(page).getByRole('listitem')).toHaveCount(2);
	await expect(page.getByText(SYNTHETIC_BADGE)).toHaveCount(0);
	// Simiyu and the five Zanzibar regions have no SIM figure, but women's ownership is half the weight.
	expect((await barLabels(page)).filter((l) => l.endsWith('not enough data'))).toEqual([]);

	await page.getByRole('checkbox', { name: MOBILE_GAP }).check();
	await expect(usedList(page).getByRole('listitem')).toHaveCount(3);
	await expect(page.getByText(SYNTHETIC_BADGE).first()).toBeVisible();
});

test('at 375 px the page fits the screen and the controls work by keyboard', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await openIndex(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	const before = await barLabels(page);
	const checkbox = page.getByRole('checkbox', { name: MOBILE_GAP });
	await checkbox.focus();
	await page.keyboard.press('Space');
	await expect(checkbox).not.toBeChecked();
	await expect(usedList(page).getByRole('listitem')).toHaveCount(3);
	await page.keyboard.press('Space');
	await expect(checkbox).toBeChecked();
	await page.keyboard.press('Tab');
	const slider = page.getByLabel(`Weight for ${MOBILE_GAP}`, { exact: true });
	await expect(slider).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByLabel(`Weight for ${MOBILE_GAP} (number)`)).toHaveValue('2');
	await expect(usedList(page)).toContainText(`${MOBILE_GAP}, 2024, weight 2`);
	await expect.poll(() => barLabels(page)).not.toEqual(before);
});
