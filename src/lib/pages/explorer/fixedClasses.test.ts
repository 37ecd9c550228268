import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../../tests/native-connector';
import { signedScale } from '$lib/charts/colourScale';
import { loadBundled } from '$lib/data/loadBundled';
import { fetchIndicatorView, type IndicatorView } from '$lib/data/views';
import { est, indicatorInfo, regionView } from '$lib/data/views.test-data';
import { buildViewModel } from '$lib/state/viewModel';
import { VIEW_TEXT } from '$lib/state/viewModel.test-data';
import { classesAcrossYears } from './fixedClasses';

function view(year: number, totals: (number | null)[], previous: (number | null)[] = []) {
	return {
		indicatorId: 'x',
		year,
		regions: totals.map((t, i) =>
			regionView(`TZ-0${i + 1}`, `R${i + 1}`, {
				total: est(t),
				urban: est(t === null ? null : t + 10),
				rural: est(t),
				previousTotal: est(previous[i] ?? null)
			})
		),
		national: null,
		ciLevel: null,
		sources: [],
		islands: []
	} satisfies IndicatorView;
}

describe('classesAcrossYears', () => {
	it('takes the measure of every region in every year, oldest first', () => {
		const views = [view(2024, [50, null], [40, 30]), view(2021, [40, 30])];
		expect(classesAcrossYears(views, 'total')).toEqual({
			values: [40, 30, 50, null],
			years: [2021, 2024]
		});
		expect(classesAcrossYears(views, 'gap').values).toEqual([10, 10, 10, null]);
	});
	it('names only the years that have a value of the measure', () => {
		const views = [view(2021, [40, 30]), view(2024, [50, 31], [40, 30])];
		expect(classesAcrossYears(views, 'change')).toEqual({
			values: [null, null, 10, 1],
			years: [2024]
		});
	});
});

describe('a view model with fixed classes', () => {
	it('colours its own year by the classes of every year', () => {
		// 2021's totals 40 and 30 alone: 30 … 40 in classes of 2; with 2024's 50, 30 … 50 by 4.
		const views = [view(2021, [40, 30]), view(2024, [50, 31], [40, 30])];
		const fixed = classesAcrossYears(views, 'total');
		const own = buildViewModel(
			views[0]!,
			indicatorInfo(true, 2021),
			'total',
			(r) => r.iso,
			VIEW_TEXT
		);
		const across = buildViewModel(
			views[0]!,
			indicatorInfo(true, 2021),
			'total',
			(r) => r.iso,
			VIEW_TEXT,
			() => [],
			fixed.values
		);
		expect(own.scale.bins.map((b) => [b.from, b.to])).toEqual([
			[30, 32],
			[38, 40]
		]);
		expect(across.scale.bins.map((b) => [b.from, b.to])).toEqual([
			[30, 34],
			[38, 42],
			[46, 50]
		]);
		expect(across.fills['TZ-01']).toBe(across.scale.colour(40));
	});
});

const dataDir = join(import.meta.dirname, '../../../../data');
const survey = Papa.parse<Record<string, string>>(
	readFileSync(join(dataDir, 'survey-synthetic.csv'), 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

/** Urban minus rural weighted share of households owning a phone, in points, by the CSV alone. */
function phoneGap(iso: string, year: number): number {
	const share = (stratum: string) => {
		let num = 0;
		let den = 0;
		for (const row of survey) {
			if (Number(row.year) !== year || row.stratum !== stratum) continue;
			num += Number(row.weight) * Number(row.owns_mobile);
			den += Number(row.weight);
		}
		return (100 * num) / den;
	};
	return share(`${iso}-U`) - share(`${iso}-R`);
}

describe('fixed classes of the household phone gap on native DuckDB with the bundled data', () => {
	let db: NativeConnector;
	let views: IndicatorView[];
	beforeAll(async () => {
		db = await openNativeConnector();
		await loadBundled(db, async (file) => new Uint8Array(readFileSync(join(dataDir, file))));
		views = [
			await fetchIndicatorView(db, 'hh_owns_mobile', 2021),
			await fetchIndicatorView(db, 'hh_owns_mobile', 2024)
		];
	});
	afterAll(() => db?.close());

	it('spans both rounds, from the narrowest gap of 2024 to the widest of 2021', () => {
		const fixed = classesAcrossYears(views, 'gap');
		expect(fixed.years).toEqual([2021, 2024]);
		const known = fixed.values.filter((v): v is number => v !== null);
		// 30 regions a round with both areas (Dar es Salaam has no rural households).
		expect(known).toHaveLength(60);
		expect(Math.min(...known)).toBeCloseTo(phoneGap('TZ-11', 2024), 6); // 1.7
		expect(Math.max(...known)).toBeCloseTo(phoneGap('TZ-24', 2021), 6); // 45.9
		expect(phoneGap('TZ-11', 2024)).toBeCloseTo(1.7, 1);
		expect(phoneGap('TZ-24', 2021)).toBeCloseTo(45.9, 1);
	});

	it('gives Arusha one colour in both rounds, where each round on its own gives two', () => {
		// Arusha's gap: 12.7 points in 2021, 10.1 in 2024.
		expect(phoneGap('TZ-01', 2021)).toBeCloseTo(12.7, 1);
		expect(phoneGap('TZ-01', 2024)).toBeCloseTo(10.1, 1);
		const gapOf = (v: IndicatorView) => {
			const r = v.regions.find((x) => x.iso === 'TZ-01')!;
			return r.urban.value! - r.rural.value!;
		};
		const [y2021, y2024] = views as [IndicatorView, IndicatorView];
		// Both rounds, 1.7 … 45.9: classes of 10 from 0 to 50; both gaps in 10–20.
		const fixed = signedScale(classesAcrossYears(views, 'gap').values);
		expect(fixed.bins.map((b) => b.from)).toEqual([0, 10, 20, 30, 40]);
		expect(fixed.colour(gapOf(y2021))).toBe(fixed.colour(gapOf(y2024)));
		// Each round alone: 2021 starts at 10 (12.7 in the first class), 2024 at 0 (10.1 in the
		// second), so the same class of gap is drawn in two colours.
		const own2021 = signedScale(classesAcrossYears([y2021], 'gap').values);
		const own2024 = signedScale(classesAcrossYears([y2024], 'gap').values);
		expect(own2021.colour(gapOf(y2021))).not.toBe(own2024.colour(gapOf(y2024)));
	});
});
