import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_COLUMNS, ROUNDS_COLUMNS, dataCsv, dataTable } from './dataCsv';
import { est, regionView } from '$lib/data/views.test-data';
import type { IndicatorView } from '$lib/data/views';
import { buildViewModel } from '$lib/state/viewModel';
import { VIEW_TEXT } from '$lib/state/viewModel.test-data';
import { INDICATOR, model, TEXT, VIEW, viewExport } from './fixtures.test-data';

const name = (r: { nameOfficial: string }) => r.nameOfficial;

describe('dataTable', () => {
	it('holds the drawn total with its interval, in chart order', () => {
		const t = dataTable(VIEW, model('total'), viewExport('total'), name, TEXT);
		expect(t.header).toEqual([
			'region_code',
			'region_name',
			'indicator_id',
			'year',
			'period',
			'measure',
			'value',
			'lower',
			'upper',
			'ci_level',
			'n',
			'source_ids',
			'note',
			'previous_year',
			'previous_value'
		]);
		expect(t.rows).toEqual([
			[
				'TZ-02',
				'Dar es Salaam',
				'women_mobile_phone',
				2022,
				'2022',
				'total',
				90.5,
				88,
				93,
				0.9,
				1200,
				'demo-survey;other',
				null,
				2016,
				86
			],
			[
				'TZ-03',
				'Dodoma',
				'women_mobile_phone',
				2022,
				'2022',
				'total',
				61.6,
				53.4,
				69.2,
				0.9,
				812,
				'demo-survey;other',
				null,
				2016,
				38.9
			],
			[
				'TZ-99',
				'=HYPERLINK("x")',
				'women_mobile_phone',
				2022,
				'2022',
				'total',
				null,
				null,
				null,
				null,
				5,
				'demo-survey;other',
				TEXT.suppressed,
				null,
				null
			],
			[
				'TZ',
				'Tanzania (national)',
				'women_mobile_phone',
				2022,
				'2022',
				'total',
				72.5,
				null,
				null,
				null,
				null,
				'demo-survey;other',
				null,
				null,
				null
			]
		]);
	});

	it('ends with the national figure the chart draws as its reference, for every measure', () => {
		// Independent values from the fixture's national record: total 72.5, urban 88, rural 60.
		const expected: Record<string, number> = {
			total: 72.5,
			urban: 88,
			rural: 60,
			gap: 88 - 60,
			parity: 60 / 88
		};
		for (const [measure, value] of Object.entries(expected)) {
			const t = dataTable(VIEW, model(measure as never), viewExport(measure as never), name, TEXT);
			const last = t.rows.at(-1)!;
			const at = (col: string) => last[t.header.indexOf(col)];
			expect([at('region_code'), at('region_name'), at('measure')]).toEqual([
				'TZ',
				'Tanzania (national)',
				measure
			]);
			expect(at('value') as number).toBeCloseTo(value, 12);
			expect(t.rows).toHaveLength(VIEW.regions.length + 1);
		}
		// The dumbbell draws the national urban and rural dots: they are in the row too.
		const gap = dataTable(VIEW, model('gap'), viewExport('gap'), name, TEXT);
		const last = gap.rows.at(-1)!;
		expect(['urban', 'rural'].map((c) => last[gap.header.indexOf(c)])).toEqual([88, 60]);
	});

	it('has no national row when the view has no national figure', () => {
		const view = { ...VIEW, national: null };
		const t = dataTable(view, model('total'), viewExport('total'), name, TEXT);
		expect(t.rows.map((r) => r[0])).not.toContain('TZ');
	});

	it('holds the gap with its own interval, and the urban and rural dots drawn', () => {
		const t = dataTable(VIEW, model('gap'), viewExport('gap'), name, TEXT);
		const dodoma = t.rows.find((r) => r[0] === 'TZ-03')!;
		const at = (col: string) => dodoma[t.header.indexOf(col)];
		expect(at('value')).toBeCloseTo(25, 12);
		// Independent: z(0.90) = 1.6449; se from interval half-widths / z; gap ± z·√(se₁²+se₂²).
		const z = 1.6448536269514722;
		const se = Math.hypot(5 / z, 7 / z);
		expect(at('lower') as number).toBeCloseTo(25 - z * se, 9);
		expect(at('upper') as number).toBeCloseTo(25 + z * se, 9);
		expect(at('ci_level')).toBe(0.9);
		expect(at('note')).toBe(TEXT.unstable);
		expect([at('urban'), at('urban_lower'), at('rural_upper')]).toEqual([80, 75, 62]);
		const dar = t.rows.find((r) => r[0] === 'TZ-02')!;
		expect(dar[t.header.indexOf('note')]).toBe(TEXT.notSignificant);
	});

	it('has no interval for parity and keeps the ratio unrounded', () => {
		const t = dataTable(VIEW, model('parity'), viewExport('parity'), name, TEXT);
		const dodoma = t.rows.find((r) => r[0] === 'TZ-03')!;
		expect(dodoma.slice(6, 10)).toEqual([55 / 80, null, null, null]);
	});
});

