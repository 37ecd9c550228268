import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { download, pngInfo, unzipData } from './downloads';
import { expect, REGION_NAMES, test } from './fixtures';

/**
 * The Download menus of the profile, compare, services and index views, and the explorer's in
 * Kiswahili and with a national figure, checked through the files a person gets.
 */

const SYNTHETIC = 'Synthetic demonstration data, not official statistics';
const percent = new Intl.NumberFormat('en-GB', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});
const pct = (v: string | undefined) => percent.format(Number(v));

/**
 * The SVG of a section: parsed by the browser, with the title and footer; then its PNG, checked to
 * be the same document at twice the size and not blank. Returns the SVG text.
 */
async function checkImages(
	page: Page,
	section: Locator,
	what: 'chart' | 'table',
	title: string
): Promise<string> {
	const svg = await download(page, section, new RegExp(`^SVG of the ${what}`));
	expect(svg.name).toMatch(new RegExp(`^pengo-[a-z0-9-]+-${what}\\.svg$`));
	const text = svg.bytes.toString('utf8');
	const parsed = await page.evaluate((t) => {
		const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
		return {
			ok: doc.querySelector('parsererror') === null,
			title: doc.querySelector('svg > title')?.textContent ?? '',
			// The title and the footer as drawn, perhaps wrapped over several lines.
			drawn: [...doc.querySelectorAll('svg > text[font-size="18"]')]
				.map((t) => t.textContent)
				.join(' '),
			footer: [...doc.querySelectorAll('svg > text[font-size="10"]')]
				.map((t) => t.textContent)
				.join(' ')
		};
	}, text);
	expect(parsed).toMatchObject({ ok: true, title, drawn: title });
	expect(parsed.footer).toMatch(/^(.+ )?Source: .+\. Licence: .+\./);
	expect(parsed.footer).toMatch(/Made with Pengo · Exported \d{4}-\d{2}-\d{2}$/);
	expect(text).not.toContain('tabindex');

	const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)![1]);
	const height = Number(/<svg[^>]* height="(\d+)"/.exec(text)![1]);
	const png = await download(page, section, new RegExp(`^PNG image of the ${what}`));
	expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
	const info = pngInfo(png.bytes);
	expect([info.width, info.height]).toEqual([2 * width, 2 * height]);
	expect(info.distinctBytes).toBeGreaterThan(20);
	return text;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

