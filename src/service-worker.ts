/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { base, build, files, prerendered, version } from '$service-worker';
import {
	CACHE_PREFIX,
	cacheNameFor,
	isHashedPath,
	offlinePlan,
	strategyFor
} from '$lib/offline/cachePlan';

// Offline after one visit. Each build has its own cache, named by its version, holding its pages
// together with the hashed files those pages name, so a page is only ever served beside the code
// and data it was built with. A hashed file's name is a digest of its content: the same URL in two
// builds is the same bytes, so hashed files may be copied from an older cache into a newer one
// and answered from any cache, while a page or a file from static/ (same name, new content in a
// new build) comes only from its own build's cache. A new version waits, as the browser does by
// default, until no page of the old one is open; only then does it activate and delete the old
// caches, so no open page loses the files it was loaded with.

const sw = globalThis as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheNameFor(version);
const plan = offlinePlan({ build, files, prerendered });
/** After this long without an answer, a page comes from the cache: a slow network does not stall it. */
const PAGE_TIMEOUT_MS = 3000;

async function olderCaches(): Promise<Cache[]> {
	const names = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE);
	return Promise.all(names.map((n) => caches.open(n)));
}

async function copyFrom(older: Cache[], cache: Cache, path: string): Promise<boolean> {
	for (const old of older) {
		const hit = await old.match(path, { ignoreVary: true });
		if (hit) {
			await cache.put(path, hit);
			return true;
		}
	}
	return false;
}

/** An engine file the page downloaded before this worker ran, taken without touching the network. */
async function copyFromHttpCache(cache: Cache, path: string): Promise<void> {
	try {
		const response = await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' });
		if (response.status === 200) await cache.put(path, response);
	} catch {
		// Not in the HTTP cache: it is cached when a page next fetches it.
	}
}

async function install(): Promise<void> {
	const cache = await caches.open(CACHE);
	const older = await olderCaches();
	const toFetch: Request[] = [];
	for (const path of plan.shell) {
		if (isHashedPath(path, base) && (await copyFrom(older, cache, path))) continue;
		// Pages and static files keep their names across builds: ask the server, not the HTTP cache.
		toFetch.push(new Request(path, { cache: isHashedPath(path, base) ? 'default' : 'no-cache' }));
	}
	await cache.addAll(toFetch);
	for (const path of plan.engine) {
		if (!(await copyFrom(older, cache, path))) await copyFromHttpCache(cache, path);
	}
}

async function activate(): Promise<void> {
	for (const name of await caches.keys()) {
		if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
	}
	// The first visit's page is served from here on: DuckDB, started later in that visit, is kept.
	await sw.clients.claim();
}

const timeout = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

async function page(request: Request): Promise<Response> {
	// Every query string opens the same prerendered shell; the page reads the query itself.
	const cached = await (
		await caches.open(CACHE)
	).match(request, { ignoreSearch: true, ignoreVary: true });
	const network = fetch(request).catch(() => null);
	const response = await Promise.race([network, cached ? timeout(PAGE_TIMEOUT_MS) : network]);
	return response ?? cached ?? Response.error();
}

async function hashed(event: FetchEvent): Promise<Response> {
	const hit = await caches.match(event.request, { ignoreVary: true });
	if (hit) return hit;
	const response = await fetch(event.request);
	// A host that answers any missing path with its fallback page must not leave that page cached
	// for good under a hashed name: no hashed file is HTML.
	const isPage = response.headers.get('content-type')?.startsWith('text/html');
	if (response.status === 200 && !isPage) {
		const copy = response.clone();
		event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
	}
	return response;
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		const cached = await (await caches.open(CACHE)).match(request, { ignoreVary: true });
		if (cached) return cached;
		throw error;
	}
}

sw.addEventListener('install', (event) => event.waitUntil(install()));
sw.addEventListener('activate', (event) => event.waitUntil(activate()));
sw.addEventListener('fetch', (event) => {
	const strategy = strategyFor(event.request, sw.location.origin, base);
	if (strategy === 'page') event.respondWith(page(event.request));
	else if (strategy === 'hashed') event.respondWith(hashed(event));
	else if (strategy === 'network-first') event.respondWith(networkFirst(event.request));
});
