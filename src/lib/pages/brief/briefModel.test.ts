import { describe, expect, it } from 'vitest';
import type { IndicatorView, SourceRecord } from '$lib/data/views';
import {
	ENGLISH_VIEW_TEXT,
	estimate as est,
	indicatorInfo as indicator,
	sourceRecord as source
} from '../fixtures.test-data';
import { briefModel, briefViewLabel, type BriefText } from './briefModel';
import type { BriefView } from './briefState';

const text: BriefText = {
	locale: 'en-GB',
	language: 'en',
	viewText: () => ENGLISH_VIEW_TEXT,
	measureLabel: (_, measure) => measure,
	unitLabel: (unit) => unit,
	period: (ind, year) => ind.periods[year] ?? String(year),
	legendTitle: (w) => `${w.measure} (${w.unit}), ${w.year}`,
	previous: (period) => `previous: ${period}`,
	figureView: (w) => `${w.indicator}, ${w.period}`,
	noData: 'no data'
};

const INDICATORS = [
	indicator('women', { years: [2016, 2022], periods: { 2016: '2015-16', 2022: '2022' } }),
	indicator('phone', { hasUrbanRural: true, years: [2024], synthetic: true })
];

interface Values {
	total?: number;
	urban?: number;
	rural?: number;
	previous?: number;
}

function view(
	indicatorId: string,
	year: number,
	regions: Record<string, Values>,
	sources: SourceRecord[]
): IndicatorView {
	return {
		indicatorId,
		year,
		ciLevel: 0.95,
		national: null,
		islands: [],
		sources,
		regions: Object.entries(regions).map(([name, v], i) => ({
			iso: `TZ-0${i + 1}`,
			nbsCode: '',
			nameOfficial: name,
			nameEn: name,
			zone: '',
			population: 0,
			total: est(v.total ?? null),
			urban: est(v.urban ?? null),
			rural: est(v.rural ?? null),
			previousYear: v.previous === undefined ? null : 2016,
			previousTotal: est(v.previous ?? null)
		}))
	};
}

/**
 * Women's ownership rose 50 → 70 in Arusha (+20) and 55 → 60 in Dodoma (+5). The phone survey's
 * urban–rural gaps: Arusha 80 − 50 = 30, Dodoma 70 − 65 = 5. Both surveys credit the DHS.
 */
const VIEWS = new Map([
	[
		'women@2022',
		view(
			'women',
			2022,
			{ Arusha: { total: 70, previous: 50 }, Dodoma: { total: 60, previous: 55 } },
			[source('dhs')]
		)
	],
	[
		'phone@2024',
		view(
			'phone',
			2024,
			{ Arusha: { total: 65, urban: 80, rural: 50 }, Dodoma: { total: 68, urban: 70, rural: 65 } },
			[source('survey'), source('dhs')]
		)
	]
]);

const CHOSEN: BriefView[] = [
	{ indicator: 'women', measure: 'change', year: 2022 },
	{ indicator: 'phone', measure: 'gap', year: 2024 },
	{ indicator: 'women', measure: 'total', year: 2022 }
];

describe('briefModel', () => {
	const model = briefModel(CHOSEN, INDICATORS, VIEWS, text)!;

	it('gives each chosen view a page, titled, defined and with its legend', () => {
		expect(model.sections.map((s) => [s.key, s.title, s.legendTitle])).toEqual([
			['women.change.2022', 'Label of women: change, 2022', 'change (pp), 2022'],
			['phone.gap.2024', 'Label of phone: gap, 2024', 'gap (pp), 2024'],
			['women.total.2022', 'Label of women: total, 2022', 'total (percent), 2022']
		]);
		expect(model.sections.map((s) => s.definition)).toEqual([
			'Definition of women',
			'Definition of phone',
			'Definition of women'
		]);
		expect(model.sections.map((s) => s.synthetic)).toEqual([false, true, false]);
	});

	it('marks the previous round only on a chart of totals', () => {
		expect(model.sections.map((s) => s.previousLabel)).toEqual([null, null, 'previous: 2015-16']);
		expect(model.hasRounds).toBe(true);
	});

	it('groups the key figures by indicator-year, each once, in the order chosen', () => {
		expect(model.figures.map((g) => [g.sourceKey, g.label])).toEqual([
			['women.2022', 'Label of women, 2022'],
			['phone.2024', 'Label of phone, 2024']
		]);
		const [women, phone] = model.figures;
		expect(women!.mostImproved.map((e) => [e.name, e.value])).toEqual([
			['Arusha', 20],
			['Dodoma', 5]
		]);
		expect(women!.largestGaps).toEqual([]);
		expect(phone!.largestGaps.map((e) => [e.name, e.value])).toEqual([
			['Arusha', 30],
			['Dodoma', 5]
		]);
		expect(model.figureValue(phone!.largestGaps[0]!, 'gap')).toBe('+30.0 pp');
		expect(model.figureValue(women!.mostImproved[1]!, 'change')).toBe('+5.0 pp');
	});

	it('draws no interval lines where the views have none, and says so in no sentence', () => {
		expect(model.sections.map((s) => s.intervals)).toEqual([null, null, null]);
		expect(model.contents).toMatchObject({
			gaps: true,
			gapIntervals: false,
			changeWithoutInterval: true,
			changeWithInterval: false,
			sourceIntervals: false,
			pengoIntervals: false,
			keyFigures: true,
			regionRank: false,
			synthetic: true
		});
	});

	it('says whose the drawn intervals are: the source of a published view, Pengo of the survey', () => {
		const ranged = (value: number) => ({ ...est(value), lower: value - 5, upper: value + 5 });
		const withIntervals = new Map(
			[...VIEWS].map(([key, v]) => [
				key,
				{
					...v,
					regions: v.regions.map((r) => ({
						...r,
						total: ranged(r.total.value ?? 0),
						urban: r.urban.value === null ? r.urban : ranged(r.urban.value)
					}))
				}
			])
		);
		const chosen: BriefView[] = [
			{ indicator: 'women', measure: 'total', year: 2022 },
			{ indicator: 'women', measure: 'change', year: 2022 },
			{ indicator: 'phone', measure: 'gap', year: 2024 }
		];
		const ranges = briefModel(chosen, INDICATORS, withIntervals, text)!;
		expect(ranges.sections.map((s) => s.intervals)).toEqual([
			{ of: 'values', level: 0.95, maker: 'source' },
			null,
			{ of: 'urban_rural', level: 0.95, maker: 'pengo' }
		]);
		expect(ranges.contents.sourceIntervals).toBe(true);
		expect(ranges.contents.pengoIntervals).toBe(true);
	});

	it('lists every source once', () => {
		expect(model.sources.map((s) => s.id)).toEqual(['dhs', 'survey']);
	});

	it('waits for every chosen view', () => {
		const waiting = new Map([...VIEWS].slice(0, 1));
		expect(briefModel(CHOSEN, INDICATORS, waiting, text)).toBeNull();
		expect(briefModel(CHOSEN.slice(0, 1), INDICATORS, waiting, text)?.sections).toHaveLength(1);
		expect(briefModel([], INDICATORS, waiting, text)?.sections).toEqual([]);
	});

	it('labels a view in the UI language, or by its key when the indicator is gone', () => {
		expect(briefViewLabel(CHOSEN[1]!, INDICATORS, { ...text, language: 'sw' })).toBe(
			'Jina la phone: gap, 2024'
		);
		expect(briefViewLabel({ indicator: 'fax', measure: 'total', year: 2020 }, [], text)).toBe(
			'fax.total.2020'
		);
	});
});
