import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, REGION_NAMES, test, waitForData } from './fixtures';
import { addSection, chooseFile, csvFile, loadAllMatched, navLink, step } from './uploadSteps';

/** The explorer's "The gap over time" panel, scrolled to as a person scrolls to it. */
async function trendPanel(page: Page) {
	const panel = page.getByRole('region', { name: 'The gap over time' });
	await panel.scrollIntoViewIfNeeded();
	await expect(panel.getByRole('group', { name: /over the survey rounds/ })).toBeVisible({
		timeout: 30_000
	});
	return panel;
}

/** The table's rows as a person reads them, cell texts joined by " | ". */
async function tableRows(panel: ReturnType<Page['getByRole']>): Promise<string[]> {
	return panel
		.getByRole('table')
		.getByRole('row')
		.evaluateAll((rows) =>
			rows
				.slice(1)
				.map((r) =>
					[...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()).join(' | ')
				)
		);
}

test('women’s phone ownership: one line per region with two rounds; Songwe’s values, change and boundary note', async ({
	page
}) => {
	await page.goto('/');
	await waitForData(page);
	const panel = await trendPanel(page);

	// Both DHS rounds for all 31 regions, totals only: the one line offered is the total.
	const lines = panel.getByRole('group', { name: 'Lines follow' }).getByRole('button');
	await expect(lines).toHaveText(['Total']);
	await expect(lines.first()).toHaveAttribute('aria-pressed', 'true');
	await expect(panel.locator('svg path.region-line')).toHaveCount(31);
	await expect(panel.getByText(/fewer than two survey rounds/)).toHaveCount(0);
	await expect(panel.getByText('2015-16 at 2015')).toBeVisible();

	const picker = panel.getByLabel('Highlighted region');
	await picker.selectOption({ label: 'Songwe' });
	await expect(panel.getByRole('table')).toContainText('Songwe: Total in each survey round');
	// data/indicators.csv: 45.2 (32.2–58.9) and 50.7 (40.2–61.1) at 90%; the change's interval
	// 5.5 ± 1.645 · √(8.116² + 6.353²) includes zero.
	expect(await tableRows(panel)).toEqual([
		'2015-16 | 45.2% | 32.2–58.9 (90%) | —',
		'2022 | 50.7% | 40.2–61.1 (90%) | +5.5 pp (-11.5 pp to +22.5 pp, 90%) (ns)'
	]);
	await expect(panel.getByText(/^\(ns\): not significant/)).toBeVisible();
	await expect(
		panel.getByText(
			'Boundary change between 2015-16 and 2022: Songwe was formed in 2016 out of Mbeya.',
			{ exact: false }
		)
	).toBeVisible();
	// The highlighted line is Songwe's; the other 30 stay grey.
	await expect(panel.locator('svg path.region-line.highlight')).toHaveAttribute(
		'data-region',
		'TZ-31'
	);
	const [grey, red] = await Promise.all([
		panel
			.locator('svg path.region-line.other')
			.first()
			.evaluate((p) => getComputedStyle(p).stroke),
		panel.locator('svg path.highlight').evaluate((p) => getComputedStyle(p).stroke)
	]);
	expect(grey).not.toBe(red);

	// By keyboard: the points are reached with Tab, and the readout says the value and interval.
	const points = panel.getByRole('button', { name: /^Songwe, / });
	await expect(points).toHaveCount(2);
	await picker.focus();
	await page.keyboard.press('Tab');
	await expect(points.first()).toBeFocused();
	await expect(panel.getByText('Songwe, 2015-16: 45.2% (90% interval 32.2–58.9)')).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(panel.getByText('Songwe, 2022: 50.7% (90% interval 40.2–61.1)')).toBeVisible();

	// Dodoma was not touched by a boundary change: no note.
	await picker.selectOption({ label: 'Dodoma' });
	await expect(panel.getByRole('table')).toContainText('Dodoma: Total');
	await expect(panel.getByText(/^Boundary change/)).toHaveCount(0);
});

