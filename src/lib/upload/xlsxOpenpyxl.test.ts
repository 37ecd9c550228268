/**
 * Workbooks from an independent writer, openpyxl (scripts/make-xlsx-fixtures.py): inline strings,
 * absolute relationship targets, its own styles and the 1904 flag, read as the page reads them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes, type XlsxResult } from './xlsx.worker';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/xlsx/${name}`, import.meta.url)));

function read(name: string): Extract<XlsxResult, { ok: true }> {
	const result = readWorkbookBytes(fixture(name));
	if (!result.ok) throw new Error(result.reason);
	return result;
}

describe('workbooks written by openpyxl', () => {
	it('a table under a title with a merged two-row header, dates, text numbers and an error', () => {
		const result = read('openpyxl-table.xlsx');
		expect(result.sheets).toEqual([
			{ name: 'Notes', hasCells: false },
			{ name: 'Table 3', hasCells: true }
		]);
		expect(result.choice).toEqual({ sheet: 'Table 3', headerRow: 3, headerRows: 2 });
		expect(result.errorCodes).toEqual(['#N/A']);
		expect(new TextDecoder().decode(result.csv)).toBe(
			[
				'',
				'',
				'',
				'Region,Access 2022 Urban,Access 2022 Rural,Surveyed',
				'Arusha,45.5,12.5,2022-03-15',
				'Dodoma,"1,234",20,1900-02-28',
				'Mbeya,#N/A,0.3,2022-01-01 18:00',
				''
			].join('\n')
		);
	});
	it('a 1904 workbook counts its dates from 1904-01-01', () => {
		const csv = new TextDecoder().decode(read('openpyxl-1904.xlsx').csv);
		expect(csv).toBe('Published,Value\n2022-01-01,1\n');
	});
});
