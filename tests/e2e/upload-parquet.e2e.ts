import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { expect, settledMapSignature, test, waitForData } from './fixtures';
import { addSection, checkAndLoad, chooseFile, step } from './uploadSteps';

// Reading, staging, checking and loading 34,000 rows, then a reload that rebuilds them.
test.describe.configure({ timeout: 240_000 });

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-results', 'parquet-upload');
const PARQUET = join(OUT, 'survey-synthetic.parquet');
const SURVEY_CSV = join(ROOT, 'data/survey-synthetic.csv');

/**
 * Weighted shares (%) of households owning a mobile phone in Mbeya, by year: the file writes the
 * region as MBEYA, Mbeya and 'Mbeya (since 2016)'.
 */
let shares: { year: number; total: number; urban: number }[] = [];

/** The survey with twelve more text columns no role reads, as a deployer might put it on the site. */
const SITE_FILE = 'pengo-e2e-census.parquet';
const SITE_PATH = join(ROOT, 'build', SITE_FILE);

/**
 * data/survey-synthetic.csv written as Parquet by native DuckDB, its columns typed (integers,
 * doubles, text), zstd-compressed in row groups of 5,000 rows; and the estimates the page must
 * show, worked out from the CSV.
 */
test.beforeAll(async () => {
	mkdirSync(OUT, { recursive: true });
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run(
		`COPY (SELECT * FROM read_csv('${SURVEY_CSV}')) TO '${PARQUET}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 5000)`
	);
	const filler = Array.from(
		{ length: 12 },
		(_, k) => `substr(md5(hh_id::VARCHAR || '-${k}'), 1, 16) AS note_${k + 1}`
	).join(', ');
	await conn.run(
		`COPY (SELECT *, ${filler} FROM read_csv('${SURVEY_CSV}')) TO '${SITE_PATH}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2500)`
	);
	const reader = await conn.runAndReadAll(`SELECT year,
		100 * sum(weight * owns_mobile) / sum(weight) AS total,
		100 * sum(weight * owns_mobile) FILTER (residence = 'Urban') / sum(weight) FILTER (residence = 'Urban') AS urban
	FROM read_csv('${SURVEY_CSV}') WHERE region ILIKE 'mbeya%' GROUP BY year ORDER BY year`);
	shares = reader.getRowObjectsJS().map((r) => ({
		year: Number(r.year),
		total: Number(r.total),
		urban: Number(r.urban)
	}));
	conn.closeSync();
	db.closeSync();
});

test.afterAll(() => rmSync(SITE_PATH, { force: true }));

