import {
	chartRows,
	chartSection,
	expect,
	rowLabels,
	settledMapSignature,
	test,
	waitForData
} from './fixtures';
import type { Page } from '@playwright/test';

const title = (page: Page) => page.getByRole('heading', { level: 1 });

test('a link reproduces the exact view in a new page', async ({ page, context }) => {
	const url = '/?indicator=hh_owns_mobile&year=2021&measure=parity&region=TZ-03';
	await page.goto(url);
	await waitForData(page);
	await expect(title(page)).toContainText('Parity ratio (rural ÷ urban), 2021');
	await expect(page.getByLabel('Measure')).toHaveValue('parity');
	await expect(page.getByLabel('Year')).toHaveValue('2021');
	await expect(page.getByRole('region', { name: 'Selected region' })).toContainText('Dodoma');
	const labels = await rowLabels(page);
	const map = await settledMapSignature(page);

	const second = await context.newPage();
	await second.goto(page.url());
	await waitForData(second);
	await expect(title(second)).toHaveText((await title(page).textContent()) ?? '');
	expect(await rowLabels(second)).toEqual(labels);
	expect(await settledMapSignature(second)).toBe(map);
	await second.close();
});

test('every choice is a step in history: Back returns to the previous view', async ({ page }) => {
	await page.goto('/');
	await waitForData(page);
	await page.getByLabel('Measure').selectOption({ label: 'Change since 2015-16' });
	await expect(title(page)).toContainText('Change since 2015-16');
	await expect(page).toHaveURL(/measure=change/);
	await page.getByRole('button', { name: 'Show the urban–rural gap (synthetic survey)' }).click();
	await expect(title(page)).toContainText('Gap (urban − rural), 2024');

	await page.goBack();
	await expect(title(page)).toContainText(
		'Women who own a mobile phone: Change since 2015-16, 2022'
	);
	await expect(page.getByLabel('Measure')).toHaveValue('change');
	await page.goBack();
	await expect(title(page)).toContainText('Women who own a mobile phone: Total, 2022');
});

test('a link with unknown codes says so and opens the default view', async ({ page }) => {
	await page.goto('/?indicator=no_such_thing&region=TZ-99&measure=gap');
	await waitForData(page);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('no_such_thing');
	await expect(alert).toContainText('TZ-99');
	await expect(title(page)).toContainText('Women who own a mobile phone: Total, 2022');
});

test('the table shows the numbers behind the chart, sortable', async ({ page }) => {
	await page.goto('/');
	await waitForData(page);
	const dodomaInChart = await chartRows(page)
		.filter({ hasText: 'Dodoma' })
		.getAttribute('aria-label');
	expect(dodomaInChart).toContain('61.6%');

	await page.getByRole('button', { name: 'Table' }).click();
	await expect(page).toHaveURL(/view=table/);
	const table = page.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(32);
	const dodoma = table.getByRole('row', { name: /Dodoma/ });
	await expect(dodoma.getByRole('cell', { name: '61.6%', exact: true })).toBeVisible();
	await expect(dodoma.getByRole('cell', { name: '53.4% – 69.2%' })).toBeVisible();
	await expect(dodoma.getByRole('cell', { name: '+22.7 pp' })).toBeVisible();

	// Sorted by total, highest first; one click on the header turns it around.
	const firstRegion = () => table.getByRole('row').nth(1).getByRole('rowheader').textContent();
	expect(await firstRegion()).toBe('Dar es Salaam');
	const totalHeader = table.getByRole('columnheader', { name: 'Sort by Total', exact: true });
	await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');
	await page.getByRole('button', { name: 'Sort by Total', exact: true }).click();
	await expect(totalHeader).toHaveAttribute('aria-sort', 'ascending');
	expect(await firstRegion()).toBe('Simiyu');

	await page.getByRole('button', { name: 'Chart' }).click();
	await expect(chartSection(page)).toBeVisible();
	await expect(chartRows(page)).toHaveCount(31);
});

test('a gap marked not significant has an interval that includes zero', async ({ page }) => {
	await page.goto('/?indicator=hh_used_emrejesho&measure=gap&view=table');
	const table = page.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(32, { timeout: 30_000 });
	const rows = await table
		.getByRole('row')
		.evaluateAll((trs) =>
			trs.slice(1).map((tr) => Array.from(tr.children, (c) => c.textContent ?? ''))
		);
	const header = await table
		.getByRole('columnheader')
		.evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/[▲▼↕]/g, '').trim()));
	const gapAt = header.indexOf('Gap (urban − rural)');
	const ciAt = header.indexOf('Gap (urban − rural), interval');
	expect(gapAt).toBeGreaterThan(0);
	let marked = 0;
	for (const cells of rows) {
		const gap = cells[gapAt]!;
		const [lo, hi] = cells[ciAt]!.split(' – ').map((v) => Number(v.replace(/[^\d.-]/g, '')));
		if (gap.includes('(ns)')) {
			marked++;
			expect(lo! <= 0 && hi! >= 0, `${cells[0]}: ${cells[ciAt]}`).toBe(true);
		} else if (gap !== 'no data') {
			expect(lo! > 0 || hi! < 0, `${cells[0]}: ${cells[ciAt]}`).toBe(true);
		}
	}
	test.info().annotations.push({ type: 'not significant', description: String(marked) });
});

