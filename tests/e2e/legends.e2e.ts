import type { Locator, Page } from '@playwright/test';
import { chartRows, chartSection, expect, mapImage, test, waitForData } from './fixtures';

/** The map's legend, found by its title (measure, unit, year) as a person reads it. */
const legend = (page: Page, title: RegExp) => page.getByRole('figure', { name: title });
const legendItems = (page: Page, title: RegExp) => legend(page, title).getByRole('listitem');
const fixedClasses = (page: Page) =>
	page.getByRole('checkbox', { name: 'Same colour classes in every round' });

/** The no-data fill (#ffbcd9) as the screen shows it. */
const NO_DATA = '#ffbcd9';

/** Whether two colours differ by at most `tolerance` in each channel. */
function near(a: string, b: string, tolerance = 10): boolean {
	const channels = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
	const [x, y] = [channels(a), channels(b)];
	return x.every((v, i) => Math.abs(v - y[i]!) <= tolerance);
}

/** The colours of a screenshot's pixels, by how many there are. */
async function decodeColours(page: Page, png: Buffer): Promise<Map<string, number>> {
	const tally = await page.evaluate(async (base64) => {
		const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
		const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D context');
		ctx.drawImage(bitmap, 0, 0);
		const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
		const hex = (n: number) => n.toString(16).padStart(2, '0');
		const out: Record<string, number> = {};
		for (let i = 0; i < data.length; i += 4) {
			const c = `#${hex(data[i]!)}${hex(data[i + 1]!)}${hex(data[i + 2]!)}`;
			out[c] = (out[c] ?? 0) + 1;
		}
		return out;
	}, png.toString('base64'));
	return new Map(Object.entries(tally));
}

/** The colours of an element's pixels on screen, by how many there are. */
async function pixelColours(page: Page, target: Locator): Promise<Map<string, number>> {
	return decodeColours(page, await target.screenshot({ animations: 'disabled' }));
}

/**
 * The colour a region is drawn in on the map: the pixel at a point well inside its shape (the
 * shape itself answers for the point and for points 3 px around it), from a screenshot.
 */
async function regionColour(page: Page, iso: string): Promise<string> {
	const map = mapImage(page);
	await map.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	const point = await map.evaluate((el, code) => {
		const path = el.querySelector(`path[data-iso="${code}"]`);
		if (!path) return null;
		const box = path.getBoundingClientRect();
		for (let fy = 0.2; fy <= 0.8; fy += 0.05) {
			for (let fx = 0.2; fx <= 0.8; fx += 0.05) {
				const x = Math.round(box.left + fx * box.width);
				const y = Math.round(box.top + fy * box.height);
				const around = [
					[x, y],
					[x - 3, y],
					[x + 3, y],
					[x, y - 3],
					[x, y + 3]
				];
				if (around.every(([px, py]) => document.elementFromPoint(px!, py!) === path)) {
					return { x, y };
				}
			}
		}
		return null;
	}, iso);
	if (!point) throw new Error(`no point well inside ${iso} on the map`);
	const png = await page.screenshot({
		animations: 'disabled',
		clip: { x: point.x, y: point.y, width: 1, height: 1 }
	});
	const colours = await decodeColours(page, png);
	return [...colours.keys()][0]!;
}

/** The colours on screen within a region's box on the map (its shape and what lies around it). */
async function regionBoxColours(page: Page, iso: string): Promise<Map<string, number>> {
	const map = mapImage(page);
	await map.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	const box = await map.evaluate((el, code) => {
		const r = el.querySelector(`path[data-iso="${code}"]`)?.getBoundingClientRect();
		return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
	}, iso);
	if (!box) throw new Error(`${iso} is not on the map`);
	return decodeColours(page, await page.screenshot({ animations: 'disabled', clip: box }));
}

const GAP_2024 = /Gap.*, 2024$/;
const GAP_2021 = /Gap.*, 2021$/;

/** Opens the explorer at `query` and waits for the legend `title` to list `items`. */
async function openWithLegend(page: Page, query: string, title: RegExp, items: string[]) {
	await page.goto(`/?${query}`);
	await waitForData(page);
	await expect(legendItems(page, title)).toHaveText(items);
}

test('a gap map where every gap is positive has a sequential legend with no class below zero', async ({
	page
}) => {
	// 2024's gaps run from 1.7 (Kusini Unguja) to 32.0 points: classes of 10 from 0 to 40, all
	// in use; Dar es Salaam has no rural households, so no gap.
	await openWithLegend(page, 'indicator=hh_owns_mobile&year=2024&measure=gap', GAP_2024, [
		'0 – +10',
		'+10 – +20',
		'+20 – +30',
		'+30 – +40',
		'No data'
	]);
	// 2021's run from 10.4 to 45.9 (Tabora): from 10 to 50, nothing below 10 listed.
	await page.getByLabel('Year').selectOption('2021');
	await expect(legendItems(page, GAP_2021)).toHaveText([
		'+10 – +20',
		'+20 – +30',
		'+30 – +40',
		'+40 – +50',
		'No data'
	]);

	// The no-data swatch is the pale pink, hatched; Dar es Salaam is drawn in it on the map.
	const swatch = await pixelColours(page, legendItems(page, GAP_2021).last().locator('span'));
	expect(swatch.get(NO_DATA) ?? 0, [...swatch.keys()].join(' ')).toBeGreaterThan(20);
	expect([...swatch.keys()].filter((c) => c !== NO_DATA && c !== '#666677').length).toBeGreaterThan(
		0
	);
	// Dar es Salaam is small: its label covers most of it and the hatching blends with the fill,
	// so count the pixels of its box that are close to the pink.
	await expect
		.poll(async () => {
			const colours = await regionBoxColours(page, 'TZ-02');
			return [...colours].filter(([c]) => near(c, NO_DATA)).reduce((n, [, k]) => n + k, 0);
		})
		.toBeGreaterThan(8);
});

