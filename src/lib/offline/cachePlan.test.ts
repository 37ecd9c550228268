import { describe, expect, it } from 'vitest';
import { cacheNameFor, isEngineFile, offlinePlan, strategyFor } from './cachePlan';

const build = [
	'/_app/immutable/entry/start.B1.js',
	'/_app/immutable/assets/0.C2.css',
	'/_app/immutable/assets/duckdb-eh.D3.wasm',
	'/_app/immutable/assets/duckdb-mvp.E4.wasm',
	'/_app/immutable/assets/duckdb-browser-eh.worker.F5.js',
	'/_app/immutable/assets/duckdb-browser-mvp.worker.G6.js',
	'/_app/immutable/assets/maplibre-gl-worker.H7.mjs',
	'/_app/immutable/assets/indicators.I8.csv',
	'/_app/immutable/assets/summary.J9.json',
	'/_app/immutable/workers/sniff.worker-K0.js'
];
const files = ['/favicon.svg', '/geo/tanzania-regions.geojson', '/geo/ATTRIBUTION.json'];
const prerendered = ['/', '/sql/', '/region/TZ-03/'];

describe('offline plan', () => {
	const plan = offlinePlan({ build, files, prerendered });

	it('keeps DuckDB out of the precache: the .wasm files and their worker scripts', () => {
		expect(plan.engine).toEqual([
			'/_app/immutable/assets/duckdb-eh.D3.wasm',
			'/_app/immutable/assets/duckdb-mvp.E4.wasm',
			'/_app/immutable/assets/duckdb-browser-eh.worker.F5.js',
			'/_app/immutable/assets/duckdb-browser-mvp.worker.G6.js'
		]);
		expect(plan.shell.filter(isEngineFile)).toEqual([]);
	});

	it('knows the engine files by name, hashed or not, and no other worker', () => {
		expect(isEngineFile('/_app/immutable/assets/duckdb-browser-eh.worker.js')).toBe(true);
		expect(isEngineFile('/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js')).toBe(true);
		expect(isEngineFile('/_app/immutable/assets/maplibre-gl-worker.CZtFQQIV.mjs')).toBe(false);
		expect(isEngineFile('/_app/immutable/workers/prepare.worker-DlEXsHZ1.js')).toBe(false);
	});

	it('precaches every page, static file, script, style, CSV and JSON asset', () => {
		expect(plan.shell.sort()).toEqual(
			[
				...prerendered,
				...files,
				'/_app/immutable/entry/start.B1.js',
				'/_app/immutable/assets/0.C2.css',
				'/_app/immutable/assets/maplibre-gl-worker.H7.mjs',
				'/_app/immutable/assets/indicators.I8.csv',
				'/_app/immutable/assets/summary.J9.json',
				'/_app/immutable/workers/sniff.worker-K0.js'
			].sort()
		);
	});

	it('lists a file once even when two lists name it', () => {
		const twice = offlinePlan({ build, files: [...files, '/'], prerendered });
		expect(twice.shell.filter((p) => p === '/')).toHaveLength(1);
	});

	it('names a cache by version, so each build has its own', () => {
		expect(cacheNameFor('1796418534139')).toBe('pengo-offline-1796418534139');
	});
});

describe('how a request is answered', () => {
	const origin = 'https://pengo.example';
	const get = (path: string, mode = 'cors') => ({ method: 'GET', mode, url: `${origin}${path}` });

	it('pages network-first, hashed files from the cache, the rest network-first', () => {
		expect(strategyFor(get('/region/TZ-03/?lang=sw', 'navigate'), origin, '')).toBe('page');
		expect(strategyFor(get('/_app/immutable/assets/duckdb-eh.D3.wasm'), origin, '')).toBe('hashed');
		expect(strategyFor(get('/geo/tanzania-regions.geojson'), origin, '')).toBe('network-first');
		expect(strategyFor(get('/_app/version.json'), origin, '')).toBe('network-first');
	});

	it('leaves other origins, anything but GET and range requests to the browser', () => {
		expect(strategyFor({ ...get('/'), url: 'https://cdn.example/x.js' }, origin, '')).toBeNull();
		expect(strategyFor({ ...get('/sql/'), method: 'POST' }, origin, '')).toBeNull();
		expect(strategyFor({ ...get('/'), method: 'HEAD' }, origin, '')).toBeNull();
		const range = { ...get('/census.parquet'), headers: new Headers({ Range: 'bytes=0-65535' }) };
		expect(strategyFor(range, origin, '')).toBeNull();
		const whole = { ...get('/census.parquet'), headers: new Headers() };
		expect(strategyFor(whole, origin, '')).toBe('network-first');
	});

	it('finds hashed files under a base path, and only there', () => {
		const underBase = get('/pengo/_app/immutable/chunks/A.js');
		expect(strategyFor(underBase, origin, '/pengo')).toBe('hashed');
		expect(strategyFor(underBase, origin, '')).toBe('network-first');
	});
});
