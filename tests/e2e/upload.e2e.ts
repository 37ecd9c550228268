import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import {
	chartRows,
	expect,
	openDashboard,
	REGION_NAMES,
	settledMapSignature,
	sharePage,
	test,
	waitForData
} from './fixtures';
import {
	addSection,
	chooseFile,
	csvFile,
	fileInput,
	loadAllMatched,
	navLink,
	pageWidth,
	step,
	type Upload
} from './uploadSteps';

// Uploading runs DuckDB over the whole file several times (stage, profile, check, load), and a
// reload rebuilds every stored dataset from its original: these tests need more than the default.
test.describe.configure({ timeout: 240_000 });

const MESSY = 'tests/fixtures/e2e-upload/messy-regions.csv';
const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '<script>alert(1)</script>';
const HOSTILE_FORMULA = '=HYPERLINK("http://x")';

const datasetsTable = (page: Page) =>
	page.getByRole('region', { name: 'Uploaded datasets' }).getByRole('table');
const title = (page: Page) => page.getByRole('heading', { level: 1 });
/** Every element a file could have smuggled in as markup: must stay at zero. */
const injectedImages = (page: Page) => page.locator('img[src="x"]');

/**
 * The messy file through all five steps with what Pengo detects, Kigoma-Ujiji Municipal assigned
 * to Kigoma by hand. Returns the "Show on the map" link of the new indicator once its name shows
 * (the indicator list has been read again).
 */
async function uploadMessy(page: Page): Promise<Locator> {
	await chooseFile(page, MESSY);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	await page.getByLabel('Region for Kigoma-Ujiji Municipal').selectOption({ label: 'Kigoma' });
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 90_000 });
	const item = addSection(page)
		.getByRole('listitem')
		.filter({ hasText: /^messy-regions – / });
	await expect(item).toBeVisible();
	return item.getByRole('link', { name: 'Show on the map' });
}

