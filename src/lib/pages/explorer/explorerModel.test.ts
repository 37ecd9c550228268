import { describe, expect, it } from 'vitest';
import type { IndicatorView } from '$lib/data/views';
import { est, indicatorInfo, regionView } from '$lib/data/views.test-data';
import { buildViewModel } from '$lib/state/viewModel';
import { VIEW_TEXT } from '$lib/state/viewModel.test-data';
import { MEASURES } from '$lib/domain/gaps';
import {
	offersGapShortcut,
	briefViewOf,
	catalogOf,
	chartNotes,
	type ChartNotes,
	measuresIn,
	measuresOf,
	regionLines,
	withIndicator,
	withYear
} from './explorerModel';
import type { ViewState } from './explorerUrl';

const split = { ...indicatorInfo(true, 2022), id: 'split' };
const plain = { ...indicatorInfo(false, 2022), id: 'plain' };
const state: ViewState = {
	indicator: 'plain',
	year: 2022,
	measure: 'change',
	region: 'TZ-03',
	view: 'table'
};

describe('the measures on offer', () => {
	it('adds urban, rural, gap and parity with a split, and change after the first year', () => {
		expect(measuresOf(split, 2022)).toEqual(MEASURES);
		expect(measuresOf(split, 2016)).toEqual(['total', 'urban', 'rural', 'gap', 'parity']);
		expect(measuresOf(plain, 2016)).toEqual(['total']);
	});

	it('offers the total alone without an indicator or a year', () => {
		expect(measuresIn(undefined, 2022)).toEqual(['total']);
		expect(measuresIn(plain, null)).toEqual(['total']);
		expect(measuresIn(plain, 2022)).toEqual(['total', 'change']);
	});

	it('gives the URL parser each indicator with its years and measures', () => {
		const [entry] = catalogOf([plain]);
		expect(entry?.id).toBe('plain');
		expect(entry?.years).toEqual([2016, 2022]);
		expect(entry?.measures(2022)).toEqual(['total', 'change']);
	});
});

describe('choosing', () => {
	it('opens an indicator at its latest year and keeps the measure where it applies', () => {
		expect(withIndicator([plain, split], state, 'split')).toEqual({
			...state,
			indicator: 'split',
			year: 2022,
			measure: 'change'
		});
		expect(withIndicator([plain, split], state, 'split', 'gap').measure).toBe('gap');
		expect(withIndicator([plain, split], state, 'plain', 'gap').measure).toBe('total');
	});

	it('keeps the state when the indicator is unknown', () => {
		expect(withIndicator([plain], state, 'gone')).toBe(state);
	});

	it('falls back to the total when a year has no such measure', () => {
		expect(withYear(plain, state, 2016)).toEqual({ ...state, year: 2016, measure: 'total' });
		expect(withYear(plain, state, 2022)).toEqual(state);
		expect(withYear(undefined, state, 2022).measure).toBe('total');
	});
});

describe('briefViewOf', () => {
	it('offers the latest year of the total, the change, and the gap where there is a split', () => {
		expect(briefViewOf(plain, state)).toEqual({
			indicator: 'plain',
			measure: 'change',
			year: 2022
		});
		expect(briefViewOf(split, { ...state, measure: 'gap' })).toEqual({
			indicator: 'split',
			measure: 'gap',
			year: 2022
		});
	});

	it('offers nothing else', () => {
		expect(briefViewOf(plain, { ...state, year: 2016 })).toBeNull();
		expect(briefViewOf(plain, { ...state, measure: 'gap' })).toBeNull();
		expect(briefViewOf(split, { ...state, measure: 'urban' })).toBeNull();
		expect(briefViewOf(undefined, state)).toBeNull();
	});
});

const view: IndicatorView = {
	indicatorId: 'split',
	year: 2022,
	ciLevel: 0.95,
	regions: [
		regionView('TZ-03', 'Dodoma', {
			total: est(60, 55, 65),
			urban: est(70, 60, 80),
			rural: est(65, 55, 75)
		}),
		{ ...regionView('TZ-07', 'Unguja Kaskazini'), nameEn: 'Zanzibar North' }
	],
	national: null,
	sources: [],
	islands: []
};
const model = (measure: 'total' | 'gap') =>
	buildViewModel(view, split, measure, (r) => r.nameOfficial, VIEW_TEXT);

describe('chartNotes', () => {
	/** No note at all: the notes of a view with nothing to say. */
	const NO_NOTES: ChartNotes = {
		ci: null,
		ciOrigin: 'published',
		gapCi: false,
		notSignificant: null,
		changeCi: null,
		changeNotSignificant: null,
		rounds: null,
		noNational: false
	};

	it('gives the interval level when intervals are drawn', () => {
		expect(chartNotes(view, model('total'), 'total')).toEqual({
			...NO_NOTES,
			ci: '95',
			noNational: true
		});
	});

	it('notes gaps that are not significant, and that Pengo computed their intervals', () => {
		expect(chartNotes(view, model('gap'), 'gap')).toMatchObject({
			notSignificant: '95',
			gapCi: true
		});
	});

	it('says the bundled survey’s intervals are Pengo’s own', () => {
		const record = { title: 'Survey', publisher: 'Pengo', year: null, licence: '', note: null };
		const survey = { ...view, sources: [{ ...record, id: 'synthetic-demo' }] };
		expect(chartNotes(survey, model('total'), 'total').ciOrigin).toBe('survey');
	});

	it('says nothing without a level or a model', () => {
		expect(chartNotes({ ...view, ciLevel: null }, model('total'), 'total').ci).toBeNull();
		expect(chartNotes(view, null, 'total')).toEqual(NO_NOTES);
	});

	it('says the change’s intervals are computed, and marks changes that are not significant', () => {
		// Dodoma 60 (55–65) then 58 (53–63): +2 ± 7.1, not significant at 95 %
		const compared: IndicatorView = {
			...view,
			regions: [
				regionView('TZ-03', 'Dodoma', {
					total: est(60, 55, 65),
					previousYear: 2016,
					previousTotal: est(58, 53, 63)
				})
			]
		};
		const change = buildViewModel(compared, split, 'change', (r) => r.nameOfficial, VIEW_TEXT);
		expect(chartNotes(compared, change, 'change')).toMatchObject({
			ci: null,
			changeCi: '95',
			changeNotSignificant: '95'
		});
	});
});

describe('regionLines', () => {
	it('names a region in both its names when they differ', () => {
		const lines = regionLines(model('total'), view, {}, 'TZ-07');
		expect(lines[0]).toBe('Unguja Kaskazini (Zanzibar North)');
		expect(regionLines(model('total'), view, {}, 'TZ-03')[0]).toBe(
			model('total').describe('TZ-03')[0]
		);
	});

	it('gives the name alone, or the code, without a model', () => {
		expect(regionLines(null, null, { 'TZ-03': 'Dodoma' }, 'TZ-03')).toEqual(['Dodoma']);
		expect(regionLines(null, null, {}, 'TZ-99')).toEqual(['TZ-99']);
	});
});

describe('the gap shortcut', () => {
	it('is offered only where the indicator has no urban and rural values of its own', () => {
		expect(offersGapShortcut(plain)).toBe(true);
		// An indicator with the split offers its own gap in the Measure list.
		expect(offersGapShortcut(split)).toBe(false);
		expect(offersGapShortcut(undefined)).toBe(false);
	});
});