test('the region selected on the map is highlighted; the survey offers the gap, urban, rural and total', async ({
	page
}) => {
	// Dar es Salaam has no rural households in the survey: no gap, so no gap line.
	await page.goto('/?indicator=hh_owns_mobile&measure=gap&region=TZ-02');
	await waitForData(page);
	const panel = await trendPanel(page);
	await expect(panel.getByLabel('Highlighted region')).toHaveValue('TZ-02');
	const lines = panel.getByRole('group', { name: 'Lines follow' }).getByRole('button');
	await expect(lines).toHaveText(['Gap (urban − rural)', 'Urban', 'Rural', 'Total']);
	await expect(lines.first()).toHaveAttribute('aria-pressed', 'true');
	await expect(panel.locator('svg path.region-line')).toHaveCount(30);
	await expect(
		panel.getByText(
			'Regions with fewer than two survey rounds on this line, not drawn: Dar es Salaam.'
		)
	).toBeVisible();
	await expect(
		panel.getByText('Dar es Salaam has no value on this line in any survey round.')
	).toBeVisible();
	await expect(panel.getByRole('table')).toBeHidden();
	// The survey has national rows: the national line is drawn, dashed.
	expect(
		await panel.locator('svg path.national').evaluate((p) => getComputedStyle(p).strokeDasharray)
	).not.toBe('none');
	await expect(panel.getByText(/Synthetic demonstration data/).first()).toBeVisible();
	const axe = await new AxeBuilder({ page })
		.include('.trend-panel')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
	).toEqual([]);

	const urban = panel.getByRole('button', { name: 'Urban', exact: true });
	await urban.click();
	await expect(urban).toHaveAttribute('aria-pressed', 'true');
	await expect(panel.locator('svg path.region-line')).toHaveCount(31);
	await expect(panel.getByText(/fewer than two survey rounds/)).toHaveCount(0);
	await expect(panel.getByRole('table')).toContainText('Dar es Salaam: Urban in each survey round');
	expect(await tableRows(panel)).toHaveLength(2);
	await expect(
		panel.getByRole('button', { name: /^Dar es Salaam, 2024: \d+\.\d% \(95% interval / })
	).toHaveCount(1);
});

test('on a 375 px phone, in Kiswahili, the panel fits the screen and its round labels do not collide', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('/?indicator=hh_owns_mobile&region=TZ-31&lang=sw');
	await expect(page.getByRole('button', { name: /^Dodoma:/ })).toBeVisible({ timeout: 30_000 });
	// In Kiswahili: the panel, its chart and its table say so.
	const panel = page.getByRole('region', { name: 'Pengo kwa miaka' });
	await panel.scrollIntoViewIfNeeded();
	const svg = panel.getByRole('group', { name: /katika kila mkoa kwa awamu za utafiti/ });
	await expect(svg).toBeVisible({ timeout: 30_000 });
	await expect(panel.getByRole('table')).toContainText(
		'Songwe: Pengo (mijini − vijijini) katika kila awamu ya utafiti'
	);
	const box = (await svg.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(375);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	// Songwe's points are there at this width too, in Kiswahili.
	await expect(
		panel.getByRole('button', { name: /^Songwe, 2024: .* \(kipindi cha uhakika cha 95%: / })
	).toHaveCount(1);
	const labels = await svg.locator('.axes text').evaluateAll((texts) =>
		texts
			.filter((t) => /^\d{4}/.test(t.textContent ?? ''))
			.map((t) => {
				const r = t.getBoundingClientRect();
				return { left: r.left, right: r.right };
			})
	);
	expect(labels.length).toBeGreaterThan(0);
	for (let i = 1; i < labels.length; i++)
		expect(labels[i]!.left).toBeGreaterThan(labels[i - 1]!.right);
});

test.describe('an upload of one indicator over three years', () => {
	test.describe.configure({ timeout: 240_000 });

	// Urban and rural for every region in 2019, 2021 and 2023; Dodoma's gap closes 20 → 15 → 10.
	const YEARS = [2019, 2021, 2023];
	const lines = ['region,area,year,value'];
	REGION_NAMES.forEach((name, i) => {
		YEARS.forEach((year, k) => {
			const urban = name === 'Dodoma' ? [60, 62, 65][k]! : 50 + ((i * 7 + k * 3) % 40);
			const rural = name === 'Dodoma' ? [40, 47, 55][k]! : 20 + ((i * 5 + k * 4) % 30);
			lines.push(`${name},urban,${year},${urban}`, `${name},rural,${year},${rural}`);
		});
	});

	test('draws three points for a region, and a table of three rounds', async ({ page }) => {
		await page.goto('/datasets/');
		await chooseFile(page, csvFile('three-years.csv', `${lines.join('\n')}\n`));
		await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
		await page.getByRole('button', { name: 'Continue' }).click();
		const rows = REGION_NAMES.length * YEARS.length * 2;
		await loadAllMatched(page, `${rows} data rows read: ${rows} loaded, 0 kept aside.`);
		await addSection(page)
			.getByRole('listitem')
			.filter({ hasText: /^three-years – / })
			.getByRole('link', { name: 'Show on the map' })
			.click();
		await waitForData(page);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('three-years');

		const panel = await trendPanel(page);
		await panel.getByLabel('Highlighted region').selectOption({ label: 'Dodoma' });
		await expect(panel.getByRole('button', { name: /^Dodoma, / })).toHaveCount(3);
		await expect(panel.locator('svg path.region-line')).toHaveCount(REGION_NAMES.length);
		expect(await tableRows(panel)).toEqual([
			'2019 | +20.0 pp | — | —',
			'2021 | +15.0 pp | — | -5.0 pp',
			'2023 | +10.0 pp | — | -5.0 pp'
		]);
		await expect(navLink(page, 'Data')).toBeVisible();
	});
});
