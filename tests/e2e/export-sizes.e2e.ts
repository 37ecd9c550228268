import type { Page } from '@playwright/test';
import { download, pngInfo, unzipData } from './downloads';
import { chartSection, expect, openDashboard, REGION_NAMES, sharePage, test } from './fixtures';

/**
 * Briefing-grade exports: the size presets, the key to the chart's marks, the map with every
 * region named, and CSV numbers rounded to what the source supports.
 */

const mapSection = (page: Page) => page.getByRole('region', { name: 'Map of the 31 regions' });

/** Dar es Salaam and the five Zanzibar regions: too small to carry their names. */
const SMALL_REGIONS = ['TZ-02', 'TZ-06', 'TZ-07', 'TZ-10', 'TZ-11', 'TZ-15'];

/** The SVG's root size and the texts of its elements of `selector`, as a browser parses it. */
async function readSvg(page: Page, svg: string, selector: string) {
	return page.evaluate(
		([text, sel]) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const root = doc.documentElement;
			return {
				ok: doc.querySelector('parsererror') === null,
				width: root.getAttribute('width'),
				height: root.getAttribute('height'),
				viewBox: root.getAttribute('viewBox'),
				texts: [...doc.querySelectorAll(sel)].map((t) => ({
					text: t.textContent ?? '',
					iso: t.getAttribute('data-iso')
				}))
			};
		},
		[svg, selector] as const
	);
}

/** A PNG download: its name, its size in pixels, and pixels that are not blank. */
function expectPng(file: { name: string; bytes: Buffer }, name: string, size: [number, number]) {
	expect(file.name).toBe(name);
	const info = pngInfo(file.bytes);
	expect([info.width, info.height]).toEqual(size);
	expect(info.distinctBytes).toBeGreaterThan(20);
}

test.describe('export sizes', () => {
	const dashboard = sharePage(async (page) => {
		await openDashboard(page);
	});

	test('the chart as a 16:9 slide: 1920 × 1080 pixels, every region, the key to its marks', async () => {
		const page = dashboard.page;
		const png = await download(page, chartSection(page), /^PNG image of the chart/, 'slide');
		expectPng(png, 'pengo-women-mobile-phone-total-2022-chart-16x9.png', [1920, 1080]);

		const svg = (await download(page, chartSection(page), /^SVG of the chart/, 'slide')).bytes;
		const text = svg.toString('utf8');
		const parsed = await readSvg(page, text, 'text');
		expect(parsed.ok).toBe(true);
		expect([parsed.width, parsed.height, parsed.viewBox]).toEqual(['1920', '1080', '0 0 960 540']);
		const texts = parsed.texts.map((t) => t.text);
		// The marks this chart draws, and only those: the DHS's intervals; this source has no
		// national figure (the page says so), so no dashed line, and no gaps to call significant.
		expect(texts).toContain('Lines: 90% confidence interval, published by the source');
		await expect(page.getByText('No national figure in this source')).toBeVisible();
		expect(texts.join('\n')).not.toContain('Dashed line');
		expect(texts.join('\n')).not.toContain('not significant');
		for (const name of REGION_NAMES) expect(texts).toContain(name);
		// 31 rows do not fit one readable column on a slide: they are set in two.
		expect(text).toContain('class="chart columns"');
		const scale = Number(
			/class="chart columns" transform="translate\([\d.]+ [\d.]+\) scale\(([\d.]+)\)/.exec(text)![1]
		);
		// Row names are 12 px in the chart: at least 8 layout px, 16 image px, on the slide.
		expect(12 * scale).toBeGreaterThanOrEqual(8);

		// A square has less room still: the chart is drawn again narrower to keep its rows readable.
		const square = (await download(page, chartSection(page), /^SVG of the chart/, 'square')).bytes;
		const squareText = square.toString('utf8');
		expect(squareText).toContain('width="1080" height="1080" viewBox="0 0 540 540"');
		const squareScale = Number(
			/class="chart columns" transform="translate\([\d.]+ [\d.]+\) scale\(([\d.]+)\)/.exec(
				squareText
			)![1]
		);
		expect(12 * squareScale).toBeGreaterThanOrEqual(8);
		for (const name of REGION_NAMES) expect(squareText).toContain(`>${name}</text>`);

		// Back to the size on screen: the file is named as before and is not a slide.
		const natural = await download(page, chartSection(page), /^PNG image of the chart/, 'natural');
		expect(natural.name).toBe('pengo-women-mobile-phone-total-2022-chart.png');
		expect(pngInfo(natural.bytes).width).not.toBe(1920);
	});

	test('the map as SVG names every region, the small ones by leader lines', async () => {
		const page = dashboard.page;
		const file = await download(page, mapSection(page), /^SVG of the map/, 'natural');
		expect(file.name).toBe('pengo-women-mobile-phone-total-2022-map.svg');
		const text = file.bytes.toString('utf8');
		const names = await readSvg(page, text, 'text.region-name');
		expect(names.ok).toBe(true);
		expect(names.texts.map((t) => t.text).sort()).toEqual([...REGION_NAMES].sort());
		const leaders = await readSvg(page, text, 'g.leader');
		const withLeader = leaders.texts.map((t) => t.iso);
		for (const iso of SMALL_REGIONS) expect(withLeader).toContain(iso);
		// The legend of the colours and the map's credit come with it.
		expect(text).toContain('No data');
		expect(text).toMatch(/Boundaries/i);
	});

	test('the map as an A4 PNG at 200 dpi: 1654 × 2339 pixels, not blank', async () => {
		const page = dashboard.page;
		const file = await download(page, mapSection(page), /^PNG image of the map/, 'a4');
		expectPng(file, 'pengo-women-mobile-phone-total-2022-map-a4.png', [1654, 2339]);
		// The menu keeps the size chosen; leave it as a person finds it.
		await download(page, mapSection(page), /^SVG of the map/, 'natural');
	});
});

