import { country } from '$lib/country';
import type { Estimate } from '$lib/domain/estimate';
import type { IndicatorView, RegionView } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';
import { viewBoundaryNotes } from '$lib/data/viewChanges';
import { NOTE_SUPPRESSED, NOTE_UNSTABLE } from '$lib/domain/reliability';
import type { ViewModel } from '$lib/state/viewModel';
import { displayUnit } from '$lib/i18n/format';
import type { IndicatorInfo } from '$lib/domain/indicators';
import { intervalDecimals, roundColumns, valueDecimals } from './csvPrecision';
import { writeCsv, type CsvCell } from './csvWriter';
import type { ExportText, ViewExport } from './exportView';

/** Columns of every data export, in order; names are stable identifiers, not UI words. */
export const DATA_COLUMNS = [
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
	'note'
] as const;

/** Drawn beside the measure in the dumbbell chart: the urban and rural dots and their intervals. */
export const DUMBBELL_COLUMNS = [
	'urban',
	'urban_lower',
	'urban_upper',
	'rural',
	'rural_lower',
	'rural_upper'
] as const;

/** Drawn by the chart of the change in the gap: the gap of each round with its interval. */
export const ROUNDS_COLUMNS = [
	'previous_year',
	'previous_gap',
	'previous_gap_lower',
	'previous_gap_upper',
	'gap',
	'gap_lower',
	'gap_upper'
] as const;

/** Drawn as the hollow diamond of the bar chart when the measure is the total. */
export const PREVIOUS_COLUMNS = ['previous_year', 'previous_value'] as const;

export interface DataTable {
	header: string[];
	rows: CsvCell[][];
	/** The decimals each rounded column keeps (see csvPrecision.ts), for metadata.json. */
	decimals?: Record<string, number>;
}

type DrawnModel = Pick<
	ViewModel,
	| 'chart'
	| 'values'
	| 'gaps'
	| 'changes'
	| 'gapChanges'
	| 'barRows'
	| 'dumbbellRows'
	| 'roundsRows'
	| 'national'
	| 'nationalSplit'
>;

/** The code of the national row: the country's ISO 3166-1 code, as the source files use it. */
export const NATIONAL_CODE = country.nationalCode;

const AREA_MEASURES: readonly Measure[] = ['total', 'urban', 'rural'];

function areaOf(r: Pick<RegionView, 'total' | 'urban' | 'rural'>, measure: Measure): Estimate {
	return measure === 'urban' ? r.urban : measure === 'rural' ? r.rural : r.total;
}

/**
 * The numbers the chart and map draw, one row per region in the chart's order: the measure's
 * value with the interval drawn for it (the area's interval for total/urban/rural, the gap's
 * for the gap, the change's, computed here, for the change; none for parity), the respondents
 * behind it, and notes in words. Where the view compares two rounds (the change, or the total
 * with its previous round) and a region's boundaries changed between them, the note says so;
 * `periods` (the indicator's periods by year) places the previous round.
 */
export function dataTable(
	view: IndicatorView,
	model: DrawnModel,
	exported: ViewExport & { measure: Measure },
	regionName: (r: RegionView) => string,
	text: ExportText,
	periods: Readonly<Record<number, string>> = {}
): DataTable {
	const { measure } = exported;
	const byIso = new Map(view.regions.map((r) => [r.iso, r]));
	const drawnRows =
		model.chart === 'dumbbell'
			? model.dumbbellRows
			: model.chart === 'rounds'
				? model.roundsRows
				: model.barRows;
	const order = drawnRows.map((r) => r.iso);
	const withRounds = model.chart === 'rounds';
	const bars = new Map(model.barRows.map((r) => [r.iso, r]));
	const withDumbbell = model.chart === 'dumbbell';
	const withPrevious =
		model.chart === 'bars' &&
		measure === 'total' &&
		view.regions.some((r) => r.previousTotal.value !== null);
	const sourceIds = exported.sources.map((s) => s.id).join(';');
	const noteText = (note: string | null) =>
		note === NOTE_SUPPRESSED ? text.suppressed : note === NOTE_UNSTABLE ? text.unstable : note;
	const nameOf = (code: string) => {
		const r = byIso.get(code);
		return r ? regionName(r) : code;
	};
	const comparesRounds = measure === 'change' || measure === 'gapChange' || withPrevious;
	/** The boundary notes of the comparison of a region's previous round with this one. */
	const compared = comparesRounds
		? viewBoundaryNotes(view, periods, country.boundaryChanges)
		: null;
	const boundaryNotes = (r: RegionView): string[] =>
		(compared?.notes ?? [])
			.filter((n) => n.region === r.iso)
			.map((n) => text.boundaryNote(n, compared!.from, exported.period, nameOf));

	const rows = order.flatMap((iso): CsvCell[][] => {
		const r = byIso.get(iso);
		if (!r) return [];
		const area = areaOf(r, measure);
		const gap = model.gaps[iso] ?? null;
		let lower: number | null = null;
		let upper: number | null = null;
		const gapChange = model.gapChanges[iso] ?? null;
		const change =
			measure === 'change'
				? (model.changes[iso] ?? null)
				: measure === 'gapChange'
					? (gapChange?.estimate ?? null)
					: null;
		if (measure === 'gap') [lower, upper] = [gap?.lower ?? null, gap?.upper ?? null];
		else if (change) [lower, upper] = [change.lower, change.upper];
		else if (model.chart === 'bars' && AREA_MEASURES.includes(measure))
			[lower, upper] = [bars.get(iso)?.lower ?? null, bars.get(iso)?.upper ?? null];
		else if (AREA_MEASURES.includes(measure)) [lower, upper] = [area.lower, area.upper];
		const notes = AREA_MEASURES.includes(measure)
			? [noteText(area.note)]
			: measure === 'change'
				? [noteText(r.total.note)]
				: [noteText(r.urban.note), noteText(r.rural.note)];
		if (measure === 'gap' && gap?.significant === false) notes.push(text.notSignificant);
		if (change?.significant === false) notes.push(text.changeNotSignificant);
		notes.push(...boundaryNotes(r));
		const row: CsvCell[] = [
			r.iso,
			regionName(r),
			exported.indicatorId,
			exported.year,
			exported.period,
			measure,
			model.values[iso] ?? null,
			lower,
			upper,
			lower !== null || upper !== null ? exported.ciLevel : null,
			(AREA_MEASURES.includes(measure) ? area.n : r.total.n) ?? null,
			sourceIds,
			[...new Set(notes.filter((n): n is string => !!n))].join('; ') || null
		];
		if (withDumbbell)
			row.push(
				r.urban.value,
				r.urban.lower,
				r.urban.upper,
				r.rural.value,
				r.rural.lower,
				r.rural.upper
			);
		if (withPrevious) row.push(r.previousYear, r.previousTotal.value);
		if (withRounds) {
			const [then, now] = [gapChange?.then ?? null, gapChange?.now ?? null];
			row.push(r.previousYear, then?.gap ?? null, then?.lower ?? null, then?.upper ?? null);
			row.push(now?.gap ?? null, now?.lower ?? null, now?.upper ?? null);
		}
		return [row];
	});
	const national = nationalRow(view, model, exported, text, sourceIds, withPrevious);
	if (national) rows.push(national);
	return {
		header: [
			...DATA_COLUMNS,
			...(withDumbbell ? DUMBBELL_COLUMNS : []),
			...(withPrevious ? PREVIOUS_COLUMNS : []),
			...(withRounds ? ROUNDS_COLUMNS : [])
		],
		rows
	};
}

