import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeText } from './encoding';
import { keptRecordTexts, recordTexts } from './recordText';
import { scanRecords } from './recordScan';

const comma = { delimiter: ',', quote: '"' } as const;

describe('recordTexts', () => {
	it('gives records as written: quotes, extra fields, quoted line ends, empty lines counted', () => {
		const text = 'a,b\r\n"x, y",2\r\n\r\nshort\r\nlong,3,extra\r\n"multi\nline ""q""",4\r\nlast,5';
		expect(Object.fromEntries(recordTexts(text, comma, [2, 3, 4, 5, 6, 7]))).toEqual({
			2: '"x, y",2',
			3: '',
			4: 'short',
			5: 'long,3,extra',
			6: '"multi\nline ""q""",4',
			7: 'last,5'
		});
	});

	it('runs an unterminated quote to the end of the file, swallowing the lines after it', () => {
		const text = 'a,b\nx,"open\ny,2\nz,3\n';
		expect(recordTexts(text, comma, [2, 3])).toEqual(new Map([[2, 'x,"open\ny,2\nz,3\n']]));
	});

	it('takes a quote only at the start of a field, and none when the dialect has none', () => {
		expect(recordTexts('a,b"c\nd,e\n', comma, [1, 2])).toEqual(
			new Map([
				[1, 'a,b"c'],
				[2, 'd,e']
			])
		);
		expect(recordTexts('"a\nb"\n', { delimiter: ';', quote: '' }, [2])).toEqual(
			new Map([[2, 'b"']])
		);
	});

	it('splits CR-only line ends, and numbers records as the byte scan does', () => {
		const bytes = readFileSync(
			new URL('../../../tests/fixtures/uploads/many-duplicates.csv', import.meta.url)
		);
		const text = bytes.toString('utf8');
		const scan = scanRecords(new Uint8Array(bytes), comma);
		const all = recordTexts(
			text,
			comma,
			Array.from({ length: scan.records }, (_, i) => i + 1)
		);
		expect(all.size).toBe(scan.records);
		expect(all.get(263)).toBe('Mwanza,urban,Radio listening,2023,45.1,check this figure');
		expect(all.get(scan.unterminatedQuoteRow!)).toBe(
			'Tanga,rural,"Radio listening,2023,12.5\nTanga,urban,Radio listening,2023,30.2\n'
		);
		expect(recordTexts('a\rb\rc', comma, [2, 3])).toEqual(
			new Map([
				[2, 'b'],
				[3, 'c']
			])
		);
	});
});

describe('keptRecordTexts', () => {
	it('reads a kept file in its own encoding and gives only the wanted records', async () => {
		const text = 'mkoa;thamani\r\nMjini Magharibi;“45”\r\nDar es Salaam;€\r\nArusha;3\r\n';
		const file = new Blob([encodeText(text, 'windows-1252') as Uint8Array<ArrayBuffer>]);
		const dialect = { encoding: 'windows-1252', delimiter: ';', quote: '"' } as const;
		expect(Object.fromEntries(await keptRecordTexts(file, dialect, [2, 3]))).toEqual({
			2: 'Mjini Magharibi;“45”',
			3: 'Dar es Salaam;€'
		});
	});
});
