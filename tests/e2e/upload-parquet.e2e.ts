import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from './fixtures';
import { addSection, chooseFile, step } from './uploadSteps';

// The native command runs inside the test (about ten seconds on a busy machine) before the upload.
test.describe.configure({ timeout: 240_000 });

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-results', 'parquet-upload');
const PARQUET = join(OUT, 'survey-synthetic.parquet');

/** data/survey-synthetic.csv written as Parquet by native DuckDB, its columns typed. */
test.beforeAll(async () => {
	mkdirSync(OUT, { recursive: true });
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run(
		`COPY (SELECT * FROM read_csv('${join(ROOT, 'data/survey-synthetic.csv')}')) TO '${PARQUET}' (FORMAT parquet)`
	);
	conn.closeSync();
	db.closeSync();
});

test('a Parquet file is refused by name with the path that reads it; its aggregate loads', async ({
	page
}) => {
	await page.goto('/datasets/');
	await chooseFile(page, PARQUET);
	const problem = addSection(page).getByRole('alert');
	await expect(problem).toContainText('survey-synthetic.parquet');
	await expect(problem).toContainText('This is a Parquet file.');
	await expect(problem).toContainText('npm run aggregate');
	await expect(step(page, 2)).toHaveCount(0);

	// The command the message names, on the same file: its estimates CSV loads in the page.
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