/**
 * The national figure the chart draws as its reference (the bar chart's line, the dumbbell's
 * national dots), as a last row under the code `TZ`; none when the view has no national figure.
 * Its interval is the published national one for total, urban and rural; the chart draws none.
 */
function nationalRow(
	view: IndicatorView,
	model: DrawnModel,
	exported: ViewExport & { measure: Measure },
	text: ExportText,
	sourceIds: string,
	withPrevious: boolean
): CsvCell[] | null {
	const nat = view.national;
	const withDumbbell = model.chart === 'dumbbell';
	const drawn =
		model.national !== null ||
		(withDumbbell && (model.nationalSplit?.urban ?? model.nationalSplit?.rural ?? null) !== null);
	if (!nat || !drawn) return null;
	const { measure } = exported;
	const area = AREA_MEASURES.includes(measure) ? areaOf(nat, measure) : null;
	const [lower, upper] = [area?.lower ?? null, area?.upper ?? null];
	const row: CsvCell[] = [
		NATIONAL_CODE,
		text.national,
		exported.indicatorId,
		exported.year,
		exported.period,
		measure,
		model.national,
		lower,
		upper,
		lower !== null || upper !== null ? exported.ciLevel : null,
		(area ?? nat.total).n,
		sourceIds,
		null
	];
	if (withDumbbell)
		row.push(
			nat.urban.value,
			nat.urban.lower,
			nat.urban.upper,
			nat.rural.value,
			nat.rural.lower,
			nat.rural.upper
		);
	if (withPrevious) row.push(null, null);
	return row;
}

/**
 * The decimals of each column of the explorer's data for an indicator's unit and a measure:
 * the measure's value and interval in the measure's unit (percentage points for a gap, a ratio
 * for parity), the urban, rural and previous values in the indicator's own, each round's gap
 * (of a change in the gap) in the gap's.
 */
export function dataDecimals(
	unit: IndicatorInfo['unit'],
	measure: Measure
): Record<string, number> {
	const shown = displayUnit(unit, measure);
	const gap = displayUnit(unit, 'gap');
	return {
		year: 0,
		previous_year: 0,
		n: 0,
		ci_level: 2,
		value: valueDecimals(shown),
		lower: intervalDecimals(shown),
		upper: intervalDecimals(shown),
		urban: valueDecimals(unit),
		rural: valueDecimals(unit),
		previous_value: valueDecimals(unit),
		urban_lower: intervalDecimals(unit),
		urban_upper: intervalDecimals(unit),
		rural_lower: intervalDecimals(unit),
		rural_upper: intervalDecimals(unit),
		previous_gap: valueDecimals(gap),
		gap: valueDecimals(gap),
		previous_gap_lower: intervalDecimals(gap),
		previous_gap_upper: intervalDecimals(gap),
		gap_lower: intervalDecimals(gap),
		gap_upper: intervalDecimals(gap)
	};
}

/** Columns whose exact numbers a full-precision export repeats (years and counts are exact). */
const MEASURED = [
	'value',
	'lower',
	'upper',
	...DUMBBELL_COLUMNS,
	'previous_value',
	...ROUNDS_COLUMNS.filter((c) => c !== 'previous_year')
];

/**
 * The table rounded to the precision of its unit; `full` adds each measured column's exact
 * numbers at the end (`value_full`, …) for whoever needs to redo the arithmetic.
 */
export function roundedDataTable(
	table: DataTable,
	unit: IndicatorInfo['unit'],
	measure: Measure,
	full = false
): DataTable {
	const decimals = dataDecimals(unit, measure);
	const kept = Object.fromEntries(
		Object.entries(decimals).filter(([column]) => table.header.includes(column))
	);
	return { ...roundColumns(table, kept, full ? MEASURED : []), decimals: kept };
}

export function dataCsv(table: DataTable): string {
	return writeCsv(table.header, table.rows);
}
