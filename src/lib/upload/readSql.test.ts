import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { encodeText } from './encoding';
import { columnProfilesQuery, toColumnProfiles } from './columnProfiles';
import { headerLabels } from './headerCells';
import { readRawQuery, structuralProblem } from './readSql';
import { scanProblems, scanRecords } from './recordScan';
import type { Dialect } from './types';
import { plainComma } from './wideFile.test-data';

const comma: Dialect = { ...plainComma, thousands: ',', missing: ['', 'NA', '-'] };

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(() => db.close());

let fileNo = 0;
/** Reads text through scanRecords and readRawQuery; rows as [__row, __fields, ...cells]. */
async function readRaw(
	text: string | Uint8Array,
	dialect: Pick<Dialect, 'delimiter' | 'quote'> = comma,
	columnCount = 1
) {
	const bytes = typeof text === 'string' ? encodeText(text, 'utf-8') : text;
	const scan = scanRecords(bytes, dialect);
	const name = `raw${++fileNo}.csv`;
	const path = await db.registerFile(name, bytes);
	await db.query(readRawQuery(path, dialect, columnCount, 'raw', scan));
	await db.dropFile(name);
	const rows = await db.query({ sql: 'SELECT * FROM raw ORDER BY __row', params: [] });
	return { scan, rows: rows.map((r) => Object.values(r)) };
}

describe('scanRecords and readRawQuery', () => {
	it('keeps every record with its spreadsheet row, field count and exact text', async () => {
		const { scan, rows } = await readRaw('h1,h2,h3\n1,,""\n\n4,5\n\n\n6,7,8,9\n"x\ny", 2 ,3\n');
		expect(scan).toMatchObject({ records: 8, blankRows: [3, 5, 6], maxFields: 4 });
		expect(rows).toEqual([
			[1, 3, 'h1', 'h2', 'h3', null],
			[2, 3, '1', '', '', null],
			[4, 2, '4', '5', null, null],
			[7, 4, '6', '7', '8', '9'],
			[8, 3, 'x\ny', ' 2 ', '3', null]
		]);
	});

	it('reads CR-only line ends and CRLF inside quotes', async () => {
		const { rows } = await readRaw('a,b\r1,"x\r\ny"\r\r2,3\r');
		expect(rows).toEqual([
			[1, 2, 'a', 'b'],
			[2, 2, '1', 'x\r\ny'],
			[4, 2, '2', '3']
		]);
	});

	it('loads files that mix line ends, which strict mode refuses', async () => {
		const { scan, rows } = await readRaw('a,b\r\n1,2\n3,4\r\n');
		expect(scan.lineEnds).toEqual({ lf: 1, crlf: 2, cr: 0 });
		expect(rows).toEqual([
			[1, 2, 'a', 'b'],
			[2, 2, '1', '2'],
			[3, 2, '3', '4']
		]);
	});

	it('names the row of an unterminated quote, which DuckDB alone would hide', async () => {
		const { scan, rows } = await readRaw('a,b\n1,2\n3,"4\n5,6\n');
		expect(scan.unterminatedQuoteRow).toBe(3);
		expect(scanProblems(scan, 'f.csv')).toEqual([
			expect.objectContaining({
				file: 'f.csv',
				row: 3,
				kind: 'unterminated-quote',
				severity: 'error'
			})
		]);
		expect(rows.slice(0, 2)).toEqual([
			[1, 2, 'a', 'b'],
			[2, 2, '1', '2']
		]);
		expect(rows[2]![0]).toBe(3);
	});

	it('names rows where text follows a closing quote, and still loads the others', async () => {
		const { scan, rows } = await readRaw('a,b\n1,"x"y\n2,3\n');
		expect(scan.strayQuoteRows).toEqual([2]);
		expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
		expect(rows[2]).toEqual([3, 2, '2', '3']);
	});

	it('reads other delimiters, single quotes and files without quoting', async () => {
		expect((await readRaw("a;b\n'x;y';'it''s'\n", { delimiter: ';', quote: "'" })).rows).toEqual([
			[1, 2, 'a', 'b'],
			[2, 2, 'x;y', "it's"]
		]);
		expect((await readRaw('a\tb\n"q\t1\n', { delimiter: '\t', quote: '' })).rows).toEqual([
			[1, 2, 'a', 'b'],
			[2, 2, '"q', '1']
		]);
	});

	it('keeps empty lines of a one-column file out, like wider files', async () => {
		const { rows } = await readRaw('name\nDodoma\n\nArusha\n');
		expect(rows).toEqual([
			[1, 1, 'name'],
			[2, 1, 'Dodoma'],
			[4, 1, 'Arusha']
		]);
	});

	it('reports an empty file', () => {
		const scan = scanRecords(new Uint8Array(0), comma);
		expect(scanProblems(scan, 'e.csv')).toEqual([
			{ file: 'e.csv', kind: 'empty-file', severity: 'error' }
		]);
		expect(scanProblems(scanRecords(encodeText('\n\n', 'utf-8'), comma), 'e.csv')[0]?.kind).toBe(
			'empty-file'
		);
	});

	it('turns DuckDB errors into problems with the row it names', async () => {
		const bytes = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xff, 0x0a]);
		const path = await db.registerFile('bad.csv', bytes);
		const error = await db
			.query(readRawQuery(path, comma, 2, 'bad'))
			.then(() => null)
			.catch((e: Error) => e.message);
		expect(error).not.toBeNull();
		expect(structuralProblem(error!, 'bad.csv')).toMatchObject({
			file: 'bad.csv',
			row: 2,
			kind: 'unreadable',
			severity: 'error'
		});
		expect(
			structuralProblem(
				'Invalid Input Error: CSV Error on Line: 6\nOriginal Line: 3,"x"y\nValue with unterminated quote found.',
				'f.csv'
			)
		).toMatchObject({ row: 6, kind: 'unterminated-quote', value: '3,"x"y' });
	});
});

