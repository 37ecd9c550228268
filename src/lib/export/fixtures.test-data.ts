import type { Estimate } from '$lib/domain/estimate';
import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, RegionView, SourceRecord } from '$lib/data/views';
import { est, regionView } from '$lib/data/views.test-data';
import type { Measure } from '$lib/domain/gaps';
import { buildViewModel } from '$lib/state/viewModel';
import { VIEW_TEXT } from '$lib/state/viewModel.test-data';
import type { ExportText, ViewExport } from './exportView';

/** A fixed small view for the export tests: three regions, one of them hostile text. */

function region(
	iso: string,
	name: string,
	total: Estimate,
	urban: Estimate,
	rural: Estimate,
	previous: number | null
): RegionView {
	return regionView(iso, name, {
		total,
		urban,
		rural,
		previousYear: previous === null ? null : 2016,
		previousTotal: est(previous)
	});
}

export const SOURCES: SourceRecord[] = [
	{
		id: 'demo-survey',
		title: 'Demo survey 2024',
		publisher: 'Pengo test bench',
		year: '2024',
		licence: 'CC BY 4.0',
		note: null
	},
	{
		id: 'other',
		title: '=HYPERLINK("http://evil.example")',
		publisher: 'A & B <Ltd>',
		year: null,
		licence: 'Public "domain"',
		note: null
	}
];

export const VIEW: IndicatorView = {
	indicatorId: 'women_mobile_phone',
	year: 2022,
	ciLevel: 0.9,
	regions: [
		region(
			'TZ-03',
			'Dodoma',
			est(61.6, 53.4, 69.2, 812),
			est(80, 75, 85, 200),
			est(55, 48, 62, 612, 'unstable'),
			38.9
		),
		region(
			'TZ-02',
			'Dar es Salaam',
			est(90.5, 88, 93, 1200),
			est(91, 89, 93, 1100),
			est(85, 70, 100, 100),
			86
		),
		region(
			'TZ-99',
			'=HYPERLINK("x")',
			est(null, null, null, 5, 'suppressed'),
			est(null),
			est(null),
			null
		)
	],
	national: { total: est(72.5), urban: est(88), rural: est(60) },
	sources: SOURCES,
	islands: []
};

export const INDICATOR: IndicatorInfo = {
	id: 'women_mobile_phone',
	label: { en: 'Women who own a mobile phone', sw: 'Wanawake wanaomiliki simu ya mkononi' },
	unit: 'percent',
	definition: {
		en: 'Percentage of women aged 15-49 who own a mobile phone',
		sw: 'Asilimia ya wanawake'
	},
	hasUrbanRural: true,
	years: [2016, 2022],
	periods: { 2016: '2015-16', 2022: '2022' },
	synthetic: false
};

export function model(measure: Measure) {
	return buildViewModel(VIEW, INDICATOR, measure, (r) => r.nameOfficial, {
		...VIEW_TEXT,
		locale: 'en-GB',
		noData: 'No data',
		period: (y) => INDICATOR.periods[y] ?? String(y)
	});
}

export function viewExport(
	measure: Measure = 'total',
	synthetic = false
): ViewExport & { measure: Measure } {
	return {
		title: `Women who own a mobile phone: ${measure === 'total' ? 'Total' : measure}, 2022`,
		indicatorId: 'women_mobile_phone',
		indicatorLabel: 'Women who own a mobile phone',
		definition: INDICATOR.definition.en,
		measure,
		measureLabel: measure === 'total' ? 'Total' : measure,
		unitLabel: '%',
		year: 2022,
		period: '2022',
		area: 'Tanzania, 31 regions',
		ciLevel: 0.9,
		synthetic,
		sources: SOURCES,
		exportedAt: new Date(2026, 11, 1, 9, 30),
		locale: 'en'
	};
}

export const TEXT: ExportText = {
	locale: 'en',
	sourceLabel: 'Source',
	licenceLabel: 'Licence',
	madeWith: 'Made with Pengo',
	exported: (d) => `Exported ${d}`,
	synthetic: 'Synthetic demonstration data, not official statistics',
	noData: 'No data',
	notSignificant: 'not significant',
	changeNotSignificant: 'change not significant',
	suppressed: 'Suppressed: fewer than 10 respondents',
	unstable: 'Unstable: fewer than 25 respondents',
	national: 'Tanzania (national)',
	boundaryNote: (note, from, to, nameOf) =>
		`${nameOf(note.region)} ${note.role} ${note.year} (${note.others.map(nameOf).join(', ')}), ${from}–${to}`,
	marks: {
		interval: (level, computed) =>
			`Lines: ${level}% confidence interval, ${computed ? 'computed by Pengo' : 'published by the source'}`,
		notSignificant: '(ns) = not significant',
		changeNotSignificant: '(ns) = change not significant',
		notSignificantMark: '(ns)',
		national: 'Dashed line: national value'
	},
	readme: {
		definition: 'Definition',
		measure: 'Measure',
		period: 'Year',
		area: 'Area',
		interval: (l) => `Intervals are ${l}% confidence intervals.`,
		sources: 'Sources',
		publisher: 'Publisher',
		files: 'Files',
		columns: 'Columns of the CSV',
		rounding: 'Numbers are rounded; metadata.json gives the decimals of each column.',
		full: 'Columns ending in _full hold the same numbers unrounded.'
	}
};
