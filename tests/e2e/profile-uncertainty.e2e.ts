import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue #12: every change carries its interval and an "(ns)" mark when it cannot be told apart
// from zero; years to parity only from a significant narrowing; boundary notes where rounds meet.

const section = (page: Page, name: string) => page.getByRole('region', { name });
const rowOf = (s: ReturnType<typeof section>, header: string) =>
	s
		.getByRole('row')
		.filter({ has: s.page().getByRole('rowheader', { name: header, exact: true }) });

async function openProfile(page: Page, code: string) {
	await page.goto(`/region/${code}/`);
	await expect(section(page, 'Women who own a mobile phone').getByRole('table')).toBeVisible({
		timeout: 45_000
	});
}

test('Songwe: the change since 2015-16 with its interval, marked (ns), and the boundary note', async ({
	page
}) => {
	await openProfile(page, 'TZ-31');
	const women = section(page, 'Women who own a mobile phone');
	// 45.2 (32.2–58.9) → 50.7 (40.2–61.1), 90%: +5.5 ± √(20.9² + 26.7²) / 2 = ± 16.95
	const change = rowOf(women, 'Change');
	await expect(change).toContainText(/\+5\.5 pp since 2015-16 \([-−]11\.5 pp to \+22\.5 pp\)/);
	await expect(change).toContainText('(ns)');
	await expect(women.getByText(/\(ns\): not significant/)).toBeVisible();
	await expect(women.getByRole('note')).toContainText(
		'Boundary change between 2015-16 and 2022: Songwe was formed in 2016 out of Mbeya.'
	);
	await expect(women.getByText(/computed by Pengo, not published by any source/)).toBeVisible();
	await expect(
		women.getByText(/estimates \(total, urban, rural\): published by the source/)
	).toBeVisible();
});

test('Mbeya gets the boundary note too; Dodoma’s significant change has no (ns) and no note', async ({
	page
}) => {
	await openProfile(page, 'TZ-14');
	await expect(section(page, 'Women who own a mobile phone').getByRole('note')).toContainText(
		'part of Mbeya became Songwe in 2016'
	);
	await openProfile(page, 'TZ-03');
	const women = section(page, 'Women who own a mobile phone');
	// 38.9 (32.0–46.2) → 61.6 (53.4–69.2): +22.7 ± √(15.8² + 14.2²) / 2 = ± 10.62
	const change = rowOf(women, 'Change');
	await expect(change).toContainText('+22.7 pp since 2015-16 (+12.1 pp to +33.3 pp)');
	await expect(change).not.toContainText('(ns)');
	await expect(women.getByRole('note')).toHaveCount(0);
});

test('Dodoma: a gap that is not closing measurably gets no years to parity', async ({ page }) => {
	await openProfile(page, 'TZ-03');
	const mobile = section(page, 'Households owning a mobile phone (synthetic)');
	await expect(mobile.getByText(/not closing at a measurable rate/)).toBeVisible();
	await expect(mobile.getByText(/would close in about/)).toHaveCount(0);
	await expect(rowOf(mobile, 'Change in gap')).toContainText(/pp since 2021 \(.+ to .+\)/);
	// Households left behind come with their range.
	await expect(
		mobile.getByText(/rural households \(range .+ to .+, from the gap's interval\)/)
	).toBeVisible();
	// At 375 px the statement stays on screen.
	await page.setViewportSize({ width: 375, height: 800 });
	await expect(mobile.getByText(/not closing at a measurable rate/)).toBeVisible();
});
