import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const TITLE = 'Mobile phones in the regions, for the planning meeting';
const NOTE = 'Draft for discussion: check the synthetic household figures before quoting.';
const CHANGE_VIEW = 'Women who own a mobile phone: Change since 2015-16, 2022';
const GAP_VIEW = 'Households owning a mobile phone (synthetic): Gap (urban − rural), 2024';

/**
 * The region whose share of women owning a phone rose most between the 2015-16 and 2022 DHS,
 * computed here from the bundled CSVs, independently of the page.
 */
function mostImprovedRegion(): string {
	const names = new Map<string, string>();
	for (const line of readFileSync('data/regions.csv', 'utf8').trim().split('\n').slice(1)) {
		const [, iso, name] = line.split(',');
		names.set(iso!, name!);
	}
	const values = new Map<string, Record<number, number>>();
	for (const line of readFileSync('data/indicators.csv', 'utf8').split('\n')) {
		const [id, level, iso, area, , year, value] = line.split(',');
		if (id !== 'women_mobile_phone' || level !== 'region' || area !== 'total') continue;
		values.set(iso!, { ...values.get(iso!), [Number(year)]: Number(value) });
	}
	const change = [...values]
		.filter(([, v]) => v[2016] !== undefined && v[2022] !== undefined)
		.map(([iso, v]) => ({ iso, change: v[2022]! - v[2016]! }))
		.sort((a, b) => b.change - a.change);
	return names.get(change[0]!.iso)!;
}

