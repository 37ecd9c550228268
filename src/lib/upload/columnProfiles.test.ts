/**
 * columnProfilesQuery against a plain TypeScript profile of the same cells (parseNumber from
 * numbers.ts, counting by hand), on generated files with numbers written in the dialect, missing
 * tokens, leading-zero codes, text and ragged rows, read through scanRecords and readRawQuery on
 * native DuckDB like an upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { encodeText } from './encoding';
import { BLANKS, parseNumber } from './numbers';
import {
	columnProfileBatches,
	columnProfilesQuery,
	PROFILE_BATCH_COLUMNS,
	toColumnProfiles
} from './columnProfiles';
import { readRawQuery } from './readSql';
import { scanRecords } from './recordScan';
import type { ColumnProfile, Dialect } from './types';
import { plainComma } from './wideFile.test-data';

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(() => db.close());

/** Small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
	return { next, int, pick };
}
type Random = ReturnType<typeof random>;

/** A number written the way the dialect writes it, sometimes with grouping, sign, exponent, % or blanks. */
function writeNumber(r: Random, d: Dialect): string {
	const whole = r.pick([0, 1, 7, 12, 999, 1000, 12345, 1234567, r.int(100000)]);
	let int = String(whole);
	if (d.thousands && whole >= 1000 && r.next() < 0.5) {
		int = int.replace(
			/\B(?=(\d{3})+$)/g,
			d.thousands === ' ' ? r.pick([' ', '\u00a0']) : d.thousands
		);
	}
	let text = r.next() < 0.4 ? `${int}${d.decimal}${r.int(100)}` : int;
	// No sign on zero: -0 and 0 are the same number to the engine but not to toEqual.
	if (whole !== 0 && r.next() < 0.2) text = `-${text}`;
	if (r.next() < 0.05) text = `${text}e${r.int(3)}`;
	if (r.next() < 0.05) text = `${text}%`;
	// Blanks around the number, each of the characters trimmed (BLANKS) at one end or the other.
	if (r.next() < 0.1) text = `${r.pick(['', ...BLANKS])}${text}${r.pick(['', ...BLANKS])}`;
	return text;
}

const TEXTS = [
	'Dodoma',
	'dodoma',
	'Arusha',
	' Arusha',
	'Tanga ',
	'\u202fMbeya\r\n',
	'x',
	'two\nlines',
	'a "quote"',
	'Zanzibar'
];
const ODD = [
	'1e999',
	'12.3.4',
	'1,2,3',
	'--1',
	'+',
	'%',
	'0x10',
	'1 000',
	'00',
	'007',
	'na',
	'NA ',
	'.5',
	'5.'
];

/** One cell of a column of the given kind; null leaves the field (and the rest of the record) out. */
function cell(r: Random, kind: string, d: Dialect, row: number): string {
	const missing = () =>
		r.pick(['', ' ', '\t', ...d.missing.map((m) => (r.next() < 0.5 ? m : ` ${m} `))]);
	switch (kind) {
		case 'number':
			return r.next() < 0.9 ? writeNumber(r, d) : r.next() < 0.5 ? missing() : r.pick(ODD);
		case 'code':
			return r.next() < 0.9 ? String(r.int(30)).padStart(r.pick([1, 2, 3]), '0') : missing();
		case 'text':
			return r.next() < 0.8 ? r.pick(TEXTS) : missing();
		case 'mixed':
			return r.pick([writeNumber(r, d), r.pick(TEXTS), r.pick(ODD), missing()]);
		case 'unique':
			return `${row}${d.decimal}5`;
		default:
			return missing();
	}
}

const KINDS = ['number', 'code', 'text', 'mixed', 'unique', 'missing'];

interface Generated {
	/** Records of the file, header record(s) included; a short record is a ragged row. */
	records: string[][];
	columns: number;
}

function generate(seed: number, d: Dialect, rows: number): Generated {
	const r = random(seed);
	const records: string[][] = [];
	for (let row = 1; row <= rows; row++) {
		if (row === d.headerRow) {
			records.push(KINDS.map((k) => k));
			continue;
		}
		if (row < d.headerRow) {
			records.push(['a title above the header']);
			continue;
		}
		const full = KINDS.map((k) => cell(r, k, d, row));
		// Some records stop early: their last fields are absent (NULL), not empty.
		records.push(r.next() < 0.1 ? full.slice(0, 1 + r.int(KINDS.length - 1)) : full);
	}
	return { records, columns: KINDS.length };
}

