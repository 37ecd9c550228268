import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { resultCsv } from './resultCsv';

describe('resultCsv', () => {
	it('writes header and cells that parse back, numbers unprefixed and formulas neutralised', () => {
		const csv = resultCsv({
			columns: [
				{ name: 'region', type: 'VARCHAR', numeric: false },
				{ name: 'gap', type: 'DOUBLE', numeric: true },
				{ name: '=note', type: 'VARCHAR', numeric: false }
			],
			rows: [
				['Dodoma', -3.25, '=HYPERLINK("http://x")'],
				['Dar "es" Salaam', null, 'a,b\nc']
			]
		});
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(parsed).toEqual([
			['region', 'gap', "'=note"],
			['Dodoma', '-3.25', '\'=HYPERLINK("http://x")'],
			['Dar "es" Salaam', '', 'a,b\nc']
		]);
	});
});
