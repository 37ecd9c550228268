import type { Page } from '@playwright/test';
import { expect, REGION_NAMES, sharePage, test } from './fixtures';

/** The badge itself, not a definition that happens to say the same words. */
const SYNTHETIC_BADGE = /^\W*Synthetic demonstration data, not official statistics$/;

const indicatorSection = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const rowOf = (section: ReturnType<typeof indicatorSection>, header: string | RegExp) =>
	section
		.getByRole('row')
		.filter({ has: section.page().getByRole('rowheader', { name: header, exact: true }) });

/** Waits until DuckDB has loaded and the profile tables are drawn. */
async function openProfile(page: Page, code: string) {
	await page.goto(`/region/${code}/`);
	await expect(
		indicatorSection(page, 'Women who own a mobile phone').getByRole('table')
	).toBeVisible({ timeout: 45_000 });
}

// Both only read Dodoma's profile: they take turns with one page, loaded once.
test.describe(() => {
	const dodoma = sharePage((page) => openProfile(page, 'TZ-03'));

	test('Dodoma’s profile: names, women’s phone figures with intervals, trend, rank, sources', async () => {
		const page = dodoma.page;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dodoma');
		await expect(page.getByText('Mainland (Tanzania Bara)')).toBeVisible();
		await expect(page.getByText('3,085,625')).toBeVisible();
		await expect(page.getByText(/Source:.*Population and Housing Census/).first()).toBeVisible();

		const women = indicatorSection(page, 'Women who own a mobile phone');
		await expect(women.getByRole('columnheader', { name: '2015-16' })).toBeVisible();
		const total = rowOf(women, 'Total');
		await expect(total).toContainText('61.6% (53.4–69.2)');
		await expect(total).toContainText('38.9% (32.0–46.2)');
		await expect(rowOf(women, /^Rank/)).toContainText('12 of 31');
		await expect(rowOf(women, 'Change')).toContainText('+22.7 pp since 2015-16');
		await expect(women.getByText(/90% confidence intervals/)).toBeVisible();
		await expect(women.getByText(/Source:.*DHS/)).toBeVisible();
		// A published series: no synthetic badge on it.
		await expect(women.getByText(SYNTHETIC_BADGE)).toHaveCount(0);
		await expect(page.getByText(/1 is the highest value/)).toBeVisible();
	});

	test('synthetic survey indicators carry the badge, the gap with its interval and the population used', async () => {
		const page = dodoma.page;
		const mobile = indicatorSection(page, 'Households owning a mobile phone (synthetic)');
		await expect(mobile.getByText(SYNTHETIC_BADGE)).toBeVisible();
		await expect(rowOf(mobile, /^Gap/)).toContainText(/pp \(.+ to .+\)/);
		await expect(
			mobile.getByText(/standard errors published with the survey estimates/)
		).toBeVisible();
		await expect(
			mobile.getByText(/weighted count of rural households in the survey/)
		).toBeVisible();
		// Every synthetic indicator has its badge.
		const badges = page.getByText(SYNTHETIC_BADGE);
		expect(await badges.count()).toBeGreaterThanOrEqual(7);
	});
});

test('Simiyu has no active SIM figure: “no data”, never zero', async ({ page }) => {
	await page.goto('/region/TZ-30/');
	const sims = indicatorSection(page, 'Active SIM cards');
	await expect(rowOf(sims, 'Total')).toContainText('no data', { timeout: 30_000 });
	await expect(sims.getByText(/not listed in the source/)).toBeVisible();
});

test('the regions index links to all 31 profiles, in Mainland and Zanzibar groups', async ({
	page
}) => {
	await page.goto('/regions/');
	const links = page.getByRole('main').getByRole('link', { name: /^(?!Compare)/ });
	await expect(links).toHaveCount(31);
	const names = await links.allTextContents();
	expect([...names].sort()).toEqual([...REGION_NAMES].sort());
	await expect(page.getByRole('heading', { name: /^Zanzibar \(5 regions\)/ })).toBeVisible();
	await page.getByRole('link', { name: 'Dodoma', exact: true }).click();
	await expect(page).toHaveURL(/\/region\/TZ-03\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dodoma');
});

test('compare Dodoma and Dar es Salaam by keyboard; the link reproduces the view', async ({
	page,
	context
}) => {
	await page.goto('/compare/');
	await expect(page.getByText('Pick at least two regions to compare.')).toBeVisible();
	const dodoma = page.getByRole('checkbox', { name: 'Dodoma' });
	await dodoma.focus();
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/regions=TZ-03$/);
	await page.getByRole('checkbox', { name: 'Dar es Salaam' }).check();
	await expect(page).toHaveURL(/regions=TZ-03,TZ-02$/);

	const women = indicatorSection(page, /^Women who own a mobile phone/);
	await expect(rowOf(women, 'Dodoma')).toContainText('61.6% (53.4–69.2)', { timeout: 30_000 });
	await expect(rowOf(women, 'Dar es Salaam')).toContainText('87.2% (84.7–89.3)');
	const before = await page.getByRole('main').getByRole('table').allInnerTexts();

	const second = await context.newPage();
	await second.goto(page.url());
	await expect(second.getByRole('checkbox', { name: 'Dodoma' })).toBeChecked();
	await expect(second.getByRole('checkbox', { name: 'Dar es Salaam' })).toBeChecked();
	await expect(
		rowOf(indicatorSection(second, /^Women who own a mobile phone/), 'Dodoma')
	).toContainText('61.6%', { timeout: 30_000 });
	expect(await second.getByRole('main').getByRole('table').allInnerTexts()).toEqual(before);
	await second.close();
});

test('compare ignores unknown codes and says so', async ({ page }) => {
	await page.goto('/compare/?regions=TZ-03,TZ-99,TZ-02');
	await expect(page.getByRole('alert')).toContainText('TZ-99');
	await expect(
		rowOf(indicatorSection(page, /^Women who own a mobile phone/), 'Dar es Salaam')
	).toContainText('87.2%', { timeout: 30_000 });
});

test('an unknown region code shows a message and a way back, never a blank page', async ({
	page
}) => {
	await page.goto('/region/TZ-99/');
	await expect(page.getByRole('heading', { name: 'Region not found' })).toBeVisible();
	await expect(page.getByText(/no region with the code “TZ-99”/)).toBeVisible();
	await page.getByRole('link', { name: 'All 31 regions' }).click();
	await expect(page).toHaveURL(/\/regions\/$/);

	await page.goto('/region/?code=TZ-03');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dodoma');
	await page.goto('/region/?code=nowhere');
	await expect(page.getByText(/no region with the code “nowhere”/)).toBeVisible();
});

test('the profile works at 375 px wide without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await openProfile(page, 'TZ-03');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});