/** Mbeya's row of the explorer's table shows `expected` (weighted shares, %), to one decimal. */
async function mbeyaShows(page: Page, expected: { total: number; urban: number }): Promise<void> {
	// Guard the comparison itself: the shares must not sit on a rounding boundary.
	for (const share of [expected.total, expected.urban])
		expect(Math.abs(((share * 10) % 1) - 0.5)).toBeGreaterThan(0.01);
	const percent = new Intl.NumberFormat('en', {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	await page.getByRole('button', { name: 'Table' }).click();
	const table = page.getByRole('table');
	// After a reload the dataset is rebuilt from its stored original first.
	await expect(table.getByRole('row')).toHaveCount(32, { timeout: 90_000 });
	const cells = table.getByRole('row', { name: /^Mbeya\b/ }).getByRole('cell');
	await expect(cells.nth(0)).toHaveText(`${percent.format(expected.total)}%`);
	await expect(cells.nth(2)).toHaveText(`${percent.format(expected.urban)}%`);
}

/** The report's item, opened on the map: returns the year the explorer shows and its shares. */
async function showOwnsMobile(page: Page) {
	const item = addSection(page)
		.getByRole('listitem')
		.filter({ hasText: /^owns_mobile – / });
	await item.getByRole('link', { name: 'Show on the map' }).click();
	await waitForData(page);
	const title = page.getByRole('heading', { level: 1 });
	await expect(title).toContainText(/owns_mobile: Total, 20\d\d/);
	const year = Number(/(20\d\d)/.exec((await title.textContent()) ?? '')?.[1]);
	await settledMapSignature(page);
	return { year, expected: shares.find((s) => s.year === year)! };
}

test('a Parquet survey goes through all five steps to the map and table, and comes back after a reload', async ({
	page
}) => {
	await page.goto('/datasets/');
	await chooseFile(page, PARQUET);
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	// No dialect to choose: what the footer says, and the first rows as they will be read.
	await expect(
		page.getByText('Parquet file: 14 columns and 34,000 rows, as its footer states.')
	).toBeVisible();
	await expect(page.getByLabel('Delimiter')).toHaveCount(0);
	const preview = page.getByRole('region', { name: 'Preview' }).getByRole('table');
	await expect(preview.getByRole('columnheader', { name: 'owns_mobile' })).toBeVisible();
	await expect(
		preview.getByRole('row', { name: /^2 202100001 2021 DODOMA Urban 895\.8752 1/ })
	).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(step(page, 3)).toBeVisible({ timeout: 120_000 });
	await expect(page.getByLabel('Survey microdata')).toBeChecked();
	await expect(page.getByLabel('Role of column region')).toHaveValue('region');
	await expect(page.getByLabel('Role of column residence')).toHaveValue('area');
	await expect(page.getByLabel('Role of column weight')).toHaveValue('weight');
	await expect(page.getByLabel('Role of column owns_mobile')).toHaveValue('item');
	await page.getByRole('button', { name: 'Continue' }).click();

	await checkAndLoad(page, 77, '34,000 data rows read: 34,000 loaded, 0 kept aside.');
	const { year, expected } = await showOwnsMobile(page);
	await mbeyaShows(page, expected);

	// A fresh page: DuckDB starts empty and the dataset is rebuilt from the stored Parquet file.
	// The table view is in the address, so the page opens on it.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		`owns_mobile: Total, ${year}`,
		{ timeout: 90_000 }
	);
	await mbeyaShows(page, expected);
	await page.goto('/datasets/');
	const row = page
		.getByRole('region', { name: 'Uploaded datasets' })
		.getByRole('row', { name: /survey-synthetic/ });
	await expect(row).toContainText('Loaded', { timeout: 90_000 });
	await expect(row.getByRole('cell', { name: '34,000', exact: true })).toBeVisible();
});

test('the aggregate command’s estimates of a Parquet file load, and its choices go back to it', async ({
	page
}) => {
	await page.goto('/datasets/');
	const out = join(OUT, 'aggregate');
	execFileSync('node', ['scripts/aggregate.mjs', PARQUET, '--out', out], { cwd: ROOT });
	await chooseFile(page, join(out, 'survey-synthetic-estimates.csv'));
	await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 3)).toBeVisible({ timeout: 90_000 });
	await expect(page.getByLabel('Indicator table')).toBeChecked();
	await expect(page.getByLabel('Role of column lower')).toHaveValue('lower');
	await expect(page.getByLabel('Role of column upper')).toHaveValue('upper');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page, 4)).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Check and load' }).click();
	await expect(step(page, 5)).toBeVisible({ timeout: 120_000 });
	await expect(addSection(page).getByRole('status')).toHaveText(
		/^1,330 data rows read: 1,330 loaded, 0 kept aside\.$/
	);

	// The choices made here, saved for the command: it reads the file again without guessing.
	const row = page
		.getByRole('region', { name: 'Uploaded datasets' })
		.getByRole('row', { name: /survey-synthetic-estimates/ });
	const [saved] = await Promise.all([
		page.waitForEvent('download'),
		row.getByRole('button', { name: 'Choices for npm run aggregate' }).click()
	]);
	expect(saved.suggestedFilename()).toBe('pengo-choices-survey-synthetic-estimates.json');
	const choices = JSON.parse(await readFile(await saved.path(), 'utf8'));
	expect(choices.mapping.roles.kind).toBe('indicators');
	const again = execFileSync(
		'node',
		[
			'scripts/aggregate.mjs',
			join(out, 'survey-synthetic-estimates.csv'),
			'--choices',
			await saved.path(),
			'--out',
			join(OUT, 'again')
		],
		{ cwd: ROOT, encoding: 'utf8' }
	);
	expect(again).toContain('1,330 rows read, 1,330 loaded, 0 rejected');
	expect(again).toContain('Every choice taken from --choices');
});