test('region profile: the dot chart as SVG and PNG, and every figure of the tables as data', async ({
	page
}) => {
	await page.goto('/region/TZ-03/');
	const women = page.getByRole('region', { name: 'Women who own a mobile phone' });
	await expect(women.getByRole('table')).toBeVisible({ timeout: 45_000 });
	const chart = page.getByRole('region', { name: /^Urban, rural and total, latest year/ });

	const svg = await checkImages(
		page,
		chart,
		'chart',
		'Dodoma: Urban, rural and total, latest year (indicators in percent)'
	);
	// The survey indicators are synthetic: the label is in the footer, in bold.
	expect(svg).toMatch(new RegExp(`font-weight="bold"[^>]*>${SYNTHETIC}</text>`));
	// Row labels keep their lines: text in <tspan>s, as drawn.
	expect(svg).toMatch(/<tspan [^>]*>Women who own a mobile phone/);
	// One square total mark per indicator drawn, as on the page (the key adds one more to both).
	const drawn = await chart
		.getByRole('img')
		.evaluate((el) => el.querySelectorAll('rect.total').length);
	expect(drawn).toBeGreaterThan(5);
	expect(count(svg, /<rect [^>]*class="total"/g)).toBe(drawn);

	const data = unzipData((await download(page, chart, /^Data/)).bytes);
	expect(data.name).toBe('pengo-profile-tz-03.csv');
	expect(data.readme).toContain('Dodoma region, Tanzania');
	expect(data.readme).toContain('- women_mobile_phone: Women who own a mobile phone.');
	const row = (indicator: string, year: string, code = 'TZ-03') =>
		data.rows.find(
			(r) => r.indicator_id === indicator && r.year === year && r.region_code === code
		)!;
	const rowOf = (section: Locator, header: string) =>
		section
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });

	// The women's series as its table shows it: value (lower–upper) per round, rank and change.
	for (const [year, column] of [
		['2016', 1],
		['2022', 2]
	] as const) {
		const r = row('women_mobile_phone', year);
		expect(r.source_ids).toBe('dhs-2015-16-2022-uw-sae');
		await expect(
			rowOf(women, 'Total')
				.getByRole('cell')
				.nth(column - 1)
		).toHaveText(`${pct(r.total)}% (${pct(r.total_lower)}–${pct(r.total_upper)})`);
	}
	expect([
		row('women_mobile_phone', '2022').rank,
		row('women_mobile_phone', '2022').ranked_regions
	]).toEqual(['12', '31']);
	expect(Number(row('women_mobile_phone', '2022').change)).toBeCloseTo(22.7, 6);

	// A survey indicator: its national figure is a row of its own, as the table's National row.
	const mobile = page.getByRole('region', { name: 'Households owning a mobile phone (synthetic)' });
	const latestYear = data.rows
		.filter((r) => r.indicator_id === 'hh_owns_mobile')
		.map((r) => r.year)
		.sort()
		.at(-1)!;
	const national = row('hh_owns_mobile', latestYear, 'TZ');
	expect(national.region_name).toBe('Tanzania (national)');
	const nationalText =
		national.total_lower === ''
			? `${pct(national.total)}%`
			: `${pct(national.total)}% (${pct(national.total_lower)}–${pct(national.total_upper)})`;
	await expect(rowOf(mobile, 'National (Tanzania)').getByRole('cell').last()).toHaveText(
		nationalText
	);
	const own = row('hh_owns_mobile', latestYear);
	await expect(rowOf(mobile, 'Urban').getByRole('cell').last()).toHaveText(
		`${pct(own.urban)}% (${pct(own.urban_lower)}–${pct(own.urban_upper)})`
	);
	expect(Number(own.gap)).toBeCloseTo(Number(own.urban) - Number(own.rural), 9);
});

test('compare: each indicator’s table as SVG and PNG, and its rows as data with the national row', async ({
	page
}) => {
	await page.goto('/compare/?regions=TZ-03,TZ-02');
	const women = page.getByRole('region', { name: 'Women who own a mobile phone (2022)' });
	await expect(women.getByRole('table')).toBeVisible({ timeout: 45_000 });

	const svg = await checkImages(
		page,
		women,
		'table',
		'Women who own a mobile phone, 2022: the chosen regions side by side'
	);
	expect(count(svg, /<g [^>]*class="table-row"/g)).toBe(2);
	for (const name of ['Dodoma', 'Dar es Salaam', '61.6% (53.4–69.2)', '12 of 31'])
		expect(svg).toContain(`>${name}</text>`);

	const data = unzipData((await download(page, women, /^Data/)).bytes);
	expect(data.rows.map((r) => r.region_code)).toEqual(['TZ-03', 'TZ-02']);
	for (const r of data.rows) {
		const tableRow = women.getByRole('row', { name: new RegExp(`^${r.region_name}\\b`) });
		await expect(tableRow.getByRole('cell').first()).toHaveText(
			`${pct(r.total)}% (${pct(r.total_lower)}–${pct(r.total_upper)})`
		);
	}

	// A survey indicator has a national figure: drawn in the image and in the data.
	const mobile = page.getByRole('region', {
		name: /^Households owning a mobile phone \(synthetic\)/
	});
	const mobileSvg = (await download(page, mobile, /^SVG of the table/)).bytes.toString('utf8');
	expect(count(mobileSvg, /<g [^>]*class="table-row"/g)).toBe(3);
	expect(mobileSvg).toContain('data-iso="TZ"');
	expect(mobileSvg).toMatch(new RegExp(`font-weight="bold"[^>]*>${SYNTHETIC}</text>`));
	const mobileData = unzipData((await download(page, mobile, /^Data/)).bytes);
	expect(mobileData.rows.map((r) => r.region_code)).toEqual(['TZ-03', 'TZ-02', 'TZ']);
	const national = mobileData.rows[2]!;
	const cells = mobile.getByRole('row', { name: /^National \(Tanzania\)/ }).getByRole('cell');
	await expect(cells.nth(1)).toHaveText(
		national.urban_lower === ''
			? `${pct(national.urban)}%`
			: `${pct(national.urban)}% (${pct(national.urban_lower)}–${pct(national.urban_upper)})`
	);
});

