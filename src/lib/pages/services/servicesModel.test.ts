import { describe, expect, it } from 'vitest';
import type { Area, ServicePoint, ServicesView } from '$lib/data/services';
import { servicesModel, type ServicesText } from './servicesModel';
import type { ServicesState } from './servicesUrl';

const text: ServicesText = {
	locale: 'en-GB',
	connectivity: (c) => `Households with ${c}`,
	serviceUse: (s) => `Households that used ${s}`,
	area: (a) => (a === 'urban' ? 'Urban' : 'Rural'),
	national: 'Tanzania',
	nationalPoint: (area) => `Tanzania (${area})`,
	suppressed: 'too few respondents',
	noSample: (a) => `no ${a} sample`,
	pointLabel: (w) => `${w.region}, ${w.area}. ${w.x_label}: ${w.x}. ${w.y_label}: ${w.y}.`,
	cardLine: (label, value) => `${label}: ${value}`,
	regionColumn: 'Region',
	areaColumn: 'Area',
	heading: (w) => `${w.y} against ${w.x}, ${w.year}`
};

const CHOICE: ServicesState = {
	service: 'gepg',
	connectivity: 'smartphone',
	year: 2024,
	links: true
};

const est = (
	value: number | null,
	lower: number | null,
	upper: number | null,
	n: number | null
) => ({
	value,
	lower,
	upper,
	se: null,
	n,
	note: null
});
const NONE = est(null, null, null, 0);

function point(
	code: string,
	name: string | null,
	area: Area,
	x: ServicePoint['x'],
	y: ServicePoint['y']
): ServicePoint {
	return { code, name, nameEn: name, area, x, y };
}

/**
 * Dodoma has both areas; Dar es Salaam has no rural respondents at all; Kusini Pemba's rural use
 * of the service rests on too few respondents to be shown (its connectivity is known).
 */
const VIEW: ServicesView = {
	service: 'gepg',
	connectivity: 'smartphone',
	year: 2024,
	regions: [
		point('TZ-01', 'Dodoma', 'urban', est(49.8, 41.8, 57.7, 120), est(12.34, 8.04, 16.66, 120)),
		point('TZ-01', 'Dodoma', 'rural', est(20, 15.5, 24.5, 310), est(3.05, null, null, 310)),
		point('TZ-02', 'Dar es Salaam', 'urban', est(81.2, 77, 85.4, 400), est(40, 35, 45, 400)),
		point('TZ-02', 'Dar es Salaam', 'rural', NONE, NONE),
		point('TZ-10', 'Kusini Pemba', 'rural', est(30, 20, 40, 9), est(null, null, null, 9))
	],
	national: [
		point('TZ', null, 'urban', est(60, 58, 62, 5000), est(25, 23, 27, 5000)),
		point('TZ', null, 'rural', est(22, 21, 23, 9000), est(6, 5.5, 6.5, 9000))
	],
	ciLevel: 0.9,
	sources: []
};

const INDICATORS = [
	{ id: 'hh_used_gepg', synthetic: true },
	{ id: 'hh_owns_smartphone', synthetic: false },
	{ id: 'women_mobile_phone', synthetic: true }
];

describe('servicesModel', () => {
	const model = servicesModel(CHOICE, VIEW, INDICATORS, text);

	it('names the axes and the heading after the choice', () => {
		expect(model.xName).toBe('Households with smartphone');
		expect(model.yName).toBe('Households that used gepg');
		expect(model.heading).toBe(
			'Households that used gepg against Households with smartphone, 2024'
		);
		expect(model.level).toBe('90');
	});

	it('draws a point only where both values are known, each with its interval in words', () => {
		expect(model.points.map((p) => p.id)).toEqual(['TZ-01-urban', 'TZ-01-rural', 'TZ-02-urban']);
		const dodoma = model.points[0]!;
		expect(dodoma).toMatchObject({
			group: 'urban',
			pair: 'TZ-01',
			x: 49.8,
			y: 12.34,
			xLower: 41.8,
			xUpper: 57.7,
			yLower: 8.04,
			yUpper: 16.66,
			label: 'Dodoma'
		});
		expect(dodoma.description).toBe(
			'Dodoma, Urban. Households with smartphone: 49.8% (41.8–57.7%). ' +
				'Households that used gepg: 12.3% (8.0–16.7%).'
		);
		expect(dodoma.card).toEqual([
			'Dodoma, Urban',
			'Households with smartphone: 49.8% (41.8–57.7%)',
			'Households that used gepg: 12.3% (8.0–16.7%)'
		]);
		// Without an interval the value stands alone.
		expect(model.points[1]!.card[2]).toBe('Households that used gepg: 3.1%');
	});

	it('says which points are not drawn and why', () => {
		expect(model.notDrawn).toEqual([
			'Dar es Salaam (no rural sample)',
			'Kusini Pemba (too few respondents)'
		]);
	});

	it('labels the national points by area', () => {
		expect(model.national.map((p) => p.label)).toEqual(['Tanzania (Urban)', 'Tanzania (Rural)']);
		expect(model.national[1]!.description).toBe(
			'Tanzania, Rural. Households with smartphone: 22.0% (21.0–23.0%). ' +
				'Households that used gepg: 6.0% (5.5–6.5%).'
		);
	});

	it('tables every row, the missing ones saying why in place of a number', () => {
		expect(model.rows).toHaveLength(7);
		const [region, area, x, y] = model.columns;
		expect(model.columns.map((c) => c.label)).toEqual([
			'Region',
			'Area',
			'Households with smartphone',
			'Households that used gepg'
		]);
		const dsmRural = model.rows[3]!;
		expect(region!.value(dsmRural)).toBe('Dar es Salaam');
		expect(area!.value(dsmRural)).toBe('Rural');
		expect(x!.value(dsmRural)).toBeNull();
		expect(x!.text!(dsmRural)).toBe('no rural sample');
		const pemba = model.rows[4]!;
		expect(x!.text!(pemba)).toBe('30.0% (20.0–40.0%)');
		expect(y!.text!(pemba)).toBe('too few respondents');
		expect(region!.value(model.rows[5]!)).toBe('Tanzania');
	});

	it('marks the view synthetic only when an indicator drawn is', () => {
		expect(model.synthetic).toBe(true);
		const mgov = servicesModel({ ...CHOICE, service: 'mgov' }, null, INDICATORS, text);
		expect(mgov.synthetic).toBe(false);
	});

	it('before the answer comes: no points, no rows, the usual 95% level', () => {
		const empty = servicesModel({ ...CHOICE, year: null }, null, INDICATORS, text);
		expect(empty.points).toEqual([]);
		expect(empty.national).toEqual([]);
		expect(empty.rows).toEqual([]);
		expect(empty.notDrawn).toEqual([]);
		expect(empty.level).toBe('95');
		expect(empty.yearText).toBe('');
	});
});
