import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.mjs';

describe('precompress', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('writes .br and .gz beside .csv, .geojson and .wasm, and reuses them from the cache', async () => {
		dir = mkdtempSync(join(tmpdir(), 'pengo-precompress-'));
		const site = join(dir, 'build');
		const cache = join(dir, 'cache');
		mkdirSync(join(site, 'geo'), { recursive: true });
		const csv = 'region,value\n'.concat('Dodoma,61.6\n'.repeat(500));
		const wasm = new Uint8Array(20_000).map((_, i) => (i * 31) % 11);
		writeFileSync(join(site, 'data.csv'), csv);
		writeFileSync(join(site, 'copy.csv'), csv);
		writeFileSync(join(site, 'geo/regions.geojson'), JSON.stringify({ features: [csv] }));
		writeFileSync(join(site, 'duckdb.wasm'), wasm);
		writeFileSync(join(site, 'tiny.json'), '{}');
		writeFileSync(join(site, 'map.png'), wasm);

		const first = await precompress(site, cache);
		expect(first).toMatchObject({ files: 5, compressed: 8, cached: 0 });
		expect(brotliDecompressSync(readFileSync(join(site, 'data.csv.br'))).toString()).toBe(csv);
		expect(gunzipSync(readFileSync(join(site, 'data.csv.gz'))).toString()).toBe(csv);
		expect(existsSync(join(site, 'geo/regions.geojson.br'))).toBe(true);
		expect(
			new Uint8Array(brotliDecompressSync(readFileSync(join(site, 'duckdb.wasm.br'))))
		).toEqual(wasm);
		// Two bytes do not get smaller; images are compressed already.
		expect(existsSync(join(site, 'tiny.json.br'))).toBe(false);
		expect(existsSync(join(site, 'map.png.br'))).toBe(false);

		const second = await precompress(site, cache);
		expect(second).toMatchObject({ files: 5, compressed: 0, cached: 8 });

		rmSync(join(site, 'duckdb.wasm'));
		rmSync(join(site, 'duckdb.wasm.br'));
		rmSync(join(site, 'duckdb.wasm.gz'));
		await precompress(site, cache);
		expect(readdirSync(cache)).toHaveLength(6);
	});
});
