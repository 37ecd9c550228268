import type { Connector } from '$lib/db/connector';
import {
	DataFileError,
	loadBundled,
	type BundledData,
	type FetchFile,
	type IndicatorInfo
} from '$lib/data/loadBundled';
import { fetchIndicatorView, type IndicatorView } from '$lib/data/views';
import { measuresFor, type Measure } from '$lib/domain/gaps';

/** The series a planner sees first: real, published, with confidence intervals and a trend. */
export const DEFAULT_INDICATOR = 'women_mobile_phone';
/** Where the "urban–rural gap" shortcut leads (synthetic until real microdata is uploaded). */
export const GAP_INDICATOR = 'hh_owns_mobile';

/**
 * What the dashboard shows and what the person chose. Loading never blocks the page: `status`
 * says where it is, and a failed load keeps its error for the page to show.
 */
export class Dashboard {
	status = $state<'loading' | 'ready' | 'failed'>('loading');
	error = $state.raw<DataFileError | Error | null>(null);
	data = $state.raw<BundledData | null>(null);
	indicatorId = $state(DEFAULT_INDICATOR);
	year = $state(0);
	measure = $state<Measure>('total');
	selected = $state<string | null>(null);
	view = $state.raw<IndicatorView | null>(null);
	viewError = $state.raw<Error | null>(null);

	#db: Connector;
	#request = 0;

	constructor(db: Connector) {
		this.#db = db;
	}

	get indicator(): IndicatorInfo | undefined {
		return this.data?.indicators.find((i) => i.id === this.indicatorId);
	}

	/** Measures the current indicator and year can give. */
	get measures(): Measure[] {
		const ind = this.indicator;
		if (!ind) return ['total'];
		return measuresFor(
			ind.hasUrbanRural,
			ind.years.some((y) => y < this.year)
		);
	}

	async load(fetchFile: FetchFile): Promise<void> {
		try {
			const data = await loadBundled(this.#db, fetchFile);
			this.data = data;
			this.choose(
				data.indicators.some((i) => i.id === this.indicatorId)
					? this.indicatorId
					: (data.indicators[0]?.id ?? '')
			);
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error : new Error(String(error));
			this.status = 'failed';
		}
	}

	/** Pick an indicator: its latest year, and the same measure when it still applies. */
	choose(indicatorId: string, measure?: Measure): void {
		const ind = this.data?.indicators.find((i) => i.id === indicatorId);
		if (!ind) return;
		this.indicatorId = indicatorId;
		this.year = ind.years[ind.years.length - 1] ?? 0;
		const wanted = measure ?? this.measure;
		this.measure = this.measures.includes(wanted) ? wanted : 'total';
		void this.refresh();
	}

	chooseYear(year: number): void {
		this.year = year;
		if (!this.measures.includes(this.measure)) this.measure = 'total';
		void this.refresh();
	}

	/** Fetch the current view; an answer to a superseded request is dropped. */
	async refresh(): Promise<void> {
		const request = ++this.#request;
		try {
			const view = await fetchIndicatorView(this.#db, this.indicatorId, this.year);
			if (request !== this.#request) return;
			this.view = view;
			this.viewError = null;
		} catch (error) {
			if (request !== this.#request) return;
			this.viewError = error instanceof Error ? error : new Error(String(error));
		}
	}
}
