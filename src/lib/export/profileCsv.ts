import type { SourcedEstimate } from '$lib/domain/estimate';
import type { IndicatorProfile, ProfileYear } from '$lib/data/regionProfile';
import { NOTE_SUPPRESSED, NOTE_UNSTABLE } from '$lib/domain/reliability';
import type { CsvCell } from './csvWriter';
import { NATIONAL_CODE, type DataTable } from './dataCsv';
import type { ExportText } from './exportView';

/**
 * The data behind a region profile and a comparison of regions: one row per region, indicator
 * and survey round, with every figure the profile's tables and chart show (the area estimates
 * with their intervals, the gap with its own, parity, rank, change, households left behind), and
 * after each round the national figure under the code `TZ`. Numbers are the computed ones,
 * unrounded; the page rounds only what it prints.
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
	'households_left_behind',
	'years_to_parity',
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
	return notes.join('; ') || null;
}

/** The source ids of a round's estimates, or of the indicator when the round names none. */
function sourceIds(profile: IndicatorProfile, y: ProfileYear | null): string {
	const own = y ? [y.total.sourceId, y.urban.sourceId, y.rural.sourceId] : [];
	const ids = [...new Set(own.filter((id): id is string => id !== null))];
	return (ids.length > 0 ? ids : profile.sources.map((s) => s.id)).join(';');
}

function regionRow(
	code: string,
	name: string,
	profile: IndicatorProfile,
	y: ProfileYear,
	text: ExportText
): CsvCell[] {
	const gap = y.gap.estimate;
	const isLatest = y === profile.latest;
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
		households_left_behind: y.leftBehind?.households ?? null,
		years_to_parity: isLatest ? (profile.yearsToParity?.years ?? null) : null,
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
}

/** A region profile: every indicator, every round, each round followed by its national row. */
export function profileDataTable(region: ProfileOfRegion, text: ExportText): DataTable {
	const rows = region.indicators.flatMap((profile) =>
		profile.years.flatMap((y) => {
			const national = nationalRow(profile, y, text);
			return [
				regionRow(region.code, region.name, profile, y, text),
				...(national ? [national] : [])
			];
		})
	);
	return { header: [...PROFILE_COLUMNS], rows };
}

/** One indicator's comparison: the latest round of each region in the order chosen, then national. */
export function compareDataTable(
	regions: readonly { code: string; name: string; profile: IndicatorProfile }[],
	text: ExportText
): DataTable {
	const rows = regions.map((r) => regionRow(r.code, r.name, r.profile, r.profile.latest, text));
	const first = regions[0]?.profile;
	const national = first ? nationalRow(first, first.latest, text) : null;
	return { header: [...PROFILE_COLUMNS], rows: national ? [...rows, national] : rows };
}