test('a gap with both signs diverges at zero, with classes only where the gaps are', async ({
	page
}) => {
	// −0.5 (Kaskazini Pemba) to 12.0 points: classes of 5, one below zero, none straddling it.
	await openWithLegend(page, 'indicator=hh_used_emrejesho&year=2024&measure=gap', GAP_2024, [
		'-5 – 0',
		'0 – +5',
		'+5 – +10',
		'+10 – +15',
		'No data'
	]);
});

test('"Same colour classes in every round" keeps a region its colour between rounds', async ({
	page
}) => {
	await page.goto('/?indicator=hh_owns_mobile&year=2024&measure=gap');
	await waitForData(page);
	// Arusha's gap is 10.1 points in 2024 and 12.7 in 2021, in the class 10–20 both times; with
	// each year's own classes that class is the second colour of 2024 and the first of 2021.
	await expect(legendItems(page, GAP_2024)).toHaveCount(5);
	const own2024 = await regionColour(page, 'TZ-01');
	await page.getByLabel('Year').selectOption('2021');
	await expect(legendItems(page, GAP_2021).first()).toHaveText('+10 – +20');
	await expect.poll(() => regionColour(page, 'TZ-01')).not.toBe(own2024);

	await fixedClasses(page).check();
	await expect(page).toHaveURL(/classes=fixed/);
	const fixedLegend = ['0 – +10', '+10 – +20', '+20 – +30', '+30 – +40', '+40 – +50', 'No data'];
	await expect(legend(page, GAP_2021)).toContainText(
		'Classes span 2021 and 2024, the same in every round'
	);
	await expect(legendItems(page, GAP_2021)).toHaveText(fixedLegend);
	const fixed2021 = await regionColour(page, 'TZ-01');
	// Arusha is in the colour of the legend's 10–20 swatch.
	const swatch = await pixelColours(page, legendItems(page, GAP_2021).nth(1).locator('span'));
	expect(swatch.has(fixed2021), `${fixed2021} in ${[...swatch.keys()].join(' ')}`).toBe(true);

	await page.getByLabel('Year').selectOption('2024');
	await expect(legendItems(page, GAP_2024)).toHaveText(fixedLegend);
	await expect(fixedClasses(page)).toBeChecked();
	await expect.poll(() => regionColour(page, 'TZ-01')).toBe(fixed2021);

	await fixedClasses(page).uncheck();
	await expect(page).not.toHaveURL(/classes=fixed/);
	await expect(legendItems(page, GAP_2024)).toHaveCount(5);
	await expect.poll(() => regionColour(page, 'TZ-01')).toBe(own2024);
});

test('Active SIMs: the axis spans the regions, and the national total is stated beside it', async ({
	page
}) => {
	await page.goto('/?indicator=active_sims');
	await waitForData(page);
	const chart = chartSection(page);
	await expect(chart.getByText('National: 56,153,097, beyond the axis')).toBeVisible();
	// Dar es Salaam's 9.1 million SIMs fill most of an axis that ends at 10M (not 60M).
	const ticks = chart.locator('g.x-axis text');
	await expect(ticks.last()).toHaveText(/^10M$/i);
	const zero = (await ticks.first().boundingBox())!;
	const end = (await ticks.last().boundingBox())!;
	const bar = (await chartRows(page)
		.filter({ hasText: 'Dar es Salaam' })
		.locator('rect.bar')
		.boundingBox())!;
	const share =
		(bar.x + bar.width - (zero.x + zero.width / 2)) /
		(end.x + end.width / 2 - (zero.x + zero.width / 2));
	expect(share).toBeGreaterThan(0.85);
	expect(share).toBeLessThan(0.95);
	// Simiyu has no figure: the legend has its "No data"; the first screen, complete, has none.
	await expect(
		page
			.getByRole('figure', { name: /^Total, / })
			.getByRole('listitem')
			.last()
	).toHaveText('No data');
	await page.goto('/');
	await waitForData(page);
	await expect(page.getByRole('figure', { name: /^Total, / })).not.toContainText('No data');
});

test('the legend and its choice fit a 375 px screen', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/?indicator=hh_owns_mobile&year=2024&measure=gap&classes=fixed');
	await waitForData(page);
	const items = legendItems(page, GAP_2024);
	await expect(items).toHaveCount(6);
	for (const item of await items.all()) {
		const box = (await item.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(375);
	}
	await expect(fixedClasses(page)).toBeVisible();
	await expect(fixedClasses(page)).toBeChecked();
});
