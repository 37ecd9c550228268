import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, SourceRecord } from '$lib/data/views';
import { displayUnit, formatValue } from '$lib/i18n/format';
import type { Measure } from '$lib/domain/gaps';
import type { ViewText } from '$lib/i18n/labels';
import { buildViewModel, type ViewModel } from '$lib/state/viewModel';
import { viewKey, type BriefView } from './briefState';
import { viewKey as indicatorViewKey } from '../indicatorViews';
import { SURVEY_SOURCE_ID } from '$lib/data/regionProfile';
import { changeLevel } from '$lib/data/viewChanges';
import { intervalMarks, type BriefContents, type IntervalMarks } from './briefSentences';
import {
	figureSource,
	keyFigures,
	type FigureEntry,
	type FigureSource,
	type KeyFigures
} from './keyFigures';

export type { SourceRecord };

/** One chosen view, ready to draw on its own page of the brief. */
export interface BriefSection {
	key: string;
	/** "Women who own a mobile phone: Change since 2015-16, 2022". */
	title: string;
	definition: string;
	measure: Measure;
	synthetic: boolean;
	sources: readonly SourceRecord[];
	ciLevel: number | null;
	model: ViewModel;
	legendTitle: string;
	/** Label of the previous-round marker on a bar chart of totals, if drawn. */
	previousLabel: string | null;
	/** The interval marks the chart draws and who made them; null when it draws none. */
	intervals: IntervalMarks | null;
}

/** The words the brief needs, supplied by the i18n layer so this module stays pure. */
export interface BriefText {
	locale: string;
	/** The UI language, to pick an indicator's name and definition. */
	language: keyof IndicatorInfo['label'];
	/** The words of one indicator's view model. */
	viewText: (indicator: IndicatorInfo) => ViewText;
	/** A measure as a reader names it: "Change since 2015-16". */
	measureLabel: (indicator: IndicatorInfo, measure: Measure, year: number) => string;
	/** A display unit's name: "percentage points". */
	unitLabel: (unit: ReturnType<typeof displayUnit>) => string;
	/** A survey year as published: 2016 → "2015-16". */
	period: (indicator: IndicatorInfo, year: number) => string;
	legendTitle: (words: { measure: string; unit: string; year: string }) => string;
	/** The previous-round marker: "2015-16". */
	previous: (period: string) => string;
	/** A key figure's source: "Women who own a mobile phone, 2022". */
	figureView: (words: { indicator: string; period: string }) => string;
	noData: string;
}

/** The printed brief: its pages, key figures and sources; null until every chosen view is in. */
export interface BriefModel {
	sections: BriefSection[];
	figures: KeyFigures;
	/** Whether any chosen view has an earlier survey round. */
	hasRounds: boolean;
	/** What the view pages show, for the methods page to speak of it and nothing else. */
	contents: BriefContents;
	/** Every source of every page, each once. */
	sources: SourceRecord[];
	/** A key figure's value in its indicator's unit: "+25.3 pp". */
	figureValue: (entry: FigureEntry, kind: 'gap' | 'change') => string;
}

/** The key of an indicator-year's source in the key figures: `women_mobile_phone.2022`. */
const sourceKey = (v: { indicator: string; year: number }) => `${v.indicator}.${v.year}`;

/** How a view is offered and headed: "Women who own a mobile phone: Total, 2022". */
export function briefViewLabel(
	v: BriefView,
	indicators: readonly IndicatorInfo[],
	t: Pick<BriefText, 'language' | 'measureLabel' | 'period'>
): string {
	const ind = indicators.find((i) => i.id === v.indicator);
	if (!ind) return viewKey(v);
	return `${ind.label[t.language]}: ${t.measureLabel(ind, v.measure, v.year)}, ${t.period(ind, v.year)}`;
}

/**
 * The brief for the chosen views. `views` holds the fetched indicator views by `viewKey` of
 * indicator and year (`women_mobile_phone@2022`); the brief waits for all of them.
 */
