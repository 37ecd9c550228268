import { onMount } from 'svelte';
import {
	componentOptions,
	viewRequests,
	type ComponentChoice,
	type ViewRequest
} from '$lib/data/divideIndex';
import type { IndicatorView } from '$lib/data/views';
import type { Figure, ViewDownloadInput } from '$lib/export/viewDownloads';
import { dashboard, ensureLoaded } from '$lib/state/app.svelte';
import { gotoQuery } from '$lib/state/navigation';
import { resource } from '$lib/state/resource.svelte';
import { fetchIndicatorViews, viewKey } from '../indicatorViews';
import { indexDownload } from './indexDownload';
import { indexModel } from './indexModel';
import { indexText, urlProblemText } from './indexText';
import { indexParams, parseIndexState } from './indexUrl';

const NO_VIEWS: ReadonlyMap<string, IndicatorView> = new Map();

/**
 * The divide-index view for the life of its page: the components and year the URL holds, the
 * indicator views they read (each indicator-year fetched once and kept, so a weight edit or a
 * component ticked back in never queries again), and the model drawn from both. Create it while the
 * page component is set up: once the page is mounted it asks for the data.
 */
export class IndexPage {
	#params: () => URLSearchParams;

	indicators = $derived(dashboard.data?.indicators ?? []);
	options = $derived(componentOptions(this.indicators));
	#parsed = $derived.by(() => parseIndexState(this.#params(), this.options));
	state = $derived(this.#parsed.state);
	problems = $derived(this.#parsed.problems.map(urlProblemText));

	#views = resource<ReadonlyMap<string, IndicatorView>>(() => {
		const requests = viewRequests(this.state.choices, this.options, this.state.year);
		if (dashboard.status !== 'ready' || requests.length === 0) return null;
		return { key: requests.map(viewKey).join('|'), load: () => this.#fetch(requests) };
	});
	model = $derived(
		indexModel(
			{
				indicators: this.indicators,
				regions: (dashboard.data?.regions ?? []).map((r) => ({
					iso: r.isoCode,
					name: r.nameOfficial
				})),
				options: this.options,
				state: this.state,
				views: this.#views.value ?? NO_VIEWS
			},
			indexText()
		)
	);

	constructor(params: () => URLSearchParams) {
		this.#params = params;
		onMount(() => void ensureLoaded());
	}

	get error(): Error | null {
		return this.#views.error;
	}

	/** The views asked for, added to those already held (a view once fetched stays for the page). */
	#fetch(requests: readonly ViewRequest[]): Promise<ReadonlyMap<string, IndicatorView>> {
		return fetchIndicatorViews((i, y) => dashboard.viewOf(i, y), requests, this.#views.value);
	}

	/** Every change is a navigation, so the URL always reproduces the view. */
	navigate(choices: ComponentChoice[], replace = false): void {
		void gotoQuery(indexParams({ choices, year: this.state.year }, this.#params()), replace);
	}

	chooseYear(year: number): void {
		void gotoQuery(indexParams({ choices: this.state.choices, year }, this.#params()));
	}

	/** What the Download menu saves of the index on screen; null while there is none. */
	download(figure: () => Figure): ViewDownloadInput | null {
		const year = this.state.year;
		if (this.model.bars.length === 0 || year === null) return null;
		return indexDownload(this.model, year, this.indicators, figure);
	}
}