test('services: the scatter as SVG (with the synthetic label) and PNG, its points as data', async ({
	page
}) => {
	await page.goto('/services/');
	const scatter = page.getByRole('group', { name: /^Scatter chart of/ });
	await expect(scatter.getByRole('button')).toHaveCount(63, { timeout: 45_000 });
	const chart = page.getByRole('region', { name: /Households that used GePG against/ });

	const svg = await checkImages(
		page,
		chart,
		'chart',
		'Households that used GePG against Households owning a smartphone, 2024'
	);
	expect(svg).toMatch(new RegExp(`font-weight="bold"[^>]*>${SYNTHETIC}</text>`));
	// One mark per point drawn: 61 regional and 2 national.
	expect(count(svg, /<g [^>]*class="point /g)).toBe(63);
	expect(count(svg, /<g [^>]*class="point [^"]*national/g)).toBe(2);

	const data = unzipData((await download(page, chart, /^Data/)).bytes);
	expect(data.name).toBe('pengo-services-gepg-smartphone-2024.csv');
	expect(data.readme).toContain(`!! ${SYNTHETIC}`);
	expect(data.readme).toContain('Across (x): Households owning a smartphone.');
	expect(data.rows).toHaveLength(64);
	expect(data.rows.filter((r) => r.drawn === 'true')).toHaveLength(63);
	const dar = data.rows.find((r) => r.region_name === 'Dar es Salaam' && r.area === 'rural')!;
	expect([dar.drawn, dar.note, dar.x_value]).toEqual(['false', 'no rural sample', '']);
	expect(data.rows.slice(-2).map((r) => [r.region_name, r.area])).toEqual([
		['Tanzania (national)', 'urban'],
		['Tanzania (national)', 'rural']
	]);
	expect(new Set(data.rows.map((r) => r.region_name))).toEqual(
		new Set([...REGION_NAMES, 'Tanzania (national)'])
	);

	// Against the table: the same values and intervals, row for row.
	const table = page.getByRole('table', { name: /by region, urban and rural/ });
	const shown = await table
		.locator('tbody')
		.getByRole('row')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);
	const estimate = (v?: string, lo?: string, hi?: string) => `${pct(v)}% (${pct(lo)}–${pct(hi)}%)`;
	for (const r of data.rows.filter((row) => row.drawn === 'true')) {
		const name = r.region_code === 'TZ' ? 'Tanzania (national)' : r.region_name;
		const area = r.area === 'urban' ? 'Urban' : 'Rural';
		const cells = shown.find((c) => c[0] === name && c[1] === area);
		expect(cells, `${name} ${area}`).toEqual([
			name,
			area,
			estimate(r.x_value, r.x_lower, r.x_upper),
			estimate(r.y_value, r.y_lower, r.y_upper)
		]);
	}
});

