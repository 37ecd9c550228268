import { plainComma } from './wideFile.test-data';
/**
 * Every fixture in tests/fixtures/uploads (see its README) through the whole layer: detectEncoding →
 * toUtf8 → sniff → scanRecords → readRawQuery on native DuckDB, checking the detected dialect and
 * the raw table, cell for cell. The two big cases are generated here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { detectEncoding, toUtf8 } from './encoding';
import { columnProfilesQuery, toColumnProfiles } from './columnProfiles';
import { headerLabels } from './headerCells';
import { readRawQuery } from './readSql';
import { scanProblems } from './recordScan';
import { prepareText } from './records';
import { sniffSample } from './sniff';
import type { Dialect } from './types';

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(() => db.close());

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/uploads/${name}`, import.meta.url)));

let n = 0;
async function load(bytes: Uint8Array, fileName: string) {
	const sniff = sniffSample(bytes.subarray(0, 2 << 20), bytes.length);
	expect(sniff.encoding).toBe(detectEncoding(bytes));
	const { utf8, scan } = prepareText(toUtf8(bytes, sniff.encoding), sniff.dialect);
	const name = `fixture${++n}.csv`;
	const table = `raw${n}`;
	const path = await db.registerFile(name, utf8);
	await db.query(readRawQuery(path, sniff.dialect, 1, table, scan));
	await db.dropFile(name);
	const rows = (await db.query({ sql: `SELECT * FROM ${table} ORDER BY __row`, params: [] })).map(
		(r) => Object.values(r)
	);
	return { dialect: sniff.dialect, scan, rows, table, problems: scanProblems(scan, fileName) };
}

async function loadFixture(name: string) {
	return load(fixture(name), name);
}

const base: Dialect = {
	...plainComma,
	missing: ['', 'NA', 'N/A', 'n/a', '..', '-', 'NaN', 'null']
};

describe('upload fixtures', () => {
	it('bom.csv: UTF-8 with a byte order mark, which is not part of the first header', async () => {
		const { dialect, rows } = await loadFixture('bom.csv');
		expect(dialect).toEqual({ ...base, encoding: 'utf-8-bom' });
		expect(rows).toEqual([
			[1, 2, 'Region', 'Value'],
			[2, 2, 'Dodoma', '45.3'],
			[3, 2, 'Dar-es-salaam', '12.0']
		]);
	});

	it('windows-1252.csv: Windows-1252 bytes arrive in DuckDB as the right characters', async () => {
		const { dialect, rows } = await loadFixture('windows-1252.csv');
		expect(dialect).toEqual({ ...base, encoding: 'windows-1252', delimiter: ';' });
		expect(rows).toEqual([
			[1, 3, 'Mkoa', 'Maelezo', 'Bei'],
			[2, 3, 'Mtwara', 'Café – “bora”', '5 €'],
			[3, 3, 'Lindi', 'Œuvre ‰', '7']
		]);
	});

	it('utf-16le.csv: UTF-16 with CRLF line ends and tabs', async () => {
		const { dialect, rows, scan } = await loadFixture('utf-16le.csv');
		expect(dialect).toEqual({ ...base, encoding: 'utf-16le', delimiter: '\t' });
		expect(scan.lineEnds).toEqual({ lf: 0, crlf: 3, cr: 0 });
		expect(rows).toEqual([
			[1, 2, 'Region', 'Value'],
			[2, 2, 'Arusha', '1'],
			[3, 2, 'Kilimanjaro', '2']
		]);
	});

	it('semicolon-decimal-comma.csv: semicolons, decimal comma, dot thousands, NA', async () => {
		const { dialect, rows } = await loadFixture('semicolon-decimal-comma.csv');
		expect(dialect).toEqual({
			...base,
			delimiter: ';',
			decimal: ',',
			thousands: '.'
		});
		expect(rows).toEqual([
			[1, 3, 'Mkoa', 'Mjini', 'Vijijini'],
			[2, 3, 'Dodoma', '45,3', '12,5'],
			[3, 3, 'Arusha', '-21.419,06', '7,0'],
			[4, 3, 'Tanga', '1.234,5', 'NA']
		]);
	});

	it('tab-decimal-comma.tsv: tabs, decimal comma, space thousands, "-" missing', async () => {
		const { dialect, rows, table } = await loadFixture('tab-decimal-comma.tsv');
		expect(dialect).toEqual({
			...base,
			delimiter: '\t',
			decimal: ',',
			thousands: ' '
		});
		expect(rows[1]).toEqual([2, 3, 'Morogoro', '45,3', '1 234']);
		const profiles = toColumnProfiles(await db.query(columnProfilesQuery(table, 3, dialect, 1)), [
			'Mkoa',
			'Asilimia',
			'Idadi'
		]);
		expect(profiles.map((p) => [p.present, p.numeric, p.min, p.max])).toEqual([
			[3, 0, null, null],
			[3, 3, 0.5, 45.3],
			[2, 2, 1234, 12500]
		]);
	});

	it('quoted-thousands.csv: "1,234,567" inside quotes with a comma delimiter', async () => {
		const { dialect, rows } = await loadFixture('quoted-thousands.csv');
		expect(dialect).toEqual({ ...base, thousands: ',' });
		expect(rows[1]).toEqual([2, 3, 'Dodoma', '1,234,567', '45.3']);
	});

	it('cr-only.csv: CR line ends, one inside a quoted field', async () => {
		const { dialect, rows, scan } = await loadFixture('cr-only.csv');
		expect(dialect).toEqual(base);
		expect(scan.lineEnds).toEqual({ lf: 0, crlf: 0, cr: 4 });
		expect(rows).toEqual([
			[1, 2, 'Region', 'Value'],
			[2, 2, 'Singida', '1'],
			[3, 2, 'Mbeya\rSouth', '2'],
			[4, 2, 'Ruvuma', '3']
		]);
	});

	it('ragged-rows.csv: short and long rows kept, with their field counts and rows', async () => {
		const { dialect, rows, scan } = await loadFixture('ragged-rows.csv');
		expect(dialect).toEqual(base);
		expect(scan.maxFields).toBe(4);
		expect(rows).toEqual([
			[1, 3, 'Region', 'Urban', 'Rural', null],
			[2, 3, 'Dodoma', '45.3', '12.5', null],
			[3, 2, 'Arusha', '40.1', null, null],
			[4, 4, 'Tanga', '30.2', '10.1', 'extra'],
			[6, 3, 'Lindi', '20.0', '5.5', null]
		]);
	});

	it('broken-quote-three-lines.csv: row 3 is one record, named once, kept as written', async () => {
		const { dialect, rows, problems } = await loadFixture('broken-quote-three-lines.csv');
		expect(dialect).toEqual(base);
		expect(problems).toEqual([expect.objectContaining({ row: 3, kind: 'unterminated-quote' })]);
		expect(rows).toEqual([
			[1, 3, 'Region', 'Note', 'Value'],
			[2, 3, 'Dodoma', 'ok', '45.3'],
			[3, 3, 'Arusha', '"Meru "North', '40.1'],
			[4, 3, 'Tanga', 'ok', '30.2'],
			[5, 3, 'Mara', 'Musoma', '25.0'],
			[6, 3, 'Lindi', 'ok', '20.5']
		]);
	});

	it('mixed-encoding.csv: UTF-8 rows and Windows-1252 rows (4 and 6) read with their accents', async () => {
		const { dialect, rows } = await loadFixture('mixed-encoding.csv');
		expect(dialect).toEqual(base);
		expect(rows.map((r) => r[3])).toEqual([
			'Place',
			'Kinondoni é',
			'Kondoa é',
			'Newala é',
			'Kondoa é',
			'Newala é'
		]);
	});

	it('unterminated-quote.csv: the problem names row 3, earlier rows load', async () => {
		const { dialect, rows, problems } = await loadFixture('unterminated-quote.csv');
		expect(dialect).toEqual(base);
		expect(problems).toEqual([
			expect.objectContaining({ row: 3, kind: 'unterminated-quote', severity: 'error' })
		]);
		expect(rows.slice(0, 2)).toEqual([
			[1, 2, 'Region', 'Note'],
			[2, 2, 'Dodoma', 'fine']
		]);
	});

	it('bad-headers.csv: empty, duplicate, case-colliding and hostile headers stay text', async () => {
		const { dialect, rows } = await loadFixture('bad-headers.csv');
		expect(dialect).toEqual(base);
		const headers = rows[0]!.slice(2) as string[];
		expect(headers).toEqual([
			'Region',
			'',
			'region',
			'Value',
			'Value',
			'<img src=x onerror=alert(1)>',
			'"; DROP TABLE x; --'
		]);
		const { labels, problems } = headerLabels(headers, 'bad-headers.csv');
		expect(labels).toEqual([
			'Region',
			'column 2',
			'region (2)',
			'Value',
			'Value (2)',
			'<img src=x onerror=alert(1)>',
			'"; DROP TABLE x; --'
		]);
		expect(problems.map((p) => p.kind).sort()).toEqual([
			'case-colliding-header',
			'duplicate-header',
			'empty-header'
		]);
	});

	it('leading-zero-codes.csv: codes keep their zeros and are counted as such', async () => {
		const { dialect, rows, table } = await loadFixture('leading-zero-codes.csv');
		expect(dialect).toEqual(base);
		expect(rows.map((r) => r[2])).toEqual(['nbs_code', '01', '02', '07', '51']);
		const [code] = toColumnProfiles(await db.query(columnProfilesQuery(table, 3, dialect, 1)), [
			'nbs_code',
			'region',
			'households'
		]);
		expect(code).toMatchObject({
			present: 4,
			numeric: 4,
			leadingZero: 3,
			examples: ['01', '02', '07', '51']
		});
	});

	it('region-variants.csv: variant names and island totals arrive as written', async () => {
		const { dialect, rows } = await loadFixture('region-variants.csv');
		expect(dialect).toEqual(base);
		expect(rows.map((r) => r[2])).toEqual([
			'region',
			'Dar-es-salaam',
			'DSM',
			'Coast',
			'Zanzibar West',
			'Mbeya (since 2016)',
			'Unguja',
			'Pemba',
			'Zanzibar'
		]);
	});

	it('title-lines.csv: the header is found below TCRA-style title lines', async () => {
		const { dialect, rows } = await loadFixture('title-lines.csv');
		expect(dialect).toEqual({ ...base, headerRow: 4, thousands: ',' });
		expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
		expect(rows[3]).toEqual([4, 3, 'Region', 'Subscriptions', 'Penetration (%)']);
	});
});

describe('generated large files', () => {
	it('a numeric column that turns into N/A after 30,000 rows stays numeric, N/A missing', async () => {
		const lines = ['region,households'];
		for (let i = 1; i <= 30_500; i++) lines.push(`R${i % 31},${i <= 30_000 ? i : 'N/A'}`);
		const { dialect, table, rows } = await load(
			new TextEncoder().encode(lines.join('\n') + '\n'),
			'big.csv'
		);
		// The sniff stops at 10,000 records and never sees N/A; it is a missing token all the same.
		expect(dialect.missing).toContain('N/A');
		expect(rows).toHaveLength(30_501);
		const [, households] = toColumnProfiles(
			await db.query(columnProfilesQuery(table, 2, dialect, 1)),
			['region', 'households']
		);
		expect(households).toMatchObject({
			present: 30_000,
			numeric: 30_000,
			min: 1,
			max: 30_000,
			firstNonNumeric: null
		});
		// Even a dialect sniffed without ever seeing N/A counts those cells as not numeric, with the row.
		const blind = { ...dialect, missing: [''] };
		const [, strict] = toColumnProfiles(await db.query(columnProfilesQuery(table, 2, blind, 1)), [
			'region',
			'households'
		]);
		expect(strict).toMatchObject({
			present: 30_500,
			numeric: 30_000,
			firstNonNumeric: { row: 30_002, value: 'N/A' }
		});
	});

	it('a 200,000-character field arrives whole', async () => {
		const long = 'ü"x,\n'.repeat(40_000);
		const text = `id,text\n1,"${long.replaceAll('"', '""')}"\n2,short\n`;
		const { rows } = await load(new TextEncoder().encode(text), 'long.csv');
		expect(rows).toHaveLength(3);
		expect(rows[1]![3]).toBe(long);
		expect((rows[1]![3] as string).length).toBe(200_000);
		expect(rows[2]).toEqual([3, 2, '2', 'short']);
	});
});
