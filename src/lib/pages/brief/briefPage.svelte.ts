import { onMount, untrack } from 'svelte';
import { base } from '$app/paths';
import type { IndicatorView } from '$lib/data/views';
import { dashboard, ensureLoaded } from '$lib/state/app.svelte';
import { gotoQuery } from '$lib/state/navigation';
import { resource, type Resource } from '$lib/state/resource.svelte';
import { fetchIndicatorViews, viewKey as indicatorViewKey } from '../indicatorViews';
import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import { ProfileLoader } from '$lib/ui/profile/profileLoader.svelte';
import { findRegion, regionCodes, regions } from '$lib/ui/profile/regionDirectory';
import { briefModel, briefViewLabel } from './briefModel';
import { regionBrief, type RegionBrief } from './regionBrief';
import {
	BRIEF_STORAGE_KEY,
	briefOptions,
	briefParams,
	parseBriefState,
	viewKey,
	type BriefState,
	type BriefView
} from './briefState';
import { briefText, urlProblemText } from './briefText';
import { boundaryUrls, loadBoundaries, MAP_SIZE, regionShapes, type Boundaries } from './staticMap';

const NO_VIEWS: ReadonlyMap<string, IndicatorView> = new Map();

/**
 * The brief for the life of its page: the views, title and note the URL holds, the indicator views
 * behind them (each indicator-year fetched once and kept), the region boundaries for the maps, and
 * the printed brief drawn from them. Create it while the page component is set up: once the page is
 * mounted it asks for the data.
 */
export class BriefPage {
	#params: () => URLSearchParams;

	indicators = $derived(dashboard.data?.indicators ?? []);
	options = $derived(briefOptions(this.indicators));
	#parsed = $derived.by(() => parseBriefState(this.#params(), this.options, regionCodes));
	choice = $derived(this.#parsed.state);
	problems = $derived(this.#parsed.problems.map(urlProblemText));

	#views: Resource<ReadonlyMap<string, IndicatorView>> = resource(() => {
		const requests = this.choice.views.map((v) => ({ indicatorId: v.indicator, year: v.year }));
		const keys = requests.map(indicatorViewKey).filter((k, i, all) => all.indexOf(k) === i);
		if (dashboard.status !== 'ready' || keys.length === 0) return null;
		return {
			key: keys.join('|'),
			load: () => fetchIndicatorViews((i, y) => dashboard.viewOf(i, y), requests, this.#views.value)
		};
	});
	/** The printed brief; null until every chosen view is in. */
	model = $derived(
		briefModel(this.choice.views, this.indicators, this.#views.value ?? NO_VIEWS, briefText())
	);

	/** The regions a brief can be about, in name order, for the picker. */
	regions = [...regions].sort((a, b) => a.nameOfficial.localeCompare(b.nameOfficial));
	#profiles = new ProfileLoader();
	/** The chosen region's brief; null without a region or until its profile is in. */
	region: RegionBrief | null = $derived.by(() => {
		const code = this.choice.region;
		const profile = this.#profiles.profiles?.[0];
		if (code === null || profile?.region.isoCode !== code) return null;
		const language = i18n.locale;
		return regionBrief(profile, {
			language,
			locale: intlLocale(language),
			nameOf: (c) => findRegion(c)?.nameOfficial ?? c
		});
	});

	#boundaries = resource<Boundaries>(() => ({
		key: 'boundaries',
		load: (signal) =>
			loadBoundaries((input, init) => fetch(input, { ...init, signal }), boundaryUrls(base).regions)
	}));
	shapes = $derived(
		this.#boundaries.value ? regionShapes(this.#boundaries.value, MAP_SIZE, MAP_SIZE) : []
	);

	constructor(params: () => URLSearchParams) {
		this.#params = params;
		onMount(() => void ensureLoaded());
		$effect(() => {
			const code = this.choice.region;
			if (code !== null && dashboard.status === 'ready')
				untrack(() => void this.#profiles.load([code]));
		});
		// Remember the brief in progress, so "Add to brief" in the explorer adds to it.
		$effect(() => {
			const views = this.choice.views.map(viewKey).join(',');
			try {
				localStorage.setItem(BRIEF_STORAGE_KEY, views);
			} catch {
				// Private mode or storage refused: the brief still lives in its URL.
			}
		});
	}

	get error(): Error | null {
		return this.#views.error;
	}

	get regionError(): Error | null {
		return this.choice.region === null ? null : this.#profiles.error;
	}

	get mapError(): string | null {
		return this.#boundaries.error?.message ?? null;
	}

	isChosen(view: BriefView): boolean {
		const key = viewKey(view);
		return this.choice.views.some((v) => viewKey(v) === key);
	}

	/** How a view is offered: "Women who own a mobile phone: Total, 2022". */
	label(view: BriefView): string {
		return briefViewLabel(view, this.indicators, briefText());
	}

	/** Every choice is a navigation, so the link always reproduces the brief. */
	navigate(next: Partial<BriefState>, replace = false): void {
		void gotoQuery(briefParams({ ...this.choice, ...next }, this.#params()), replace);
	}
}
