/**
 * The one reader: the step-2 preview and the import read the same records. Checked by hand on the
 * broken quotes DuckDB alone would read otherwise, and on random files against native DuckDB
 * through the import's own path (prepareText → readRawQuery).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { readRawQuery } from './readSql';
import { encodeText, transcode } from './encoding';
import { prepareText, wellFormed, readRecords, rowsAt, windows1252Warning } from './records';
import { scanRecords } from './recordScan';
import { previewRows } from './sniff';
import type { Dialect } from './types';

const comma: Dialect = {
	encoding: 'utf-8',
	delimiter: ',',
	quote: '"',
	headerRow: 0,
	decimal: '.',
	thousands: '',
	missing: ['']
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(() => db.close());

let fileNo = 0;
/** The import's records: [row, ...cells] of every record DuckDB's raw table holds. */
async function imported(file: string, dialect: Pick<Dialect, 'delimiter' | 'quote'> = comma) {
	const prepared = prepareText(utf8(file), dialect);
	const name = `records${++fileNo}.csv`;
	const path = await db.registerFile(name, prepared.utf8);
	await db.query(readRawQuery(path, dialect, 1, 'records_raw', prepared.scan));
	await db.dropFile(name);
	const rows = await db.query({ sql: 'SELECT * FROM records_raw ORDER BY __row', params: [] });
	return rows.map((r) => {
		const cells = Object.entries(r)
			.filter(([k]) => /^c\d+$/.test(k))
			.map(([, v]) => v as string);
		return [Number(r.__row), ...cells.slice(0, Number(r.__fields))];
	});
}

/** The preview's records in the same shape: [row, ...cells], empty lines left out. */
function previewed(file: string, dialect: Dialect = comma) {
	const preview = previewRows(file, dialect, 1_000_000, 'f.csv');
	return preview.rows.map((r, i) => [preview.rowNumbers[i]!, ...r]);
}

describe('readRecords', () => {
	it('splits as RFC 4180 does, empty lines as [""]', () => {
		const read = readRecords('a,"b,""c"""\n\n"x\ny",\r\n', comma);
		expect(read.records).toEqual([['a', 'b,"c"'], [], ['x\ny', '']]);
		expect(read.strayQuoteRows).toEqual([]);
		expect(read.unterminatedQuoteRow).toBeNull();
	});

	it('keeps a broken field exactly as written and names its row once', () => {
		const read = readRecords('a,b\n1,"x"y,z\n2,"a "quoted" word"\n3,4\n', comma);
		expect(read.records).toEqual([
			['a', 'b'],
			['1', '"x"y', 'z'],
			['2', '"a "quoted" word"'],
			['3', '4']
		]);
		expect(read.strayQuoteRows).toEqual([2, 3]);
	});

	it('leaves out the cut last record of a sample, and its open quote', () => {
		const cut = readRecords('a,b\n1,"x\n2', comma, { cut: true });
		expect(cut.records).toEqual([['a', 'b']]);
		expect(cut.unterminatedQuoteRow).toBeNull();
		const whole = readRecords('a,b\n1,"x\n2', comma);
		expect(whole.records).toEqual([
			['a', 'b'],
			['1', '"x\n2']
		]);
		expect(whole.unterminatedQuoteRow).toBe(2);
		expect(readRecords('a,b\n1,2\n', comma, { cut: true }).records).toHaveLength(2);
	});

	it('stops after the records asked for', () => {
		expect(readRecords('1\n2\n3\n', comma, { limit: 2 }).records).toEqual([['1'], ['2']]);
	});
});

describe('wellFormed', () => {
	it('writes each broken field as a quoted field of its text, and nothing else needed', () => {
		const file = 'a,b\n1,"x"y,z\n2,ok\n3,"open\n4,5\n';
		const bytes = utf8(file);
		expect(text(wellFormed(bytes, comma, scanRecords(bytes, comma)))).toBe(
			'a,b\n1,"""x""y",z\n2,ok\n3,"""open\n4,5\n"'
		);
		// Mixed line ends all become LF (CR inside quotes stays); padded fields lose their spaces.
		const mixed = utf8('a, "b" \r\n1,2\r3,"x\ry"\n4,5\r\n');
		const prepared = prepareText(mixed, comma);
		expect(text(prepared.utf8)).toBe('a,"b"\n1,2\n3,"x\ry"\n4,5\n');
		expect(prepared.scan.lineEnds).toEqual({ lf: 4, crlf: 0, cr: 0 });
		const clean = utf8('a,"b"\n');
		expect(wellFormed(clean, comma, scanRecords(clean, comma))).toBe(clean);
	});
});

