import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeText } from './encoding';
import { EVIDENCE_KEYS, type Evidence } from './evidence';
import { emptiness, previewRows, sniffDialect, sniffSample } from './sniff';
import { sniffRequest } from './sniff.worker';
import type { Dialect } from './types';
import { plainComma } from './wideFile.test-data';

const keys = (evidence: Evidence[]) => evidence.map((e) => e.key);

describe('sniffDialect', () => {
	it('picks the semicolon over the comma of decimal commas, and reads the separators', () => {
		const text = 'Mkoa;Mjini;Vijijini\nDodoma;45,3;12,5\nArusha;-21.419,06;7\nMtwara;1.234;NA\n';
		const { dialect, evidence } = sniffDialect(text);
		expect(dialect).toMatchObject({
			delimiter: ';',
			quote: '"',
			headerRow: 1,
			decimal: ',',
			thousands: '.'
		});
		// 4 records of 3 fields; a comma would split the decimal commas into a ragged table.
		expect(evidence).toContainEqual({
			key: 'delimiter',
			params: { delimiter: ';', matching: '4', rows: '4', fields: '3' }
		});
		// 45,3 and 12,5 and 21.419,06 read as decimal commas; none as a decimal point.
		expect(evidence).toContainEqual({ key: 'decimal_comma', params: { count: '3', other: '0' } });
		// -21.419,06 is grouped; 1.234 alone would also be a decimal point, and counts for '.' here.
		expect(evidence).toContainEqual({ key: 'thousands', params: { separator: '.', count: '2' } });
		expect(evidence).toContainEqual({ key: 'missing', params: { tokens: '"NA"' } });
		// Only Mjini is numeric throughout: Vijijini's "NA" is one cell in three, too many.
		expect(evidence).toContainEqual({ key: 'header_numeric', params: { row: '1', count: '1' } });
	});

	it('decides on many rows, not the first ten', () => {
		// The first 20 rows would split evenly on commas too; the rest do not.
		const head = 'a;b\n' + Array.from({ length: 20 }, () => '1,5;2,5').join('\n');
		const tail = Array.from({ length: 200 }, (_, i) => `${i};${i % 7},25`).join('\n');
		expect(sniffDialect(`${head}\n${tail}\n`).dialect.delimiter).toBe(';');
	});

	it('reads quoted thousands with a comma delimiter', () => {
		const { dialect } = sniffDialect(
			'region,subscriptions\nDodoma,"1,234,567"\nTanga,"98,765"\nLindi,120\n'
		);
		expect(dialect).toMatchObject({ delimiter: ',', decimal: '.', thousands: ',' });
	});

	it('finds the header below title lines', () => {
		const text =
			'Table 3: Mobile subscriptions by region\nSource: TCRA, December 2023\n\nRegion,Subscriptions,Share\nDodoma,"1,234",45.3\nArusha,"2,345",50.1\nTanga,"3,456",12.0\n';
		const { dialect, evidence } = sniffDialect(text);
		expect(dialect.headerRow).toBe(4);
		expect(evidence).toContainEqual({ key: 'title_lines', params: { count: '2', columns: '3' } });
		expect(keys(evidence)).not.toContain('no_header');
	});

	it('sees when there is no header row', () => {
		const numbers = sniffDialect('1,2,3\n4,5,6\n7,8,9\n');
		expect(numbers.dialect.headerRow).toBe(0);
		expect(keys(numbers.evidence)).toContain('no_header');
		const names = sniffDialect('name,code\nDodoma,01\nArusha,02\n');
		expect(names.dialect.headerRow).toBe(1);
		// "01" and "02" look numeric, so the text "code" over them is the reason.
		expect(names.evidence).toContainEqual({
			key: 'header_numeric',
			params: { row: '1', count: '1' }
		});
	});

	it('says when one column is all there is, and when no thousands separator shows', () => {
		const { evidence } = sniffDialect('name\nDodoma\nArusha\n');
		expect(keys(evidence)).toContain('one_column');
		expect(keys(evidence)).toContain('no_thousands');
		expect(keys(evidence)).toContain('header_distinct');
	});

	it('names the runner-up delimiter with the share of records it would keep even', () => {
		// Every line has one ';' (2 fields) but the commas vary: 3, 2 and 1 fields.
		const { evidence } = sniffDialect('a;b,c,d\n1;2,3\n4;5\n6;7,8\n');
		expect(evidence[0]).toEqual({
			key: 'delimiter',
			params: { delimiter: ';', matching: '4', rows: '4', fields: '2' }
		});
		expect(evidence[1]?.key).toBe('delimiter_alternative');
		expect(evidence[1]?.params.delimiter).toBe(',');
	});

	it('recognises tabs, pipes and single quotes', () => {
		expect(sniffDialect('a\tb\n1,5\t2\n3,25\t4\n').dialect).toMatchObject({
			delimiter: '\t',
			decimal: ','
		});
		expect(sniffDialect('a|b|c\n1|2|3\n4|5|6\n').dialect.delimiter).toBe('|');
		const single = sniffDialect("name,note\n'Dodoma','a, b'\n'Arusha','c, d'\n");
		expect(single.dialect.quote).toBe("'");
		expect(keys(single.evidence)).toContain('single_quotes');
	});

	it('keeps every default missing token and names those present: a lone - is missing, -3 a number', () => {
		const { dialect, evidence } = sniffDialect('a,b\n-,..\n-3,n/a\n4,5\n');
		expect(dialect.missing).toEqual(['', 'NA', 'N/A', 'n/a', '..', '-', 'NaN', 'null']);
		expect(evidence).toContainEqual({ key: 'missing', params: { tokens: '"n/a", "..", "-"' } });
	});

	it('drops the cut last record of a truncated sample', () => {
		const { sampleRecords } = sniffDialect('a,b\n1,2\n3,"unfinis', { truncated: true });
		expect(sampleRecords).toBe(2);
		// Cut mid-record, outside quotes.
		expect(sniffDialect('a,b\n1,2\n3,4\n5', { truncated: true }).sampleRecords).toBe(3);
		// Cut right after a line end: every record is whole.
		expect(sniffDialect('a,b\n1,2\n3,4\n', { truncated: true }).sampleRecords).toBe(3);
		// Cut inside a quoted field just after a line end in it: the record is still open.
		expect(sniffDialect('a,b\n1,2\n3,"x\n', { truncated: true }).sampleRecords).toBe(2);
	});

	it('finds the header of a file whose first data row is cut, from the one complete record', () => {
		const { dialect, evidence } = sniffDialect('id,region,note\n1,Dodoma,"xxxxxxxx', {
			truncated: true
		});
		expect(dialect).toMatchObject({ delimiter: ',', headerRow: 1 });
		expect(evidence).toContainEqual({ key: 'header_distinct', params: { row: '1' } });
		// A whole file of that record alone is a header with no rows under it (reported as such);
		// a lone record with a number in it stays a row of data.
		expect(sniffDialect('id,region,note\n').dialect.headerRow).toBe(1);
		expect(sniffDialect('Dodoma,45.3\n').dialect.headerRow).toBe(0);
	});

	it('judges a 100,000-column header on its first columns, fast', () => {
		const columns = 100_000;
		const header = Array.from({ length: columns }, (_, i) => `col${i + 1}`).join(',');
		const row = (r: number) => Array.from({ length: columns }, (_, i) => (r + i) % 10).join(',');
		const text = `${header}\n${row(1)}\n${row(2)}\n${row(3)}\n`;
		const started = performance.now();
		const { dialect } = sniffDialect(text);
		// A bound that catches work growing with columns × columns, not a benchmark (about 0.3 s here).
		expect(performance.now() - started).toBeLessThan(5000);
		expect(dialect).toMatchObject({ delimiter: ',', headerRow: 1 });
	});
});

