import { describe, expect, it } from 'vitest';
import { isDateFormat, isPercentFormat, serialToIso } from './xlsxDates';
import { excelNumberText, openWorkbook, WorkbookError } from './xlsxRead';
import { guessHeader, sheetTable } from './xlsxTable';
import { looksLikeWorkbook } from './xlsxMagic';
import { compoundFile, writeXlsx, xlsbFile, type SheetSpec } from './xlsxWriter.test-data';
import { decodeEntities, xmlTokens } from './xmlTokens';

const csvOf = (sheet: SheetSpec, choice?: { headerRow: number; headerRows: number }) => {
	const book = openWorkbook(writeXlsx([sheet]));
	const cells = book.sheet(0);
	const table = sheetTable(cells, choice ?? guessHeader(cells));
	return { ...table, text: new TextDecoder().decode(table.csv) };
};

describe('xmlTokens', () => {
	it('reads elements, attributes, entities and CDATA, and drops namespace prefixes', () => {
		const tokens = [
			...xmlTokens(
				'<?xml version="1.0"?><!-- note --><x:c r="A1" t=\'s\'><v>1 &lt; 2 &#38; &#x41;</v><![CDATA[<b>]]></x:c><e/>'
			)
		];
		expect(tokens).toEqual([
			{ type: 'open', name: 'c', attrs: { r: 'A1', t: 's' }, selfClosing: false },
			{ type: 'open', name: 'v', attrs: {}, selfClosing: false },
			{ type: 'text', text: '1 < 2 & A' },
			{ type: 'close', name: 'v' },
			{ type: 'text', text: '<b>' },
			{ type: 'close', name: 'c' },
			{ type: 'open', name: 'e', attrs: {}, selfClosing: true }
		]);
	});
	it('never defines or follows an entity of the file: unknown references stay as written', () => {
		expect(decodeEntities('&xxe; &amp;')).toBe('&xxe; &');
		const doc = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
		const texts = [...xmlTokens(doc)].filter((t) => t.type === 'text').map((t) => t.text);
		expect(texts.join('')).toContain('&xxe;');
		expect(texts.join('')).not.toContain('root');
	});
});

describe('dates', () => {
	it('counts the 1900 system with its leap-year bug, by hand', () => {
		expect(serialToIso(1, false)).toBe('1900-01-01');
		expect(serialToIso(59, false)).toBe('1900-02-28');
		expect(serialToIso(60, false)).toBe('1900-02-29'); // the day that never was, as Excel shows
		expect(serialToIso(61, false)).toBe('1900-03-01');
		expect(serialToIso(44562, false)).toBe('2022-01-01');
		expect(serialToIso(44562.75, false, true)).toBe('2022-01-01 18:00');
	});
	it('counts the 1904 system from 1904-01-01', () => {
		expect(serialToIso(0, true)).toBe('1904-01-01');
		expect(serialToIso(43100, true)).toBe('2022-01-01'); // 44562 − 1462 days
	});
	it('tells date formats from number and time formats', () => {
		expect(isDateFormat(14, undefined)).toBe(true);
		expect(isDateFormat(164, 'dd/mm/yyyy;@')).toBe(true);
		expect(isDateFormat(165, '[$-409]mmm\\ yy')).toBe(true);
		expect(isDateFormat(166, '0.0"days"')).toBe(false);
		expect(isDateFormat(167, '[Red]#,##0.00')).toBe(false);
		expect(isDateFormat(168, 'h:mm')).toBe(false);
		expect(isDateFormat(0, undefined)).toBe(false);
		expect(isPercentFormat(10, undefined)).toBe(true);
		expect(isPercentFormat(170, '0.0%;[Red]-0.0%')).toBe(true);
		expect(isPercentFormat(171, '0.0" %"')).toBe(false);
	});
});