describe('columnProfilesQuery', () => {
	it('profiles every column over all data rows, checked by hand', async () => {
		await readRaw(
			'code,region,value,note\n007,Dodoma,"1,234.5",x\n012,Arusha,NA,y\n007,Dodoma,-3,\n1,Tanga,abc,z\n,Dodoma,10\n'
		);
		const rows = await db.query(columnProfilesQuery('raw', 4, comma, 1));
		const profiles = toColumnProfiles(rows, ['code', 'region', 'value', 'note']);
		expect(profiles[0]).toEqual({
			index: 1,
			header: 'code',
			label: 'code',
			present: 4,
			numeric: 4,
			leadingZero: 3,
			distinct: 3,
			examples: ['007', '012', '1'],
			exampleLengths: [3, 3, 1],
			exampleCounts: [2, 1, 1],
			firstNonNumeric: null,
			min: 1,
			max: 12
		});
		expect(profiles[1]).toMatchObject({
			present: 5,
			numeric: 0,
			distinct: 3,
			examples: ['Dodoma', 'Arusha', 'Tanga'],
			exampleCounts: [3, 1, 1]
		});
		expect(profiles[2]).toMatchObject({
			present: 4,
			numeric: 3,
			firstNonNumeric: { row: 5, value: 'abc' },
			min: -3,
			max: 1234.5
		});
		// Row 6 has no fourth field: absent, not an empty string.
		expect(profiles[3]).toMatchObject({
			present: 3,
			numeric: 0,
			examples: ['x', 'y', 'z'],
			firstNonNumeric: null
		});
	});
});

describe('headerLabels', () => {
	it('labels empty, duplicate, case-colliding and hostile headers uniquely, as text', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const injection = '"; DROP TABLE x; --';
		const { labels, problems } = headerLabels(
			['Region', '', 'region', 'Region', ' ', hostile, injection, 'column 2'],
			'h.csv'
		);
		expect(labels).toEqual([
			'Region',
			'column 2 (2)',
			'region (2)',
			'Region (3)',
			'column 5',
			hostile,
			injection,
			'column 2'
		]);
		expect(problems.map((p) => [p.kind, p.column, p.row])).toEqual([
			['case-colliding-header', 'region', 1],
			['duplicate-header', 'Region', 1],
			['empty-header', 'column 2 (2)', 1],
			['empty-header', 'column 5', 1]
		]);
		expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
	});
	it('reports nothing for a file without a header row', () => {
		expect(headerLabels(['', ''], 'h.csv', 0)).toEqual({
			labels: ['column 1', 'column 2'],
			problems: []
		});
	});
});