export function briefModel(
	chosen: readonly BriefView[],
	indicators: readonly IndicatorInfo[],
	views: ReadonlyMap<string, IndicatorView>,
	t: BriefText
): BriefModel | null {
	const sections: BriefSection[] = [];
	const figureSources: FigureSource[] = [];
	const regionName = (r: { nameOfficial: string }) => r.nameOfficial;
	for (const v of chosen) {
		const ind = indicators.find((i) => i.id === v.indicator);
		const view = views.get(indicatorViewKey({ indicatorId: v.indicator, year: v.year }));
		if (!ind || !view) return null;
		const model = buildViewModel(view, ind, v.measure, regionName, t.viewText(ind));
		const previous = ind.years.filter((y) => y < v.year).at(-1);
		const pengo = ind.synthetic || view.sources.some((s) => s.id === SURVEY_SOURCE_ID);
		sections.push({
			key: viewKey(v),
			title: briefViewLabel(v, indicators, t),
			definition: ind.definition[t.language],
			measure: v.measure,
			synthetic: ind.synthetic,
			sources: view.sources,
			ciLevel: view.ciLevel,
			model,
			legendTitle: t.legendTitle({
				measure: t.measureLabel(ind, v.measure, v.year),
				unit: t.unitLabel(displayUnit(ind.unit, v.measure)),
				year: t.period(ind, v.year)
			}),
			previousLabel:
				v.measure === 'total' && previous !== undefined
					? t.previous(t.period(ind, previous))
					: null,
			intervals: intervalMarks(
				model,
				v.measure,
				v.measure === 'change' ? changeLevel(view) : view.ciLevel,
				pengo ? 'pengo' : 'source'
			)
		});
		figureSources.push(
			figureSource(view, model, {
				label: t.figureView({ indicator: ind.label[t.language], period: t.period(ind, v.year) }),
				hasUrbanRural: ind.hasUrbanRural,
				regionName
			})
		);
	}

	const unitBySource = Object.fromEntries(
		chosen.map((v) => [sourceKey(v), indicators.find((i) => i.id === v.indicator)?.unit])
	);
	const sources: Record<string, SourceRecord> = {};
	for (const s of sections) for (const r of s.sources) sources[r.id] ??= r;
	const figures = keyFigures(figureSources);
	return {
		sections,
		figures,
		contents: viewContents(sections, figures),
		hasRounds: figureSources.some((s) => s.hasPreviousRound),
		sources: Object.values(sources),
		figureValue: (e, kind) =>
			formatValue(
				e.value,
				displayUnit(unitBySource[e.sourceKey] ?? 'percent', kind),
				t.locale,
				t.noData
			)
	};
}

/** What the view pages and key figures show, as the methods page must know it. */
function viewContents(sections: readonly BriefSection[], figures: KeyFigures): BriefContents {
	const gapShown = (s: BriefSection) => s.model.chart === 'dumbbell' || s.measure === 'gap';
	return {
		gaps: sections.some(gapShown) || figures.some((g) => g.largestGaps.length > 0),
		gapIntervals: figures.some((g) => g.largestGaps.some((e) => e.significant !== null)),
		changeWithoutInterval: figures.some((g) => g.mostImproved.some((e) => e.significant === null)),
		changeWithInterval:
			sections.some((s) => s.intervals?.of === 'changes') ||
			figures.some((g) => g.mostImproved.some((e) => e.significant !== null)),
		sourceIntervals: sections.some((s) => s.intervals?.maker === 'source'),
		pengoIntervals: sections.some((s) => s.intervals?.maker === 'pengo'),
		keyFigures: figures.length > 0,
		regionRank: false,
		synthetic: sections.some((s) => s.synthetic)
	};
}

/** The contents of a brief with both parts: either part showing a thing is enough. */
export function mergeContents(a: BriefContents, b: BriefContents): BriefContents {
	const out = { ...a };
	for (const key of Object.keys(b) as (keyof BriefContents)[]) out[key] = a[key] || b[key];
	return out;
}
