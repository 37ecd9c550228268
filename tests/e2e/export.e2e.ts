import type { Page } from '@playwright/test';
import { download, pngInfo, unzipData } from './downloads';
import {
	chartSection,
	expect,
	openDashboard,
	REGION_NAMES,
	sharePage,
	test,
	withoutSummary
} from './fixtures';

/** The Download menus of the explorer's chart and map sections, checked through the files. */

const mapSection = (page: Page) => page.getByRole('region', { name: 'Map of the 31 regions' });

test.describe('downloads', () => {
	// The first screen, loaded once: these take turns with it (the last one leaves it on the table).
	test.describe(() => {
		const dashboard = sharePage(async (page) => {
			await openDashboard(page);
		});

		test('the chart as SVG: parses, has the title, footer and one mark per region', async () => {
			const page = dashboard.page;
			const svg = await download(page, chartSection(page), /^SVG/);
			expect(svg.name).toBe('pengo-women-mobile-phone-total-2022-chart.svg');
			const text = svg.bytes.toString('utf8');
			const parses = await page.evaluate(
				(t) =>
					new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror') === null,
				text
			);
			expect(parses).toBe(true);
			expect(text).toContain('Women who own a mobile phone: Total, 2022');
			expect(text).toContain('Source: Tanzania DHS-MIS 2015-16 and 2022');
			expect(text).toContain('Licence: DHS Program terms of use');
			expect(text).toMatch(/Made with Pengo · Exported \d{4}-\d{2}-\d{2}/);
			expect(text.match(/<g [^>]*class="row mark"/g)).toHaveLength(31);
			for (const name of REGION_NAMES) expect(text).toContain(`>${name}</text>`);
			expect(text).not.toContain('tabindex');

			// The PNG of the same chart is the same document at twice the size, and not blank.
			const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)![1]);
			const height = Number(/<svg[^>]* height="(\d+)"/.exec(text)![1]);
			const png = pngInfo(
				(await download(page, chartSection(page), /^PNG image of the chart/)).bytes
			);
			expect([png.width, png.height]).toEqual([2 * width, 2 * height]);
			expect(png.distinctBytes).toBeGreaterThan(20);
		});

		test('the map as PNG: twice the size of its frame, not blank', async () => {
			const page = dashboard.page;
			const file = await download(page, mapSection(page), /^PNG image of the map/);
			expect(file.name).toBe('pengo-women-mobile-phone-total-2022-map.png');
			const png = pngInfo(file.bytes);
			const box = await mapSection(page).getByRole('application').boundingBox();
			// The map is drawn at its on-screen size inside a frame with 16px margins, at 2×.
			expect(png.width).toBeGreaterThanOrEqual(2 * Math.round(box!.width));
			expect(png.height).toBeGreaterThan(2 * Math.round(box!.height));
			expect(png.width % 2).toBe(0);
			expect(png.distinctBytes).toBeGreaterThan(20);
		});

		test('the data: CSV in a zip with README, matching the table', async () => {
			const page = dashboard.page;
			const zip = await download(page, chartSection(page), /^Data/);
			expect(zip.name).toBe('pengo-women-mobile-phone-total-2022.zip');
			const csv = unzipData(zip.bytes);
			expect(csv.name).toBe('pengo-women-mobile-phone-total-2022.csv');
			expect(csv.readme).toContain('Made with Pengo');
			expect(csv.readme).toContain('DHS Program terms of use');
			expect(csv.rows).toHaveLength(31);
			expect(new Set(csv.rows.map((r) => r.region_name))).toEqual(new Set(REGION_NAMES));

			await page.getByRole('button', { name: 'Table' }).click();
			const table = page.getByRole('table');
			const percent = new Intl.NumberFormat('en-GB', {
				minimumFractionDigits: 1,
				maximumFractionDigits: 1
			});
			for (const row of csv.rows) {
				expect(row.measure).toBe('total');
				expect(row.ci_level).toBe('0.9');
				expect(row.source_ids).toBe('dhs-2015-16-2022-uw-sae');
				const tableRow = table
					.getByRole('row', { name: new RegExp(`^${row.region_name}\\b`) })
					.first();
				await expect(tableRow.getByRole('cell').first()).toHaveText(
					`${percent.format(Number(row.value))}%`
				);
				await expect(tableRow.getByRole('cell').nth(1)).toHaveText(
					`${percent.format(Number(row.lower))}% – ${percent.format(Number(row.upper))}%`
				);
			}
		});
	});

	test('a region named like a formula comes out prefixed', async ({ page }) => {
		await withoutSummary(page);
		await page.route(/\/regions[^/]*\.csv(\?.*)?$/, async (route) => {
			const response = await route.fetch();
			const body = (await response.text()).replace(
				'01,TZ-03,Dodoma,Dodoma,',
				'01,TZ-03,"=HYPERLINK(""x"")",Dodoma,'
			);
			await route.fulfill({ response, body });
		});
		await openDashboard(page);
		const csv = unzipData((await download(page, chartSection(page), /^Data/)).bytes);
		expect(csv.text).toContain('"\'=HYPERLINK(""x"")"');
		const row = csv.rows.find((r) => r.region_code === 'TZ-03')!;
		expect(row.region_name).toBe('\'=HYPERLINK("x")');
		expect(Number(row.value)).toBeCloseTo(61.6, 6);

		const svg = (await download(page, chartSection(page), /^SVG/)).bytes.toString('utf8');
		// Text, escaped as XML text (a serializer may leave `"` as it is inside text).
		expect(svg).toMatch(/>=HYPERLINK\((&quot;|")x(&quot;|")\)<\/text>/);
	});
});
