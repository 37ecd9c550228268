import type { SourcedEstimate } from '$lib/domain/estimate';
import type { IndicatorProfile, ProfileYear, RoundChange } from '$lib/data/regionProfile';
import { NOTE_SUPPRESSED, NOTE_UNSTABLE } from '$lib/domain/reliability';
import type { CsvCell } from './csvWriter';
import { NATIONAL_CODE, type DataTable } from './dataCsv';
import type { ExportText } from './exportView';

/**
 * The data behind a region profile and a comparison of regions: one row per region, indicator
 * and survey round, with every figure the profile's tables and chart show (the area estimates
 * with their intervals, the gap with its own, parity, rank, the changes of the total and of the
 * gap with theirs, households left behind and years to parity with their ranges, and the notes of
 * boundary changes between the rounds compared), and after each round the national figure under
 * the code `TZ`. Numbers are the computed ones, unrounded; the page rounds only what it prints.
 * The estimates' intervals are the source's (or, for the bundled survey, Pengo's from its
 * records); those of gaps, changes, households and years are always computed by Pengo.
 */
export const PROFILE_COLUMNS = [
	'region_code',
	'region_name',
	'indicator_id',
	'year',
	'period',
	'total',
	'total_lower',
	'total_upper',
	'urban',
	'urban_lower',
	'urban_upper',
	'rural',
	'rural_lower',
	'rural_upper',
	'ci_level',
	'n_total',
	'n_urban',
	'n_rural',
	'gap',
	'gap_lower',
	'gap_upper',
	'gap_ci_level',
	'gap_significant',
	'parity',
	'rank',
	'ranked_regions',
	'change',
	'change_since_year',
	'change_lower',
	'change_upper',
	'change_ci_level',
	'change_significant',
	'gap_change',
	'gap_change_since_year',
	'gap_change_lower',
	'gap_change_upper',
	'gap_change_significant',
	'households_left_behind',
	'households_left_behind_lower',
	'households_left_behind_upper',
	'gap_closing',
	'years_to_parity',
	'years_to_parity_lower',
	'years_to_parity_upper',
	'boundary_note',
	'source_ids',
	'note'
] as const;

type Column = (typeof PROFILE_COLUMNS)[number];

/** One row in column order, from the cells it has; the rest are empty. */
function row(cells: Partial<Record<Column, CsvCell>>): CsvCell[] {
	return PROFILE_COLUMNS.map((c) => cells[c] ?? null);
}

const estimateCells = (prefix: 'total' | 'urban' | 'rural', e: SourcedEstimate) => ({
	[prefix]: e.value,
	[`${prefix}_lower`]: e.lower,
	[`${prefix}_upper`]: e.upper
});

function notesOf(y: ProfileYear, text: ExportText): string | null {
	const words = (note: string | null) =>
		note === NOTE_SUPPRESSED ? text.suppressed : note === NOTE_UNSTABLE ? text.unstable : note;
	const notes = (
		[
			['total', y.total.note],
			['urban', y.urban.note],
			['rural', y.rural.note]
		] as const
	).flatMap(([area, note]) => (note ? [`${area}: ${words(note)}`] : []));
	if (y.gap.estimate?.significant === false) notes.push(`gap: ${text.notSignificant}`);
	if (y.totalChange?.estimate?.significant === false) notes.push(`change: ${text.notSignificant}`);
	if (y.gapChange?.estimate?.significant === false)
		notes.push(`gap_change: ${text.notSignificant}`);
	return notes.join('; ') || null;
}

/** The source ids of a round's estimates, or of the indicator when the round names none. */
function sourceIds(profile: IndicatorProfile, y: ProfileYear | null): string {
	const own = y ? [y.total.sourceId, y.urban.sourceId, y.rural.sourceId] : [];
	const ids = [...new Set(own.filter((id): id is string => id !== null))];
	return (ids.length > 0 ? ids : profile.sources.map((s) => s.id)).join(';');
}

/** The boundary notes of a round's comparisons with earlier rounds, in words, each once. */
function boundaryNotes(
	profile: IndicatorProfile,
	y: ProfileYear,
	text: ExportText,
	nameOf: (code: string) => string
): string | null {
	const periodOf = (year: number) =>
		profile.years.find((p) => p.year === year)?.period ?? String(year);
	const words = [y.totalChange, y.gapChange].flatMap((c: RoundChange | null) =>
		(c?.boundaryNotes ?? []).map((n) =>
			text.boundaryNote(n, periodOf(c!.fromYear), y.period, nameOf)
		)
	);
	return [...new Set(words)].join(' ') || null;
}