test('the map works from the keyboard: arrows move to the neighbour that way, Enter selects', async ({
	page
}) => {
	await page.goto('/');
	await waitForData(page);
	const map = page.getByRole('application', { name: /^Map of Tanzania's 31 regions/ });
	await map.focus();
	// The first arrow shows the region in the middle of the map; the next go by position.
	await page.keyboard.press('ArrowRight');
	const card = page.getByRole('tooltip');
	await expect(card).toContainText('Singida');
	await page.keyboard.press('ArrowRight');
	await expect(card).toContainText('Dodoma');
	await expect(card).toContainText('61.6%');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: 'Selected region' })).toContainText('Dodoma');
	await expect(page).toHaveURL(/region=TZ-03/);
	await page.keyboard.press('ArrowUp');
	await expect(card).toContainText('Manyara');
	await page.keyboard.press('ArrowDown');
	await expect(card).toContainText('Dodoma');
	await page.keyboard.press('ArrowDown');
	await expect(card).toContainText('Iringa');
	// Home and End jump to the first and last region in name order.
	await page.keyboard.press('Home');
	await expect(card).toContainText('Arusha');
	await page.keyboard.press('End');
	await expect(card).toContainText('Tanga');
	await page.keyboard.press('Escape');
	await expect(card).toBeHidden();
});

test('the explorer works on a 375 px wide screen without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/?indicator=hh_owns_mobile&measure=gap');
	await waitForData(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	// Every region name is drawn whole inside the chart.
	const clipped = await chartRows(page).evaluateAll((rows) =>
		rows
			.map((row) => row.querySelector('text'))
			.filter((t): t is SVGTextElement => t !== null && t.getBBox().x < 0)
			.map((t) => t.textContent)
	);
	expect(clipped).toEqual([]);
	await expect(page.getByLabel('Indicator')).toBeVisible();
	await expect(
		page.getByRole('application', { name: /^Map of Tanzania's 31 regions/ })
	).toBeVisible();
});

test('a region chosen on the map opens its profile', async ({ page }) => {
	await page.goto('/');
	await waitForData(page);
	const map = page.getByRole('application', { name: /^Map of Tanzania's 31 regions/ });
	await map.focus();
	await page.keyboard.press('Home');
	await page.keyboard.press('Enter');
	const selected = page.getByRole('region', { name: 'Selected region' });
	await expect(selected).toContainText('Arusha');
	await selected.getByRole('link', { name: /Arusha/ }).click();
	await expect(page).toHaveURL(/\/region\/TZ-01\//);
	await expect(page.getByRole('heading', { level: 1, name: /Arusha/ })).toBeVisible();
});

test('"Add this view to a brief" collects views for the brief page', async ({ page }) => {
	await page.goto('/');
	await waitForData(page);
	await page.getByRole('link', { name: 'Add this view to a brief (PDF)' }).click();
	await expect(page).toHaveURL(/\/brief\/\?views=women_mobile_phone\.total\.2022/);
	await expect(
		page.getByRole('checkbox', { name: 'Women who own a mobile phone: Total, 2022' })
	).toBeChecked({ timeout: 30_000 });

	await page.goto('/?indicator=hh_owns_mobile&measure=gap');
	await waitForData(page);
	await page.getByRole('link', { name: 'Add this view to a brief (PDF)' }).click();
	await expect(
		page.getByRole('checkbox', { name: 'Women who own a mobile phone: Total, 2022' })
	).toBeChecked({ timeout: 30_000 });
	await expect(
		page.getByRole('checkbox', { name: /Households owning a mobile phone.*Gap/ })
	).toBeChecked();
});

test('a gap view of an indicator with urban and rural values keeps its indicator (no shortcut to another)', async ({
	page
}) => {
	await page.goto('/?indicator=hh_used_internet&year=2024&measure=gap');
	await waitForData(page);
	const title = page.getByRole('heading', { level: 1 });
	await expect(title).toContainText('internet');
	await expect(page.getByLabel('Measure')).toHaveValue('gap');
	await expect(
		page.getByRole('button', { name: 'Show the urban–rural gap (synthetic survey)' })
	).toHaveCount(0);
	// The default view has no urban and rural values: there the shortcut is offered.
	await page.goto('/');
	await waitForData(page);
	await expect(
		page.getByRole('button', { name: 'Show the urban–rural gap (synthetic survey)' })
	).toBeVisible();
});
