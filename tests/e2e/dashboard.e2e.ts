import {
	chartRows,
	chartSection,
	expect,
	mapFills,
	mapImage,
	openDashboard,
	REGION_NAMES,
	rowLabels,
	settledMapSignature,
	sharePage,
	test,
	waitForData,
	withoutSummary
} from './fixtures';
import type { Page } from '@playwright/test';

const SYNTHETIC_BADGE = 'Synthetic demonstration data, not official statistics';

const mapSection = (page: Page) => page.getByRole('region', { name: 'Map of the 31 regions' });
const viewTitle = (page: Page) => page.getByRole('heading', { level: 1 });
const rowFor = (page: Page, region: string) =>
	chartRows(page).filter({ has: page.getByText(region, { exact: true }) });
const selectedSection = (page: Page) => page.getByRole('region', { name: 'Selected region' });

// The first screen, loaded once: the first test only reads it, the second then selects regions.
test.describe(() => {
	const firstScreen = sharePage(async (page) => {
		await openDashboard(page);
	});

	test('first screen: women’s phone ownership 2022 on a coloured map and a 31-row chart', async () => {
		const page = firstScreen.page;

		await expect(viewTitle(page)).toContainText('Women who own a mobile phone');
		await expect(viewTitle(page)).toContainText('2022');
		await expect(page.getByLabel('Year')).toHaveValue('2022');

		const fills = await mapFills(page);
		expect(fills.size, `map fill colours: ${[...fills.keys()].join(', ')}`).toBeGreaterThanOrEqual(
			4
		);

		await expect(
			chartSection(page).getByRole('heading', { name: 'Total by region, ranked' })
		).toBeVisible();
		await expect(chartRows(page)).toHaveCount(31);
		for (const region of ['Songwe', 'Njombe', 'Katavi', 'Simiyu', 'Geita']) {
			await expect(chartRows(page).filter({ hasText: region }), region).toHaveCount(1);
			const labels = await rowLabels(page);
			expect(
				labels.filter((l) => l.startsWith(`${region}:`)),
				region
			).toHaveLength(1);
		}
		// Each row names its region first, and every region appears once.
		const names = (await rowLabels(page)).map((l) => l.split(':')[0]);
		expect([...names].sort()).toEqual([...REGION_NAMES].sort());

		await expect(page.getByText(SYNTHETIC_BADGE)).toHaveCount(0);
		await expect(mapSection(page).getByText(/^Source:.*\bDHS\b/)).toBeVisible();
		await expect(chartSection(page).getByText(/^Source:.*\bDHS\b/)).toBeVisible();
	});

	test('hovering and clicking the map, and clicking or pressing Enter on a chart row, select a region', async () => {
		const page = firstScreen.page;
		await expect(selectedSection(page)).toHaveCount(0);

		const box = await mapImage(page).boundingBox();
		expect(box).not.toBeNull();
		// The centre of the framed map lies inside mainland Tanzania; try a few nearby points in case
		// it falls on a border.
		const tooltip = page.getByRole('tooltip');
		let hovered: { x: number; y: number } | null = null;
		for (const [dx, dy] of [
			[0, 0],
			[0.05, 0.05],
			[-0.08, 0],
			[0, -0.08],
			[0.1, 0.1]
		] as const) {
			const point = { x: box!.x + box!.width * (0.5 + dx), y: box!.y + box!.height * (0.5 + dy) };
			await page.mouse.move(point.x, point.y, { steps: 4 });
			// The centre is nearly always inside a region: it gets the whole expect timeout (a busy
			// machine may take seconds to answer a hover); the fallbacks are for a centre on water.
			const first = dx === 0 && dy === 0;
			const shown = await tooltip
				.waitFor({ state: 'visible', timeout: first ? 20_000 : 3_000 })
				.then(() => true)
				.catch(() => false);
			if (shown) {
				hovered = point;
				break;
			}
		}
		expect(hovered, 'a tooltip appears over the map').not.toBeNull();
		const firstLine = (await tooltip.innerText()).split('\n')[0]!.trim();
		const hoveredName = firstLine.replace(/ \(.*\)$/, '');
		expect(REGION_NAMES, `tooltip title "${firstLine}"`).toContain(hoveredName);

		await page.mouse.click(hovered!.x, hovered!.y);
		await expect(selectedSection(page)).toBeVisible();
		await expect(selectedSection(page).getByText(firstLine, { exact: true })).toBeVisible();
		await expect(rowFor(page, hoveredName)).toHaveAttribute('aria-pressed', 'true');

		const other = hoveredName === 'Njombe' ? 'Geita' : 'Njombe';
		await rowFor(page, other).click();
		await expect(selectedSection(page).getByText(other, { exact: true })).toBeVisible();
		await expect(rowFor(page, other)).toHaveAttribute('aria-pressed', 'true');
		await expect(rowFor(page, hoveredName)).toHaveAttribute('aria-pressed', 'false');

		// Keyboard: Tab from the row just clicked reaches the next row; Enter selects it.
		const labels = await rowLabels(page);
		const next = labels[labels.findIndex((l) => l.startsWith(`${other}:`)) + 1]!.split(':')[0]!;
		await rowFor(page, other).focus();
		await page.keyboard.press('Tab');
		await expect(rowFor(page, next)).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(selectedSection(page).getByText(next, { exact: true })).toBeVisible();
		await expect(rowFor(page, next)).toHaveAttribute('aria-pressed', 'true');
	});
});

