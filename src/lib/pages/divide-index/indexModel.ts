import type { BarRow } from '$lib/charts/types';
import {
	componentKey,
	divideIndexRows,
	indexSources,
	resolveComponents,
	surveyYears,
	toIndexComponents,
	viewKey,
	type ComponentOption,
	type DivideIndexRow,
	type ResolvedComponent
} from '$lib/data/divideIndex';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, SourceRecord } from '$lib/data/views';
import { displayUnit, formatValue } from '$lib/i18n/format';
import type { TableColumn } from '$lib/ui/tableSort';
import type { IndexState } from './indexUrl';

/** The words the index view needs, supplied by the i18n layer so this module stays pure. */
export interface IndexText {
	locale: string;
	/** The UI language, to pick an indicator's name. */
	language: keyof IndicatorInfo['label'];
	componentGap: (label: string) => string;
	componentLevel: (label: string) => string;
	/** The index of a region without enough components. */
	notEnough: string;
	/** A component's value where a region has none. */
	noValue: string;
	rowNotEnough: (region: string) => string;
	rowRanked: (words: { rank: string; count: string; region: string; value: string }) => string;
	rankColumn: string;
	regionColumn: string;
	indexColumn: string;
	valueColumn: (component: string) => string;
	scoreColumn: (component: string) => string;
}

export interface IndexInput {
	indicators: readonly IndicatorInfo[];
	regions: readonly { iso: string; name: string }[];
	options: readonly ComponentOption[];
	state: IndexState;
	/** The views fetched so far, by `viewKey`. */
	views: ReadonlyMap<string, IndicatorView>;
}

/** One line of "What went in": a component, the year it reads and its weight, in words. */
export interface UsedComponent {
	id: string;
	/** False for a weight of 0: listed, but not in the index. */
	counted: boolean;
	words: { component: string; year: string; weight: string };
}

export interface IndexModel {
	/** The survey years a person can choose, with their published names ("2015-16"). */
	years: { year: number; label: string }[];
	yearText: string;
	/** The chosen components that are known, and those of them with a weight above 0. */
	resolved: ResolvedComponent[];
	counted: ResolvedComponent[];
	used: UsedComponent[];
	/** Whether every chosen component's view has been fetched. */
	complete: boolean;
	/** Ranked regions first (1 = widest divide), then those without enough data, by name. */
	rows: DivideIndexRow[];
	bars: BarRow[];
	/** Regions without enough components for an index. */
	notEnough: string[];
	columns: TableColumn<DivideIndexRow>[];
	sources: SourceRecord[];
	synthetic: boolean;
	/** The name a person reads for a component: "Gap: Households owning a mobile phone". */
	componentName: (c: Pick<ComponentOption, 'indicatorId' | 'direction'>) => string;
	/** An indicator-year's published period. */
	period: (indicatorId: string, year: number) => string;
	/** A weight as a person typed it: "1", "2.5". */
	weightText: (weight: number) => string;
}

export function indexModel(input: IndexInput, t: IndexText): IndexModel {
	const { indicators, options, state, views } = input;
	const indicatorOf = (id: string) => indicators.find((i) => i.id === id);
	const optionOf = (key: string) => options.find((o) => componentKey(o) === key);
	const period = (id: string, year: number) => indicatorOf(id)?.periods[year] ?? String(year);
	function componentName(o: Pick<ComponentOption, 'indicatorId' | 'direction'>): string {
		const info = indicatorOf(o.indicatorId);
		const label = info ? info.label[t.language] || info.label.en : o.indicatorId;
		return o.direction === 'gap' ? t.componentGap(label) : t.componentLevel(label);
	}
	const weightText = (w: number) => formatValue(w, 'per100', t.locale).replace(/[.,]0$/, '');

	const resolved = resolveComponents(state.choices, options, state.year);
	const counted = resolved.filter((c) => c.weight > 0);
	const complete = resolved.every((c) => views.has(viewKey(c)));
	const rows =
		complete && counted.length > 0
			? divideIndexRows(input.regions, toIndexComponents(counted, views))
			: [];
	const rankedCount = rows.filter((r) => r.rank !== null).length;
	const surveyId = options.find((o) => o.direction === 'gap')?.indicatorId ?? '';

	const indexText = (v: number | null) => formatValue(v, 'ratio', t.locale, t.notEnough);
	function rawText(id: string, v: number | null) {
		const o = optionOf(id);
		const unit = indicatorOf(o?.indicatorId ?? '')?.unit ?? 'percent';
		const shown = displayUnit(unit, o?.direction === 'gap' ? 'gap' : 'total');
		return formatValue(v, shown, t.locale, t.noValue);
	}

	return {
		years: surveyYears(options).map((year) => ({ year, label: period(surveyId, year) })),
		yearText: state.year === null ? '' : period(surveyId, state.year),
		resolved,
		counted,
		used: resolved.map((c) => ({
			id: c.id,
			counted: c.weight > 0,
			words: {
				component: componentName(c),
				year: period(c.indicatorId, c.year),
				weight: weightText(c.weight)
			}
		})),
		complete,
		rows,
		bars: rows.map((r) => ({
			iso: r.iso,
			name: r.name,
			value: r.index,
			lower: null,
			upper: null,
			previous: null,
			valueText: indexText(r.index),
			description:
				r.rank === null
					? t.rowNotEnough(r.name)
					: t.rowRanked({
							rank: String(r.rank),
							count: String(rankedCount),
							region: r.name,
							value: indexText(r.index)
						})
		})),
		notEnough: rows.filter((r) => r.rank === null).map((r) => r.name),
		columns: [
			{ key: 'rank', label: t.rankColumn, value: (r) => r.rank, numeric: true },
			{ key: 'region', label: t.regionColumn, value: (r) => r.name },
			{
				key: 'index',
				label: t.indexColumn,
				value: (r) => r.index,
				text: (r) => indexText(r.index),
				numeric: true
			},
			...counted.flatMap((c): TableColumn<DivideIndexRow>[] => {
				const component = componentName(c);
				return [
					{
						key: `${c.id}:value`,
						label: t.valueColumn(component),
						value: (r) => r.parts[c.id]?.raw ?? null,
						text: (r) => rawText(c.id, r.parts[c.id]?.raw ?? null),
						numeric: true
					},
					{
						key: `${c.id}:score`,
						label: t.scoreColumn(component),
						value: (r) => r.parts[c.id]?.score ?? null,
						text: (r) => formatValue(r.parts[c.id]?.score, 'ratio', t.locale, t.noValue),
						numeric: true
					}
				];
			})
		],
		sources: indexSources(counted.flatMap((c) => views.get(viewKey(c)) ?? [])),
		synthetic: counted.some((c) => optionOf(c.id)?.synthetic),
		componentName,
		period,
		weightText
	};
}
