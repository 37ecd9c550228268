/**
 * The two checks issue 3 asks of the reading layer: the csv-spectrum cases parse to their expected
 * values (through the preview and through DuckDB), and random tables written in every supported
 * dialect come back cell for cell through detectEncoding → toUtf8 → sniff → readRawQuery.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { detectEncoding, encodeText, toUtf8 } from './encoding';
import { readRawQuery } from './readSql';
import { scanRecords } from './recordScan';
import { previewRows, sniffSample } from './sniff';
import type { Delimiter, Encoding } from './types';

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(() => db.close());

let n = 0;
/** Every record of the file as DuckDB's raw table holds it (padding cells dropped). */
async function throughDuckDB(bytes: Uint8Array) {
	const sniff = sniffSample(bytes, bytes.length);
	const utf8 = toUtf8(bytes, detectEncoding(bytes));
	const scan = scanRecords(utf8, sniff.dialect);
	const name = `rt${++n}.csv`;
	const path = await db.registerFile(name, utf8);
	await db.query(readRawQuery(path, sniff.dialect, 1, 'rt', scan));
	await db.dropFile(name);
	const rows = await db.query({ sql: 'SELECT * FROM rt ORDER BY __row', params: [] });
	const records = rows.map((r) => {
		const cells = Object.entries(r)
			.filter(([k]) => /^c\d+$/.test(k))
			.map(([, v]) => v as string | null);
		return cells.slice(0, Number(r.__fields));
	});
	return { sniff, scan, records };
}

const spectrumDir = join(dirname(createRequire(import.meta.url).resolve('csv-spectrum')), 'csvs');
const cases = readdirSync(spectrumDir)
	.filter((f) => f.endsWith('.csv'))
	.map((f) => f.replace(/\.csv$/, ''));

function expected(name: string): Record<string, string>[] {
	const json: unknown = JSON.parse(
		readFileSync(join(spectrumDir, '..', 'json', `${name}.json`), 'utf8')
	);
	const rows = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
	// The package's inconsistent fixture: location_coordinates.json gives a phone number that its
	// CSV does not contain (1234567890 against 2095257564). The CSV is the input, so the expected
	// value is corrected to what the CSV says; every other field is checked as published.
	if (name === 'location_coordinates')
		return rows.map((r) => ({ ...r, 'Contact Phone Number': '2095257564' }));
	return rows;
}

const asObjects = (header: string[], rows: (string | null)[][]) =>
	rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));

describe('csv-spectrum', () => {
	it('has its twelve cases', () => {
		expect(cases).toHaveLength(12);
	});
	for (const name of cases) {
		it(`${name} parses to the expected values, in the preview and in DuckDB`, async () => {
			const bytes = new Uint8Array(readFileSync(join(spectrumDir, `${name}.csv`)));
			const want = expected(name);
			const { sniff, records } = await throughDuckDB(bytes);
			expect(sniff.dialect).toMatchObject({ delimiter: ',', quote: '"', headerRow: 1 });
			const preview = previewRows(sniff.text, sniff.dialect, 100);
			expect(asObjects(preview.header, preview.rows)).toEqual(want);
			expect(preview.problems).toEqual([]);
			expect(asObjects(records[0] as string[], records.slice(1))).toEqual(want);
		});
	}
});

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'];
const anyText = fc.constantFrom(
	...['a', 'Z', '7', ' ', ',', ';', '\t', '|', '"', "'", '\n', '\r\n', '\r', '=', '+', '-', '@'],
	...['é', '€', 'ʤ', 'ß', '🌍', '中', 'Dar-es-salaam', 'Unguja', '=SUM(A1:A9)', '=HYPERLINK("x")']
);
// Windows-1252 text avoids the bytes 0x80–0xBF, which could also read as valid UTF-8 sequences
// and make the encoding genuinely ambiguous; € and friends are covered by the fixtures.
const latinText = fc.constantFrom(
	...['a', 'Z', '7', ' ', ',', ';', '\t', '|', '"', "'", '\n', '\r\n', '=', '+', '-', '@'],
	...['é', 'ü', 'Ñ', 'ß', 'Mtwara', '=SUM(A1:A9)']
);
const cellOf = (piece: fc.Arbitrary<string>) =>
	fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

/** A plain writer: quotes a field holding anything special, doubles quotes inside. */
function writeTable(rows: string[][], delimiter: Delimiter, newline: string): string {
	const special = /[",;\t|\r\n']/;
	return rows
		.map((r) =>
			r.map((c) => (special.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter)
		)
		.join(newline)
		.concat(newline);
}

describe('random tables round-trip through every dialect', () => {
	const table = (piece: fc.Arbitrary<string>) =>
		fc
			.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 8 }))
			.chain(([width, height]) =>
				fc.array(fc.array(cellOf(piece), { minLength: width, maxLength: width }), {
					minLength: height,
					maxLength: height
				})
			);
	const cases = fc.oneof(
		fc.record({
			encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le'),
			rows: table(anyText),
			delimiter: fc.constantFrom(...DELIMITERS),
			newline: fc.constantFrom('\n', '\r\n')
		}),
		fc.record({
			encoding: fc.constant<Encoding>('windows-1252'),
			rows: table(latinText),
			delimiter: fc.constantFrom(...DELIMITERS),
			newline: fc.constantFrom('\n', '\r\n')
		})
	);

	it('cell for cell, with the delimiter and encoding detected', async () => {
		const seen = new Set<string>();
		await fc.assert(
			fc.asyncProperty(cases, async ({ encoding, rows, delimiter, newline }) => {
				seen.add(`${encoding} ${JSON.stringify(delimiter)}`);
				const bytes = encodeText(writeTable(rows, delimiter, newline), encoding);
				const { sniff, records } = await throughDuckDB(bytes);
				// ASCII-only Windows-1252 text is also valid UTF-8, and reads the same either way.
				if (encoding !== 'windows-1252') expect(sniff.encoding).toBe(encoding);
				expect(sniff.dialect.delimiter).toBe(delimiter);
				expect(records).toEqual(rows);
			}),
			{ numRuns: 300 }
		);
		expect(seen.size).toBe(ENCODINGS.length * DELIMITERS.length);
	});
});
