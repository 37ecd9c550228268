import { onMount, untrack } from 'svelte';
import { base } from '$app/paths';
import { country } from '$lib/country';
import { viewBoundaryNotes } from '$lib/data/viewChanges';
import type { Measure } from '$lib/domain/gaps';
import { boundaryNoteText } from '$lib/i18n/boundaryNotes';
import { DEFAULT_INDICATOR, GAP_INDICATOR } from '$lib/domain/indicators';
import type { UrlProblem } from '$lib/domain/urlProblem';
import { joinNames } from '$lib/i18n/boundaryNotes';
import { formatTick } from '$lib/i18n/format';
import {
	measureLabel as labelOfMeasure,
	periodLabel,
	previousYearOf,
	unitLabel as labelOfUnit,
	viewText
} from '$lib/i18n/labels';
import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import { describeUrlProblem } from '$lib/i18n/problems';
import { loadMapDrawing, type MapDrawing } from '$lib/map/mapDrawing';
import { m } from '$lib/paraglide/messages.js';
import { dashboard, ensureLoaded, uploadedDatasets } from '$lib/state/app.svelte';
import { formatUploadDate } from '$lib/i18n/uploadDate';
import { gotoQuery } from '$lib/state/navigation';
import { Resource } from '$lib/state/resource.svelte';
import { buildViewModel } from '$lib/state/viewModel';
import type { IndicatorView } from '$lib/data/views';
import { someMissing } from '$lib/charts/colourScale';
import { addToBriefQuery, BRIEF_STORAGE_KEY } from '../brief/briefState';
import { explorerExports, type ExplorerElements } from './explorerDownload';
import {
	briefViewOf,
	catalogOf,
	chartNotes,
	measuresIn,
	regionLines,
	withIndicator,
	withYear
} from './explorerModel';
import { explorerTableColumns } from './explorerTable';
import { uploadedOptionLabels } from './pickerLabels';
import { classesAcrossYears } from './fixedClasses';
import { tableText } from './explorerText';
import { parseViewState, viewStateParams, type ViewState } from './explorerUrl';

export { GAP_INDICATOR };

const regionName = (r: { nameOfficial: string }) => r.nameOfficial;

/**
 * The explorer for the life of its page: the view the URL holds (shown by the dashboard, which
 * fetches it and fetches it again when the data change), the model drawn from it, the words around
 * it and the way to add it to the brief. Create it while the page component is set up: once the
 * page is mounted it asks for the data.
 */
export class ExplorerPage {
	#params: () => URLSearchParams;
	/** What the link asked for that Pengo does not have (replaced by defaults). */
	#urlProblems = $state.raw<UrlProblem[]>([]);
	problems = $derived(this.#urlProblems.map(describeUrlProblem));

	locale = $derived(intlLocale(i18n.locale));
	/** The indicators of the select: the bundled ones, then those uploaded in this browser. */
	bundled = $derived((dashboard.data?.indicators ?? []).filter((i) => !i.uploadedFrom));
	uploaded = $derived((dashboard.data?.indicators ?? []).filter((i) => i.uploadedFrom));
	/** The uploaded indicators' option texts: same names from different uploads told apart. */
	uploadedLabels = $derived(
		uploadedOptionLabels(
			this.uploaded.map((i) => ({
				id: i.id,
				label: i.label[i18n.locale],
				uploadedFrom: i.uploadedFrom ?? ''
			})),
			uploadedDatasets(),
			(name, detail) => m.data_picker_upload({ name, detail }),
			(createdAt) => formatUploadDate(createdAt, this.locale)
		)
	);
	measures = $derived(measuresIn(dashboard.indicator, dashboard.state.year));
	previousYear = $derived(previousYearOf(dashboard.indicator, dashboard.state.year));

	/** Every year's view of the indicator, for colour classes fixed across years. */
	#yearViews = new Resource<IndicatorView[]>();
	#yearViewsKey = $derived(
		dashboard.state.classes === 'fixed' && dashboard.indicator
			? `${dashboard.indicator.id}|${dashboard.indicator.years.join(',')}`
			: null
	);
	/** The classes fixed across years, once every year's view is in; null when classes go by year. */
	fixedClasses = $derived.by(() => {
		const views = this.#yearViews.valueFor(this.#yearViewsKey);
		return views ? classesAcrossYears(views, dashboard.state.measure) : null;
	});

