import { EngineOfflineError, type Connector } from '$lib/db/connector';
import { prefetchEngineFiles } from '$lib/db/engineFiles';
import { loadBundled, type BundledData, type FetchFile } from '$lib/data/loadBundled';
import { MAP_PAINTED_EVENT } from '$lib/map/mapEvents';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** On a page without a map, how long after it opens a prefetch may start. */
const PREFETCH_FALLBACK_MS = 10_000;

/**
 * The data engine (DuckDB-WASM), fetched only when something needs it: an upload, the SQL panel,
 * a view the precomputed summary cannot answer. Its JavaScript is a separate chunk imported here
 * on first use, and its WebAssembly module (5 MB compressed) is fetched then. Once started it is
 * given the bundled data, loaded and checked as before.
 */
export class Engine {
	status = $state<EngineStatus>('idle');
	/** Bytes of the module fetched so far and in all, while it loads. */
	loaded = $state(0);
	total = $state(0);
	/** Why it failed; `offline` when the device had no connection and the module was not cached. */
	failure = $state.raw<{ offline: boolean; message: string } | null>(null);
	/** What loading the bundled files into it gave. */
	bundled = $state.raw<BundledData | null>(null);

	#fetchFile: FetchFile;
	#ready: Promise<Connector> | null = null;
	#raw: Connector | null = null;

	constructor(fetchFile: FetchFile) {
		this.#fetchFile = fetchFile;
	}

	/** The engine with the bundled data loaded, started on first call. */
	connect(): Promise<Connector> {
		this.#ready ??= this.#start().catch((error: unknown) => {
			this.#ready = null;
			const message = error instanceof Error ? error.message : String(error);
			const offline = globalThis.navigator?.onLine === false;
			this.failure = { offline, message };
			this.status = 'failed';
			// Offline, what asked can say why in a person's words: a connection is all it needs.
			throw offline ? new EngineOfflineError(message) : error;
		});
		return this.#ready;
	}

	/** Throw the engine away (every table is gone); the next `connect` starts and loads anew. */
	async restart(): Promise<void> {
		this.#ready = null;
		await this.#raw?.restart?.();
		this.status = 'idle';
	}

	/**
	 * Fetch the engine's files while the page is idle, on a connection that can take them: not
	 * with Save-Data on, and not on 2G or 3G, where a person pays for every megabyte. Only the
	 * bytes: the engine starts when something needs it, so a phone's main thread is not spent on
	 * an engine nobody asked for (and the page's status does not change).
	 */
	prefetchWhenIdle(): void {
		const connection = (
			globalThis.navigator as Navigator & {
				connection?: { saveData?: boolean; effectiveType?: string };
			}
		)?.connection;
		if (!shouldPrefetch(connection) || globalThis.navigator?.onLine === false) return;
		const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 2000));
		// After the first map is on screen (or, on a page without one, a while after load): the
		// engine's megabytes must never hold up the first picture.
		let started = false;
		const start = () => {
			if (started) return;
			started = true;
			idle(() => void prefetchEngineFiles());
		};
		window.addEventListener(MAP_PAINTED_EVENT, start, { once: true });
		setTimeout(start, PREFETCH_FALLBACK_MS);
	}

	async #start(): Promise<Connector> {
		this.status = 'loading';
		this.failure = null;
		this.loaded = 0;
		this.total = 0;
		const { connector, onDownloadProgress } = await import('$lib/db/duckdb');
		onDownloadProgress((p) => {
			this.loaded = p.loaded;
			this.total = p.total;
		});
		this.#raw = connector;
		this.bundled = await loadBundled(connector, this.#fetchFile);
		this.status = 'ready';
		return connector;
	}
}

/**
 * Prefetch only on a connection the browser says is fast and not metered (Save-Data off). A
 * browser that does not say (no Network Information API) gets no prefetch: the phone may be on 3G.
 */
export function shouldPrefetch(
	connection: { saveData?: boolean; effectiveType?: string } | undefined
): boolean {
	if (!connection) return false;
	if (connection.saveData) return false;
	return !['slow-2g', '2g', '3g'].includes(connection.effectiveType ?? '');
}
