import { describe, expect, it } from 'vitest';
import { parseServicesState, servicesParams, servicesViewKey, servicesYears } from './servicesUrl';

describe('services URL state', () => {
	it('reads a full link', () => {
		const { state, problems } = parseServicesState(
			new URLSearchParams('service=mgov&connectivity=internet&year=2021&links=off'),
			[2021, 2024]
		);
		expect(state).toEqual({ service: 'mgov', connectivity: 'internet', year: 2021, links: false });
		expect(problems).toEqual([]);
	});

	it('falls back to the defaults and reports what it could not use', () => {
		const { state, problems } = parseServicesState(
			new URLSearchParams('service=fax&connectivity=&year=1999'),
			[2021, 2024]
		);
		expect(state).toEqual({ service: 'gepg', connectivity: 'smartphone', year: 2024, links: true });
		expect(problems).toEqual([
			{ param: 'service', value: 'fax' },
			{ param: 'connectivity', value: '' },
			{ param: 'year', value: '1999' }
		]);
	});

	it('writes a state back, keeping the language', () => {
		const params = servicesParams(
			{ service: 'emrejesho', connectivity: 'mobile', year: 2021, links: false },
			new URLSearchParams('lang=sw&year=2024')
		);
		expect(params.toString()).toBe(
			'lang=sw&year=2021&service=emrejesho&connectivity=mobile&links=off'
		);
	});

	it('offers the years every service and connectivity indicator has', () => {
		const ids = [
			'hh_used_emrejesho',
			'hh_used_gepg',
			'hh_used_mgov',
			'hh_owns_mobile',
			'hh_owns_smartphone',
			'hh_used_internet'
		];
		const indicators = [
			...ids.map((id) => ({ id, years: [2024, 2021] })),
			{ id: 'hh_uses_mobile_money', years: [2024] },
			{ id: 'women_mobile_phone', years: [2016, 2022] }
		];
		expect(servicesYears(indicators)).toEqual([2024]);
		expect(servicesYears([])).toEqual([]);
	});

	it('keys the data a state needs, whether or not the links are drawn', () => {
		const state = { service: 'gepg', connectivity: 'smartphone', year: 2024, links: true } as const;
		expect(servicesViewKey(state)).toBe('gepg|smartphone|2024');
		expect(servicesViewKey({ ...state, links: false })).toBe(servicesViewKey(state));
	});
});
