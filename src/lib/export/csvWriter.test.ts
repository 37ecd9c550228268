import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	csvField,
	FORMULA_START,
	neutraliseText,
	PLAIN_NEGATIVE_NUMBER,
	writeCsv,
	type CsvCell
} from './csvWriter';

const parse = (text: string) =>
	Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, newline: '\r\n' }).data;

describe('csvField', () => {
	it('quotes every field and doubles quotes', () => {
		expect(csvField('Dar es Salaam')).toBe('"Dar es Salaam"');
		expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
		expect(csvField(null)).toBe('""');
	});

	it('prefixes formula-looking text (OWASP)', () => {
		expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		for (const start of ['=', '+', '-', '@', '\t', '\r', '\n'])
			expect(neutraliseText(`${start}A1`)).toBe(`'${start}A1`);
		expect(neutraliseText('a=1')).toBe('a=1');
		expect(neutraliseText("'quoted")).toBe("'quoted");
	});

	it('keeps a text that is a plain negative number as it is, and neutralises any other', () => {
		for (const n of ['-12.5', '-3', '-0.25', '-.5', '-1,234.5', '-1.234,5', '-3,2'])
			expect(csvField(n)).toBe(`"${n}"`);
		for (const f of [
			'-2+3',
			'-1-1',
			'-A1',
			'-',
			'--1',
			'-1e5',
			'-1.',
			'-1..2',
			'- 1',
			'-1 ',
			'-SUM(A1)'
		])
			expect(csvField(f)).toBe(`"'${f}"`);
		expect(csvField('=1+1')).toBe('"\'=1+1"');
		expect(csvField('+12')).toBe('"\'+12"');
	});

	it('keeps numbers numeric, negative ones unprefixed', () => {
		expect(csvField(-4.5)).toBe('"-4.5"');
		expect(csvField(0.1 + 0.2)).toBe('"0.30000000000000004"');
		expect(csvField(-0)).toBe('"0"');
		expect(csvField(Number.NaN)).toBe('""');
	});
});

describe('writeCsv', () => {
	it('writes a header and CRLF rows', () => {
		expect(writeCsv(['a', 'b'], [['x', 1]])).toBe('"a","b"\r\n"x","1"\r\n');
	});

	it('refuses a row of the wrong length', () => {
		expect(() => writeCsv(['a', 'b'], [['x']])).toThrow(/row 1 has 1 cells/);
	});

	it('round-trips any text and any number through papaparse', () => {
		const text = fc.oneof(
			fc.string({ unit: 'grapheme' }),
			fc.constantFrom('=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\r\n', '"', ',', "'=1"),
			fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', '=', '-', 'a', 'ü', '🙂', "'") })
		);
		const cell: fc.Arbitrary<CsvCell> = fc.oneof(
			text,
			fc.double({ noNaN: true, noDefaultInfinity: true }),
			fc.integer(),
			fc.constant(null)
		);
		const table = fc
			.integer({ min: 1, max: 5 })
			.chain((width) =>
				fc
					.array(fc.array(cell, { minLength: width, maxLength: width }))
					.map((rows) => ({ width, rows }))
			);
		fc.assert(
			fc.property(table, ({ width, rows }) => {
				const header = Array.from({ length: width }, (_, i) => `c${i}`);
				const parsed = parse(writeCsv(header, rows));
				// The final CRLF leaves one empty record behind.
				expect(parsed.at(-1)).toEqual(['']);
				expect(parsed[0]).toEqual(header);
				expect(parsed).toHaveLength(rows.length + 2);
				parsed.slice(1, -1).forEach((got, r) =>
					got.forEach((field, c) => {
						const want = rows[r]![c]!;
						if (want === null) expect(field).toBe('');
						else if (typeof want === 'number') expect(Number(field)).toBe(want === 0 ? 0 : want);
						else if (FORMULA_START.test(want) && !PLAIN_NEGATIVE_NUMBER.test(want))
							expect(field).toBe(`'${want}`);
						else expect(field).toBe(want);
					})
				);
			}),
			{ numRuns: 300 }
		);
	});
});