describe('a sample cut inside a 10 MB quoted field', () => {
	const rows = (from: number, to: number) =>
		Array.from({ length: to - from }, (_, i) => `${from + i},Dodoma,"note ${from + i}",12.5`);
	/** A file whose record `at` (1-based, header = 1) holds a 10 MB quoted field. */
	function fileWithHugeField(at: number): File {
		const huge = `${at - 1},Arusha,"${'x'.repeat(10 * 1024 * 1024)}",3.5`;
		const lines = ['id,region,note,value', ...rows(1, at - 1), huge, ...rows(at, 500)];
		return new File([`${lines.join('\n')}\n`], 'huge-field.csv');
	}

	it.each([3, 2, 40])(
		'drops the cut record (row %i), reports no broken quote and sniffs the complete records',
		async (at) => {
			const result = await sniffRequest({ file: fileWithHugeField(at) });
			expect(result.truncated).toBe(true);
			expect(result.dialect).toMatchObject({
				delimiter: ',',
				quote: '"',
				headerRow: 1,
				decimal: '.'
			});
			expect(result.sampleRecords).toBe(at - 1);
			expect(result.header).toEqual(['id', 'region', 'note', 'value']);
			expect(result.rows).toEqual(
				rows(1, Math.min(at - 1, 21)).map((line) => line.replace(/"/g, '').split(','))
			);
			expect(result.problems).toEqual([]);
			expect(result.columns).toBe(4);
		}
	);

	it('previews the same way with a dialect the person chose', async () => {
		const file = fileWithHugeField(5);
		const first = await sniffRequest({ file });
		const again = await sniffRequest({ file, dialect: { ...first.dialect, headerRow: 1 } });
		expect(again.rows).toHaveLength(3);
		expect(again.problems).toEqual([]);
	});
});

describe('previewRows', () => {
	const dialect: Dialect = {
		encoding: 'utf-8',
		delimiter: ',',
		quote: '"',
		headerRow: 2,
		decimal: '.',
		thousands: '',
		missing: ['']
	};
	it('gives the header and data rows with their row numbers', () => {
		const preview = previewRows('Title\na,b\n1,2\n\n3,4,5\n6,7\n', dialect, 2, 'p.csv');
		expect(preview.header).toEqual(['a', 'b']);
		expect(preview.rows).toEqual([
			['1', '2'],
			['3', '4', '5']
		]);
		expect(preview.rowNumbers).toEqual([3, 5]);
		expect(preview.problems).toEqual([
			{
				file: 'p.csv',
				row: 5,
				kind: 'ragged-row',
				detail: '3/2',
				severity: 'error'
			}
		]);
	});
	it('leaves the cut record of a cut sample out, with its quote', () => {
		const text = 'x\na,b\n1,2\n3,"4';
		const cut = previewRows(text, dialect, 20, 'p.csv', true);
		expect(cut.rows).toEqual([['1', '2']]);
		expect(cut.problems).toEqual([]);
		// The same text as a whole file: the quote is broken.
		const whole = previewRows(text, dialect, 20, 'p.csv');
		expect(whole.problems.map((p) => p.kind)).toContain('unterminated-quote');
	});
	it('names the row of an unterminated quote', () => {
		const preview = previewRows('x\na,b\n1,2\n3,"4\n5,6\n', dialect, 5, 'p.csv');
		expect(preview.problems).toContainEqual(
			expect.objectContaining({ row: 4, kind: 'unterminated-quote', severity: 'error' })
		);
	});
});

describe('a file with nothing to load', () => {
	const sniffed = (bytes: Uint8Array) =>
		sniffRequest({ file: new File([bytes as Uint8Array<ArrayBuffer>], 'f.csv') });
	it.each([
		['blank lines only', encodeText('\n\r\n\n', 'utf-8'), 'empty'],
		['a byte order mark only', encodeText('', 'utf-8-bom'), 'empty'],
		['UTF-16 with a BOM and empty lines', encodeText('\r\n\r\n', 'utf-16le'), 'empty'],
		['a header only', encodeText('Region,Urban,Rural\n', 'utf-8'), 'header-only'],
		['a header and blank lines', encodeText('Region;Value\n\n\n', 'utf-8'), 'header-only'],
		['a header over empty cells', encodeText('Region,Value\n,\n , \n', 'utf-8'), 'header-only'],
		['a header with a BOM', encodeText('Mkoa\tThamani\r\n', 'utf-8-bom'), 'header-only'],
		['one row of data', encodeText('Dodoma,45.3\n', 'utf-8'), null],
		['a header and a row', encodeText('Region,Value\nDodoma,45.3\n', 'utf-8'), null]
	] as const)('%s: %s', async (_, bytes, want) => {
		expect((await sniffed(bytes)).empty).toBe(want);
	});

	it('is judged only on a whole file: a cut sample may have its rows further on', () => {
		expect(previewRows('a,b\n', plainComma, 20, 'f.csv', true).empty).toBeNull();
		expect(previewRows('a,b\n', plainComma, 20, 'f.csv').empty).toBe('header-only');
		expect(emptiness([['a', 'b'], [], ['', ' ']], 1)).toBe('header-only');
		expect(emptiness([[], ['', '']], 0)).toBe('empty');
		expect(emptiness([['title'], ['a', 'b'], ['1', '']], 2)).toBeNull();
	});
});

describe('sniffSample', () => {
	it('detects the encoding and sniffs the decoded text', () => {
		const text = 'Mkoa\tIdadi\nDar-es-salaam\t45,3\nMtwara\t€ 12\n';
		for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'] as const) {
			const bytes = encodeText(text, enc);
			const s = sniffSample(bytes, bytes.length);
			expect(s.encoding).toBe(enc);
			expect(s.dialect).toMatchObject({ encoding: enc, delimiter: '\t', decimal: ',' });
			expect(s.text).toBe(text);
			expect(s.truncated).toBe(false);
			expect(s.evidence[0]).toEqual({ key: 'encoding', params: { encoding: enc } });
		}
	});
});

describe('evidence wording', () => {
	const messages = (locale: string) =>
		JSON.parse(
			readFileSync(join(import.meta.dirname, `../../../messages/upload/${locale}.json`), 'utf8')
		) as Record<string, string>;
	// The encoding has one message per encoding; every other key has one message.
	const wanted = EVIDENCE_KEYS.flatMap((key) =>
		key === 'encoding'
			? ['utf8', 'utf8_bom', 'utf16le', 'utf16be', 'windows1252'].map(
					(e) => `upload_evidence_encoding_${e}`
				)
			: [`upload_evidence_${key}`]
	);
	it.each(['en', 'sw'])('every kind of evidence has a message in %s', (locale) => {
		const all = messages(locale);
		expect(wanted.filter((key) => !all[key])).toEqual([]);
		expect(
			Object.keys(all).filter((key) => key.startsWith('upload_evidence_') && !wanted.includes(key))
		).toEqual([]);
	});
});
