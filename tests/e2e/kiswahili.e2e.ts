import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { messageFiles, noWords, SAME_IN_BOTH } from '../../src/lib/i18n/kiswahili.test-data';
import { expect, test } from './fixtures';

const root = join(import.meta.dirname, '../..');

/** Every English UI message: the core file and each per-feature folder. */
const englishMessages = () => messageFiles().flatMap(([, en]) => Object.values(en));

const definitions = Papa.parse<Record<string, string>>(
	readFileSync(join(root, 'data/indicator-definitions.csv'), 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;
const swLabel = (id: string) => definitions.find((d) => d.indicator_id === id)!.label_sw!;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letter = /[\p{L}\p{N}]/u;

/**
 * A pattern for one English text as it would appear on the page: placeholders match any run of
 * characters on the same line, and a text that starts or ends with a letter must stand as a
 * whole word ("count" must not fire on "accounts"). An underscore joins a word too: table and
 * column names the SQL page lists ("geo_code", "region_name_map") are identifiers, not English.
 */
function englishPattern(text: string): RegExp {
	const body = text
		.split(/\{\w+\}/)
		.map(escape)
		.join('[^\\n]*?');
	const start = letter.test(text[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
	const end = letter.test(text.at(-1) ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
	return new RegExp(`${start}${body}${end}`, 'u');
}

/** More than 3 letters once placeholders are taken out, and not legitimately the same. */
const worthScanning = (text: string) =>
	!SAME_IN_BOTH.includes(text) &&
	!noWords(text) &&
	(text.replace(/\{\w+\}/g, '').match(/\p{L}/gu) ?? []).length > 3;

const ENGLISH: readonly { text: string; pattern: RegExp }[] = [
	...new Set([
		...englishMessages().filter(worthScanning),
		...definitions.map((d) => d.label_en!).filter(Boolean)
	])
].map((text) => ({ text, pattern: englishPattern(text) }));

/**
 * The words a person reads or hears: the rendered text, the accessible names (the map and the
 * chart rows have no other text for a screen reader) and the page title. Source lines are
 * citations: the titles of the publications stay as published, so they are left out.
 */
async function pageWords(page: Page): Promise<string> {
	const text = await page.locator('body').innerText();
	const ariaLabels = await page
		.locator('[aria-label]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
	const citation = /^\s*Chanzo:/;
	return [
		await page.title(),
		...text.split('\n').filter((line) => !citation.test(line)),
		...ariaLabels
	].join('\n');
}

/** Every English text found on the page, each with the line it was found in. */
async function englishOnPage(page: Page): Promise<string[]> {
	const lines = (await pageWords(page)).split('\n');
	return ENGLISH.flatMap(({ text, pattern }) => {
		const line = lines.find((l) => pattern.test(l));
		return line === undefined ? [] : [`"${text}" in: ${line.trim().slice(0, 160)}`];
	});
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
	expect(await englishOnPage(page), `English left on the page (${where})`).toEqual([]);
}

const language = (page: Page) => page.getByLabel('Language / Lugha');
const viewTitle = (page: Page) => page.getByRole('heading', { level: 1 });
/** The chart section in either language, and its rows ("Region: value"), not its other buttons. */
const chartSection = (page: Page) => page.getByRole('region', { name: /by region|kwa mkoa/ });
const chartRows = (page: Page) => chartSection(page).getByRole('button', { name: /^[^:]+: / });

async function waitForChart(page: Page): Promise<void> {
	await expect(chartRows(page)).toHaveCount(31, { timeout: 60_000 });
}

async function waitForKiswahili(page: Page): Promise<void> {
	await expect(page.getByLabel('Kiashiria')).toBeEnabled({ timeout: 45_000 });
	await waitForChart(page);
}

test('the whole dashboard reads in Kiswahili: switch, shared link, other views, and back', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await waitForChart(page);
	// The scan itself works: on the English page it finds the English words.
	const english = await englishOnPage(page);
	expect(english.join('\n')).toContain('"Indicator"');
	expect(english.join('\n')).toContain('"Women who own a mobile phone"');
	expect(ENGLISH.length, 'English texts to look for').toBeGreaterThan(60);

	await language(page).selectOption('sw');
	await waitForKiswahili(page);
	await expect(viewTitle(page)).toContainText(swLabel('women_mobile_phone'));
	await expect(page.getByLabel('Mwaka')).toHaveValue('2022');
	await expectNoEnglish(page, 'first view');

	// The link carries the language, and opening it again keeps Kiswahili.
	await expect(page).toHaveURL(/[?&]lang=sw(&|$)/);
	await page.reload();
	await waitForKiswahili(page);
	await expect(language(page)).toHaveValue('sw');
	await expect(page.getByLabel('Kipimo')).toBeVisible();
	await expectNoEnglish(page, 'after reload');

	// Change since the previous survey, chosen by its Kiswahili name.
	await page.getByLabel('Kipimo').selectOption({ label: 'Mabadiliko tangu 2015-16' });
	await expect(viewTitle(page)).toContainText('Mabadiliko tangu 2015-16');
	await expect(
		chartSection(page).getByRole('heading', { name: /^Mabadiliko tangu 2015-16 kwa mkoa/ })
	).toBeVisible();
	await expect(chartRows(page)).toHaveCount(31);
	await expect(page).toHaveURL(/[?&]lang=sw(&|$)/);
	await expectNoEnglish(page, 'measure: change');

	// Another indicator, chosen by its Kiswahili label: Simiyu has no value, Zanzibar islands.
	await page.getByLabel('Kiashiria').selectOption({ label: swLabel('active_sims') });
	await expect(viewTitle(page)).toContainText(swLabel('active_sims'));
	await expect(chartRows(page)).toHaveCount(31);
	await expect(
		chartRows(page).filter({ has: page.getByText('Simiyu', { exact: true }) })
	).toHaveAttribute('aria-label', /^Simiyu: hakuna takwimu$/);
	await expect(page.getByText(/Zanzibar inaripotiwa kwa jumla za visiwa tu/)).toBeVisible();
	await expectNoEnglish(page, 'indicator: active SIM cards');

	// The synthetic urban–rural view, with its warning in Kiswahili.
	await page
		.getByRole('button', { name: 'Onyesha pengo la mijini na vijijini (utafiti wa kubuni)' })
		.click();
	await expect(
		chartSection(page).getByRole('heading', { name: /^Mijini na vijijini, kwa mkoa/ })
	).toBeVisible();
	await expect(chartRows(page)).toHaveCount(31);
	await expect(
		page.getByText('Takwimu za kubuni kwa ajili ya maonyesho tu, si takwimu rasmi').first()
	).toBeVisible();
	await expectNoEnglish(page, 'synthetic urban–rural gap');

	// And back to English.
	await language(page).selectOption('en');
	await expect(page.getByLabel('Indicator')).toBeEnabled();
	await expect(page.getByLabel('Kiashiria')).toHaveCount(0);
	await expect(
		page.getByText('Synthetic demonstration data, not official statistics').first()
	).toBeVisible();
	await expect(page).not.toHaveURL(/[?&]lang=sw/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a shared ?lang=sw link opens in Kiswahili', async ({ page }) => {
	await page.goto('/?lang=sw');
	await waitForKiswahili(page);
	await expect(language(page)).toHaveValue('sw');
	await expectNoEnglish(page, 'opened from ?lang=sw');
});

// Places outside the message files where English once slipped through; each expectation names
// where the words come from.
test('Kiswahili pages carry no hard-coded English', async ({ page }) => {
	await page.goto('/?lang=sw&indicator=hh_owns_mobile&measure=gap');
	await waitForKiswahili(page);
	// src/lib/i18n/format.ts formatValue: the percentage-points suffix follows the language.
	const rows = await chartRows(page).evaluateAll((els) =>
		els.map((e) => e.getAttribute('aria-label') ?? '')
	);
	expect(
		rows.filter((l) => /\d pp\b/.test(l)),
		'rows with the English "pp"'
	).toEqual([]);
	// src/lib/map/RegionMap.svelte: MapLibre (started by a zoom) names its canvas "Map" unless
	// given a locale.
	await page.getByRole('button', { name: 'Kuza ramani' }).click();
	await expect(page.getByRole('region', { name: /^Ramani ya mikoa 31 ya Tanzania/ })).toBeVisible({
		timeout: 30_000
	});
	await expect(page.getByLabel('Map', { exact: true }), 'aria-label "Map"').toHaveCount(0);
	// src/lib/i18n/locale.svelte.ts useLocale: <html lang> follows a restored choice too.
	await page.reload();
	await waitForKiswahili(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
});

test('the upload page reads in Kiswahili: step 1, and step 2 with the preview and its evidence', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/datasets/?lang=sw');
	await expect(viewTitle(page)).toHaveText('Takwimu zako');
	const input = page.getByLabel('Faili la CSV, TSV au lililotenganishwa kwa nukta-mkato');
	await expect(input).toBeEnabled({ timeout: 60_000 });
	await expect(page.getByRole('heading', { name: /^Hatua 1 kati ya 5: / })).toBeVisible();
	await expectNoEnglish(page, 'datasets, step 1');

	await input.setInputFiles('tests/fixtures/e2e-upload/messy-regions.csv');
	await expect(page.getByRole('heading', { name: /^Hatua 2 kati ya 5: / })).toBeVisible({
		timeout: 60_000
	});
	await expect(
		page.getByRole('table', { name: 'Onyesho la safu za kwanza jinsi zinavyosomwa' })
	).toBeVisible();
	// The evidence for each guess, opened so every line of it is on the page.
	const evidence = page.getByText(/^Imegunduliwa kutoka safu \d+: /);
	await evidence.click();
	await expect(
		page
			.getByRole('listitem')
			.filter({
				hasText: /^Kitenganishi Nukta-mkato \(;\): rekodi \d+ kati ya \d+ zina sehemu 4\.$/
			})
			.first()
	).toBeVisible();
	await expectNoEnglish(page, 'datasets, step 2');
});

test('the SQL page reads in Kiswahili after running the default query', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/sql/?lang=sw');
	const run = page.getByRole('button', { name: 'Endesha', exact: true });
	await expect(run).toBeEnabled({ timeout: 60_000 });
	await run.click();
	await expect(
		page.getByRole('status').filter({ hasText: /^Safu [\d,]+ kwa ms [\d,]+$/ })
	).toBeVisible({
		timeout: 30_000
	});
	await expect(page.getByRole('table').first()).toBeVisible();
	await expectNoEnglish(page, 'SQL, after a query');
});
