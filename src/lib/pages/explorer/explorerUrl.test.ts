import { describe, expect, it } from 'vitest';
import { parseViewState, viewStateParams, type CatalogEntry } from './explorerUrl';

const catalog: CatalogEntry[] = [
	{
		id: 'women_mobile_phone',
		years: [2016, 2022],
		measures: (y) => (y > 2016 ? ['total', 'change'] : ['total'])
	},
	{
		id: 'hh_owns_mobile',
		years: [2021, 2024],
		measures: () => ['total', 'urban', 'rural', 'gap', 'parity']
	}
];
const regions = ['TZ-03', 'TZ-30'];
const parse = (q: string) =>
	parseViewState(new URLSearchParams(q), catalog, regions, 'women_mobile_phone');

describe('parseViewState', () => {
	it('opens the default view on an empty URL', () => {
		expect(parse('')).toEqual({
			state: {
				indicator: 'women_mobile_phone',
				year: 2022,
				measure: 'total',
				region: null,
				view: 'chart'
			},
			problems: []
		});
	});

	it('reads every choice', () => {
		expect(
			parse('indicator=hh_owns_mobile&year=2021&measure=gap&region=TZ-30&view=table').state
		).toEqual({
			indicator: 'hh_owns_mobile',
			year: 2021,
			measure: 'gap',
			region: 'TZ-30',
			view: 'table'
		});
	});

	it('reports unknown codes and falls back to the default for each', () => {
		const { state, problems } = parse('indicator=nope&region=TZ-99&measure=gap');
		expect(state).toEqual({
			indicator: 'women_mobile_phone',
			year: 2022,
			measure: 'total',
			region: null,
			view: 'chart'
		});
		expect(problems).toEqual([
			{ kind: 'unknown-indicator', value: 'nope' },
			{ kind: 'unknown-measure', value: 'gap' },
			{ kind: 'unknown-region', value: 'TZ-99' }
		]);
	});

	it('refuses a measure the chosen year cannot give', () => {
		const { state, problems } = parse('year=2016&measure=change');
		expect(state.measure).toBe('total');
		expect(problems).toEqual([{ kind: 'unknown-measure', value: 'change' }]);
		expect(parse('year=1999').problems).toEqual([{ kind: 'unknown-year', value: '1999' }]);
	});
});

describe('viewStateParams', () => {
	it('round-trips and keeps unrelated parameters', () => {
		const state = {
			indicator: 'hh_owns_mobile',
			year: 2024,
			measure: 'parity' as const,
			region: 'TZ-03',
			view: 'chart' as const
		};
		const params = viewStateParams(state, new URLSearchParams('lang=sw&region=TZ-30&view=table'));
		expect(params.toString()).toBe(
			'lang=sw&region=TZ-03&indicator=hh_owns_mobile&year=2024&measure=parity'
		);
		expect(parseViewState(params, catalog, regions, 'x').state).toEqual(state);
	});

	it('keeps colour classes fixed across years as classes=fixed, and drops it when off', () => {
		const state = {
			indicator: 'hh_owns_mobile',
			year: 2021,
			measure: 'gap' as const,
			region: null,
			view: 'chart' as const,
			classes: 'fixed' as const
		};
		const params = viewStateParams(state);
		expect(params.get('classes')).toBe('fixed');
		expect(parseViewState(params, catalog, regions, 'x').state).toStrictEqual(state);
		const off = viewStateParams({ ...state, classes: undefined }, params);
		expect(off.has('classes')).toBe(false);
		expect(parseViewState(off, catalog, regions, 'x').state.classes).toBeUndefined();
	});

	it('reads any other value of classes as classes by year', () => {
		expect(parse('classes=yes').state.classes).toBeUndefined();
		expect(parse('classes=yes').problems).toEqual([]);
	});
});
