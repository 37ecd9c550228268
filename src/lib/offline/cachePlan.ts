/**
 * What the service worker keeps for offline use and how it answers a request. Pure, so the rules
 * are tested in Node; src/service-worker.ts applies them to the lists SvelteKit gives it.
 */

/** Every cache the service worker owns starts with this; other names on the origin are left alone. */
export const CACHE_PREFIX = 'pengo-offline-';

export const cacheNameFor = (version: string): string => `${CACHE_PREFIX}${version}`;

/**
 * DuckDB's engine: the .wasm files (34–39 MB each) and their worker scripts. They are cached only
 * when a page fetches them, never downloaded by the service worker on its own.
 */
export function isEngineFile(path: string): boolean {
	return path.endsWith('.wasm') || /\/duckdb-browser-[^/]*\.worker\b[^/]*\.js$/.test(path);
}

/** Files under the immutable folder carry a hash of their content in their name. */
export function isHashedPath(path: string, base: string): boolean {
	return path.startsWith(`${base}/_app/immutable/`);
}

export interface OfflinePlan {
	/** Downloaded on install: every page, the app's code and styles, the bundled data, `static/`. */
	shell: string[];
	/** The engine files of this build: kept when an earlier cache or the HTTP cache already holds them. */
	engine: string[];
}

export function offlinePlan(lists: {
	build: readonly string[];
	files: readonly string[];
	prerendered: readonly string[];
}): OfflinePlan {
	const shell = new Set([...lists.prerendered, ...lists.files]);
	const engine: string[] = [];
	for (const path of lists.build) {
		if (isEngineFile(path)) engine.push(path);
		else shell.add(path);
	}
	return { shell: [...shell], engine };
}

export type Strategy = 'page' | 'hashed' | 'network-first';

/**
 * How a request is answered: pages network-first with a time limit, hashed files from the cache,
 * anything else from the network with the cache as fallback. `null`: the service worker stays out
 * of it (another origin, not a GET, or a range request: a Parquet file read from the site by its
 * parts, which the cache could only answer whole), and the browser fetches it as it would without
 * one.
 */
export function strategyFor(
	request: { method: string; mode: string; url: string; headers?: { has(name: string): boolean } },
	origin: string,
	base: string
): Strategy | null {
	if (request.method !== 'GET' || request.headers?.has('range')) return null;
	const url = new URL(request.url);
	if (url.origin !== origin) return null;
	if (request.mode === 'navigate') return 'page';
	if (isHashedPath(url.pathname, base)) return 'hashed';
	return 'network-first';
}