describe('openWorkbook', () => {
	it('lists sheets in order and reads strings, numbers, dates, booleans, formulas and errors', () => {
		const bytes = writeXlsx([
			{ name: 'Notes', rows: [] },
			{
				name: 'Data',
				rows: [
					['shared', { inline: 'inline' }, { rich: ['ri', 'ch'] }, true],
					[12.300000000000001, { date: 44562 }, { date: 44593, format: 'custom' }, false],
					[
						{ formula: 'A2*2', cached: 24.6 },
						{ formula: 'B1&"!"', cached: 'inline!' }
					],
					[{ error: '#DIV/0!' }, { error: '#N/A' }, { percent: 0.452 }]
				]
			}
		]);
		const book = openWorkbook(bytes);
		expect(book.sheets.map((s) => s.name)).toEqual(['Notes', 'Data']);
		const rows = book.sheet(1).rows;
		const text = (r: number) =>
			[...(rows.get(r)?.values() ?? [])].map((c) => `${c.kind}:${c.text}`);
		expect(text(1)).toEqual(['text:shared', 'text:inline', 'text:rich', 'bool:TRUE']);
		expect(text(2)).toEqual(['number:12.3', 'date:2022-01-01', 'date:2022-02-01', 'bool:FALSE']);
		expect(text(3)).toEqual(['number:24.6', 'text:inline!']);
		// A percentage cell as Excel shows and saves it; the CSV path reads 45.2% as 45.2.
		expect(text(4)).toEqual(['error:#DIV/0!', 'error:#N/A', 'number:45.2%']);
	});
	it('reads the 1904 flag', () => {
		const book = openWorkbook(
			writeXlsx([{ name: 'S', rows: [[{ date: 43100 }]] }], { date1904: true })
		);
		expect(book.date1904).toBe(true);
		expect(book.sheet(0).rows.get(1)?.get(1)?.text).toBe('2022-01-01');
	});
	it('names why an .xls, an .xlsb, a protected or a damaged workbook cannot be read', () => {
		const reason = (bytes: Uint8Array) => {
			try {
				openWorkbook(bytes);
				return null;
			} catch (error) {
				return error instanceof WorkbookError ? error.reason : 'other';
			}
		};
		expect(reason(compoundFile(false))).toBe('xls');
		expect(reason(compoundFile(true))).toBe('encrypted');
		expect(reason(xlsbFile())).toBe('xlsb');
		const good = writeXlsx([{ name: 'S', rows: [['a']] }]);
		expect(reason(good.subarray(0, good.length - 40))).toBe('damaged');
		expect(reason(new TextEncoder().encode('region,value\n'))).toBe('damaged');
		// A part unpacking to more than the limit is refused before it is unpacked.
		const big = writeXlsx([{ name: 'S', rows: [Array.from({ length: 200 }, (_, i) => i)] }]);
		expect(() => openWorkbook(big, 2000).sheet(0)).toThrow(WorkbookError);
		expect(reason(big)).toBe(null);
		try {
			openWorkbook(big, 2000).sheet(0);
		} catch (error) {
			expect((error as WorkbookError).reason).toBe('too-large');
		}
	});
	it('tells a workbook by its bytes, not its name: tab-separated text named .xls is text', () => {
		expect(looksLikeWorkbook(writeXlsx([{ name: 'S', rows: [] }]))).toBe(true);
		expect(looksLikeWorkbook(compoundFile(false))).toBe(true);
		expect(looksLikeWorkbook(new TextEncoder().encode('Region\tValue\nArusha\t1\n'))).toBe(false);
	});
	it('writes numbers with 15 significant digits, as a General cell shows them', () => {
		expect(excelNumberText('0.30000000000000004')).toBe('0.3');
		expect(excelNumberText('1234567.5')).toBe('1234567.5');
		expect(excelNumberText('1E-7')).toBe('1e-7');
	});
});

describe('sheetTable', () => {
	it('keeps the sheet row numbers: titles and empty rows become empty lines', () => {
		const { text, csvHeaderRow } = csvOf({
			name: 'S',
			rows: [
				['Table 3: Phone ownership by region'],
				[],
				['Region', 'Urban', 'Rural'],
				['Arusha', 80.5, 60],
				[],
				['Dodoma', '1,234', '12.5']
			]
		});
		expect(csvHeaderRow).toBe(3);
		expect(text).toBe('\n\nRegion,Urban,Rural\nArusha,80.5,60\n\nDodoma,"1,234",12.5\n');
	});
	it('guesses the header below title rows, a year header counted as names', () => {
		const cells = openWorkbook(
			writeXlsx([
				{
					name: 'S',
					rows: [['Title'], ['Source: NBS'], ['Region', 2021, 2022], ['Arusha', 10.5, 11]],
					merges: ['A1:C1']
				}
			])
		).sheet(0);
		expect(guessHeader(cells)).toEqual({ headerRow: 3, headerRows: 1 });
	});
	it('joins merged header cells over two header rows and repeats the merged value', () => {
		const sheet: SheetSpec = {
			name: 'S',
			rows: [
				['Access 2022', null, null, null],
				['Region', 'Urban', null, 'Rural'],
				[null, 'Phone', 'Internet', 'Phone'],
				['Arusha', 80, 40, 60]
			],
			merges: ['A1:D1', 'B2:C2', 'A2:A3']
		};
		const cells = openWorkbook(writeXlsx([sheet])).sheet(0);
		expect(guessHeader(cells)).toEqual({ headerRow: 2, headerRows: 2 });
		expect(csvOf(sheet).text).toBe(
			'\n\nRegion,Urban Phone,Urban Internet,Rural Phone\nArusha,80,40,60\n'
		);
		// Three header rows chosen by the person: the merged title joins every name.
		expect(csvOf(sheet, { headerRow: 1, headerRows: 3 }).text).toBe(
			'\n\nAccess 2022 Region,Access 2022 Urban Phone,Access 2022 Urban Internet,Access 2022 Rural Phone\nArusha,80,40,60\n'
		);
	});
	it('trims empty edge columns and rows, quotes as RFC 4180, and lists the error codes read', () => {
		const { text, columns, errorCodes } = csvOf({
			name: 'S',
			rows: [
				[null, 'Region', 'Value', 'Note'],
				[null, 'Arusha', { error: '#DIV/0!' }, 'say "hi", then\r\nleave'],
				[null, 'Mbeya', { error: '#N/A' }, null],
				[null, null, null, null]
			]
		});
		expect(columns).toBe(3);
		expect(text).toBe('Region,Value,Note\nArusha,#DIV/0!,"say ""hi"", then\nleave"\nMbeya,#N/A,\n');
		expect(errorCodes).toEqual(['#DIV/0!', '#N/A']);
	});
});
