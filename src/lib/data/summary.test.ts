import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, Row } from '$lib/db/connector';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { openWasmConnector } from '../../../tests/wasm-connector';
import { profileSourcesQuery, profileValuesQuery } from '$lib/sql/regionProfile';
import type { BoundQuery } from '$lib/db/connector';
import { fetchRegionProfiles, unionOfSources } from './regionProfile';
import {
	commonYears,
	CONNECTIVITY,
	CONNECTIVITY_CODES,
	fetchServicesView,
	SERVICE_CODES,
	SERVICES
} from './services';
import {
	decodeAnswer,
	encodeAnswer,
	queryKey,
	summaryConnector,
	type BundledSummary,
	type EngineSource
} from './summary';
import { buildSummary } from './summaryBuild';
import { fetchTrend } from './trend';
import { fetchIndicatorView } from './views';

const dataDir = join(import.meta.dirname, '../../../data');
const readData = async (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

let native: NativeConnector;
let summary: BundledSummary;
let first: BundledSummary;
let queries: Map<string, BoundQuery | string>;

/** An engine that must never be needed: every bundled view is answered from the summary. */
const noEngine: EngineSource = {
	connect: () => Promise.reject(new Error('the engine was asked')),
	restart: async () => undefined
};
let fromSummary: Connector;

beforeAll(async () => {
	native = await openNativeConnector();
	({ summary, first, queries } = await buildSummary(native, readData));
	fromSummary = summaryConnector(Promise.resolve(first), async () => summary, noEngine);
});
afterAll(() => native.close());

describe('queryKey', () => {
	it('is stable and tells apart text and bound values', () => {
		const q = { sql: 'SELECT ? AS a', params: ['x'] };
		expect(queryKey(q)).toBe(queryKey({ sql: 'SELECT ? AS a', params: ['x'] }));
		expect(queryKey(q)).not.toBe(queryKey({ sql: 'SELECT ? AS a', params: ['y'] }));
		expect(queryKey(q)).not.toBe(queryKey({ sql: 'SELECT ? AS b', params: ['x'] }));
		expect(queryKey('SELECT 1')).toBe(queryKey({ sql: 'SELECT 1', params: [] }));
		expect(queryKey(q)).toMatch(/^[0-9a-f]{14}$/);
	});

	it('encodes rows by column and decodes them back', () => {
		const rows = [
			{ a: 1, b: 'x', c: null },
			{ a: 2.5, b: null, c: true }
		];
		// Kept as JSON text, parsed when asked.
		expect(typeof encodeAnswer(rows)).toBe('string');
		expect(JSON.parse(encodeAnswer(rows))).toEqual([
			['a', 'b', 'c'],
			[
				[1, 'x', null],
				[2.5, null, true]
			]
		]);
		expect(decodeAnswer(encodeAnswer(rows))).toEqual(rows);
		expect(decodeAnswer(encodeAnswer([]))).toEqual([]);
	});
});

describe('the summary answers every bundled view as the engine does', () => {
	it('every indicator in every year, without the engine', async () => {
		let views = 0;
		for (const indicator of summary.bundled.indicators) {
			for (const year of indicator.years) {
				expect(await fetchIndicatorView(fromSummary, indicator.id, year)).toEqual(
					await fetchIndicatorView(native, indicator.id, year)
				);
				views++;
			}
		}
		expect(views).toBeGreaterThan(10);
	});

	it('the rounds of every indicator with two or more, without the engine', async () => {
		const many = summary.bundled.indicators.filter((i) => i.years.length >= 2);
		expect(many.map((i) => i.id)).toContain('women_mobile_phone');
		for (const indicator of many) {
			expect(await fetchTrend(fromSummary, indicator.id)).toEqual(
				await fetchTrend(native, indicator.id)
			);
		}
	});

	it('the first screen’s part holds the default view and the catalogue, and little else', () => {
		expect(Object.keys(first.answers)).toHaveLength(4);
		expect(first.bundled).toEqual(summary.bundled);
	});

	it('each region’s profile, and a comparison of several asked region by region', async () => {
		const { regions, indicators } = summary.bundled;
		for (const region of regions) {
			expect(await fetchRegionProfiles(fromSummary, regions, indicators, [region.isoCode])).toEqual(
				await fetchRegionProfiles(native, regions, indicators, [region.isoCode])
			);
		}
		const three = ['TZ-02', 'TZ-07', 'TZ-26'];
		const compared = await fetchRegionProfiles(fromSummary, regions, indicators, three);
		expect(compared.map((p) => p.region.isoCode)).toEqual(three);
		// Region by region gives what one query for all of them gives.
		const together = await native.query(profileValuesQuery(three));
		const apart = (
			await Promise.all(three.map((c) => native.query(profileValuesQuery([c]))))
		).flat();
		const order = (rows: Row[]) =>
			rows.map((r) => JSON.stringify(r)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		expect(order(apart)).toEqual(order(together));
		const sources = await Promise.all(three.map((c) => native.query(profileSourcesQuery([c]))));
		expect(unionOfSources(sources)).toEqual(await native.query(profileSourcesQuery(three)));
	});

	it('each services choice in each year it has', async () => {
		let views = 0;
		for (const service of SERVICE_CODES) {
			for (const connectivity of CONNECTIVITY_CODES) {
				const ids = [SERVICES[service], CONNECTIVITY[connectivity]];
				for (const year of commonYears(summary.bundled.indicators, ids)) {
					expect(await fetchServicesView(fromSummary, service, connectivity, year)).toEqual(
						await fetchServicesView(native, service, connectivity, year)
					);
					views++;
				}
			}
		}
		expect(views).toBeGreaterThan(0);
	});

	it('goes to the engine for anything else, and for everything once a file is registered', async () => {
		const asked: string[] = [];
		const engine: EngineSource = {
			connect: async () => {
				asked.push('connect');
				return native;
			},
			restart: async () => undefined
		};
		const db = summaryConnector(Promise.resolve(first), async () => summary, engine);
		const indicator = summary.bundled.indicators[0]!;
		await fetchIndicatorView(db, indicator.id, indicator.years[0]!);
		expect(asked).toEqual([]);
		expect(await db.query('SELECT 41 + 1 AS n')).toEqual([{ n: 42 }]);
		expect(asked).toEqual(['connect']);
		await db.registerFile('x.csv', new TextEncoder().encode('a\n1\n'));
		await db.dropFile('x.csv');
		const before = asked.length;
		await fetchIndicatorView(db, indicator.id, indicator.years[0]!);
		expect(asked.length).toBe(before + 4);
	});
});

describe('the summary equals what DuckDB-WASM computes', () => {
	// The page's own engine (the same .wasm), loading the same files: every precomputed answer,
	// row by row; numbers to 1e-12 relative (the native build and the WebAssembly build may sum
	// in another order).
	let wasm: Connector & { close(): void };
	beforeAll(async () => {
		wasm = await openWasmConnector();
		const { loadBundled } = await import('./loadBundled');
		expect(await loadBundled(wasm, readData)).toEqual(summary.bundled);
	}, 120_000);
	afterAll(() => wasm.close());

	it('for every query the bundled views ask', async () => {
		const close = (a: unknown, b: unknown): boolean => {
			if (typeof a === 'number' && typeof b === 'number')
				return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
			return JSON.stringify(a) === JSON.stringify(b);
		};
		expect(queries.size).toBe(Object.keys(summary.answers).length);
		for (const [key, q] of queries) {
			const expected = decodeAnswer(summary.answers[key]!);
			const actual = await wasm.query(q);
			expect(actual.length, key).toBe(expected.length);
			actual.forEach((row, i) => {
				for (const [column, value] of Object.entries(expected[i]!)) {
					if (!close(row[column], value))
						expect.fail(`${key} row ${i} ${column}: wasm ${row[column]} vs summary ${value}`);
				}
			});
		}
	}, 120_000);
});