describe('dataTable of a change between rounds', () => {
	// Women with a phone, 90%: Songwe 45.2 (32.2–58.9) → 50.7 (40.2–61.1), Dodoma 38.9 (32.0–46.2)
	// → 61.6 (53.4–69.2), Mbeya 56.1 (47.2–64.7) → 67.7 (60.7–74.0).
	const prev = (value: number, lower: number, upper: number) => ({
		previousYear: 2016,
		previousTotal: est(value, lower, upper)
	});
	const view: IndicatorView = {
		...VIEW,
		regions: [
			regionView('TZ-31', 'Songwe', { total: est(50.7, 40.2, 61.1), ...prev(45.2, 32.2, 58.9) }),
			regionView('TZ-03', 'Dodoma', { total: est(61.6, 53.4, 69.2), ...prev(38.9, 32, 46.2) }),
			regionView('TZ-14', 'Mbeya', { total: est(67.7, 60.7, 74), ...prev(56.1, 47.2, 64.7) })
		],
		national: null
	};
	const drawn = buildViewModel(view, INDICATOR, 'change', (r) => r.nameOfficial, {
		...VIEW_TEXT,
		locale: 'en-GB',
		noData: 'No data',
		period: (y) => INDICATOR.periods[y] ?? String(y)
	});
	const t = dataTable(view, drawn, viewExport('change'), name, TEXT, INDICATOR.periods);
	const row = (iso: string) => t.rows.find((r) => r[0] === iso)!;
	const at = (iso: string, column: string) => row(iso)[t.header.indexOf(column)];

	it('gives each change its interval: ± √(width₁² + width₂²) / 2 at one level', () => {
		// Songwe: √(20.9² + 26.7²) / 2 = √1149.70 / 2 = 16.9536 → −11.4536 … 22.4536
		expect(at('TZ-31', 'value')).toBeCloseTo(5.5, 12);
		expect(at('TZ-31', 'lower')).toBeCloseTo(-11.4536, 3);
		expect(at('TZ-31', 'upper')).toBeCloseTo(22.4536, 3);
		expect(at('TZ-31', 'ci_level')).toBe(0.9);
		// Dodoma: √(15.8² + 14.2²) / 2 = √451.28 / 2 = 10.6217 → 12.0783 … 33.3217
		expect(at('TZ-03', 'lower')).toBeCloseTo(12.0783, 3);
		expect(at('TZ-03', 'upper')).toBeCloseTo(33.3217, 3);
	});

	it('marks a change that includes zero and notes the Songwe/Mbeya boundary change', () => {
		expect(at('TZ-31', 'note')).toBe(
			'change not significant; Songwe created 2016 (Mbeya), 2015-16–2022'
		);
		// Mbeya: 11.6 ± √(13.3² + 17.5²) / 2 = 11.6 ± 10.990 → 0.61 … 22.59, significant
		expect(at('TZ-14', 'lower')).toBeCloseTo(0.6096, 3);
		expect(at('TZ-14', 'note')).toBe('Mbeya source 2016 (Songwe), 2015-16–2022');
		expect(at('TZ-03', 'note')).toBeNull();
	});

	it('without the periods the 2015-16 round is placed by its row year, 2016: no note', () => {
		const bare = dataTable(view, drawn, viewExport('change'), name, TEXT);
		expect(bare.rows.find((r) => r[0] === 'TZ-14')![t.header.indexOf('note')]).toBeNull();
	});

	it('holds the change in the gap with its interval and the gap of both rounds', () => {
		// Songwe at 90 %: urban 70 (60–80), rural 40 (34–46) now; 66 (56–76), 30 (24–36) in 2015-16.
		// Gaps 30 and 36, each ± √(10² + 6²) = 11.6619; the change −6 ± √(4 · … ) = √272 = 16.4924
		const songwe = {
			...view.regions[0]!,
			urban: est(70, 60, 80),
			rural: est(40, 34, 46),
			previousUrban: est(66, 56, 76),
			previousRural: est(30, 24, 36)
		};
		const v: IndicatorView = { ...view, regions: [songwe] };
		const gapModel = buildViewModel(v, INDICATOR, 'gapChange', (r) => r.nameOfficial, {
			...VIEW_TEXT,
			period: (y) => INDICATOR.periods[y] ?? String(y)
		});
		const g = dataTable(v, gapModel, viewExport('gapChange'), name, TEXT, INDICATOR.periods);
		const cell = (column: string) => g.rows[0]![g.header.indexOf(column)];
		expect(g.header).toEqual([...DATA_COLUMNS, ...ROUNDS_COLUMNS]);
		expect(cell('value')).toBe(-6);
		expect(cell('lower')).toBeCloseTo(-22.4924, 3);
		expect(cell('upper')).toBeCloseTo(10.4924, 3);
		expect(cell('previous_gap')).toBe(36);
		expect(cell('previous_gap_lower')).toBeCloseTo(24.3381, 3);
		expect(cell('gap_upper')).toBeCloseTo(41.6619, 3);
		// Mbeya is not in this view, so the note names it by its code
		expect(cell('note')).toBe('change not significant; Songwe created 2016 (TZ-14), 2015-16–2022');
	});
});

describe('dataCsv', () => {
	it('neutralises the hostile region name and keeps numbers numeric', () => {
		const csv = dataCsv(dataTable(VIEW, model('change'), viewExport('change'), name, TEXT));
		expect(csv).toContain('"\'=HYPERLINK(""x"")"');
		const rows = Papa.parse<Record<string, string>>(csv, {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.map((r) => r.region_name)).toEqual([
			'Dodoma',
			'Dar es Salaam',
			'\'=HYPERLINK("x")'
		]);
		expect(Number(rows[0]!.value)).toBeCloseTo(22.7, 12);
		expect(rows[0]!.lower).toBe('');
	});
});
