import { describe, expect, it } from 'vitest';
import {
	DEFAULT_CHOICES,
	surveyYears,
	viewRequests,
	type ComponentOption
} from '$lib/data/divideIndex';
import { indexParams, parseIndexState } from './indexUrl';

const OPTIONS: ComponentOption[] = [
	{ indicatorId: 'hh_owns_mobile', direction: 'gap', synthetic: true, years: [2021, 2024] },
	{ indicatorId: 'hh_used_internet', direction: 'gap', synthetic: true, years: [2021, 2024] },
	{ indicatorId: 'hh_uses_mobile_money', direction: 'gap', synthetic: true, years: [2021, 2024] },
	{ indicatorId: 'women_mobile_phone', direction: 'level', synthetic: false, years: [2016, 2022] },
	{ indicatorId: 'sims_per_100', direction: 'level', synthetic: false, years: [2022] }
];

describe('the index state in the URL', () => {
	it('reads components, weights and the survey year', () => {
		const { state, problems } = parseIndexState(
			new URLSearchParams('c=hh_owns_mobile:gap:1,women_mobile_phone:level:2.5&year=2021'),
			OPTIONS
		);
		expect(problems).toEqual([]);
		expect(state).toEqual({
			choices: [
				{ indicatorId: 'hh_owns_mobile', direction: 'gap', weight: 1 },
				{ indicatorId: 'women_mobile_phone', direction: 'level', weight: 2.5 }
			],
			year: 2021
		});
		expect(indexParams(state).toString()).toBe(
			'c=hh_owns_mobile%3Agap%3A1%2Cwomen_mobile_phone%3Alevel%3A2.5&year=2021'
		);
	});

	it('uses the defaults without c, and none with an empty c', () => {
		expect(parseIndexState(new URLSearchParams(''), OPTIONS).state).toEqual({
			choices: DEFAULT_CHOICES,
			year: 2024
		});
		expect(parseIndexState(new URLSearchParams('c='), OPTIONS).state.choices).toEqual([]);
	});

	it('reports and leaves out what it cannot use', () => {
		const { state, problems } = parseIndexState(
			new URLSearchParams(
				'c=fax:gap:1,women_mobile_phone:gap:1,sims_per_100:level:9,sims_per_100:level:x,hh_owns_mobile:gap,hh_owns_mobile:gap:2&year=1999'
			),
			OPTIONS
		);
		expect(state).toEqual({
			choices: [{ indicatorId: 'hh_owns_mobile', direction: 'gap', weight: 1 }],
			year: 2024
		});
		expect(problems).toEqual([
			{ kind: 'component', value: 'fax:gap:1' },
			{ kind: 'component', value: 'women_mobile_phone:gap:1' },
			{ kind: 'weight', value: 'sims_per_100:level:9' },
			{ kind: 'weight', value: 'sims_per_100:level:x' },
			{ kind: 'duplicate', value: 'hh_owns_mobile:gap:2' },
			{ kind: 'year', value: '1999' }
		]);
	});

	it('offers one year list for the survey and the latest year for a level', () => {
		expect(surveyYears(OPTIONS)).toEqual([2021, 2024]);
		expect(viewRequests(DEFAULT_CHOICES, OPTIONS, 2021)).toEqual([
			{ indicatorId: 'hh_owns_mobile', year: 2021 },
			{ indicatorId: 'hh_used_internet', year: 2021 },
			{ indicatorId: 'hh_uses_mobile_money', year: 2021 },
			{ indicatorId: 'women_mobile_phone', year: 2022 }
		]);
	});
});
