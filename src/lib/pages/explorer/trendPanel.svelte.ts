import {
	linesAvailable,
	roundSteps,
	seriesPoints,
	trendLayout,
	type TrendLine,
	type TrendPoint
} from '$lib/charts/trendLayout';
import { fetchTrend, type TrendData } from '$lib/data/trend';
import { boundaryNoteText } from '$lib/i18n/boundaryNotes';
import { measureLabel } from '$lib/i18n/labels';
import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import { dashboard } from '$lib/state/app.svelte';
import { resource } from '$lib/state/resource.svelte';
import {
	changeUnit,
	highlightedRegion,
	levelText,
	lineUnit,
	pointFigures,
	shownLine,
	trendTableRows,
	type TrendText
} from './trendModel';

/** A number per loaded catalogue, so that the rounds are asked again when the data change. */
const catalogues = new WeakMap<object, number>();
let stamps = 0;
function catalogueStamp(data: object | null): number {
	if (data === null) return 0;
	const known = catalogues.get(data);
	if (known !== undefined) return known;
	catalogues.set(data, ++stamps);
	return stamps;
}

/**
 * The explorer's trend panel for the life of its component: every round of the indicator on
 * screen (asked once the dashboard is ready, and again when the data change), the line and the
 * region the reader picked, and what the chart and the table show of them.
 */
export class TrendPanel {
	#chosenLine = $state<TrendLine | null>(null);
	/** The region picked in the panel, and the map's selection then: a new one on the map wins. */
	#chosenRegion = $state<{ code: string; onMap: string | null } | null>(null);

	locale = $derived(intlLocale(i18n.locale));
	indicator = $derived(dashboard.indicator);
	names = $derived(
		Object.fromEntries((dashboard.data?.regions ?? []).map((r) => [r.isoCode, r.nameOfficial]))
	);
	nameOf = (code: string): string => this.names[code] ?? code;

	#key = $derived(
		dashboard.status === 'ready' && this.indicator
			? `${this.indicator.id}|${catalogueStamp(dashboard.data)}`
			: null
	);
	#trend = resource<TrendData>(
		() => {
			const id = this.indicator?.id;
			const key = this.#key;
			if (key === null || !id) return null;
			return { key, load: () => fetchTrend(dashboard.db, id) };
		},
		{ cache: 8 }
	);
	/** The rounds of the indicator on screen; null while they are on their way. */
	data = $derived(this.#trend.valueFor(this.#key) ?? null);
	lines = $derived(this.data ? linesAvailable(this.data) : []);
	line = $derived(shownLine(this.lines, this.#chosenLine));
	layout = $derived(this.data && this.line ? trendLayout(this.data, this.line) : null);
	/** Every region the indicator has a round of, in name order, for the picker. */
	regions = $derived(
		(this.data?.regions ?? [])
			.map((r) => r.code)
			.sort((a, b) => this.nameOf(a).localeCompare(this.nameOf(b), this.locale))
	);
	highlighted = $derived(
		this.layout
			? highlightedRegion(
					this.layout,
					this.#chosenRegion?.onMap === dashboard.state.region ? this.#chosenRegion.code : null,
					dashboard.state.region,
					this.nameOf
				)
			: null
	);
	/** The highlighted region's points on the line (one round or more). */
	points = $derived.by(() => {
		const rounds = this.data?.regions.find((r) => r.code === this.highlighted)?.rounds;
		return rounds && this.line ? seriesPoints(rounds, this.line) : [];
	});
	steps = $derived(this.highlighted ? roundSteps(this.highlighted, this.points) : []);
	unit = $derived(this.line && this.indicator ? lineUnit(this.indicator.unit, this.line) : 'count');

	#text = $derived<TrendText>({
		locale: this.locale,
		none: '—',
		notSignificantMark: m.not_significant_mark(),
		join: (lower, upper) => m.profile_range({ lower, upper })
	});
	rows = $derived(
		this.indicator
			? trendTableRows(
					this.points,
					this.steps,
					this.unit,
					changeUnit(this.indicator.unit),
					this.#text
				)
			: []
	);
	/** Notes for every change of the highlighted region that straddles a boundary change. */
	boundaryNotes = $derived(
		this.steps.flatMap((s) =>
			s.boundaryNotes.map((n) =>
				boundaryNoteText(n, s.from.period, s.to.period, this.nameOf, this.locale)
			)
		)
	);
	anyNotSignificant = $derived(this.rows.some((r) => r.significant === false));

	get error(): Error | null {
		return this.#trend.error;
	}

	lineLabel(line: TrendLine): string {
		return measureLabel(this.indicator, line, null);
	}

	/** "Songwe, 2015-16: 45.2% (90% interval 32.2–58.9)": a point as the chart's readout says it. */
	describePoint = (code: string, p: TrendPoint): string => {
		const { value, range } = pointFigures(p, this.unit, this.#text);
		const region = code === '' ? m.chart_national() : this.nameOf(code);
		return range === null
			? m.trend_point({ region, period: p.period, value })
			: m.trend_point_range({
					region,
					period: p.period,
					value,
					level: levelText(p.ciLevel, this.locale),
					range
				});
	};

	chooseLine(line: TrendLine): void {
		this.#chosenLine = line;
	}

	chooseRegion(code: string): void {
		this.#chosenRegion = { code, onMap: dashboard.state.region };
	}
}
