import { describe, expect, it } from 'vitest';
import {
	linearisedShareEstimates,
	normalCriticalValue,
	weightedShare,
	type SurveyRow
} from './weightedShare';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);

describe('weightedShare', () => {
	it('is Σ w·v / Σ w', () => {
		// (1·1 + 2·0 + 3·1) / (1 + 2 + 3) = 4 / 6
		close(weightedShare([1, 0, 1], [1, 2, 3]), 2 / 3);
	});
	it('refuses mismatched lengths, empty or non-positive weight sums and non-finite input', () => {
		expect(() => weightedShare([1, 0], [1])).toThrow(/2 values and 1 weights/);
		expect(() => weightedShare([], [])).toThrow(/positive sum of weights, got 0/);
		expect(() => weightedShare([1, 1], [1, -2])).toThrow(/positive sum of weights, got -1/);
		expect(() => weightedShare([1, Number.NaN], [1, 1])).toThrow(/Value 1 must be a finite/);
		expect(() => weightedShare([1, 0], [1, Infinity])).toThrow(/Weight 1 must be a finite/);
	});
});

describe('normalCriticalValue', () => {
	it('matches the tabulated two-sided normal quantiles', () => {
		close(normalCriticalValue(0.95), 1.959963984540054);
		close(normalCriticalValue(0.9), 1.6448536269514722);
		close(normalCriticalValue(0.99), 2.5758293035489004);
	});
	it('refuses levels outside (0, 0.999999)', () => {
		for (const level of [0, 1, -0.5, Number.NaN]) {
			expect(() => normalCriticalValue(level)).toThrow(/confidence level/);
		}
	});
});

/*
 * Two strata, two PSUs each, one region:
 *
 *   row  stratum  PSU  area   w  y
 *   1    A        a1   urban  1  1
 *   2    A        a1   rural  1  0
 *   3    A        a2   urban  2  0
 *   4    B        b1   rural  2  0
 *   5    B        b2   urban  1  1
 *   6    B        b2   rural  1  1
 */
const handWorked: SurveyRow[] = [
	['A', 'a1', 'urban', 1, 1],
	['A', 'a1', 'rural', 1, 0],
	['A', 'a2', 'urban', 2, 0],
	['B', 'b1', 'rural', 2, 0],
	['B', 'b2', 'urban', 1, 1],
	['B', 'b2', 'rural', 1, 1]
].map(([stratum, cluster, area, weight, y]) => ({
	region: 'TZ-01',
	area: area as 'urban' | 'rural',
	weight: weight as number,
	stratum,
	cluster,
	year: 2022,
	values: { y: y as number }
}));

function find(
	rows: ReturnType<typeof linearisedShareEstimates>,
	region: string | null,
	area: string
) {
	const row = rows.find((r) => r.region === region && r.area === area);
	if (!row) throw new Error(`no estimate for ${region} ${area}`);
	return row;
}

describe('linearisedShareEstimates, worked by hand', () => {
	const estimates = linearisedShareEstimates(handWorked, { items: ['y'] });

	it('gives one estimate per domain that has members', () => {
		// TZ-01 × urban/rural/total and national × urban/rural/total, one year, one item.
		expect(estimates).toHaveLength(6);
	});

	it('whole sample', () => {
		/*
		 * W = 1+1+2+2+1+1 = 8, Σwy = 1+0+0+0+1+1 = 3, R = 3/8 = 0.375.
		 * z_i = w(y − R)/W: rows 1..6 → 0.078125, −0.046875, −0.09375, −0.09375, 0.078125, 0.078125.
		 * PSU totals: a1 = 0.03125, a2 = −0.09375; b1 = −0.09375, b2 = 0.15625.
		 * A: z̄ = −0.03125, deviations ±0.0625, Σ² = 0.0078125, × 2/1 = 0.015625.
		 * B: z̄ = 0.03125, deviations ±0.125, Σ² = 0.03125, × 2/1 = 0.0625.
		 * var = 0.078125.
		 */
		const total = find(estimates, 'TZ-01', 'total');
		close(total.share, 0.375);
		close(total.se, Math.sqrt(0.078125));
		expect([total.n, total.n_clusters, total.weight_sum, total.singleton_strata]).toEqual([
			6, 4, 8, 0
		]);
		// 95%: 0.375 ± 1.959964 × 0.279508 = [−0.1728, 0.9228], clipped below at 0.
		close(total.lower, 0);
		close(total.upper, 0.375 + 1.959963984540054 * Math.sqrt(0.078125));
		expect(find(estimates, null, 'total')).toEqual({ ...total, region: null });
	});

	it('urban domain keeps PSU b1 (no urban members) in n_h with z = 0', () => {
		/*
		 * Urban rows 1, 3, 5: W = 4, Σwy = 2, R = 0.5.
		 * z: a1 = 1·0.5/4 = 0.125, a2 = 2·(−0.5)/4 = −0.25, b1 = 0 (outside), b2 = 1·0.5/4 = 0.125.
		 * A: z̄ = −0.0625, deviations ±0.1875, Σ² = 0.0703125, × 2 = 0.140625.
		 * B: z̄ = 0.0625, deviations ±0.0625, Σ² = 0.0078125, × 2 = 0.015625.
		 * var = 0.15625. (Dropping b1 would make B a singleton and lose its 0.015625.)
		 */
		const urban = find(estimates, 'TZ-01', 'urban');
		close(urban.share, 0.5);
		close(urban.se, Math.sqrt(0.15625));
		expect([urban.n, urban.n_clusters, urban.weight_sum]).toEqual([3, 3, 4]);
	});

	it('rural domain', () => {
		/*
		 * Rural rows 2, 4, 6: W = 4, Σwy = 1, R = 0.25.
		 * z: a1 = 1·(−0.25)/4 = −0.0625, a2 = 0, b1 = 2·(−0.25)/4 = −0.125, b2 = 1·0.75/4 = 0.1875.
		 * A: z̄ = −0.03125, deviations ±0.03125, Σ² = 0.001953125, × 2 = 0.00390625.
		 * B: z̄ = 0.03125, deviations ±0.15625, Σ² = 0.048828125, × 2 = 0.09765625.
		 * var = 0.1015625.
		 */
		const rural = find(estimates, 'TZ-01', 'rural');
		close(rural.share, 0.25);
		close(rural.se, Math.sqrt(0.1015625));
		expect([rural.n, rural.n_clusters, rural.weight_sum]).toEqual([3, 3, 4]);
	});

	it('a 90% interval uses z = 1.6449', () => {
		const at90 = linearisedShareEstimates(handWorked, { items: ['y'], confidence: 0.9 });
		// 0.375 ± 1.644854 × 0.279508 = [−0.0848, 0.8348]
		close(find(at90, null, 'total').upper, 0.375 + 1.6448536269514722 * Math.sqrt(0.078125));
		close(find(at90, null, 'total').lower, 0);
	});
});

