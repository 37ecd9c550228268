import { untrack } from 'svelte';
import { PromiseCache } from './promiseCache';

/**
 * The work behind one request. `signal` aborts when a newer request supersedes this one or the
 * page that asked goes away: the answer is dropped either way, and a loader that checks the
 * signal between steps spares the work not yet started. (The view fetches in data/ take no
 * signal on purpose: DuckDB-WASM cannot interrupt a statement with bound values, and stopping one
 * throws the database worker away, so a superseded view query is left to finish and dropped.)
 */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

/** What a page asks for: a stable key (same key, same answer) and the loader behind it. */
export interface ResourceRequest<T> {
	key: string;
	load: Loader<T>;
}

export interface ResourceOptions {
	/** How many answers to keep by key, so that asking again for one is answered at once. */
	cache?: number;
}

/**
 * One asynchronous value a page shows: the latest request wins, and the answer to any request it
 * superseded is dropped. `value` and `key` are the last answer that arrived and the key it
 * answers (kept while a newer request is on its way, so a page can go on showing it or not);
 * `error` is the failure of the latest request that settled, cleared by the next answer.
 */
export class Resource<T> {
	value = $state.raw<T | undefined>(undefined);
	key = $state<string | null>(null);
	error = $state.raw<Error | null>(null);
	loading = $state(false);

	#cache: PromiseCache<T> | null;
	#inFlight: { key: string; controller: AbortController; answer: Promise<T> } | null = null;

	constructor(options: ResourceOptions = {}) {
		this.#cache = options.cache ? new PromiseCache<T>(options.cache) : null;
	}

	/** The value if it answers `key`, else undefined (an older answer, or none yet). */
	valueFor(key: string | null): T | undefined {
		return key !== null && this.key === key ? this.value : undefined;
	}

	/**
	 * Ask for `key`: whatever is in flight is aborted and its answer dropped. Resolves when this
	 * request settled or was superseded; it never rejects (a failure goes to `error`).
	 */
	async request(key: string, load: Loader<T>): Promise<void> {
		this.abort('superseded');
		const controller = new AbortController();
		// An async wrapper turns a loader that throws at once into a rejected answer.
		const start = async () => load(controller.signal);
		const answer = this.#cache ? this.#cache.get(key, start) : start();
		const mine = { key, controller, answer };
		this.#inFlight = mine;
		this.loading = true;
		try {
			const value = await answer;
			if (controller.signal.aborted) return;
			this.value = value;
			this.key = key;
			this.error = null;
		} catch (error) {
			if (controller.signal.aborted) return;
			this.error = error instanceof Error ? error : new Error(String(error));
		} finally {
			if (this.#inFlight === mine) {
				this.#inFlight = null;
				this.loading = false;
			}
		}
	}

	/**
	 * Abort the request in flight, if any: its answer is dropped and not kept in the cache (a
	 * loader that stopped early has nothing worth keeping). What arrived before stays.
	 */
	abort(reason: string = 'aborted'): void {
		const inFlight = this.#inFlight;
		if (!inFlight) return;
		this.#inFlight = null;
		this.loading = false;
		inFlight.controller.abort(reason);
		this.#cache?.forget(inFlight.key, inFlight.answer);
	}
}

/**
 * A resource that follows `source` for the life of the component that calls this (call it while
 * the component is set up): each time the request's key changes it asks again, and the request in
 * flight is aborted when the component goes away. A null request asks for nothing (the data is
 * not ready, or there is nothing to show); the next key asked for after it is asked again.
 * Everything `source` reads apart from the key (the loader's inputs) is read when the key changes.
 */
export function resource<T>(
	source: () => ResourceRequest<T> | null,
	options?: ResourceOptions
): Resource<T> {
	const target = new Resource<T>(options);
	const request = $derived(source());
	const key = $derived(request?.key ?? null);
	$effect(() => {
		if (key === null) return;
		untrack(() => void target.request(key, request!.load));
	});
	$effect(() => () => target.abort('destroyed'));
	return target;
}
