import { describe, expect, it } from 'vitest';
import { country } from '$lib/country';
import { est, regionView } from './views.test-data';
import { changeLevel, gapChangeOf, totalChangeOf, viewBoundaryNotes } from './viewChanges';

/** ±d at 90 %: se = d / 1.644854. */
const Z90 = 1.6448536269514722;

describe('a view region’s changes, hand-worked', () => {
	const songwe = regionView('TZ-31', 'Songwe', {
		total: est(60, 55, 65),
		urban: est(80, 76, 84),
		rural: est(50, 47, 53),
		previousYear: 2016,
		previousTotal: est(54.5, 49.5, 59.5),
		previousUrban: est(75, 71, 79),
		previousRural: est(42, 39, 45)
	});
	const view = { ciLevel: 0.9, previousCiLevel: 0.9 };

	it('draws the change of the total at the view’s level, from each round’s interval', () => {
		// 60 − 54.5 = 5.5; each se 5/z; the change's half-width z·√2·5/z = 7.0711
		const c = totalChangeOf(view, songwe);
		expect(c.estimate?.value).toBeCloseTo(5.5, 12);
		expect(c.estimate?.upper).toBeCloseTo(5.5 + 5 * Math.SQRT2, 9);
		expect(c.estimate?.significant).toBe(false);
		expect(c.seSource).toBe('interval');
	});

	it('draws the change of the gap from the four intervals', () => {
		// gap now 30, se √(4² + 3²)/z = 5/z; gap then 33, se √(4² + 3²)/z = 5/z
		// change −3, se 5√2/z; 90 % half-width 5√2 = 7.0711 → −10.07 … 4.07
		const g = gapChangeOf(view, songwe);
		expect(g.now?.gap).toBe(30);
		expect(g.then?.gap).toBe(33);
		expect(g.now?.se).toBeCloseTo(5 / Z90, 9);
		expect(g.estimate?.value).toBe(-3);
		expect(g.estimate?.lower).toBeCloseTo(-3 - 5 * Math.SQRT2, 9);
		expect(g.estimate?.significant).toBe(false);
	});

	it('reads the previous round at its own level', () => {
		// the previous round's ±5 at 95 %: se 5/1.959964 = 2.551067 instead of 3.039784
		const c = totalChangeOf({ ciLevel: 0.9, previousCiLevel: 0.95 }, songwe);
		const se = Math.hypot(5 / Z90, 5 / 1.959963984540054);
		expect(c.estimate?.se).toBeCloseTo(se, 9);
		expect(c.ciLevel).toBe(0.9);
	});

	it('has no change of the gap without an earlier split', () => {
		const r = regionView('TZ-01', 'Arusha', { urban: est(80), rural: est(50) });
		expect(gapChangeOf(view, r).estimate).toBeNull();
		expect(changeLevel({ ciLevel: null, previousCiLevel: null })).toBe(0.95);
		expect(changeLevel({ ciLevel: null, previousCiLevel: 0.9 })).toBe(0.9);
	});
});

describe('boundary notes of a view that compares rounds', () => {
	const periods = { 2016: '2015-16', 2022: '2022' };
	const regions = ['TZ-14', 'TZ-31', 'TZ-03'].map((iso) =>
		regionView(iso, iso, { previousYear: 2016 })
	);
	it('names Songwe and Mbeya between 2015-16 and 2022, and nothing else', () => {
		const out = viewBoundaryNotes({ year: 2022, regions }, periods, country.boundaryChanges);
		expect(out?.from).toBe('2015-16');
		expect(out?.to).toBe('2022');
		expect(out?.notes.map((n) => [n.region, n.role, n.year, n.others])).toEqual([
			['TZ-14', 'source', 2016, ['TZ-31']],
			['TZ-31', 'created', 2016, ['TZ-14']]
		]);
	});
	it('has none between rounds on one map, and no list without an earlier round', () => {
		const later = regions.map((r) => ({ ...r, previousYear: 2022 }));
		expect(
			viewBoundaryNotes({ year: 2024, regions: later }, periods, country.boundaryChanges)?.notes
		).toEqual([]);
		const first = regions.map((r) => ({ ...r, previousYear: null }));
		expect(
			viewBoundaryNotes({ year: 2016, regions: first }, periods, country.boundaryChanges)
		).toBeNull();
	});
});