describe('linearisedShareEstimates, special designs', () => {
	it('without clusters or strata is the simple random sample formula p(1 − p)/(n − 1)', () => {
		/*
		 * y = 1, 0, 0, 1 with w = 1: R = 0.5, z_i = ±0.125, z̄ = 0, Σz² = 0.0625,
		 * var = 4/3 · 0.0625 = 1/12 = 0.5 · 0.5 / 3.
		 */
		const rows: SurveyRow[] = [1, 0, 0, 1].map((y) => ({
			region: 'TZ-02',
			area: 'rural',
			weight: 1,
			values: { owns: y }
		}));
		const national = find(linearisedShareEstimates(rows, { items: ['owns'] }), null, 'total');
		close(national.share, 0.5);
		close(national.se, Math.sqrt(1 / 12));
		expect([national.n_clusters, national.year]).toEqual([4, null]);
	});

	it('a stratum with one PSU adds no variance and is counted', () => {
		/*
		 * Stratum S has one PSU (rows 1–2); stratum T has PSUs t1, t2 (rows 3, 4).
		 * W = 4, Σwy = 2, R = 0.5. z: s1 = (0.5 − 0.5)/4 = 0, t1 = 0.5/4 = 0.125, t2 = −0.125.
		 * T: z̄ = 0, Σ² = 0.03125, × 2 = 0.0625. S contributes 0. var = 0.0625.
		 */
		const rows: SurveyRow[] = [
			['S', 's1', 1],
			['S', 's1', 0],
			['T', 't1', 1],
			['T', 't2', 0]
		].map(([stratum, cluster, y]) => ({
			region: 'TZ-03',
			area: 'urban',
			weight: 1,
			stratum,
			cluster,
			values: { y: y as number }
		}));
		const total = find(linearisedShareEstimates(rows, { items: ['y'] }), null, 'total');
		close(total.se, 0.25);
		expect(total.singleton_strata).toBe(1);
	});

	it('leaves out null values for that item only, keeping their PSUs in the design', () => {
		const rows: SurveyRow[] = [
			{ region: 'R', area: 'urban', weight: 1, cluster: 1, values: { a: 1, b: null } },
			{ region: 'R', area: 'urban', weight: 1, cluster: 2, values: { a: 0, b: 1 } },
			{ region: 'R', area: 'urban', weight: 1, cluster: 3, values: { a: 1, b: 0 } }
		];
		const estimates = linearisedShareEstimates(rows, { items: ['a', 'b'] });
		const b = estimates.find((e) => e.item === 'b' && e.region === null && e.area === 'total');
		// b: R = 0.5, z = 0 (PSU 1, missing), 0.25, −0.25; z̄ = 0, Σ² = 0.125, × 3/2 = 0.1875.
		expect(b?.n).toBe(2);
		close(b?.se ?? Number.NaN, Math.sqrt(0.1875));
		expect(estimates.filter((e) => e.item === 'a')).toHaveLength(4);
	});

	it('refuses non-positive weights', () => {
		const row: SurveyRow = { region: 'R', area: 'rural', weight: 0, values: { a: 1 } };
		expect(() => linearisedShareEstimates([row], { items: ['a'] })).toThrow(/Row 0/);
	});
});