/** The options of the explorer's indicator picker, as a person reads them. */
async function pickerOptions(page: Page): Promise<string[]> {
	return page
		.getByLabel('Indicator')
		.getByRole('option')
		.evaluateAll((options) => options.map((o) => (o.textContent ?? '').trim()));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so the files never change. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

test('a messy file goes through all five steps and onto the map', async ({ page }) => {
	const defaultMap = await openDashboard(page);
	await navLink(page, 'Data').click();
	await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
	await chooseFile(page, MESSY);

	// Step 2: the dialect as detected from the whole file, and the preview read with it.
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByLabel('Encoding')).toHaveValue('utf-8-bom');
	await expect(page.getByLabel('Delimiter')).toHaveValue(';');
	await expect(page.getByLabel('Delimiter').locator('option:checked')).toHaveText('Semicolon (;)');
	await expect(page.getByLabel('Decimal separator')).toHaveValue(',');
	await expect(page.getByLabel('Decimal separator').locator('option:checked')).toHaveText(
		'Comma (45,3)'
	);
	const preview = page.getByRole('region', { name: 'Preview of the first rows as read' });
	// The byte-order mark is not part of the first header.
	await expect(preview.getByRole('columnheader', { name: 'Mkoa', exact: true })).toBeVisible();
	await expect(preview.getByRole('columnheader', { name: 'Thamani', exact: true })).toBeVisible();
	const dodoma = preview.getByRole('row').filter({ hasText: 'Dodoma' }).first();
	await expect(dodoma.getByRole('cell', { name: '51,9', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();

	// Step 3: the Kiswahili headers are recognised.
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Indicator table')).toBeChecked();
	await expect(page.getByLabel('Role of column Mkoa')).toHaveValue('region');
	await expect(page.getByLabel('Role of column Eneo')).toHaveValue('area');
	await expect(page.getByLabel('Role of column Mwaka')).toHaveValue('year');
	await expect(page.getByLabel('Role of column Thamani')).toHaveValue('value');
	await page.getByRole('button', { name: 'Continue' }).click();

	// Step 4: the municipality is not a region Pengo may guess; the person assigns it.
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	const reviews = page.getByRole('region', { name: 'Match region names' });
	const kigomaUjiji = reviews.getByRole('row', { name: /Kigoma-Ujiji Municipal/ });
	await expect(kigomaUjiji).toContainText('Ambiguous');
	await expect(kigomaUjiji).toContainText('Suggestions: Kigoma');
	await expect(reviews.getByRole('row', { name: /^Unguja/ })).toContainText(
		'Island total, not a region'
	);
	await expect(reviews.getByRole('row', { name: /^Dar-es-salaam/ })).toContainText(
		'Matched (known variant)'
	);
	await page.getByLabel('Region for Kigoma-Ujiji Municipal').selectOption({ label: 'Kigoma' });
	await expect(kigomaUjiji).toContainText('Matched (your choice)');
	await page.getByRole('button', { name: 'Check and load' }).click();

	// Step 5: every row accounted for; each problem names its row, column and value.
	await expect(step(page, 5)).toBeVisible({ timeout: 90_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'65 data rows read: 63 loaded, 2 kept aside.'
	);
	const problems = page.getByRole('region', { name: /^Problems \(\d+\)$/ });
	const hostile = problems.getByRole('row', {
		name: `messy-regions.csv, row 65, column “Mkoa”, value “${HOSTILE_IMG}”`
	});
	await expect(hostile).toContainText('The region name matches none of the 31 regions.');
	await expect(hostile).toContainText('Error (row kept aside)');
	const notNumber = problems.getByRole('row', {
		name: 'messy-regions.csv, row 66, column “Thamani”, value “n.a.”'
	});
	await expect(notNumber).toContainText('This is not a number under the chosen separators.');
	await expect(
		problems.getByRole('row', { name: /row 64, column “Mkoa”, value “Unguja”/ })
	).toContainText('An island total (Unguja or Pemba), not a region.');
	await expect(injectedImages(page)).toHaveCount(0);

	// The new indicator in the explorer.
	const show = addSection(page)
		.getByRole('listitem')
		.filter({ hasText: /^messy-regions – / })
		.getByRole('link', { name: 'Show on the map' });
	const href = (await show.getAttribute('href')) ?? '';
	const id = new URL(href, 'http://x').searchParams.get('indicator') ?? '';
	expect(id).toMatch(/^up_/);
	await show.click();
	await waitForData(page);
	await expect(page.getByLabel('Indicator')).toHaveValue(id);
	await expect(page.getByLabel('Indicator').locator('option:checked')).toHaveText('messy-regions');
	await expect(title(page)).toContainText('messy-regions');
	await expect(page.getByText('Source: messy-regions (messy-regions.csv).').first()).toBeVisible();
	await expect(page.getByText('Uploaded: messy-regions')).toBeVisible();

	// The file has urban (Mjini) and rural (Vijijini) values: the urban ones on the map and chart.
	await page.getByLabel('Measure').selectOption({ label: 'Urban' });
	await expect(title(page)).toContainText('messy-regions: Urban, 2025');
	await settledMapSignature(page, { differentFrom: defaultMap });
	await expect(chartRows(page)).toHaveCount(31);
	const kigoma = chartRows(page).filter({ hasText: /^Kigoma/ });
	await expect(kigoma).toHaveAttribute('aria-label', /Kigoma.*75\.7%/);
	await expect(chartRows(page).filter({ hasText: /^Dodoma/ })).toHaveAttribute(
		'aria-label',
		/Dodoma.*51\.9%/
	);
	await expect(injectedImages(page)).toHaveCount(0);
});

// One upload of the messy file, from the first screen to its own map; then its source line is read
// on the same page (each upload runs DuckDB over the whole file several times).
test.describe(() => {
	let defaultMap = '';
	const explorer = sharePage(async (page) => {
		defaultMap = await openDashboard(page);
	});

	test('"Show on the map" opens a painted map for a file of urban and rural rows only', async () => {
		// Such a file has no totals: the link opens the gap, so the map is painted at once.
		const page = explorer.page;
		await navLink(page, 'Data').click();
		await (await uploadMessy(page)).click();
		await waitForData(page);
		await expect(title(page)).toContainText('messy-regions: Gap (urban − rural), 2025');
		// Every gap in this file is positive: a sequential scale, in three classes or more.
		await settledMapSignature(page, { differentFrom: defaultMap, minFills: 3 });
		await expect(chartRows(page).filter({ hasText: /^Kigoma/ })).not.toHaveAttribute(
			'aria-label',
			/no data/
		);
	});

	test('the source line of an uploaded indicator gives the data’s year, as a year', async () => {
		// The year is text in sources.csv; a number bound there once read "2026.0". It is the
		// year of the data (every row of the file says 2025), not of the upload.
		// The file uploaded and shown on the map by the test before.
		const page = explorer.page;
		await waitForData(page);
		await expect(
			page.getByText('Source: messy-regions (messy-regions.csv).').first()
		).toContainText('Uploaded by the user, 2025. Licence: As stated by the uploader.');
	});
});

test('an uploaded dataset survives a reload of the explorer and the Data page', async ({
	page
}) => {
	await page.goto('/datasets/');
	const show = await uploadMessy(page);
	const href = (await show.getAttribute('href')) ?? '';
	const id = new URL(href, 'http://x').searchParams.get('indicator') ?? '';
	expect(id).toMatch(/^up_/);

	// A fresh page load: DuckDB starts empty, so what shows comes from the browser's storage.
	await page.goto(`/?indicator=${id}&measure=urban`);
	await waitForData(page);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByLabel('Indicator')).toHaveValue(id);
	await expect(title(page)).toContainText('messy-regions: Urban, 2025');
	await settledMapSignature(page);
	await expect(chartRows(page).filter({ hasText: /^Kigoma/ })).toHaveAttribute(
		'aria-label',
		/Kigoma.*75\.7%/
	);

	await page.reload();
	await waitForData(page);
	await expect(page.getByLabel('Indicator')).toHaveValue(id);

	await page.goto('/datasets/');
	const row = datasetsTable(page).getByRole('row', { name: /messy-regions/ });
	await expect(row).toContainText('Loaded', { timeout: 90_000 });
	await expect(row.getByRole('cell', { name: '63', exact: true })).toBeVisible();
	await expect(row.getByRole('link', { name: 'Show on the map' })).toHaveAttribute(
		'href',
		new RegExp(`indicator=${id}`)
	);
});

test('a hostile file stays text everywhere and its rejected rows cannot run formulas', async ({
	page
}) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	const regions = REGION_NAMES.slice(0, 10);
	const lines = [
		['Region', 'Year', 'Value', HOSTILE_IMG],
		...regions.map((r, i) => [r, '2024', String(40 + i), i === 0 ? HOSTILE_SCRIPT : 'ok']),
		[HOSTILE_IMG, '2024', '12', 'a'],
		[HOSTILE_SCRIPT, '2024', '13', 'b'],
		[HOSTILE_FORMULA, '2024', '14', '@SUM(1+1)'],
		['Dodoma', '2023', '-2+3', '+cmd'],
		['Atlantis', '2024', '-12.5', 'c']
	];
	const text = lines
		.map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
		.join('\n');
	await page.goto('/datasets/');
	await chooseFile(page, csvFile('hostile.csv', text + '\n'));

	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	const preview = page.getByRole('region', { name: 'Preview of the first rows as read' });
	await expect(preview.getByRole('columnheader', { name: HOSTILE_IMG, exact: true })).toBeVisible();
	await expect(
		preview.getByRole('cell', { name: HOSTILE_SCRIPT, exact: true }).first()
	).toBeVisible();
	await expect(preview.getByRole('cell', { name: HOSTILE_FORMULA, exact: true })).toBeVisible();
	await expect(injectedImages(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	const hostileRole = page.getByLabel(`Role of column ${HOSTILE_IMG}`);
	await expect(hostileRole).toBeVisible();
	await expect(hostileRole).toHaveValue('ignore');
	await expect(page.getByLabel('Role of column Region')).toHaveValue('region');
	await expect(page.getByLabel('Role of column Value')).toHaveValue('value');
	await expect(injectedImages(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	const reviews = page.getByRole('region', { name: 'Match region names' });
	for (const name of [HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_FORMULA]) {
		await expect(reviews.getByRole('rowheader', { name, exact: true })).toBeVisible();
		await expect(page.getByLabel(`Region for ${name}`)).toHaveValue('');
	}
	await expect(injectedImages(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Check and load' }).click();

	await expect(step(page, 5)).toBeVisible({ timeout: 90_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'15 data rows read: 10 loaded, 5 kept aside.'
	);
	const problems = page.getByRole('region', { name: /^Problems \(\d+\)$/ });
	for (const [row, value] of [
		[12, HOSTILE_IMG],
		[13, HOSTILE_SCRIPT],
		[14, HOSTILE_FORMULA]
	] as const) {
		await expect(
			problems.getByRole('rowheader', {
				name: `hostile.csv, row ${row}, column “Region”, value “${value}”`,
				exact: true
			})
		).toBeVisible();
	}
	await expect(
		problems.getByRole('rowheader', {
			name: 'hostile.csv, row 15, column “Value”, value “-2+3”',
			exact: true
		})
	).toBeVisible();
	await expect(injectedImages(page)).toHaveCount(0);

	const downloading = page.waitForEvent('download');
	await addSection(page).getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^[\w.-]+\.csv$/);
	const csv = await readFile(await download.path(), 'utf8');
	const fields = csv.split('\r\n').filter((l) => l !== '');
	expect(fields).toHaveLength(6);
	// Every field quoted; any text a spreadsheet would run as a formula starts with a quote mark,
	// and a plain negative number stays a number.
	expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
	expect(csv).toContain(`"'@SUM(1+1)"`);
	expect(csv).toContain(`"'-2+3"`);
	expect(csv).toContain(`"'+cmd"`);
	expect(csv).toContain(`"${HOSTILE_SCRIPT}"`);
	expect(csv).toContain(`,"-12.5",`);
	expect(csv).not.toMatch(/(^|,)"(?!-\d+(\.\d+)?")[=+\-@]/m);
	expect(csv.startsWith('"row","reason","reason_explained","original_record",')).toBe(true);
	// Each record also as the file wrote it, quotes and all.
	expect(csv).toContain(`"""Dodoma"",""2023"",""-2+3"",""+cmd"""`);

	expect(dialogs, 'dialogs opened by the page').toEqual([]);
	await expect(injectedImages(page)).toHaveCount(0);
});

test('a DHS household recode gives weighted shares with confidence intervals', async ({ page }) => {
	// 31 regions × 2 residences × 3 clusters × 5 households, weights stored × 1,000,000 as in DHS.
	const next = random(20240607);
	const header = ['hhid', 'hv005', 'hv021', 'hv022', 'hv024', 'hv025', 'hv243a'];
	const rows: (string | number)[][] = [];
	REGION_NAMES.forEach((region, r) => {
		for (const residence of [1, 2]) {
			const chance = 0.25 + (0.5 * r) / 30 + (residence === 1 ? 0.15 : 0);
			for (let k = 0; k < 3; k++) {
				for (let h = 0; h < 5; h++) {
					rows.push([
						`${r + 1}-${residence}-${k}-${h}`,
						500_000 + Math.floor(next() * 1_500_000),
						r * 6 + (residence - 1) * 3 + k + 1,
						r * 2 + residence,
						region.toLowerCase(),
						residence,
						next() < chance ? 1 : 0
					]);
				}
			}
		}
	});
	const text = [header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n';

	// The estimate the table must show for one region: the weighted share of households with 1.
	const region = 'Mbeya';
	const inRegion = rows.filter((row) => row[4] === region.toLowerCase());
	const weight = (row: (string | number)[]) => Number(row[1]) / 1_000_000;
	const urban = inRegion.filter((row) => row[5] === 1);
	const share = (subset: (string | number)[][]) =>
		(100 * subset.reduce((s, row) => s + weight(row) * Number(row[6]), 0)) /
		subset.reduce((s, row) => s + weight(row), 0);
	// Guard the comparison itself: the share must not sit on a rounding boundary.
	expect(Math.abs(((share(inRegion) * 10) % 1) - 0.5)).toBeGreaterThan(0.01);
	expect(Math.abs(((share(urban) * 10) % 1) - 0.5)).toBeGreaterThan(0.01);
	const percent = new Intl.NumberFormat('en', {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});

	await page.goto('/datasets/');
	await chooseFile(page, csvFile('tzhr_2022.csv', text));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByLabel('Delimiter')).toHaveValue(',');
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByText('Recognised: dhs-household')).toBeVisible();
	await expect(page.getByLabel('Survey microdata')).toBeChecked();
	await expect(page.getByLabel('Role of column hv024')).toHaveValue('region');
	await expect(page.getByLabel('Role of column hv025')).toHaveValue('area');
	await expect(page.getByLabel('Role of column hv005')).toHaveValue('weight');
	await expect(page.getByLabel('Role of column hv021')).toHaveValue('cluster');
	await expect(page.getByLabel('Role of column hv022')).toHaveValue('stratum');
	await expect(page.getByLabel('Role of column hv243a')).toHaveValue('item');
	await expect(page.getByLabel('Divide the weight by')).toHaveValue('1000000');
	await expect(page.getByLabel('Year of the data (when no column has it)')).toHaveValue('2022');
	await page.getByRole('button', { name: 'Continue' }).click();

	await loadAllMatched(page, '930 data rows read: 930 loaded, 0 kept aside.');
	const item = addSection(page)
		.getByRole('listitem')
		.filter({ hasText: /^hv243a – / });
	await expect(item).toBeVisible();
	await item.getByRole('link', { name: 'Show on the map' }).click();
	await waitForData(page);
	await expect(title(page)).toContainText('hv243a: Total, 2022');
	await settledMapSignature(page);

	await page.getByRole('button', { name: 'Table' }).click();
	const table = page.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(32);
	const headers = table.getByRole('columnheader');
	await expect(headers.nth(1)).toHaveText(/^Total/);
	await expect(headers.nth(2)).toHaveText(/^Total, /);
	await expect(headers.nth(3)).toHaveText(/^Urban/);
	const cells = table.getByRole('row', { name: new RegExp(`^${region}\\b`) }).getByRole('cell');
	await expect(cells.nth(0)).toHaveText(`${percent.format(share(inRegion))}%`);
	await expect(cells.nth(2)).toHaveText(`${percent.format(share(urban))}%`);
	// The confidence interval is a range around the estimate.
	await expect(cells.nth(1)).toHaveText(/^\d+(\.\d)?% – \d+(\.\d)?%$/);
	const [lower, upper] = ((await cells.nth(1).textContent()) ?? '')
		.split('–')
		.map((t) => Number.parseFloat(t));
	expect(lower).toBeLessThan(share(inRegion));
	expect(upper).toBeGreaterThan(share(inRegion));
	expect(upper! - lower!).toBeGreaterThan(5);
});

test('the dataset manager renames and deletes; the bundled indicators stay', async ({ page }) => {
	await openDashboard(page);
	const bundled = await pickerOptions(page);
	expect(bundled).toContain('Women who own a mobile phone');

	await navLink(page, 'Data').click();
	await uploadMessy(page);
	const table = datasetsTable(page);
	await expect(table.getByRole('row', { name: /messy-regions/ })).toContainText('Loaded');

	await table.getByRole('button', { name: 'Rename' }).click();
	const name = page.getByLabel('New name for messy-regions');
	await name.fill('Maji safi 2025');
	await table.getByRole('button', { name: 'Save' }).click();
	const renamed = table.getByRole('row', { name: /Maji safi 2025/ });
	await expect(renamed).toBeVisible();
	await expect(table.getByRole('rowheader', { name: /^messy-regions/ })).toHaveCount(0);

	await navLink(page, 'Explorer').click();
	await waitForData(page);
	expect(await pickerOptions(page)).toContain('messy-regions');

	await navLink(page, 'Data').click();
	await renamed.getByRole('button', { name: 'Delete' }).click();
	await expect(renamed.getByRole('alert')).toHaveText(
		'Delete Maji safi 2025? Its indicators leave the dashboard.'
	);
	await renamed.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('No datasets uploaded yet.')).toBeVisible();

	await navLink(page, 'Explorer').click();
	await waitForData(page);
	await expect.poll(() => pickerOptions(page)).toEqual(bundled);

	// Gone from storage too: a reload does not bring it back.
	await page.goto('/datasets/');
	await fileInput(page);
	await expect(page.getByText('No datasets uploaded yet.')).toBeVisible();
});

test('in Kiswahili on a 375 px phone the steps and problems read in Kiswahili, with no sideways scrolling', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 800 });

	await page.goto('/datasets/?lang=sw');
	await expect(page.getByRole('heading', { name: 'Takwimu zako', level: 1 })).toBeVisible();
	const input = page.getByLabel('Faili la CSV, TSV au lililotenganishwa kwa nukta-mkato');
	await expect(input).toBeEnabled({ timeout: 90_000 });
	await expect(
		page.getByRole('heading', { name: 'Hatua 1 kati ya 5: Chagua faili' })
	).toBeVisible();
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);

	await input.setInputFiles({ name: 'tupu.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('tupu.csv');
	await expect(alert).toContainText('Faili ni tupu.');
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);

	await input.setInputFiles(MESSY);
	await expect(
		page.getByRole('heading', { name: 'Hatua 2 kati ya 5: Kagua jinsi faili linavyosomwa' })
	).toBeVisible({ timeout: 60_000 });
	await expect(
		page.getByRole('combobox', { name: /^Kitenganishi(?! cha)/ }).locator('option:checked')
	).toHaveText('Nukta-mkato (;)');
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);

	await page.getByRole('button', { name: 'Endelea' }).click();
	await expect(page.getByRole('heading', { name: /^Hatua 3 kati ya 5: / })).toBeVisible({
		timeout: 90_000
	});
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);
	await page.getByRole('button', { name: 'Endelea' }).click();
	await expect(page.getByRole('heading', { name: /^Hatua 4 kati ya 5: / })).toBeVisible({
		timeout: 60_000
	});
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);
	await page.getByRole('button', { name: 'Kagua na upakie' }).click();
	await expect(page.getByRole('heading', { name: /^Hatua 5 kati ya 5: / })).toBeVisible({
		timeout: 90_000
	});
	await expect(
		page.getByRole('row', { name: /safu 66, safu wima “Thamani”, thamani “n\.a\.”/ })
	).toContainText('Hii si namba kwa vitenganishi vilivyochaguliwa.');
	expect(await pageWidth(page)).toBeLessThanOrEqual(376);
});

