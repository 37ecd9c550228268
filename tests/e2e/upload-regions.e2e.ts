import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { addSection, checkAndLoad, chooseFile, step } from './uploadSteps';

// Issue #13: region codes and the area role. Files as analysts bring them: one typo in the area
// column, DHS label spellings, a survey's own region codes.

const fixture = async (name: string) => ({
	name,
	mimeType: 'text/csv',
	buffer: await readFile(`tests/fixtures/uploads/${name}`)
});

test('one stray value in the area column rejects its row, not the column', async ({ page }) => {
	await page.goto('/datasets/');
	await chooseFile(page, await fixture('area-stray-value.csv'));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Role of column area')).toHaveValue('area');
	await page.getByRole('button', { name: 'Continue' }).click();
	await checkAndLoad(page, 23, '1,472 data rows read: 1,471 loaded, 1 kept aside.');
	const problems = page.getByRole('region', { name: /^Problems \(\d+\)$/ });
	await expect(
		problems.getByRole('row', {
			name: 'area-stray-value.csv, row 1142, column “area”, value “urbn”'
		})
	).toContainText('The area is neither urban, rural nor total under the chosen codes.');
});

/** The bundled region table (data/regions.csv): NBS code, ISO code and official name. */
async function regionTable(): Promise<{ nbs: string; iso: string; name: string }[]> {
	const [head, ...lines] = (await readFile('data/regions.csv', 'utf8')).trim().split('\n');
	const cols = head!.split(',');
	const cell = (line: string, col: string) => line.split(',')[cols.indexOf(col)]!;
	return lines.map((l) => ({
		nbs: cell(l, 'nbs_code'),
		iso: cell(l, 'iso_code'),
		name: cell(l, 'name_official')
	}));
}

/**
 * A DHS household recode with `regionCell` as each region's hv024: two households in each
 * residence, one owning a phone (hv243a) and one not.
 */
function householdRecode(name: string, regionCells: string[], residence: [string, string]) {
	const lines = ['hhid,hv005,hv021,hv022,hv024,hv025,hv243a'];
	regionCells.forEach((cell, r) => {
		residence.forEach((area, a) => {
			for (const phone of [0, 1]) {
				const cluster = r * 2 + a + 1;
				lines.push(`${cluster}-${phone},1000000,${cluster},${cluster},${cell},${area},${phone}`);
			}
		});
	});
	return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n', 'utf8') };
}

async function toRegionStep(
	page: import('@playwright/test').Page,
	file: ReturnType<typeof householdRecode>
) {
	await page.goto('/datasets/');
	await chooseFile(page, file);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Role of column hv024')).toHaveValue('region');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
}

const reviewRow = (page: import('@playwright/test').Page, written: string) =>
	page
		.getByRole('table', { name: 'Match region names' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: written, exact: true }) });

test('DHS hv024 labels of all 31 regions match, and step 4 names the rule', async ({ page }) => {
	const regions = await regionTable();
	// Labels as DHS rounds spell them: lower case, English Zanzibar names with the direction first.
	const dhs: Record<string, string> = {
		'TZ-02': 'dar es salaam',
		'TZ-19': 'pwani',
		'TZ-07': 'north unguja',
		'TZ-11': 'south unguja',
		'TZ-15': 'town west',
		'TZ-06': 'north pemba',
		'TZ-10': 'south pemba'
	};
	const labels = regions.map((r) => dhs[r.iso] ?? r.name.toLowerCase());
	await toRegionStep(page, householdRecode('tzhr_labels_2022.csv', labels, ['urban', 'rural']));
	await expect(page.getByText(/^31 matched, 0 ambiguous, 0 unmatched/)).toBeVisible();
	await expect(reviewRow(page, 'north unguja')).toContainText(
		'Matched (survey label, as DHS writes hv024/v024)'
	);
	await expect(reviewRow(page, 'north unguja').getByRole('combobox')).toHaveValue('TZ-07');
	await expect(reviewRow(page, 'south pemba').getByRole('combobox')).toHaveValue('TZ-10');
	await expect(reviewRow(page, 'town west')).toContainText('Matched (known variant)');
	await expect(reviewRow(page, 'dodoma')).toContainText('Matched (name)');
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 120_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'124 data rows read: 124 loaded, 0 kept aside.'
	);
});