test('changing the measure and then the indicator redraws the map and the chart', async ({
	page
}) => {
	const totalMap = await openDashboard(page);
	const totalRows = await rowLabels(page);

	const measure = page.getByLabel('Measure');
	await expect(measure.getByRole('option', { name: 'Change since 2015-16' })).toHaveCount(1);
	await measure.selectOption({ label: 'Change since 2015-16' });

	await expect(viewTitle(page)).toContainText('Change since 2015-16');
	await expect(
		chartSection(page).getByRole('heading', { name: 'Change since 2015-16 by region, ranked' })
	).toBeVisible();
	await expect(chartRows(page)).toHaveCount(31);
	await expect.poll(() => rowLabels(page)).not.toEqual(totalRows);
	const changeRows = await rowLabels(page);
	expect(
		changeRows.some((l) => /pp\b/.test(l)),
		'change rows are in percentage points'
	).toBe(true);
	const changeMap = await settledMapSignature(page, { differentFrom: totalMap });

	await page.getByLabel('Indicator').selectOption({ label: 'Active SIM cards' });

	await expect(viewTitle(page)).toContainText('Active SIM cards');
	await waitForData(page);
	await expect.poll(() => rowLabels(page)).not.toEqual(changeRows);
	// Two classes cover the regions (Dar es Salaam's, the third, is too small to count); Simiyu
	// and Zanzibar have no data, drawn pink under a hatching that blends every pixel.
	await settledMapSignature(page, { differentFrom: changeMap, minFills: 2 });

	await expect(rowFor(page, 'Simiyu')).toHaveAttribute('aria-label', /^Simiyu: no data$/);
	await expect(rowFor(page, 'Simiyu')).toContainText('no data');
	await expect(
		page.getByText(/Zanzibar is reported only as island totals in this source/)
	).toBeVisible();
	await expect(page.getByText(SYNTHETIC_BADGE)).toHaveCount(0);
});

test('the urban–rural button shows the dumbbell chart sorted by gap, marked synthetic', async ({
	page
}) => {
	const firstMap = await openDashboard(page);

	await page.getByRole('button', { name: 'Show the urban–rural gap (synthetic survey)' }).click();

	await expect(
		chartSection(page).getByRole('heading', { name: 'Urban and rural, by region, sorted by gap' })
	).toBeVisible();
	await expect(chartRows(page)).toHaveCount(31);
	await expect(viewTitle(page)).toContainText('Gap');
	await settledMapSignature(page, { differentFrom: firstMap });

	const labels = await rowLabels(page);
	const gaps = labels.map((label) => {
		if (/no data$/.test(label)) return null;
		// "…, Gap (urban − rural) +12.6 pp" and possibly ", not significant (…)" after it.
		const match = /Gap \(urban − rural\) ([+\-−]?\d+(?:\.\d+)?) pp/.exec(label);
		expect(match, `gap text in "${label}"`).not.toBeNull();
		return Number(match![1]!.replace('−', '-').replace('+', ''));
	});
	const known = gaps.filter((g): g is number => g !== null);
	expect(known.length, 'rows with a gap').toBeGreaterThan(20);
	// "no data" rows come last, after every row with a value.
	expect(gaps.slice(0, known.length)).toEqual(known);
	for (let i = 1; i < known.length; i++) {
		expect(known[i]!, `row ${i + 1} (${labels[i]}) after ${labels[i - 1]}`).toBeLessThanOrEqual(
			known[i - 1]!
		);
	}

	await expect(mapSection(page).getByText(SYNTHETIC_BADGE)).toBeVisible();
	await expect(chartSection(page).getByText(SYNTHETIC_BADGE)).toBeVisible();
});

