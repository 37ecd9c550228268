import type { Locator, Page } from '@playwright/test';
import { expect, REGION_NAMES, test } from './fixtures';

const SYNTHETIC_BADGE = 'Synthetic demonstration data, not official statistics';

/** The scatter chart, found by its accessible name. */
const scatter = (page: Page) =>
	page.getByRole('group', { name: /^(Scatter chart of|Chati ya mtawanyiko ya) / });
/** Every focusable point: one per region and area with both values, and the two national points. */
const points = (page: Page) => scatter(page).getByRole('button');
const table = (page: Page) => page.getByRole('table', { name: /by region, urban and rural/ });

/** "Dodoma, Urban. Households owning a smartphone: 49.8% (41.8–57.7%). Households …: …%." */
const POINT_LABEL = /^(.+), (Urban|Rural)\. [^:]+: (\S+ \(\S+\))\. [^:]+: (\S+ \(\S+\))\.$/;

async function pointLabels(page: Page): Promise<string[]> {
	return points(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** Region, area, x and y as the table shows them, one entry per body row. */
async function tableCells(t: Locator): Promise<string[][]> {
	return t
		.locator('tbody')
		.getByRole('row')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);
}

async function openServices(page: Page, query = ''): Promise<void> {
	await page.goto(`/services/${query}`);
	// 31 regions × 2 areas, less Dar es Salaam's rural point, plus national urban and rural.
	await expect(points(page)).toHaveCount(63, { timeout: 45_000 });
}

test('one point per region and area with both values; Dar es Salaam says “no rural sample”', async ({
	page
}) => {
	await openServices(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'E-service use against connectivity, by region'
	);
	await expect(page.getByLabel('E-service')).toHaveValue('gepg');
	await expect(page.getByLabel('Connectivity')).toHaveValue('smartphone');
	await expect(page.getByLabel('Year')).toHaveValue('2024');

	const labels = await pointLabels(page);
	const parsed = labels.map((l) => {
		const match = POINT_LABEL.exec(l);
		expect(match, `point label "${l}"`).not.toBeNull();
		return { place: match![1]!, area: match![2]! };
	});
	const regional = parsed.filter((p) => !p.place.startsWith('Tanzania'));
	expect(regional).toHaveLength(61);
	for (const region of REGION_NAMES) {
		const areas = regional.filter((p) => p.place === region).map((p) => p.area);
		expect(areas.sort(), region).toEqual(
			region === 'Dar es Salaam' ? ['Urban'] : ['Rural', 'Urban']
		);
	}
	expect(parsed.filter((p) => p.place.startsWith('Tanzania')).map((p) => p.area)).toEqual([
		'Urban',
		'Rural'
	]);
	// Never drawn at zero: the view says why the point is missing.
	await expect(page.getByText('Not drawn: Dar es Salaam (no rural sample).')).toBeVisible();
	await expect(
		table(page).getByRole('row', { name: /^Dar es Salaam Rural no rural sample no rural sample$/ })
	).toHaveCount(1);

	await expect(page.getByText(SYNTHETIC_BADGE).first()).toBeVisible();
	const chart = page.getByRole('region', { name: /Households that used GePG against/ });
	await expect(chart.getByText(SYNTHETIC_BADGE).first()).toBeVisible();
	await expect(chart.getByText(/^Source:.*Synthetic demonstration household survey/)).toBeVisible();
	await expect(page.getByText('Households owning a smartphone (%)')).toBeVisible();
	await expect(page.getByText('Households that used GePG (%)')).toBeVisible();
});

test('changing the service, connectivity and year redraws the points, and the URL reproduces the view', async ({
	page,
	context
}) => {
	await openServices(page);
	const gepg = await pointLabels(page);

	await page.getByLabel('E-service').selectOption({ label: 'mGov (government mobile services)' });
	await expect(page).toHaveURL(/[?&]service=mgov\b/);
	await expect.poll(() => pointLabels(page)).not.toEqual(gepg);
	await expect(points(page)).toHaveCount(63);
	expect(
		(await pointLabels(page)).every((l) => l.includes('Households that used mGov services:'))
	).toBe(true);

	await page.getByLabel('Connectivity').selectOption({ label: 'Households using mobile money' });
	await page.getByLabel('Year').selectOption('2021');
	await expect(page).toHaveURL(/[?&]connectivity=mobile_money\b/);
	await expect(page).toHaveURL(/[?&]year=2021\b/);
	await expect
		.poll(async () => (await pointLabels(page))[0] ?? '')
		.toContain('Households using mobile money:');
	const chosen = await pointLabels(page);
	expect(chosen.some((l) => l.includes('Households that used mGov services:'))).toBe(true);

	// The same link in a fresh page opens the same view with the same numbers.
	const fresh = await context.newPage();
	await fresh.goto(page.url());
	await expect(points(fresh)).toHaveCount(63, { timeout: 45_000 });
	await expect(fresh.getByLabel('E-service')).toHaveValue('mgov');
	await expect(fresh.getByLabel('Connectivity')).toHaveValue('mobile_money');
	await expect(fresh.getByLabel('Year')).toHaveValue('2021');
	expect(await pointLabels(fresh)).toEqual(chosen);
	await fresh.close();

	// Back walks to the previous view.
	await page.goBack();
	await expect(page.getByLabel('Year')).toHaveValue('2024');
});

test('the table shows the same numbers as the points', async ({ page }) => {
	await openServices(page, '?service=emrejesho&connectivity=internet&year=2024');
	const fromPoints = new Map<string, string>();
	for (const label of await pointLabels(page)) {
		const [, place, area, x, y] = POINT_LABEL.exec(label)!;
		fromPoints.set(`${place}|${area}`, `${x}|${y}`);
	}
	const rows = await tableCells(table(page));
	// Every region twice (Dar es Salaam's rural row says why it has no numbers), then national.
	expect(rows).toHaveLength(64);
	const fromTable = new Map(
		rows
			.filter(([, , x]) => x !== 'no rural sample')
			.map(([place, area, x, y]) => [`${place}|${area}`, `${x}|${y}`])
	);
	expect(fromTable).toEqual(fromPoints);
	for (const column of [
		'Region',
		'Area',
		'Households that used the internet',
		'Households that used e-Mrejesho'
	])
		await expect(table(page).getByRole('button', { name: `Sort by ${column}` })).toHaveCount(1);
	// Sorting by the service puts the highest share first.
	await table(page)
		.getByRole('button', { name: 'Sort by Households that used e-Mrejesho' })
		.click();
	const sorted = (await tableCells(table(page))).map(([, , , y]) => y!);
	const shares = sorted.filter((y) => y !== 'no rural sample').map((y) => parseFloat(y));
	expect(shares).toEqual([...shares].sort((a, b) => b - a));
	await expect(table(page).getByRole('rowheader', { name: 'Kusini Pemba' })).toHaveCount(2);
});

test('hovering or focusing a point shows a card with both values; Enter keeps it, Escape lets go', async ({
	page
}) => {
	await openServices(page);
	// Dar es Salaam's urban point sits alone at the top right, so the mouse reaches it.
	const point = scatter(page).getByRole('button', { name: /^Dar es Salaam, Urban\./ });
	const label = (await point.getAttribute('aria-label'))!;
	const [, , , x, y] = POINT_LABEL.exec(label)!;

	await point.hover();
	const card = page.getByText('Dar es Salaam, Urban', { exact: true });
	await expect(card).toBeVisible();
	await expect(page.getByText(`Households owning a smartphone: ${x}`)).toBeVisible();
	await expect(page.getByText(`Households that used GePG: ${y}`)).toBeVisible();

	await page.mouse.move(0, 0);
	await expect(card).toHaveCount(0);

	// Keyboard: focus the point, Tab to the next, come back and press Enter to keep the card.
	await point.focus();
	await expect(card).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(card).toHaveCount(0);
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(point).toHaveAttribute('aria-pressed', 'true');
	await page.getByLabel('Year').focus();
	await expect(card).toBeVisible();
	await point.focus();
	await page.keyboard.press('Escape');
	await expect(point).toHaveAttribute('aria-pressed', 'false');
});

test('a link with unknown choices opens the default view and says what it could not use', async ({
	page
}) => {
	await openServices(page, '?service=fax&year=1999');
	await expect(page.getByRole('alert')).toContainText('E-service: “fax” is not known');
	await expect(page.getByRole('alert')).toContainText('Year: “1999” is not known');
	await expect(page.getByLabel('E-service')).toHaveValue('gepg');
	await expect(page.getByLabel('Year')).toHaveValue('2024');
});

test('in Kiswahili the view names urban and rural as mijini and vijijini', async ({ page }) => {
	await openServices(page, '?lang=sw');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Matumizi ya huduma za Serikali mtandao dhidi ya muunganisho, kwa mkoa'
	);
	const labels = await pointLabels(page);
	expect(labels.filter((l) => l.includes(', Mijini.'))).toHaveLength(32);
	expect(labels.filter((l) => l.includes(', Vijijini.'))).toHaveLength(31);
	await expect(page.getByText('hakuna sampuli ya vijijini').first()).toBeVisible();
});