function toCsv({ records }: Generated, d: Dialect): string {
	const field = (v: string) => `"${v.replaceAll('"', '""')}"`;
	return records.map((rec) => rec.map(field).join(d.delimiter)).join('\n') + '\n';
}

function trimBlanks(text: string): string {
	let s = 0;
	let e = text.length;
	while (s < e && BLANKS.includes(text[s]!)) s++;
	while (e > s && BLANKS.includes(text[e - 1]!)) e--;
	return text.slice(s, e);
}

/** A profile without header and label, which toColumnProfiles takes from the headers given. */
function withoutNames(p: ColumnProfile): Omit<ColumnProfile, 'header' | 'label'> {
	const rest: Partial<ColumnProfile> = { ...p };
	delete rest.header;
	delete rest.label;
	return rest as Omit<ColumnProfile, 'header' | 'label'>;
}

/** The first 200 characters (code points), as the profile carries long texts. */
const start = (text: string) => [...text].slice(0, 200).join('');

/** DuckDB orders VARCHAR by UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The profile computed cell by cell in TypeScript, without header and label. */
function expectedProfile(
	g: Generated,
	d: Dialect,
	index: number
): Omit<ColumnProfile, 'header' | 'label'> {
	let present = 0;
	let numeric = 0;
	let leadingZero = 0;
	let min: number | null = null;
	let max: number | null = null;
	let firstText: { row: number; value: string } | null = null;
	const counts = new Map<string, number>();
	g.records.forEach((rec, i) => {
		const row = i + 1;
		const v = rec[index - 1];
		if (row <= d.headerRow || v === undefined) return;
		const x = parseNumber(v, d);
		if (x === null) return; // missing: blank or one of the dialect's tokens
		present++;
		counts.set(v, (counts.get(v) ?? 0) + 1);
		if (/^0[0-9]+$/.test(trimBlanks(v))) leadingZero++;
		if (typeof x === 'number') {
			numeric++;
			min = min === null ? x : Math.min(min, x);
			max = max === null ? x : Math.max(max, x);
		} else if (firstText === null) firstText = { row, value: v };
	});
	const top = [...counts].sort(([a, ka], [b, kb]) => kb - ka || byBytes(a, b)).slice(0, 8);
	const examples = top.map(([v]) => v);
	const mostlyNumeric = numeric > 0 && numeric >= present / 2;
	const first = firstText as { row: number; value: string } | null;
	return {
		index,
		present,
		numeric,
		leadingZero,
		distinct: counts.size,
		examples: examples.map(start),
		exampleLengths: examples.map((e) => [...e].length),
		exampleCounts: top.map(([, k]) => k),
		firstNonNumeric: mostlyNumeric && first ? { row: first.row, value: start(first.value) } : null,
		min,
		max
	};
}

const dialects: [string, Dialect][] = [
	[
		'point decimal, comma thousands',
		{ ...plainComma, thousands: ',', missing: ['NA', '-', 'N/A'] }
	],
	[
		'comma decimal, space thousands, a title row above the header',
		{
			...plainComma,
			delimiter: ';',
			headerRow: 2,
			decimal: ',',
			thousands: ' ',
			missing: ['..', 'n/a']
		}
	],
	[
		'point decimal, no thousands, no missing tokens',
		{ ...plainComma, delimiter: '\t', missing: [] }
	]
];