	/** The view's model once the view on screen is the one the state asks for; null until then. */
	model = $derived(
		dashboard.view &&
			dashboard.indicator &&
			dashboard.view.indicatorId === dashboard.state.indicator &&
			dashboard.view.year === dashboard.state.year
			? buildViewModel(
					dashboard.view,
					dashboard.indicator,
					dashboard.state.measure,
					regionName,
					viewText(this.locale, dashboard.indicator),
					(iso) => this.boundaryNotes.filter((n) => n.iso === iso).map((n) => n.text),
					this.fixedClasses?.values
				)
			: null
	);
	/** Whether the legend shows its "No data" swatch: only when some region has no value. */
	legendNoData = $derived(this.model !== null && someMissing(this.model.values));
	/** The legend's line naming the years fixed classes span; null when classes go by year. */
	classSpan = $derived(
		this.fixedClasses && this.fixedClasses.years.length > 0
			? m.legend_classes_span({
					years: joinNames(
						this.fixedClasses.years.map((y) => this.period(y)),
						this.locale
					)
				})
			: null
	);
	/** Whether the indicator has more than one year, so classes can be fixed across them. */
	offersFixedClasses = $derived((dashboard.indicator?.years.length ?? 0) > 1);
	/**
	 * What changed on the region map between the view's round and the previous one, region by
	 * region, in words: every view compares the rounds somewhere (the earlier value's tick, the
	 * earlier gap in the hover card, the change measures).
	 */
	boundaryNotes = $derived.by(() => {
		const view = dashboard.view;
		const indicator = dashboard.indicator;
		if (!view || !indicator || view.indicatorId !== indicator.id) return [];
		const found = viewBoundaryNotes(view, indicator.periods, country.boundaryChanges);
		const nameOf = (code: string) => this.names[code] ?? code;
		return (found?.notes ?? []).map((note) => ({
			iso: note.region,
			role: note.role,
			text: boundaryNoteText(note, found!.from, found!.to, nameOf, this.locale)
		}));
	});
	/** The two rounds the change measures compare, as published. */
	rounds = $derived({
		earlier: this.period(this.previousYear),
		later: this.period(dashboard.state.year)
	});
	unitLabel = $derived(this.model ? labelOfUnit(this.model.unit) : m.unit_per100());
	names = $derived(
		Object.fromEntries((dashboard.data?.regions ?? []).map((r) => [r.isoCode, r.nameOfficial]))
	);
	viewTitle = $derived(
		dashboard.indicator
			? `${dashboard.indicator.label[i18n.locale]}: ${this.measureLabel(dashboard.state.measure)}, ${this.period(dashboard.state.year)}`
			: ''
	);
	legendTitle = $derived(
		m.legend_title({
			measure: this.measureLabel(dashboard.state.measure),
			unit: this.unitLabel,
			year: this.period(dashboard.state.year)
		})
	);
	selectedRegion = $derived(dashboard.view?.regions.find((r) => r.iso === dashboard.state.region));
	notes = $derived(chartNotes(dashboard.view, this.model, dashboard.state.measure));
	/** The bar chart's key for the previous year's marks, when the total shows them. */
	previousLabel = $derived(
		dashboard.state.measure === 'total' && this.previousYear !== null
			? m.chart_previous({ year: this.period(this.previousYear) })
			: null
	);
	/** The table's columns, when the table shows. */
	tableColumns = $derived(
		this.model && dashboard.view && dashboard.indicator
			? explorerTableColumns(
					dashboard.view,
					dashboard.indicator,
					this.model.gaps,
					regionName,
					tableText(this.locale, (y) => this.period(y))
				)
			: []
	);

	/** The current view as a brief view, when the brief offers it. */
	briefView = $derived(briefViewOf(dashboard.indicator, dashboard.state));
	#storedBrief = $state<string | null>(null);

