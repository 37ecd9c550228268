import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '$lib/db/quote';
import { openNativeDuckDB, type NativeDuckDB } from '../../../tests/native-duckdb';
import {
	isNumberSql,
	numberSql,
	parseNumber,
	trimmedMissingSql,
	trimmedNumberSql,
	trimmedSql
} from './numbers';
import type { Dialect } from './types';
import { plainComma } from './wideFile.test-data';

const MISSING = ['NA', 'N/A', 'n/a', '..', '-', 'NaN', 'null'];
const dot: Dialect = { ...plainComma, thousands: ',', missing: ['', ...MISSING] };
const comma: Dialect = { ...dot, delimiter: ';', decimal: ',', thousands: '.' };
const commaSpace: Dialect = { ...comma, thousands: ' ' };
const plain: Dialect = { ...dot, thousands: '' };
const apostrophe: Dialect = { ...dot, thousands: "'" };

describe('parseNumber', () => {
	it('reads decimal points and grouped thousands', () => {
		expect(parseNumber('1,234,567', dot)).toBe(1234567);
		expect(parseNumber(' 45.3 ', dot)).toBe(45.3);
		expect(parseNumber('+7', dot)).toBe(7);
		expect(parseNumber('-3', dot)).toBe(-3);
		expect(parseNumber('.5', dot)).toBe(0.5);
		expect(parseNumber('1.5e3', dot)).toBe(1500);
		expect(parseNumber('45%', dot)).toBe(45);
		expect(parseNumber('45 %', dot)).toBe(45);
		expect(parseNumber('007', dot)).toBe(7);
		expect(parseNumber("1'234.5", apostrophe)).toBe(1234.5);
	});
	it('reads decimal commas with dot or space thousands', () => {
		expect(parseNumber('45,3', comma)).toBe(45.3);
		expect(parseNumber('-21.419,06', comma)).toBe(-21419.06);
		expect(parseNumber('1 234,5', commaSpace)).toBe(1234.5);
		expect(parseNumber('1\u00a0234,5', commaSpace)).toBe(1234.5);
	});
	it('tells missing (null) from not a number (undefined)', () => {
		for (const m of ['', '   ', 'NA', 'N/A', 'n/a', '..', '-', 'NaN', 'null', ' - ']) {
			expect(parseNumber(m, dot)).toBeNull();
		}
		for (const bad of [
			'abc',
			'1,23',
			'12,34,567',
			'1.2.3',
			'--3',
			'3-',
			'1e',
			'Infinity',
			'1e999',
			'0x10',
			'5.',
			'1,5',
			'na'
		]) {
			expect(parseNumber(bad, dot), bad).toBeUndefined();
		}
		// A thousands separator in the wrong place is not silently dropped.
		expect(parseNumber('1.5', comma)).toBeUndefined();
		expect(parseNumber('1,234', plain)).toBeUndefined();
	});
});

describe('numberSql agrees with parseNumber on native DuckDB', () => {
	let db: NativeDuckDB;
	beforeAll(async () => {
		db = await openNativeDuckDB();
	});
	afterAll(() => db.close());

	async function sqlResults(texts: string[], dialect: Dialect) {
		const values = texts.map((t, i) => `(${i}, ${quoteLiteral(t)})`).join(', ');
		const rows = await db.query({
			sql: `SELECT i, ${numberSql('v', dialect)} AS n, ${isNumberSql('v', dialect)} AS ok, (CASE WHEN NOT ${trimmedMissingSql(trimmedSql('v'), dialect)} THEN ${trimmedNumberSql(trimmedSql('v'), dialect)} END) AS dv FROM (VALUES ${values}) AS t(i, v) ORDER BY i`,
			params: []
		});
		return rows.map((r) => ({
			n: r.n as number | null,
			ok: r.ok as boolean,
			dv: r.dv as number | null
		}));
	}

	const pieces = fc.constantFrom(
		...'0123456789'.split(''),
		'00',
		'123',
		'1,234',
		'1.234',
		',',
		'.',
		' ',
		'\u00a0',
		"'",
		'+',
		'-',
		'e',
		'E',
		'%',
		'NA',
		'..',
		'x',
		'\t',
		'999999999999999999999'
	);
	const cell = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));

	for (const [name, dialect] of Object.entries({ dot, comma, commaSpace, plain, apostrophe })) {
		it(`on random number-like text, ${name}`, async () => {
			const kinds = { number: 0, missing: 0, text: 0 };
			await fc.assert(
				fc.asyncProperty(fc.array(cell, { minLength: 50, maxLength: 200 }), async (texts) => {
					const sql = await sqlResults(texts, dialect);
					texts.forEach((t, i) => {
						const js = parseNumber(t, dialect);
						kinds[js === null ? 'missing' : js === undefined ? 'text' : 'number']++;
						const got = sql[i]!;
						expect(got.ok, JSON.stringify(t)).toBe(typeof js === 'number');
						// The profile query's one-cast form: finite exactly when parseNumber gives a number.
						expect(got.dv !== null && Number.isFinite(got.dv), JSON.stringify(t)).toBe(
							typeof js === 'number'
						);
						expect(got.n === null ? null : got.n + 0, JSON.stringify(t)).toBe(
							typeof js === 'number' ? js + 0 : null
						);
					});
				}),
				{ numRuns: 25 }
			);
			// The generator reaches all three answers often, so agreement is tested on each.
			expect(Math.min(kinds.number, kinds.missing, kinds.text)).toBeGreaterThan(50);
		});
	}
});