test('an empty or binary file never blanks the page, and a good file still works', async ({
	page
}) => {
	await page.goto('/datasets/');
	const input = await fileInput(page);
	const heading = page.getByRole('heading', { name: 'Your data', level: 1 });

	await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('empty.csv');
	await expect(alert).toContainText('The file is empty.');
	await expect(heading).toBeVisible();
	await expect(step(page, 1)).toBeVisible();

	// Random bytes are not text: refused with an alert naming the file, the page stays at step 1.
	await input.setInputFiles(noiseFile());
	await expect(alert).toContainText('noise.csv');
	await expect(alert).toContainText('This is not a text file');
	await expect(heading).toBeVisible();
	await expect(step(page, 1)).toBeVisible();

	await chooseFile(page, MESSY);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByLabel('Delimiter')).toHaveValue(';');
});

test('a binary file is refused at once with an alert naming it', async ({ page }) => {
	// Decoded as Windows-1252, random bytes would "parse"; they must be refused as not text.
	await page.goto('/datasets/');
	await (await fileInput(page)).setInputFiles(noiseFile());
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('noise.csv');
	await expect(step(page, 1)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

/** 4 KiB of fixed pseudo-random bytes (NULs and control characters included), named like a CSV. */
function noiseFile(): Upload {
	const next = random(7);
	const bytes = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
	return { name: 'noise.csv', mimeType: 'text/csv', buffer: bytes };
}

test('empty, repeated and case-colliding column names are reported when the roles are chosen', async ({
	page
}) => {
	await page.goto('/datasets/');
	await (
		await fileInput(page)
	).setInputFiles({
		name: 'headers.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Region,,Value,value,Value\nDodoma,a,1,2,3\nArusha,b,4,5,6\n')
	});
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 60_000 });
	const problems = page.getByRole('region', { name: /^Problems \(\d+\)$/ });
	await expect(problems).toContainText('The column has no name.');
	await expect(problems).toContainText('Two columns have the same name.');
	await expect(problems).toContainText('Two column names differ only in capital letters.');
	await expect(problems.getByRole('rowheader').first()).toContainText('headers.csv, row 1');
});

