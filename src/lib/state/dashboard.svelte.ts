import type { Connector } from '$lib/db/connector';
import { DataFileError, readCatalog, type BundledData } from '$lib/data/loadBundled';
import type { IndicatorInfo } from '$lib/domain/indicators';
import { fetchIndicatorView, type IndicatorView } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';
import { DEFAULT_INDICATOR } from '$lib/domain/indicators';
import { Resource } from './resource.svelte';

/**
 * The explorer's view: an indicator, its year, the measure, the region picked out and whether a
 * chart or a table shows it. The explorer's URL holds it (pages/explorer/explorerUrl.ts); the
 * dashboard keeps it, with the view fetched for it, so a change of data can fetch it again.
 */
export interface ViewState {
	indicator: string;
	year: number | null;
	measure: Measure;
	region: string | null;
	view: 'chart' | 'table';
	/** 'fixed': the map's colour classes are the same in every year of the indicator. */
	classes?: 'fixed';
}

/**
 * The data behind every view, loaded once per page session, and the explorer's view (`show`).
 * Loading never blocks the page: `status` says where it is, and a failed load keeps its error.
 */
export class Dashboard {
	status = $state<'loading' | 'ready' | 'failed'>('loading');
	error = $state.raw<DataFileError | Error | null>(null);
	data = $state.raw<BundledData | null>(null);
	state = $state.raw<ViewState>({
		indicator: DEFAULT_INDICATOR,
		year: null,
		measure: 'total',
		region: null,
		view: 'chart'
	});

	#db: Connector;
	#loading: Promise<void> | undefined;
	#view = new Resource<IndicatorView>();
	/**
	 * Every indicator-year view fetched since the data last changed, by `indicator|year`. Once an
	 * upload is loaded every view is the engine's to answer (four queries, tens of milliseconds
	 * on a phone, and the map drawn grey meanwhile); `refreshCatalog` fetches them all once, in
	 * the background, so a change of view is answered from here.
	 */
	#views = new Map<string, Promise<IndicatorView>>(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a cache, not state
	/** Bumped whenever what is loaded changes: fetches of an older generation are not kept. */
	#generation = 0;
	#fetchingAll: Promise<void> = Promise.resolve();

	constructor(db: Connector) {
		this.#db = db;
	}

	get db(): Connector {
		return this.#db;
	}

	/** The view the state asks for, once fetched (the previous one stays until then). */
	get view(): IndicatorView | null {
		return this.#view.value ?? null;
	}

	get viewError(): Error | null {
		return this.#view.error;
	}

	get indicator(): IndicatorInfo | undefined {
		return this.data?.indicators.find((i) => i.id === this.state.indicator);
	}

	/**
	 * Load the bundled data once (`bundled` gives it: from the precomputed summary, or by loading
	 * the files into the engine); later calls share the same promise. `afterLoad` runs before the
	 * dashboard reports ready (the uploads rebuild there, so a link to an uploaded indicator works
	 * after a reload); its failure never hides the bundled data.
	 */
	load(bundled: () => Promise<BundledData>, afterLoad?: () => Promise<void>): Promise<void> {
		this.#loading ??= bundled().then(
			async (data) => {
				this.data = data;
				await afterLoad?.().catch(() => undefined);
				this.status = 'ready';
			},
			(error: unknown) => {
				this.error = error instanceof Error ? error : new Error(String(error));
				this.status = 'failed';
			}
		);
		return this.#loading;
	}

	/**
	 * Start again after the database crashed (a worker trap or out of memory): a new database,
	 * the bundled data loaded anew, then `afterLoad` (the uploads rebuild from their originals).
	 * The view on screen stays until the new one is ready.
	 */
	async recover(
		bundled: () => Promise<BundledData>,
		afterLoad?: () => Promise<void>
	): Promise<void> {
		// First, so the background fetch of views asks the old engine nothing more.
		this.#forgetViews();
		await this.#db.restart?.();
		this.#loading = undefined;
		this.status = 'loading';
		await this.load(bundled, afterLoad);
		void this.refresh();
	}

	/**
	 * Read the indicator list again after an upload added or removed indicators. A view whose
	 * indicator went away falls back to the default at the next URL change.
	 */
	async refreshCatalog(): Promise<void> {
		if (!this.data) return;
		this.#forgetViews();
		const generation = this.#generation;
		const indicators = await readCatalog(this.#db);
		if (generation !== this.#generation) return;
		this.data = { ...this.data, indicators };
		if (indicators.some((i) => i.id === this.state.indicator)) void this.refresh();
		this.#fetchingAll = this.#fetchAllViews(generation);
	}

	/** Resolves when the background fetch of every view (see `refreshCatalog`) has ended. */
	whenViewsFetched(): Promise<void> {
		return this.#fetchingAll;
	}

	#forgetViews(): void {
		this.#generation++;
		this.#views.clear();
	}

	/**
	 * The view of one indicator-year, fetched once until the data change (every page that puts
	 * views together asks here); a failed fetch is not kept.
	 */
	viewOf(indicator: string, year: number): Promise<IndicatorView> {
		const key = `${indicator}|${year}`;
		let view = this.#views.get(key);
		if (!view) {
			const views = this.#views;
			view = fetchIndicatorView(this.#db, indicator, year);
			view.catch(() => views.get(key) === view && views.delete(key));
			views.set(key, view);
		}
		return view;
	}

	/**
	 * Every view of the catalogue, one after another (the view on screen and uploaded indicators
	 * first), so a person's change waits for one view at most. Stops when the data change again.
	 */
	async #fetchAllViews(generation: number): Promise<void> {
		const indicators = [...(this.data?.indicators ?? [])].sort(
			(a, b) =>
				Number(b.id === this.state.indicator) - Number(a.id === this.state.indicator) ||
				Number(Boolean(b.uploadedFrom)) - Number(Boolean(a.uploadedFrom))
		);
		for (const indicator of indicators) {
			for (const year of [...indicator.years].reverse()) {
				if (generation !== this.#generation) return;
				try {
					await this.viewOf(indicator.id, year);
				} catch {
					return;
				}
				// Let a person's own request in between.
				await new Promise((resolve) => setTimeout(resolve, 0));
			}
		}
	}

	/** Show a view; it is fetched again only when its indicator or year changes, or none is in. */
	show(state: ViewState): void {
		const refetch =
			state.indicator !== this.state.indicator || state.year !== this.state.year || !this.view;
		this.state = state;
		if (refetch) void this.refresh();
	}

	/** Fetch the current view; an answer to a superseded request is dropped. */
	async refresh(): Promise<void> {
		const { indicator, year } = this.state;
		if (year === null) return this.#view.abort();
		await this.#view.request(`${indicator}@${year}`, () => this.viewOf(indicator, year));
	}
}