	/** The map as the build projected it, fetched at once: the first picture needs it. */
	#mapDrawing = new Resource<MapDrawing>();
	briefQuery = $derived.by(() =>
		this.briefView
			? addToBriefQuery(this.#storedBrief, this.briefView, this.#params().get('lang'))
			: ''
	);

	constructor(params: () => URLSearchParams) {
		this.#params = params;
		onMount(() => {
			void ensureLoaded();
			void this.#mapDrawing.request('map', (signal) =>
				loadMapDrawing((input, init) => fetch(input, { ...init, signal }), base)
			);
			try {
				this.#storedBrief = localStorage.getItem(BRIEF_STORAGE_KEY);
			} catch {
				this.#storedBrief = null;
			}
			return () => this.#mapDrawing.abort('page left');
		});
		$effect(() => {
			const key = this.#yearViewsKey;
			const indicator = dashboard.indicator;
			if (key === null || !indicator) return;
			untrack(() => {
				void this.#yearViews.request(key, () =>
					Promise.all(indicator.years.map((y) => dashboard.viewOf(indicator.id, y)))
				);
			});
		});
		// The URL is the only input of this effect; applying it must not subscribe to the state it
		// sets.
		$effect(() => {
			const current = params();
			if (dashboard.status === 'ready') untrack(() => this.#apply(current));
		});
	}

	/** Where the site serves its files (MapLibre fetches the boundaries from there on a zoom). */
	readonly base = base;

	get mapDrawing(): MapDrawing | undefined {
		return this.#mapDrawing.value;
	}

	get mapError(): string | null {
		return this.#mapDrawing.error?.message ?? null;
	}

	/** Show what the URL asks for; unknown codes are kept as problems and replaced by defaults. */
	#apply(params: URLSearchParams): void {
		const data = dashboard.data;
		if (!data) return;
		const { state, problems } = parseViewState(
			params,
			catalogOf(data.indicators),
			data.regions.map((r) => r.isoCode),
			DEFAULT_INDICATOR
		);
		this.#urlProblems = problems;
		dashboard.show(state);
	}

	period(year: number | null): string {
		return periodLabel(dashboard.indicator, year);
	}

	measureLabel(measure: Measure): string {
		return labelOfMeasure(dashboard.indicator, measure, dashboard.state.year);
	}

	legendFormat = (v: number): string => formatTick(v, this.model?.unit ?? 'count', this.locale);
	/** The lines that describe a region, for the map's tooltip and the selected-region box. */
	describeRegion = (iso: string): string[] =>
		regionLines(this.model, dashboard.view, this.names, iso);

	/** Every choice is a navigation, so the URL always reproduces the view and Back undoes it. */
	navigate(state: ViewState): void {
		void gotoQuery(viewStateParams(state, this.#params()));
	}

	chooseIndicator(id: string, measure?: Measure): void {
		this.navigate(withIndicator(dashboard.data?.indicators ?? [], dashboard.state, id, measure));
	}

	chooseYear(year: number): void {
		this.navigate(withYear(dashboard.indicator, dashboard.state, year));
	}

	choose(next: Partial<ViewState>): void {
		this.navigate({ ...dashboard.state, ...next });
	}

	select = (iso: string | null): void => this.choose({ region: iso });

	fixClasses = (fixed: boolean): void => this.choose({ classes: fixed ? 'fixed' : undefined });

	/** Keep the brief's views for the next visit to the brief; its link carries them anyway. */
	rememberBrief = (): void => {
		try {
			localStorage.setItem(
				BRIEF_STORAGE_KEY,
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
				new URLSearchParams(this.briefQuery).get('views') ?? ''
			);
		} catch {
			// The brief still travels in its URL.
		}
	};

	/** The explorer's downloads, reading the view on screen at the moment of the click. */
	downloads(elements: ExplorerElements) {
		return explorerExports(
			() =>
				this.model && dashboard.view && dashboard.indicator
					? {
							view: dashboard.view,
							indicator: dashboard.indicator,
							model: this.model,
							measure: dashboard.state.measure,
							title: this.viewTitle,
							measureLabel: this.measureLabel(dashboard.state.measure),
							unitLabel: this.unitLabel,
							period: this.period(dashboard.state.year),
							legendTitle: this.legendTitle,
							legendFormat: this.legendFormat,
							regionName,
							locale: i18n.locale,
							previousLabel: this.previousLabel,
							mapDrawing: this.mapDrawing,
							// A created region's note names the regions it came from: in an image, where
							// room is short, it stands for both sides of the change.
							boundaryNotes: this.boundaryNotes
								.filter((n) => n.role === 'created')
								.map((n) => n.text)
						}
					: null,
			elements
		);
	}
}
