import type { Page } from '@playwright/test';
import { download } from './downloads';
import {
	chartRows,
	chartSection,
	expect,
	mapFills,
	sharePage,
	test,
	waitForData
} from './fixtures';

// Issue #12: is the gap shrinking, and how sure are we. The change views of the explorer: every
// change with its interval and an "(ns)" mark, the change in the gap drawn as the gap in both
// rounds, and the boundary note wherever two rounds meet.

const rowFor = (page: Page, region: string) =>
	chartRows(page).filter({ has: page.getByText(region, { exact: true }) });
const selected = (page: Page) => page.getByRole('region', { name: 'Selected region' });
const SONGWE_NOTE =
	'Boundary change between 2015-16 and 2022: Songwe was formed in 2016 out of Mbeya.';

test.describe('the change of the total since 2015-16', () => {
	const shared = sharePage(async (page) => {
		await page.goto('/?indicator=women_mobile_phone&year=2022&measure=change');
		await waitForData(page);
	});

	test('each change has its interval; Songwe’s cannot be told from zero and is marked (ns)', async () => {
		const page = shared.page;
		// Songwe 45.2 (32.2–58.9) → 50.7 (40.2–61.1), both at 90 %: +5.5 ± √(20.9² + 26.7²) / 2
		// = ± 16.95 → −11.5 … +22.5; Dodoma 38.9 (32.0–46.2) → 61.6 (53.4–69.2): +22.7 ± 10.62.
		const songwe = rowFor(page, 'Songwe');
		await expect(songwe).toContainText('+5.5 pp (ns)');
		await expect(songwe).toHaveAttribute(
			'aria-label',
			/^Songwe \+5\.5 pp \(ns\): \+5\.5 pp \([-−]11\.5 pp … \+22\.5 pp\), not significant/
		);
		const dodoma = rowFor(page, 'Dodoma');
		await expect(dodoma).toContainText('+22.7 pp');
		await expect(dodoma).not.toContainText('(ns)');
		await expect(dodoma).toHaveAttribute('aria-label', /\+12\.1 pp … \+33\.3 pp/);
		// Interval lines are drawn for the changes, and the words say whose they are.
		await expect(chartSection(page).locator('.ci line')).not.toHaveCount(0);
		await expect(
			chartSection(page).getByText(/computed by Pengo from the intervals/)
		).toBeVisible();
		await expect(
			chartSection(page).getByText(
				'(ns): not significant, the 90% interval of the change includes zero.'
			)
		).toBeVisible();
	});

	test('the chart and map images carry the boundary note in their footer', async () => {
		const page = shared.page;
		const words = (svg: string) => svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		const chart = words(
			(await download(page, chartSection(page), /^SVG of the chart/)).bytes.toString('utf8')
		);
		expect(chart).toContain('Songwe was formed in 2016 out of Mbeya');
		expect(chart).not.toContain('part of Mbeya became Songwe in 2016');
		const mapSection = page.getByRole('region', { name: 'Map of the 31 regions' });
		const map = words((await download(page, mapSection, /^SVG of the map/)).bytes.toString('utf8'));
		expect(map).toContain('Songwe was formed in 2016 out of Mbeya');
	});

	test('the change map is painted in more than two colours', async () => {
		const fills = await mapFills(shared.page);
		expect(fills.size, [...fills.keys()].join(', ')).toBeGreaterThanOrEqual(3);
	});

	test('the Songwe/Mbeya boundary note under the chart and in the selected region’s card', async () => {
		const page = shared.page;
		await expect(chartSection(page).getByText(SONGWE_NOTE)).toBeVisible();
		await expect(chartSection(page).getByText(/part of Mbeya became Songwe in 2016/)).toBeVisible();
		await rowFor(page, 'Songwe').click();
		await expect(selected(page)).toContainText(SONGWE_NOTE);
		await rowFor(page, 'Dodoma').click();
		await expect(selected(page)).toContainText('Dodoma');
		await expect(selected(page)).not.toContainText('Boundary change');
	});
});

test('the first screen says where the boundaries moved between its rounds, and whose intervals it draws', async ({
	page
}) => {
	await page.goto('/');
	await waitForData(page);
	await expect(chartSection(page).getByText(SONGWE_NOTE)).toBeVisible();
	await expect(
		chartSection(page).getByText('Lines show the 90% confidence interval published by the source.')
	).toBeVisible();
});

test.describe('the change in the gap since 2021', () => {
	const shared = sharePage(async (page) => {
		await page.goto('/?indicator=hh_used_internet&year=2024&measure=gapChange');
		await waitForData(page);
	});

	test('draws the gap of both rounds for every region, sorted by its change', async () => {
		const page = shared.page;
		await expect(page.getByLabel('Measure')).toHaveValue('gapChange');
		await expect(
			page.getByRole('heading', {
				name: 'The gap in 2021 and 2024, by region, sorted by its change'
			})
		).toBeVisible();
		const chart = chartSection(page);
		// One hollow and one filled circle a region with both gaps, and one of each in the key.
		await expect(chartRows(page)).toHaveCount(31);
		const withBoth = await chartRows(page).evaluateAll(
			(rows) => rows.filter((r) => !r.textContent?.includes('no data')).length
		);
		expect(withBoth).toBeGreaterThanOrEqual(25);
		await expect(chart.locator('circle.earlier')).toHaveCount(withBoth + 1);
		await expect(chart.locator('circle.later')).toHaveCount(withBoth + 1);
		// Sorted by the change, widest widening first: each row's change is no larger than the one above.
		const changes = await chartRows(page).evaluateAll((rows) =>
			rows.map((r) =>
				parseFloat((r.querySelector('text.value')?.textContent ?? '').replace('−', '-'))
			)
		);
		expect(changes.length).toBe(31);
		// Regions without both gaps come last.
		const known = changes.filter((c) => !Number.isNaN(c));
		expect(changes.slice(0, known.length)).toEqual(known);
		for (let i = 1; i < known.length; i++) expect(known[i]).toBeLessThanOrEqual(known[i - 1]!);
		const fills = await mapFills(page);
		expect(fills.size, [...fills.keys()].join(', ')).toBeGreaterThanOrEqual(3);
	});

	test('the table puts the earlier gap, the change and its interval beside the gap', async () => {
		const page = shared.page;
		await page.getByRole('button', { name: 'Table' }).click();
		const table = page.getByRole('table', { name: /Change in the gap since 2021/ });
		for (const header of [
			'Gap (urban − rural)',
			'Gap in 2021',
			'Change in the gap since 2021',
			'Change in the gap since 2021, interval'
		])
			await expect(
				table.getByRole('columnheader', { name: `Sort by ${header}`, exact: true })
			).toBeVisible();
		// The chart's value for Dodoma and the table's agree.
		const row = table
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: 'Dodoma', exact: true }) });
		const cells = await row.getByRole('cell').allTextContents();
		const headers = await table.getByRole('columnheader').allTextContents();
		const at = (name: string) => cells[headers.findIndex((h) => h.startsWith(name)) - 1];
		const gapNow = Number(at('Gap (urban − rural)')!.replace(/[^\d.-]/g, ''));
		const gapThen = Number(at('Gap in 2021')!.replace(/[^\d.-]/g, ''));
		const change = Number(at('Change in the gap since 2021')!.replace(/\(.*\)|[^\d.-]/g, ''));
		expect(change).toBeCloseTo(gapNow - gapThen, 0);
		await page.getByRole('button', { name: 'Chart' }).click();
		await expect(chartRows(page)).toHaveCount(31);
	});
});