test('no request leaves the origin, and the page carries a strict Content-Security-Policy', async ({
	page,
	guard
}) => {
	const bundled: string[] = [];
	page.on('request', (r) => {
		if (/\.csv(\?|$)/.test(r.url())) bundled.push(new URL(r.url()).pathname);
	});
	const response = await page.goto('/');
	expect(response?.ok()).toBe(true);
	const html = await response!.text();

	const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
	expect(meta, 'CSP meta tag in the served HTML').not.toBeNull();
	const directives = new Map(
		meta![1]!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name!, values])
	);
	expect(directives.get('connect-src')).toEqual(["'self'"]);
	expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
	expect(meta![1]).not.toContain("'unsafe-eval'");
	expect(directives.get('default-src')).toEqual(["'self'"]);
	// Style elements only from our own files; inline style attributes are the one concession.
	expect(directives.get('style-src')).toEqual(["'self'"]);

	await waitForData(page);
	await settledMapSignature(page);
	await page.getByRole('button', { name: 'Show the urban–rural gap (synthetic survey)' }).click();
	await expect(
		chartSection(page).getByRole('heading', { name: 'Urban and rural, by region, sorted by gap' })
	).toBeVisible();

	// The views above need no engine; the SQL panel starts it, and it loads the bundled CSVs.
	await page.getByRole('link', { name: 'SQL queries', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({
		timeout: 60_000
	});
	expect(bundled.length, 'bundled CSVs fetched').toBeGreaterThanOrEqual(3);
	for (const path of bundled)
		expect(path).toMatch(/^\/_app\/immutable\/assets\/[\w-]+\.[\w-]+\.csv$/);
	expect(guard.foreignRequests).toEqual([]);
	expect(guard.cspViolations).toEqual([]);

	// The policy is enforced, not only written: a fetch elsewhere is refused by the browser.
	guard.tolerate(/example\.invalid/);
	const outcome = await page.evaluate(() =>
		fetch('https://example.invalid/probe').then(
			() => 'fetched',
			() => 'refused'
		)
	);
	expect(outcome).toBe('refused');
	await expect
		.poll(() => guard.cspViolations.some((m) => m.includes('example.invalid')))
		.toBe(true);
});

test('a malformed number in regions.csv is reported with file, line, column and value', async ({
	page
}) => {
	await withoutSummary(page);
	await page.route('**/regions.*.csv', async (route) => {
		const response = await route.fetch();
		const lines = (await response.text()).split('\n');
		expect(lines[1], 'line 2 is Dodoma').toMatch(/^01,TZ-03,Dodoma,/);
		const fields = lines[1]!.split(',');
		fields[5] = '12x4'; // population_2022
		lines[1] = fields.join(',');
		await route.fulfill({ response, body: lines.join('\n') });
	});
	await page.goto('/');

	const alert = page.getByRole('alert').filter({ hasText: 'The data could not be loaded' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('regions.csv');
	await expect(alert).toContainText('line 2');
	await expect(alert).toContainText('population_2022');
	await expect(alert).toContainText('12x4');
	await expect(page.getByRole('banner')).toContainText('Pengo');
	await expect(page.getByLabel('Indicator')).toBeVisible();
});

test('a ragged row in indicators.csv is reported, naming the file', async ({ page }) => {
	await withoutSummary(page);
	await page.route('**/indicators.*.csv', async (route) => {
		const response = await route.fetch();
		const lines = (await response.text()).split('\n');
		lines[1] = `${lines[1]},extra`;
		await route.fulfill({ response, body: lines.join('\n') });
	});
	await page.goto('/');

	const alert = page.getByRole('alert').filter({ hasText: 'The data could not be loaded' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('indicators.csv');
	await expect(alert).toContainText('line 2');
	await expect(page.getByRole('banner')).toContainText('Pengo');
});
