import { describe, expect, it } from 'vitest';
import {
	addToBrief,
	addToBriefQuery,
	briefOptions,
	briefParams,
	parseBriefState,
	parseViewKey,
	toggleView,
	viewKey,
	type BriefView
} from './briefState';

const indicators = [
	{ id: 'women_mobile_phone', years: [2016, 2022], hasUrbanRural: false },
	{ id: 'hh_owns_mobile', years: [2021, 2024], hasUrbanRural: true },
	{ id: 'active_sims', years: [2022], hasUrbanRural: false },
	{ id: 'internet_users', years: [], hasUrbanRural: false }
];
const options = briefOptions(indicators);
const v = (indicator: string, measure: BriefView['measure'], year: number): BriefView => ({
	indicator,
	measure,
	year
});

describe('briefOptions', () => {
	it('offers total, gap where split, change where an earlier round exists, latest year only', () => {
		expect(options.map(viewKey)).toEqual([
			'women_mobile_phone.total.2022',
			'women_mobile_phone.change.2022',
			'hh_owns_mobile.total.2024',
			'hh_owns_mobile.gap.2024',
			'hh_owns_mobile.change.2024',
			'active_sims.total.2022'
		]);
	});
});

describe('view keys', () => {
	it('round-trips', () => {
		expect(parseViewKey('hh_owns_mobile.gap.2024')).toEqual(v('hh_owns_mobile', 'gap', 2024));
	});
	it('rejects unknown measures and malformed keys', () => {
		expect(parseViewKey('hh_owns_mobile.median.2024')).toBeNull();
		expect(parseViewKey('hh_owns_mobile.gap')).toBeNull();
		expect(parseViewKey('<b>.total.2024')).toBeNull();
	});
});

describe('parseBriefState', () => {
	it('reads views, title and note', () => {
		const params = new URLSearchParams(
			'views=women_mobile_phone.change.2022,hh_owns_mobile.gap.2024&title=T&note=N&lang=sw'
		);
		expect(parseBriefState(params, options)).toEqual({
			state: {
				views: [v('women_mobile_phone', 'change', 2022), v('hh_owns_mobile', 'gap', 2024)],
				region: null,
				title: 'T',
				note: 'N'
			},
			problems: []
		});
	});
	it('reports unknown views and views past the fourth, and ignores repeats', () => {
		const keys = [
			'women_mobile_phone.total.2022',
			'women_mobile_phone.total.2022',
			'women_mobile_phone.gap.2022',
			'women_mobile_phone.change.2022',
			'hh_owns_mobile.total.2024',
			'hh_owns_mobile.gap.2024',
			'active_sims.total.2022'
		];
		const { state, problems } = parseBriefState(
			new URLSearchParams({ views: keys.join(',') }),
			options
		);
		expect(state.views.map(viewKey)).toEqual([
			'women_mobile_phone.total.2022',
			'women_mobile_phone.change.2022',
			'hh_owns_mobile.total.2024',
			'hh_owns_mobile.gap.2024'
		]);
		expect(problems).toEqual([
			{ value: 'women_mobile_phone.gap.2022', reason: 'unknown' },
			{ value: 'active_sims.total.2022', reason: 'too_many' }
		]);
	});
	it('cuts a long title', () => {
		const { state } = parseBriefState(new URLSearchParams({ title: 'x'.repeat(500) }), options);
		expect(state.title).toHaveLength(120);
	});
	it('reads a region by its ISO code, in any case, and reports one that is not a region', () => {
		const regions = ['TZ-14', 'TZ-31'];
		expect(parseBriefState(new URLSearchParams('region=tz-31'), options, regions)).toEqual({
			state: { views: [], region: 'TZ-31', title: '', note: '' },
			problems: []
		});
		expect(parseBriefState(new URLSearchParams('region=TZ-99'), options, regions)).toEqual({
			state: { views: [], region: null, title: '', note: '' },
			problems: [{ value: 'TZ-99', reason: 'unknown_region' }]
		});
	});
});

describe('the note in the link', () => {
	const regions = ['TZ-31'];
	const state = {
		views: [v('women_mobile_phone', 'change', 2022)],
		region: 'TZ-31',
		title: '',
		note: 'Songwe: <b>check</b> the 2016 split & "Mbeya" figures,\nthen 50% + 5 pp.'
	};
	it('survives the round trip as the same plain text, markup and line breaks included', () => {
		const link = `?${briefParams(state, new URLSearchParams())}`;
		const back = parseBriefState(new URLSearchParams(link), options, regions);
		expect(back.state).toEqual(state);
		expect(back.problems).toEqual([]);
	});
	it('is cut to 600 characters, in the link and when a longer one is read', () => {
		const long = { ...state, note: 'n'.repeat(700) };
		expect(briefParams(long, new URLSearchParams()).get('note')).toHaveLength(600);
		const read = parseBriefState(new URLSearchParams({ note: 'x'.repeat(900) }), options);
		expect(read.state.note).toBe('x'.repeat(600));
	});
	it('is kept when another choice changes the brief', () => {
		const params = briefParams(state, new URLSearchParams('lang=sw'));
		const current = parseBriefState(params, options, regions).state;
		const next = briefParams({ ...current, region: null }, params);
		expect(next.get('note')).toBe(state.note);
		expect(next.has('region')).toBe(false);
		expect(next.get('lang')).toBe('sw');
	});
});

describe('briefParams', () => {
	it('writes the brief and keeps the language', () => {
		const out = briefParams(
			{ views: [v('hh_owns_mobile', 'gap', 2024)], region: null, title: 'A & B', note: '' },
			new URLSearchParams('lang=sw&note=old')
		);
		expect(out.get('lang')).toBe('sw');
		expect(out.get('views')).toBe('hh_owns_mobile.gap.2024');
		expect(out.get('title')).toBe('A & B');
		expect(out.has('note')).toBe(false);
		expect(parseBriefState(out, options).state.title).toBe('A & B');
	});
});

describe('toggleView', () => {
	const four = options.slice(0, 4);
	it('adds and removes', () => {
		expect(toggleView([], options[0]!, true)).toEqual([options[0]]);
		expect(toggleView(four, options[1]!, false)).toHaveLength(3);
	});
	it('never holds more than four', () => {
		expect(toggleView(four, options[5]!, true)).toEqual(four);
	});
});

describe('addToBrief', () => {
	const v = { indicator: 'hh_owns_mobile', measure: 'gap' as const, year: 2024 };
	it('starts a brief, appends, ignores repeats and junk, and stops at the maximum', () => {
		expect(addToBrief(null, v)).toBe('hh_owns_mobile.gap.2024');
		expect(addToBrief('women_mobile_phone.total.2022', v)).toBe(
			'women_mobile_phone.total.2022,hh_owns_mobile.gap.2024'
		);
		expect(addToBrief('hh_owns_mobile.gap.2024,<x>', v)).toBe('hh_owns_mobile.gap.2024');
		const full = ['a.total.2022', 'b.total.2022', 'c.total.2022', 'd.total.2022'].join(',');
		expect(addToBrief(full, v)).toBe(full);
	});
});

describe('addToBriefQuery', () => {
	it('keeps the language', () => {
		const v = { indicator: 'x', measure: 'total' as const, year: 2022 };
		expect(addToBriefQuery('y.gap.2024', v, 'sw')).toBe('?views=y.gap.2024%2Cx.total.2022&lang=sw');
		expect(addToBriefQuery(null, v, null)).toBe('?views=x.total.2022');
	});
});
