import { describe, expect, it } from 'vitest';
import { encodeText } from './encoding';
import { previewRows, sniffDialect, sniffSample } from './sniff';
import type { Dialect } from './types';

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
		expect(evidence.join(' ')).toMatch(/semicolon/);
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
		expect(evidence.join(' ')).toMatch(/title line/);
	});

	it('sees when there is no header row', () => {
		expect(sniffDialect('1,2,3\n4,5,6\n7,8,9\n').dialect.headerRow).toBe(0);
		expect(sniffDialect('name,code\nDodoma,01\nArusha,02\n').dialect.headerRow).toBe(1);
	});

	it('recognises tabs, pipes and single quotes', () => {
		expect(sniffDialect('a\tb\n1,5\t2\n3,25\t4\n').dialect).toMatchObject({
			delimiter: '\t',
			decimal: ','
		});
		expect(sniffDialect('a|b|c\n1|2|3\n4|5|6\n').dialect.delimiter).toBe('|');
		expect(sniffDialect("name,note\n'Dodoma','a, b'\n'Arusha','c, d'\n").dialect.quote).toBe("'");
	});

	it('keeps every default missing token and names those present: a lone - is missing, -3 a number', () => {
		const { dialect, evidence } = sniffDialect('a,b\n-,..\n-3,n/a\n4,5\n');
		expect(dialect.missing).toEqual(['', 'NA', 'N/A', 'n/a', '..', '-', 'NaN', 'null']);
		expect(evidence).toContain('Missing values written as "n/a", "..", "-".');
	});

	it('drops the cut last record of a truncated sample', () => {
		const { sampleRecords } = sniffDialect('a,b\n1,2\n3,"unfinis', { truncated: true });
		expect(sampleRecords).toBe(2);
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
				detail: '3 fields, expected 2',
				severity: 'warning'
			}
		]);
	});
	it('names the row of an unterminated quote', () => {
		const preview = previewRows('x\na,b\n1,2\n3,"4\n5,6\n', dialect, 5, 'p.csv');
		expect(preview.problems).toContainEqual(
			expect.objectContaining({ row: 4, kind: 'unterminated-quote', severity: 'error' })
		);
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
		}
	});
});