/** The text of every page of the PDF the page prints to, one string per page. */
async function printedPages(page: Page): Promise<string[]> {
	const buffer = await page.pdf({ format: 'A4', printBackground: true });
	const pdf = await getDocument({
		data: new Uint8Array(buffer),
		useSystemFonts: false,
		isEvalSupported: false
	}).promise;
	const pages: string[] = [];
	for (let i = 1; i <= pdf.numPages; i++) {
		const content = await (await pdf.getPage(i)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	await pdf.destroy();
	return pages;
}

/** Text extracted from a PDF splits and spaces words freely: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

async function waitForDocument(page: Page, views: number): Promise<void> {
	const doc = page.getByRole('article');
	await expect(doc.getByRole('img', { name: /^Map of the regions|^Ramani ya mikoa/ })).toHaveCount(
		views,
		{ timeout: 30_000 }
	);
	await expect(doc.locator('path[data-iso]').first()).toBeAttached();
}

test('a brief of two views prints to an A4 PDF with its title, note, key figures and sources', async ({
	page
}) => {
	await page.goto('/brief/');
	await page.getByRole('checkbox', { name: CHANGE_VIEW }).check();
	await page.getByRole('checkbox', { name: GAP_VIEW }).check();
	await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
	await page.getByRole('textbox', { name: 'Note' }).fill(NOTE);
	await page.getByRole('textbox', { name: 'Note' }).blur();
	await expect(page).toHaveURL(/[?&]note=/);
	await waitForDocument(page, 2);

	const doc = page.getByRole('article', { name: 'The brief as it will print' });
	await expect(doc.getByRole('heading', { name: TITLE })).toBeVisible();
	// Key figures come in one group per indicator, never one list across indicators.
	const womenGroup = doc.getByRole('region', { name: 'Women who own a mobile phone, 2022' });
	const improved = womenGroup
		.getByRole('heading', { name: 'Most improved since the previous survey' })
		.locator('xpath=following-sibling::ol[1]')
		.getByRole('listitem');
	await expect(improved).toHaveCount(3);
	const top = mostImprovedRegion();
	await expect(improved.first()).toContainText(`${top}: +`);
	await expect(womenGroup.getByRole('heading', { name: 'Largest urban–rural gaps' })).toHaveCount(
		0
	);
	const householdGroup = doc.getByRole('region', {
		name: 'Households owning a mobile phone (synthetic), 2024'
	});
	await expect(
		householdGroup
			.getByRole('heading', { name: 'Largest urban–rural gaps' })
			.locator('xpath=following-sibling::ol[1]')
			.getByRole('listitem')
	).toHaveCount(3);
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();

	const pages = await printedPages(page);
	// Cover with key figures, one page per view, methods and sources.
	expect(pages).toHaveLength(4);
	const all = squash(pages.join(' '));
	expect(squash(pages[0]!)).toContain(squash(TITLE));
	expect(squash(pages[0]!)).toContain(squash(NOTE));
	expect(squash(pages[0]!)).toContain(squash('Key figures'));
	expect(squash(pages[0]!)).toContain(squash(top));
	expect(squash(pages[0]!)).toContain(squash('Made with Pengo'));
	expect(squash(pages[1]!)).toContain(squash(CHANGE_VIEW));
	expect(squash(pages[1]!)).toContain('Boundaries:amChartsgeodata');
	expect(squash(pages[2]!)).toContain(squash(GAP_VIEW));
	expect(squash(pages[2]!)).toContain(
		squash('Synthetic demonstration data, not official statistics')
	);
	expect(squash(pages[3]!)).toContain(squash('Methods and sources'));
	expect(all).toContain('Source:TanzaniaDHS-MIS2015-16and2022');
	expect(all).toContain('Licence:');
	expect(all).toContain('DaresSalaam');
	expect(squash(pages[3]!)).toContain('4/4');

	// The link alone reproduces the brief.
	const url = page.url();
	const fresh = await page.context().newPage();
	await fresh.goto(url);
	await expect(fresh.getByRole('checkbox', { name: CHANGE_VIEW })).toBeChecked({ timeout: 30_000 });
	await expect(fresh.getByRole('checkbox', { name: GAP_VIEW })).toBeChecked();
	await expect(fresh.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
	await expect(fresh.getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
	await waitForDocument(fresh, 2);
	await expect(fresh.getByRole('heading', { name: TITLE })).toBeVisible();
	await fresh.close();

	// The same link in Kiswahili prints a Kiswahili brief.
	await page.goto(`${url}&lang=sw`);
	await waitForDocument(page, 2);
	const sw = await printedPages(page);
	expect(sw).toHaveLength(4);
	expect(squash(sw[0]!)).toContain(squash(TITLE));
	expect(squash(sw[0]!)).toContain(squash('Takwimu muhimu'));
	expect(squash(sw[0]!)).toContain(squash('Mapengo makubwa zaidi kati ya mijini na vijijini'));
	expect(squash(sw[1]!)).toContain(squash(`1 ${top}`));
	expect(squash(sw[0]!)).toContain(squash('Imetengenezwa kwa Pengo'));
	expect(squash(sw[1]!)).toContain(squash('Mipaka: amCharts geodata'));
	expect(squash(sw[3]!)).toContain(squash('Mbinu na vyanzo'));
	expect(squash(sw[3]!)).toContain(squash('Chanzo:'));
});

test('a link with an unknown view says so and keeps the rest', async ({ page }) => {
	await page.goto('/brief/?views=women_mobile_phone.total.2022,nonsense.total.2022');
	await expect(page.getByRole('alert')).toContainText('nonsense.total.2022');
	await expect(
		page.getByRole('checkbox', { name: 'Women who own a mobile phone: Total, 2022' })
	).toBeChecked();
	await waitForDocument(page, 1);
});

/** Songwe's rank by the share of women owning a phone in 2022, from the CSV: 1 = the highest. */
function songweRank(): number {
	const values = new Map<string, number>();
	for (const line of readFileSync('data/indicators.csv', 'utf8').split('\n')) {
		const [id, level, iso, area, , year, value] = line.split(',');
		if (id === 'women_mobile_phone' && level === 'region' && area === 'total' && year === '2022')
			values.set(iso!, Number(value));
	}
	const songwe = values.get('TZ-31')!;
	return [...values.values()].filter((v) => v > songwe).length + 1;
}

test("a region's brief for Songwe: its rank, its trend with intervals and the 2016 boundary note", async ({
	page
}) => {
	await page.goto('/region/TZ-31/');
	await page.getByRole('link', { name: 'Brief for this region' }).click();
	await expect(page).toHaveURL(/\/brief\/\?region=TZ-31/);
	await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('TZ-31');

	const doc = page.getByRole('article', { name: 'The brief as it will print' });
	const region = doc.getByRole('region', { name: 'Songwe: a region brief' });
	await expect(region).toBeVisible({ timeout: 30_000 });
	const women = region.getByRole('row', { name: /^Women who own a mobile phone, 2022/ });
	await expect(women.getByRole('cell').last()).toHaveText(`${songweRank()} of 31`);
	await expect(region.getByRole('note').first()).toContainText(
		'Boundary change between 2015-16 and 2022: Songwe was formed in 2016 out of Mbeya'
	);
	const trend = region.getByRole('table', {
		name: 'Women who own a mobile phone: the total'
	});
	await expect(trend.getByRole('row', { name: /^2022/ })).toContainText(
		/since 2015-16 \(.+ to .+\)/
	);
	// The page draws no lines: the methods and notes speak of brackets, never of lines.
	await expect(doc).not.toContainText('Lines show');
	await expect(doc).toContainText('Figures in brackets are confidence intervals');

	// Choosing another region in the picker changes the brief and its link.
	await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Dodoma' });
	await expect(page).toHaveURL(/region=TZ-03/);
	await expect(doc.getByRole('region', { name: 'Dodoma: a region brief' })).toBeVisible();
	await expect(doc.getByRole('note')).toHaveCount(0);
});

test('the note survives a reload from the share link, as text', async ({ page }) => {
	const note = 'Check <b>Songwe</b> & Mbeya before quoting';
	await page.goto('/brief/?region=TZ-31');
	await page.getByRole('textbox', { name: 'Note' }).fill(note);
	// Ticking a view right after typing keeps the note: every choice carries it.
	await page.getByRole('checkbox', { name: CHANGE_VIEW }).check();
	await expect(page).toHaveURL(/[?&]note=/);
	await expect(page).toHaveURL(/views=women_mobile_phone\.change\.2022/);

	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(note, { timeout: 30_000 });
	const doc = page.getByRole('article', { name: 'The brief as it will print' });
	await expect(doc.getByText(note, { exact: true })).toBeVisible();
	await expect(doc.locator('b')).toHaveCount(0);
});

test('interval lines are spoken of only on a page that draws them, and small maps name regions', async ({
	page
}) => {
	// TCRA's SIM counts come without intervals: no lines, and no sentence about lines.
	await page.goto('/brief/?views=active_sims.total.2022');
	await waitForDocument(page, 1);
	const doc = page.getByRole('article', { name: 'The brief as it will print' });
	await expect(
		doc.getByRole('heading', { name: 'Active SIM cards: Total, 2022-06' })
	).toBeVisible();
	await expect(doc.locator('.ci line')).toHaveCount(0);
	await expect(doc).not.toContainText('Lines show');
	await expect(doc).not.toContainText('confidence interval');

	// A chart of changes draws Pengo's intervals of the changes, and says so.
	await page.goto('/brief/?views=women_mobile_phone.change.2022');
	await waitForDocument(page, 1);
	await expect(doc.locator('.ci line').first()).toBeAttached();
	await expect(doc).toContainText(
		'Lines show the 90% confidence interval of each change, computed by Pengo'
	);
	await expect(doc).not.toContainText('shown without an interval');
	const map = doc.getByRole('img', { name: /^Map of the regions/ });
	await expect(map.locator('text').filter({ hasText: `1 ${mostImprovedRegion()}: +` })).toHaveCount(
		1
	);
	await expect(map.locator('text').filter({ hasText: 'Women who own a mobile phone' })).toHaveCount(
		1
	);

	await page.goto('/brief/?views=women_mobile_phone.total.2022');
	await waitForDocument(page, 1);
	await expect(doc.locator('.ci line').first()).toBeAttached();
	await expect(doc).toContainText(
		"Lines show the 90% confidence intervals of the regions' values, as published by the source."
	);
});