/** Decimals written in a CSV cell ("61.25" → 2; "" and "7" → 0). */
const decimals = (cell: string | undefined) => /\.(\d+)$/.exec(cell ?? '')?.[1]?.length ?? 0;

test('the gap view: ns and computed intervals in the key; CSV rounded, full precision on request', async ({
	page
}) => {
	await page.goto('/?indicator=hh_owns_mobile&measure=gap');
	const section = chartSection(page);
	await expect(section.getByRole('group').getByRole('button')).toHaveCount(31);
	const svg = (await download(page, section, /^SVG of the chart/)).bytes.toString('utf8');
	expect(svg).toContain('Lines: 95% confidence interval, computed by Pengo');
	// This survey has a national split: its dashed lines are drawn, and keyed.
	await expect(section.getByText('National', { exact: true })).toBeVisible();
	expect(svg).toContain('Dashed line: national value');
	// "(ns)" in the key exactly when a row of the chart on screen carries it.
	const nsOnScreen = await section.getByText(/\(ns\)/).count();
	expect(svg.includes('(ns) = not significant')).toBe(nsOnScreen > 0);

	const csv = unzipData((await download(page, section, /^Data \(CSV/)).bytes);
	expect(csv.rows).toHaveLength(32);
	for (const row of csv.rows) {
		expect(decimals(row.value), row.region_name).toBeLessThanOrEqual(1);
		for (const c of ['lower', 'upper', 'urban_lower', 'urban_upper', 'rural_lower', 'rural_upper'])
			expect(decimals(row[c]), `${row.region_name} ${c}`).toBeLessThanOrEqual(2);
		for (const c of ['urban', 'rural']) expect(decimals(row[c])).toBeLessThanOrEqual(1);
		expect(decimals(row.ci_level)).toBeLessThanOrEqual(2);
	}
	expect(csv.metadata.decimals).toMatchObject({ value: 1, lower: 2, upper: 2 });
	expect(Object.keys(csv.rows[0]!)).not.toContain('value_full');

	const full = unzipData((await download(page, section, /^Full-precision data/)).bytes);
	expect(full.readme).toContain('_full');
	// The exact gap beside its rounding, for every region: computed gaps need more decimals.
	const exact = full.rows.map((r) => r.value_full!);
	expect(exact.some((v) => decimals(v) > 1)).toBe(true);
	for (const r of full.rows) {
		if (r.value_full === '') continue;
		expect(Math.abs(Number(r.value) - Number(r.value_full))).toBeLessThanOrEqual(0.05 + 1e-9);
	}
});

test('on a 375 px phone, by keyboard alone: the size is chosen and the square PNG saved', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await openDashboard(page);
	const section = chartSection(page);
	const menu = section.getByRole('button', { name: 'Download' });
	await menu.focus();
	await page.keyboard.press('Enter');
	const size = section.getByLabel('Image size');
	await expect(size).toBeVisible();
	// The open menu stays inside the phone's width.
	const box = (await size.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(375);
	await page.keyboard.press('Tab');
	await expect(size).toBeFocused();
	await size.selectOption('square');
	await page.keyboard.press('Tab');
	await expect(section.getByRole('button', { name: /^PNG image of the chart/ })).toBeFocused();
	const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
	expect(file.suggestedFilename()).toBe('pengo-women-mobile-phone-total-2022-chart-square.png');
	// Focus returns to the menu's button once the file is made.
	await expect(menu).toBeFocused();
});