function regionRow(
	code: string,
	name: string,
	profile: IndicatorProfile,
	y: ProfileYear,
	text: ExportText,
	nameOf: (code: string) => string
): CsvCell[] {
	const gap = y.gap.estimate;
	const isLatest = y === profile.latest;
	const change = y.totalChange?.estimate ?? null;
	const gapChange = y.gapChange?.estimate ?? null;
	const projection = isLatest ? (profile.yearsToParity?.projection ?? null) : null;
	return row({
		region_code: code,
		region_name: name,
		indicator_id: profile.indicator.id,
		year: y.year,
		period: y.period,
		...estimateCells('total', y.total),
		...estimateCells('urban', y.urban),
		...estimateCells('rural', y.rural),
		ci_level: y.total.ciLevel ?? y.urban.ciLevel ?? y.rural.ciLevel,
		n_total: y.total.n,
		n_urban: y.urban.n,
		n_rural: y.rural.n,
		gap: gap?.gap ?? null,
		gap_lower: gap?.lower ?? null,
		gap_upper: gap?.upper ?? null,
		gap_ci_level: gap && gap.lower !== null ? y.gap.ciLevel : null,
		gap_significant: gap?.significant == null ? null : String(gap.significant),
		parity: y.gap.parity,
		rank: y.rank,
		ranked_regions: y.rank === null ? null : y.rankedRegions,
		change: y.changeFromPrevious,
		change_since_year: y.changeFromPrevious === null ? null : y.previousYear,
		change_lower: change?.lower ?? null,
		change_upper: change?.upper ?? null,
		change_ci_level:
			change?.lower != null || gapChange?.lower != null
				? (y.totalChange?.ciLevel ?? y.gapChange?.ciLevel ?? null)
				: null,
		change_significant: change?.significant == null ? null : String(change.significant),
		gap_change: gapChange?.value ?? null,
		gap_change_since_year: gapChange ? (y.gapChange?.fromYear ?? null) : null,
		gap_change_lower: gapChange?.lower ?? null,
		gap_change_upper: gapChange?.upper ?? null,
		gap_change_significant: gapChange?.significant == null ? null : String(gapChange.significant),
		households_left_behind: y.leftBehind?.households ?? null,
		households_left_behind_lower: y.leftBehind?.lower ?? null,
		households_left_behind_upper: y.leftBehind?.upper ?? null,
		gap_closing: projection ? String(projection.closing) : null,
		years_to_parity: projection?.closing ? projection.years : null,
		years_to_parity_lower: projection?.closing ? projection.lower : null,
		years_to_parity_upper: projection?.closing ? projection.upper : null,
		boundary_note: boundaryNotes(profile, y, text, nameOf),
		source_ids: sourceIds(profile, y),
		note: notesOf(y, text)
	});
}

/** The national figure of a round, as the profile's "National" rows show it. */
function nationalRow(
	profile: IndicatorProfile,
	y: ProfileYear,
	text: ExportText
): CsvCell[] | null {
	if (!y.national) return null;
	return row({
		region_code: NATIONAL_CODE,
		region_name: text.national,
		indicator_id: profile.indicator.id,
		year: y.year,
		period: y.period,
		...estimateCells('total', y.national.total),
		...estimateCells('urban', y.national.urban),
		...estimateCells('rural', y.national.rural),
		source_ids: sourceIds(profile, null)
	});
}

export interface ProfileOfRegion {
	code: string;
	name: string;
	indicators: readonly IndicatorProfile[];
	/** Names of the regions boundary notes mention, by ISO code (the code itself otherwise). */
	nameOf?: (code: string) => string;
}

const byCode = (code: string) => code;

/** A region profile: every indicator, every round, each round followed by its national row. */
export function profileDataTable(region: ProfileOfRegion, text: ExportText): DataTable {
	const rows = region.indicators.flatMap((profile) =>
		profile.years.flatMap((y) => {
			const national = nationalRow(profile, y, text);
			return [
				regionRow(region.code, region.name, profile, y, text, region.nameOf ?? byCode),
				...(national ? [national] : [])
			];
		})
	);
	return { header: [...PROFILE_COLUMNS], rows };
}

/** One indicator's comparison: the latest round of each region in the order chosen, then national. */
export function compareDataTable(
	regions: readonly { code: string; name: string; profile: IndicatorProfile }[],
	text: ExportText,
	nameOf: (code: string) => string = byCode
): DataTable {
	const rows = regions.map((r) =>
		regionRow(r.code, r.name, r.profile, r.profile.latest, text, nameOf)
	);
	const first = regions[0]?.profile;
	const national = first ? nationalRow(first, first.latest, text) : null;
	return { header: [...PROFILE_COLUMNS], rows: national ? [...rows, national] : rows };
}
