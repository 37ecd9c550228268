import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'pengo-aggregate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run aggregate on an Excel workbook', () => {
	it('reads the sheet the page would, with its header rows, into the estimates the sheet shows', () => {
		// openpyxl-table.xlsx (scripts/make-xlsx-fixtures.py): an empty "Notes" sheet, then "Table 3"
		// with a title row, a two-row merged header (Access 2022: Urban, Rural), a number stored as
		// text ("12.5"), one with a thousands comma ("1,234") and an #N/A.
		const log = execFileSync(
			process.execPath,
			[
				'scripts/aggregate.mjs',
				'tests/fixtures/xlsx/openpyxl-table.xlsx',
				'--out',
				out,
				'--threads',
				'1'
			],
			{ cwd: ROOT, encoding: 'utf8' }
		);
		expect(log).toContain('workbook: sheet "Table 3", header row 3 (2 rows)');
		expect(log).toContain('3 rows read, 3 loaded, 0 rejected');
		const metadata = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8'));
		expect(metadata.mapping.workbook).toEqual({ sheet: 'Table 3', headerRow: 3, headerRows: 2 });
		const [header, ...lines] = readFileSync(join(out, 'openpyxl-table-estimates.csv'), 'utf8')
			.trim()
			.split(/\r?\n/)
			.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
		const at = (name: string) => header!.indexOf(name);
		const values = Object.fromEntries(
			lines.map((cells) => [`${cells[at('region')]} ${cells[at('area')]}`, cells[at('value')]])
		);
		expect(values).toEqual({
			'Arusha urban': '45.5',
			'Arusha rural': '12.5',
			'Dodoma urban': '1234',
			'Dodoma rural': '20',
			'Mbeya urban': '',
			'Mbeya rural': '0.3'
		});
	});

	it('refuses a file that is not a readable workbook, saying what to do', () => {
		let message = '';
		try {
			execFileSync(
				process.execPath,
				['scripts/aggregate.mjs', 'tests/fixtures/xlsx/not-a-workbook.zip', '--out', out],
				{ cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }
			);
		} catch (error) {
			message = String((error as { stderr?: string }).stderr);
		}
		expect(message).toContain(
			'not-a-workbook.zip cannot be read as an Excel workbook (damaged): save it as .xlsx'
		);
	});
});