test('divide index: the ranked bars as SVG and PNG, the index and its components as data', async ({
	page
}) => {
	await page.goto('/divide-index/');
	const bars = page
		.getByRole('group', { name: /^Ranked bars of the composite divide index/ })
		.getByRole('button');
	await expect(bars).toHaveCount(31, { timeout: 45_000 });
	const chart = page.getByRole('region', { name: 'Divide index by region, 2024' });

	const svg = await checkImages(page, chart, 'chart', 'Divide index by region, 2024');
	expect(count(svg, /<g [^>]*class="row mark/g)).toBe(31);
	expect(svg).toMatch(new RegExp(`font-weight="bold"[^>]*>${SYNTHETIC}</text>`));

	const data = unzipData((await download(page, chart, /^Data/)).bytes);
	expect(data.name).toBe('pengo-divide-index-2024.csv');
	expect(Object.keys(data.rows[0]!)).toEqual(
		expect.arrayContaining(['hh_owns_mobile_gap_value', 'hh_owns_mobile_gap_score', 'source_ids'])
	);
	expect(data.readme).toContain(
		'Gap: Households owning a mobile phone (synthetic): weight 1, 2024'
	);
	// The bars' accessible names carry rank and index as drawn: the CSV holds the same, in order.
	const labels = await bars.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
	expect(data.rows).toHaveLength(31);
	for (const [i, r] of data.rows.entries()) {
		if (r.rank === '') {
			expect(labels[i]).toBe(`${r.region_name}: not enough data`);
			expect(r.note).toBe('not enough data');
		} else
			expect(labels[i]).toBe(
				`${r.region_name}: ${Number(r.index).toFixed(2)}, rank ${r.rank} of 30 by the index`
			);
	}
});

/** The explorer's chart section in either language, once its 31 rows are drawn. */
async function openExplorer(page: Page, query: string): Promise<Locator> {
	await page.goto(`/${query}`);
	const section = page.getByRole('region', { name: /(by region|kwa mkoa)/ });
	await expect(section.getByRole('group').getByRole('button')).toHaveCount(31, {
		timeout: 45_000
	});
	return section;
}

test('explorer data: the national figure the chart draws is the last row, as in the source file', async ({
	page
}) => {
	const chart = await openExplorer(page, '?indicator=active_sims');
	// Independent: the national row of data/indicators.csv, read here and not through the app.
	const source = Papa.parse<Record<string, string>>(await readFile('data/indicators.csv', 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data.find(
		(r) => r.indicator_id === 'active_sims' && r.geo_level === 'national' && r.area === 'total'
	)!;
	const data = unzipData((await download(page, chart, /^Data/)).bytes);
	const regions = data.rows.filter((r) => r.region_code !== 'TZ');
	const national = data.rows.at(-1)!;
	expect(regions.length).toBeGreaterThan(20);
	expect(data.rows).toHaveLength(regions.length + 1);
	expect([national.region_code, national.region_name, national.measure]).toEqual([
		'TZ',
		'Tanzania (national)',
		'total'
	]);
	expect(Number(national.value)).toBe(Number(source.value));
	expect(national.year).toBe(source.year);
	// The nation's total dwarfs every region: the axis keeps to the regions and the chart states
	// the national figure beside it instead of drawing it off the scale.
	await expect(chart.getByText('National: 56,153,097, beyond the axis')).toBeVisible();
});

test('exports made in Kiswahili carry Kiswahili words: title, footer, README and CSV', async ({
	page
}) => {
	const chart = await openExplorer(page, '?lang=sw');
	const svg = (await download(page, chart, /^SVG ya chati/)).bytes.toString('utf8');
	const drawn = await page.evaluate((t) => {
		const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
		const lines = (size: string) =>
			[...doc.querySelectorAll(`svg > text[font-size="${size}"]`)]
				.map((e) => e.textContent)
				.join(' ');
		return { title: lines('18'), subtitle: lines('12'), footer: lines('10') };
	}, svg);
	expect(drawn.title).toMatch(/^Wanawake wanaomiliki simu ya mkononi: /);
	expect(drawn.subtitle).toContain('Asilimia ya wanawake wenye umri wa miaka 15-49');
	expect(drawn.footer).toMatch(/^Chanzo: .+\. Leseni: .+\./);
	expect(drawn.footer).toMatch(/Imetengenezwa kwa Pengo · Imepakuliwa \d{4}-\d{2}-\d{2}$/);
	expect(drawn.footer).not.toMatch(/Made with|Exported|Source:|Licence:/);

	const data = unzipData((await download(page, chart, /^Takwimu/)).bytes);
	expect(data.readme).toMatch(/^Wanawake wanaomiliki simu ya mkononi: /);
	expect(data.readme).toContain('Ufafanuzi: Asilimia ya wanawake wenye umri wa miaka 15-49');
	expect(data.readme).toContain('Vyanzo:');
	expect(data.readme).toContain('Eneo: Tanzania, mikoa 31');
	expect(data.readme).toMatch(/Imetengenezwa kwa Pengo · Imepakuliwa \d{4}-\d{2}-\d{2}/);
	expect(data.metadata.language).toBe('sw');
	expect(data.rows).toHaveLength(31);

	// A view with a national row names it in Kiswahili too.
	const sims = await openExplorer(page, '?lang=sw&indicator=active_sims');
	const simsData = unzipData((await download(page, sims, /^Takwimu/)).bytes);
	expect(simsData.rows.at(-1)!.region_name).toBe('Tanzania (kitaifa)');
	expect(simsData.readme).toMatch(/^Laini za simu zinazotumika: /);
});