test.describe('a Parquet file of the site', () => {
	// A server of its own over the same build and handler as the preview server, started after the
	// file is in the build folder (the handler lists the site's files when it starts); it counts
	// the bytes it sends of that file.
	const port = Number(process.env.PENGO_PORT ?? 4173) + 1000;
	test.use({ baseURL: `http://localhost:${port}` });
	let server: Server;
	let sent = 0;
	const ranges: string[] = [];
	test.beforeAll(async () => {
		// Imported by its path: the preview server's script stays out of the test's type check.
		const serve = pathToFileURL(join(ROOT, 'scripts/serve.mjs')).href;
		const { siteHandler } = await import(/* @vite-ignore */ serve);
		const handler: (req: IncomingMessage, res: ServerResponse) => void = siteHandler(
			join(ROOT, 'build')
		);
		server = createServer((req, res) => {
			// Node sends no body in answer to HEAD, whatever the handler writes.
			if (req.url?.startsWith(`/${SITE_FILE}`)) {
				ranges.push(`${req.method} ${req.headers.range ?? 'whole file'}`);
				if (req.method === 'HEAD') return handler(req, res);
				const write = res.write.bind(res);
				res.write = ((chunk: Buffer, ...rest: never[]) => {
					sent += chunk.length;
					return write(chunk, ...rest);
				}) as typeof res.write;
			}
			handler(req, res);
		});
		await new Promise<void>((done) => server.listen(port, 'localhost', done));
	});
	test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

	test('is read by address with range requests: fewer bytes than the file, the same estimates', async ({
		page
	}) => {
		await page.goto('/datasets/');
		const address = page.getByLabel('Read a Parquet file from this site');
		await expect(page.getByRole('button', { name: 'Read', exact: true })).toBeEnabled({
			timeout: 90_000
		});
		// Another site is refused before anything is fetched.
		await address.fill('https://example.org/census.parquet');
		await page.getByRole('button', { name: 'Read', exact: true }).click();
		await expect(addSection(page).getByRole('alert')).toContainText(
			'This address is not a file of this site.'
		);

		await address.fill(`/${SITE_FILE}`);
		await page.getByRole('button', { name: 'Read', exact: true }).click();
		await expect(step(page, 2)).toBeVisible({ timeout: 60_000 });
		await expect(
			page.getByText('Parquet file: 26 columns and 34,000 rows, as its footer states.')
		).toBeVisible();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(step(page, 3)).toBeVisible({ timeout: 120_000 });
		await expect(page.getByLabel('Survey microdata')).toBeChecked();
		await expect(
			page.getByRole('combobox', { name: 'Role of column note_1', exact: true })
		).toHaveValue('ignore');
		await page.getByRole('button', { name: 'Continue' }).click();
		await checkAndLoad(page, 77, '34,000 data rows read: 34,000 loaded, 0 kept aside.');

		const size = statSync(SITE_PATH).size;
		expect(ranges.every((r) => r.startsWith('HEAD') || /^GET bytes=\d+-\d+$/.test(r))).toBe(true);
		expect(sent, `bytes sent of ${size}: ${ranges.join(', ')}`).toBeLessThan(size / 2);
		console.log(`${SITE_FILE}: ${sent} of ${size} bytes fetched in ${ranges.length} requests`);

		const { year, expected } = await showOwnsMobile(page);
		await mbeyaShows(page, expected);

		// A fresh page: the store kept the address, not the file; the dataset is read again from
		// the site, by range requests again, and shows the same estimates.
		const before = ranges.length;
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			`owns_mobile: Total, ${year}`,
			{ timeout: 90_000 }
		);
		await mbeyaShows(page, expected);
		const again = ranges.slice(before);
		expect(again.length).toBeGreaterThan(0);
		expect(again.every((r) => r.startsWith('HEAD') || /^GET bytes=\d+-\d+$/.test(r))).toBe(true);
	});
});