describe('preview and import read the same records', () => {
	it('a stray quote followed by lines: three records in both, the problem named once', async () => {
		// papaparse ran the second line on to the fourth (one record) and named it twice; DuckDB
		// alone dropped "def" and, two lines on, ran a record over three lines.
		const file = 'Region,Note,Value\nDodoma,"abc"def,1\nArusha,2,3\nTanga,"x"y"\n4,5\n';
		const preview = previewRows(file, { ...comma, headerRow: 1 }, 20, 'f.csv');
		expect(preview.rowNumbers).toEqual([2, 3, 4, 5]);
		expect(preview.rows[0]).toEqual(['Dodoma', '"abc"def', '1']);
		expect(preview.problems.filter((p) => p.kind === 'unterminated-quote')).toEqual([
			expect.objectContaining({ row: 2 }),
			expect.objectContaining({ row: 4 })
		]);
		expect(await imported(file)).toEqual([
			[1, 'Region', 'Note', 'Value'],
			...previewed(file, { ...comma, headerRow: 1 })
		]);
	});

	const pieces = ['a', 'é', ' ', ',', ';', '"', '""', '\n', '\r\n', '\r', 'Dar es Salaam', '"x"'];
	const files = fc
		.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 })
		.map((p) => p.join(''))
		// An empty file, or one of empty lines only, stops before DuckDB (empty-file).
		.filter((f) => f.replace(/[\r\n]/g, '') !== '');

	it('on random files with quotes, delimiters, line ends and broken quotes', async () => {
		await fc.assert(
			fc.asyncProperty(files, fc.constantFrom<Dialect['delimiter']>(',', ';'), async (file, d) => {
				const dialect = { ...comma, delimiter: d };
				expect(await imported(file, dialect)).toEqual(previewed(file, dialect));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the rows read as Windows-1252', () => {
	const utf8Part = (t: string) => encodeText(t, 'utf-8');
	const cp1252 = (t: string) => encodeText(t, 'windows-1252');

	it('are named by the rows the import gives them, a record over two lines once', () => {
		const bytes = new Uint8Array([
			...utf8Part('Region,Note\n\nDar es Salaam,"é\n'),
			...cp1252('Mtwara é"\nLindi,'),
			...cp1252('ô\n'),
			...utf8Part('Tanga,ü\n')
		]);
		const out = transcode(bytes, 'utf-8');
		expect(out.windows1252Count).toBe(2);
		expect(rowsAt(out.utf8, comma, out.windows1252Lines)).toEqual([3, 4]);
		expect(readRecords(out.utf8, comma).records).toEqual([
			['Region', 'Note'],
			[],
			['Dar es Salaam', 'é\nMtwara é'],
			['Lindi', 'ô'],
			['Tanga', 'ü']
		]);
		expect(windows1252Warning('f.csv', out, comma)).toEqual({
			file: 'f.csv',
			kind: 'windows-1252-rows',
			detail: '3, 4',
			value: 'Mtwara é"',
			severity: 'warning'
		});
	});

	it('are counted when there are more than ten, and left out past the last row read', () => {
		const bytes = new Uint8Array([
			...utf8Part('Region,é\n'),
			...Array.from({ length: 12 }, (_, i) => [...cp1252(`Mtwara ${i},é\n`)]).flat()
		]);
		const out = transcode(bytes, 'utf-8');
		expect(windows1252Warning('f.csv', out, comma)?.detail).toBe(
			'2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …;12'
		);
		expect(windows1252Warning('f.csv', out, comma, 3)?.detail).toBe('2, 3');
		expect(windows1252Warning('f.csv', transcode(utf8Part('a\né\n'), 'utf-8'), comma)).toBeNull();
	});
});