test('a file with hundreds of region names lists the first 200, those needing a choice first, and counts the rest', async ({
	page
}) => {
	const unknown = Array.from({ length: 240 }, (_, i) => `Kijiji ${i + 1},2022,${10 + (i % 50)}`);
	const text = ['Region,Year,Value', 'Dodoma,2022,40.5', 'Arusha,2022,38', ...unknown].join('\n');
	await page.goto('/datasets/');
	await chooseFile(page, csvFile('villages.csv', text + '\n'));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await page.getByLabel('Role of column Region').selectOption('region');
	await page.getByLabel('Role of column Year').selectOption('year');
	await page.getByLabel('Role of column Value').selectOption('value');
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	const reviews = page.getByRole('region', { name: 'Match region names' });
	// A header row and 200 names; every one listed needs the person (the two matches come last).
	await expect(reviews.getByRole('row')).toHaveCount(201);
	await expect(reviews.getByRole('row', { name: /^Kijiji 1 / })).toContainText('Unmatched');
	await expect(reviews.getByRole('row', { name: /^Dodoma/ })).toHaveCount(0);
	await expect(page.getByRole('note')).toHaveText(
		/^42 more names are not listed \(the first 200 are/
	);
	await page.getByRole('button', { name: 'Check and load' }).click();

	// The names not listed kept their automatic choice: the two regions loaded, the villages aside.
	await expect(step(page, 5)).toBeVisible({ timeout: 90_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'242 data rows read: 2 loaded, 240 kept aside.'
	);
});