let fileNo = 0;
describe('columnProfilesQuery matches a cell-by-cell TypeScript profile', () => {
	for (const [name, dialect] of dialects) {
		for (const seed of [1, 2]) {
			it(`${name}, seed ${seed}`, async () => {
				const g = generate(seed * 7919, dialect, 3000);
				const bytes = encodeText(toCsv(g, dialect), 'utf-8');
				const scan = scanRecords(bytes, dialect);
				const file = `profiles${++fileNo}.csv`;
				const table = `profiles${fileNo}`;
				const path = await db.registerFile(file, bytes);
				await db.query(readRawQuery(path, dialect, g.columns, table, scan));
				const headers = KINDS.slice();
				const profiles = toColumnProfiles(
					await db.query(columnProfilesQuery(table, g.columns, dialect, dialect.headerRow)),
					headers
				);
				const expected = KINDS.map((_, i) => expectedProfile(g, dialect, i + 1));
				expect(profiles.map(withoutNames)).toEqual(expected);
				expect(profiles.map((p) => [p.header, p.label])).toEqual(headers.map((h) => [h, h]));
				// The generator does what it claims: every kind of content reaches the query.
				const [num, code, , mixed, unique, missing] = profiles;
				expect(num!.numeric).toBeGreaterThan(num!.present * 0.8);
				expect(num!.firstNonNumeric).not.toBeNull();
				expect(code!.leadingZero).toBeGreaterThan(0);
				expect(mixed!.numeric).toBeGreaterThan(0);
				expect(mixed!.numeric).toBeLessThan(mixed!.present);
				expect(unique!.distinct).toBe(unique!.present);
				expect(missing!.present).toBe(0);
				expect(missing!.examples).toEqual([]);
				const ragged = g.records.filter(
					(rec, i) => i + 1 > dialect.headerRow && rec.length < g.columns
				);
				expect(ragged.length).toBeGreaterThan(100);
			});
		}
	}

	it('gives a profile of zeros for every column of a file with no data rows', async () => {
		await db.query({
			sql: `CREATE TABLE empty_raw (__row INTEGER, __fields INTEGER, c1 VARCHAR, c2 VARCHAR)`,
			params: []
		});
		await db.query({ sql: `INSERT INTO empty_raw VALUES (1, 2, 'a', 'b')`, params: [] });
		const profiles = toColumnProfiles(
			await db.query(columnProfilesQuery('empty_raw', 2, dialects[0]![1], 1)),
			['a', 'b']
		);
		expect(profiles.map(withoutNames)).toEqual(
			[1, 2].map((index) => ({
				index,
				present: 0,
				numeric: 0,
				leadingZero: 0,
				distinct: 0,
				examples: [],
				exampleLengths: [],
				exampleCounts: [],
				firstNonNumeric: null,
				min: null,
				max: null
			}))
		);
	});

	it('carries the start and the length of long texts, and profiles wide files in batches', async () => {
		const dialect = dialects[2]![1];
		const columns = PROFILE_BATCH_COLUMNS + 7;
		const long = '𝄞'.repeat(150) + 'x'.repeat(1_000_000);
		const g: Generated = {
			columns,
			records: [
				Array.from({ length: columns }, (_, i) => `h${i + 1}`),
				...Array.from({ length: 30 }, (_, r) =>
					Array.from({ length: columns }, (_, i) =>
						i === 1 && r === 4 ? long : i === 0 && r < 3 ? `${r}${long}` : String((r * i) % 7)
					)
				)
			]
		};
		const bytes = encodeText(toCsv(g, dialect), 'utf-8');
		const path = await db.registerFile('long.csv', bytes);
		await db.query(readRawQuery(path, dialect, columns, 'long_raw', scanRecords(bytes, dialect)));
		const headers = g.records[0]!;
		const batches = columnProfileBatches(columns);
		expect(batches).toEqual([
			[1, PROFILE_BATCH_COLUMNS],
			[PROFILE_BATCH_COLUMNS + 1, columns]
		]);
		const rows = [];
		for (const [first, last] of batches) {
			rows.push(...(await db.query(columnProfilesQuery('long_raw', last, dialect, 1, first))));
		}
		const profiles = toColumnProfiles(rows, headers);
		expect(profiles.map(withoutNames)).toEqual(
			headers.map((_, i) => expectedProfile(g, dialect, i + 1))
		);
		// Column 2: one text of 1,000,150 characters among the digits, as its first 200 characters.
		const cut = profiles[1]!;
		const k = cut.exampleLengths.indexOf(1_000_150);
		expect(cut.examples[k]).toBe('𝄞'.repeat(150) + 'x'.repeat(50));
		expect(profiles[0]!.firstNonNumeric).toEqual({ row: 2, value: start(`0${long}`) });
	});
});