test('a region-code table is checked, saved, applied, kept across a reload and removed', async ({
	page
}) => {
	const regions = await regionTable();
	// A survey numbering its regions 1 … 31 in alphabetical order: its 1 is Arusha, not NBS 01 Dodoma.
	const alphabetical = [...regions].sort((a, b) => a.name.localeCompare(b.name, 'en'));
	const codes = alphabetical.map((_, i) => String(i + 1));
	const file = householdRecode('own_codes_2022.csv', codes, ['1', '2']);
	await toRegionStep(page, file);
	// Without a table, the numbers read as NBS codes.
	await expect(reviewRow(page, '1')).toContainText('NBS code written as a number (1)');
	await expect(reviewRow(page, '1').getByRole('combobox')).toHaveValue('TZ-03');

	const codesSection = page.getByRole('region', { name: 'Region codes of your own' });
	await codesSection.getByText('Add a code table').click();
	await codesSection.getByLabel('Name of the code table').fill('Alphabetical codes');
	const textBox = codesSection.getByLabel(/^Code table: one line per code/);
	await textBox.fill(
		['code,region', '1,Arusha', '2,Dar es Salaam', '2,Dodoma', '3,Geita,extra', '4,Atlantis'].join(
			'\n'
		)
	);
	await codesSection.getByRole('button', { name: 'Check and save the code table' }).click();
	const problems = codesSection.getByRole('list', { name: 'Problems in the code table' });
	await expect(problems.getByRole('listitem')).toHaveText([
		'Code “2” is given to two regions: Dar es Salaam on line 3 and Dodoma on line 4.',
		'Line 5: 3 fields; a code table has two, code and region.',
		'Line 6: “Atlantis” matches none of the 31 regions.'
	]);
	await expect(reviewRow(page, '1')).toContainText('NBS code written as a number (1)');

	const table = ['code,region', ...alphabetical.map((r, i) => `${i + 1},${r.name}`)].join('\n');
	await textBox.fill(table);
	await codesSection.getByRole('button', { name: 'Check and save the code table' }).click();
	await expect(codesSection.getByRole('status')).toHaveText(
		'Saved “Alphabetical codes”: 31 codes. It now matches this file’s regions.'
	);
	await expect(problems).toHaveCount(0);
	await expect(page.getByText(/^31 matched, 0 ambiguous, 0 unmatched/)).toBeVisible();
	const firstIso = alphabetical[0]!.iso;
	const seventh = alphabetical[6]!;
	await expect(reviewRow(page, '1')).toContainText(
		'Matched (your code table “Alphabetical codes”)'
	);
	await expect(reviewRow(page, '1').getByRole('combobox')).toHaveValue(firstIso);
	await expect(reviewRow(page, '7').getByRole('combobox')).toHaveValue(seventh.iso);
	// Every code now has its region: without the table, 27 … 31 are no NBS codes and their 20
	// rows would be kept aside.
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 120_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		'124 data rows read: 124 loaded, 0 kept aside.'
	);

	// Kept across a reload and offered for the next file, not applied until chosen.
	await page.reload();
	const next = householdRecode('own_codes_2023.csv', codes, ['2', '1']);
	await toRegionStep(page, next);
	await expect(reviewRow(page, '27')).toContainText('Unmatched');
	const saved = codesSection.getByRole('radio', { name: 'Alphabetical codes (31 codes)' });
	await expect(saved).not.toBeChecked();
	await expect(codesSection.getByRole('radio', { name: 'No code table' })).toBeChecked();
	await expect(reviewRow(page, '1').getByRole('combobox')).toHaveValue('TZ-03');
	await saved.check();
	await expect(reviewRow(page, '1').getByRole('combobox')).toHaveValue(firstIso);
	await expect(reviewRow(page, '7')).toContainText('your code table “Alphabetical codes”');

	await codesSection
		.getByRole('button', { name: 'Remove the code table “Alphabetical codes”' })
		.click();
	await expect(saved).toHaveCount(0);
	await expect(reviewRow(page, '1')).toContainText('NBS code written as a number (1)');
	await page.reload();
	await toRegionStep(page, next);
	await expect(codesSection.getByRole('radio')).toHaveCount(0);
});

test('the code-table form works at 375 px, by keyboard, with no axe violations', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 667 });
	const regions = await regionTable();
	await toRegionStep(
		page,
		householdRecode(
			'phone_codes_2022.csv',
			regions.map((_, i) => String(i + 1)),
			['1', '2']
		)
	);
	const codesSection = page.getByRole('region', { name: 'Region codes of your own' });
	const summary = codesSection.getByText('Add a code table');
	await summary.focus();
	await page.keyboard.press('Enter');
	const name = codesSection.getByLabel('Name of the code table');
	await expect(name).toBeVisible();
	await name.focus();
	await page.keyboard.type('Phone survey');
	await page.keyboard.press('Tab');
	await page.keyboard.type('1,Dodoma\n1,Arusha');
	await page.keyboard.press('Tab'); // the file input
	await page.keyboard.press('Tab');
	await expect(
		codesSection.getByRole('button', { name: 'Check and save the code table' })
	).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(codesSection.getByRole('alert')).toContainText(
		'Code “1” is given to two regions: Dodoma on line 1 and Arusha on line 2.'
	);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(
		0
	);
	const results = await new AxeBuilder({ page })
		.include('section[aria-labelledby="codes-title"]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('in Kiswahili, step 4 names the survey-label rule and offers code tables', async ({
	page
}) => {
	const regions = await regionTable();
	const labels = regions.map((r) => (r.iso === 'TZ-07' ? 'north unguja' : r.name.toLowerCase()));
	await page.goto('/datasets/?lang=sw');
	const input = page.getByLabel('Faili la CSV, TSV au lililotenganishwa kwa nukta-mkato');
	await expect(input).toBeEnabled({ timeout: 90_000 });
	await input.setInputFiles(householdRecode('tzhr_sw_2022.csv', labels, ['urban', 'rural']));
	const stepSw = (n: number) =>
		page.getByRole('heading', { name: new RegExp(`^Hatua ${n} kati ya 5: `) });
	await expect(stepSw(2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Endelea' }).click();
	await expect(stepSw(3)).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Endelea' }).click();
	await expect(stepSw(4)).toBeVisible({ timeout: 60_000 });
	await expect(
		page
			.getByRole('table', { name: 'Linganisha majina ya mikoa' })
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: 'north unguja', exact: true }) })
	).toContainText('Imelingana (lebo ya utafiti, kama DHS inavyoandika hv024/v024)');
	const codes = page.getByRole('region', { name: 'Misimbo yako ya mikoa' });
	await codes.getByText('Ongeza jedwali la misimbo').click();
	await codes.getByLabel('Jina la jedwali la misimbo').fill('Jaribio');
	await codes.getByLabel(/^Jedwali la misimbo: mstari mmoja/).fill('1,Atlantis');
	await codes.getByRole('button', { name: 'Kagua na uhifadhi jedwali la misimbo' }).click();
	await expect(codes.getByRole('alert')).toContainText(
		'Mstari 1: “Atlantis” halilingani na mkoa wowote kati ya 31.'
	);
});
