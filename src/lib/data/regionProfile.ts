import type { SourcedEstimate } from '$lib/domain/estimate';
import Papa from 'papaparse';
import type { Connector, Row } from '$lib/db/connector';
import {
	change,
	changeWithInterval,
	combinedSeSource,
	differenceWithInterval,
	gapWithInterval,
	leftBehindWithRange,
	parityProjection,
	parityRatio,
	standardError,
	type ChangeFigures,
	type GapEstimate,
	type ParityProjection,
	type SeSource
} from '$lib/domain/gaps';
import { boundaryNotesFor, periodStartYear, type BoundaryNote } from '$lib/domain/boundaries';
import { country } from '$lib/country';
import type { Region } from '$lib/domain/regions';
import { normalCriticalValue } from '$lib/domain/weightedShare';
import {
	profileSourcesQuery,
	profileValuesQuery,
	ruralHouseholdsQuery
} from '$lib/sql/regionProfile';
import type { IndicatorInfo } from '$lib/domain/indicators';
import { estimateColumns, num, sourceRecord, text, type SourceRecord, type SqlRow } from './sqlRow';

/** Source id of the survey whose household weights give the rural household counts. */
import { SURVEY_SOURCE_ID } from './loadBundled';
export { SURVEY_SOURCE_ID };
/** Confidence level used for a gap when neither estimate states one. */
export const DEFAULT_CI_LEVEL = 0.95;

export interface NationalFigures {
	total: SourcedEstimate;
	urban: SourcedEstimate;
	rural: SourcedEstimate;
}

/** How the standard errors behind a gap interval were found. */
export type { SeSource };

export interface GapFigures {
	estimate: GapEstimate | null;
	seSource: SeSource | null;
	ciLevel: number;
	z: number;
	parity: number | null;
}

export interface LeftBehind {
	/** Rural households (weighted survey count) times the shortfall against the urban rate. */
	households: number;
	/** The same count times each end of the gap's interval (a shortfall below zero as none). */
	lower: number | null;
	upper: number | null;
	ruralHouseholds: number;
	/** Survey round the household count comes from. */
	year: number;
}

export interface ProfileYear {
	year: number;
	period: string;
	total: SourcedEstimate;
	urban: SourcedEstimate;
	rural: SourcedEstimate;
	national: NationalFigures | null;
	/** 1 = highest total among the regions with a value this year. */
	rank: number | null;
	rankedRegions: number;
	gap: GapFigures;
	/** Total minus the total of the previous survey year with a value. */
	changeFromPrevious: number | null;
	previousYear: number | null;
	/** The same change with its interval, its significance and the boundary notes it carries. */
	totalChange: RoundChange | null;
	/** The gap minus the gap of the previous survey year with a gap, with its interval. */
	gapChange: RoundChange | null;
	leftBehind: LeftBehind | null;
}

/**
 * A change from an earlier round, with its interval (always computed here: independent rounds,
 * √(se₁² + se₂²)) and the notes of the boundary changes between the two rounds for this region.
 */
export interface RoundChange extends ChangeFigures {
	fromYear: number;
	boundaryNotes: BoundaryNote[];
}

export interface IndicatorProfile {
	indicator: IndicatorInfo;
	/** Every year the indicator has regional data, oldest first; years without a value included. */
	years: ProfileYear[];
	latest: ProfileYear;
	/**
	 * Projection: years until the gap closes at the pace seen between the last two rounds with a
	 * gap, with its range, only when the narrowing is significant (`projection.closing`).
	 */
	yearsToParity: {
		projection: ParityProjection;
		fromYear: number;
		toYear: number;
		ciLevel: number;
	} | null;
	sources: SourceRecord[];
}

export interface RegionProfile {
	region: Region;
	indicators: IndicatorProfile[];
	populationSources: SourceRecord[];
}

function estimate(row: Row | undefined, prefix: string): SourcedEstimate {
	return {
		...estimateColumns(row, `${prefix}_value`, prefix),
		ciLevel: num(row?.[`${prefix}_ci_level`]),
		sourceId: text(row?.[`${prefix}_source_id`])
	};
}

const emptyEstimate = (): SourcedEstimate => estimate(undefined, 'none');

/**
 * The standard error of one estimate: the published one when there is one, else recovered from
 * its interval as (upper − lower) / (2z), z for the estimate's own confidence level.
 */
export function estimateSe(e: SourcedEstimate): { se: number; source: SeSource } | null {
	return standardError(e, e.ciLevel);
}

/** Gap, its interval at the estimates' confidence level, significance and parity. */
export function gapFigures(urban: SourcedEstimate, rural: SourcedEstimate): GapFigures {
	const ciLevel = urban.ciLevel ?? rural.ciLevel ?? DEFAULT_CI_LEVEL;
	const z = normalCriticalValue(ciLevel);
	const u = estimateSe(urban);
	const r = estimateSe(rural);
	return {
		estimate: gapWithInterval(urban.value, u?.se, rural.value, r?.se, z),
		seSource: combinedSeSource(u?.source ?? null, r?.source ?? null),
		ciLevel,
		z,
		parity: parityRatio(urban.value, rural.value)
	};
}

function national(row: Row | undefined): NationalFigures | null {
	const area = (a: string): SourcedEstimate => ({
		...emptyEstimate(),
		value: num(row?.[`national_${a}_value`]),
		lower: num(row?.[`national_${a}_lower`]),
		upper: num(row?.[`national_${a}_upper`])
	});
	const out = { total: area('total'), urban: area('urban'), rural: area('rural') };
	return [out.total, out.urban, out.rural].some((e) => e.value !== null) ? out : null;
}

/**
 * One indicator for one region, from its rows (one per year, any may be missing) and the weighted
 * rural household counts per survey round. Pure: every number a person reads is made here.
 */
export function buildIndicatorProfile(
	indicator: IndicatorInfo,
	rows: readonly Row[],
	ruralHouseholds: ReadonlyMap<number, number>,
	sources: SourceRecord[],
	regionCode: string | null = null
): IndicatorProfile {
	const byYear = new Map(rows.map((r) => [Number(r.year), r]));
	const years: ProfileYear[] = [];
	let previous: ProfileYear | null = null;
	let previousGap: ProfileYear | null = null;
	const notesBetween = (a: ProfileYear, b: { year: number; period: string }) =>
		regionCode === null
			? []
			: boundaryNotesFor(
					country.boundaryChanges,
					regionCode,
					periodStartYear(a.period, a.year),
					periodStartYear(b.period, b.year)
				);
	for (const year of [...indicator.years].sort((a, b) => a - b)) {
		const row = byYear.get(year);
		const total = estimate(row, 'total');
		const urban = estimate(row, 'urban');
		const rural = estimate(row, 'rural');
		const households = ruralHouseholds.get(year);
		const gap = gapFigures(urban, rural);
		const behind =
			indicator.unit === 'percent' && rural.sourceId === SURVEY_SOURCE_ID && households
				? leftBehindWithRange(households, gap.estimate)
				: null;
		const period = text(row?.period) ?? indicator.periods[year] ?? String(year);
		const totalChange: RoundChange | null =
			previous && total.value !== null
				? {
						...changeWithInterval(
							total,
							total.ciLevel,
							previous.total,
							previous.total.ciLevel,
							total.ciLevel ?? previous.total.ciLevel ?? DEFAULT_CI_LEVEL
						),
						fromYear: previous.year,
						boundaryNotes: notesBetween(previous, { year, period })
					}
				: null;
		const gapNow = gap.estimate;
		const gapBefore = previousGap?.gap.estimate;
		const gapChange: RoundChange | null =
			previousGap && gapNow && gapBefore
				? {
						estimate: differenceWithInterval(
							gapNow.gap,
							gapNow.se,
							gapBefore.gap,
							gapBefore.se,
							gap.z
						),
						seSource: combinedSeSource(gap.seSource, previousGap.gap.seSource),
						ciLevel: gap.ciLevel,
						z: gap.z,
						fromYear: previousGap.year,
						boundaryNotes: notesBetween(previousGap, { year, period })
					}
				: null;
		const current: ProfileYear = {
			year,
			period,
			total,
			urban,
			rural,
			national: national(row),
			rank: num(row?.total_rank),
			rankedRegions: num(row?.ranked_regions) ?? 0,
			gap,
			changeFromPrevious: change(total.value, previous?.total.value),
			previousYear: previous?.year ?? null,
			totalChange,
			gapChange,
			leftBehind:
				behind === null || households === undefined
					? null
					: {
							households: behind.value,
							lower: behind.lower,
							upper: behind.upper,
							ruralHouseholds: households,
							year
						}
		};
		years.push(current);
		if (total.value !== null) previous = current;
		if (gap.estimate !== null) previousGap = current;
	}
	const latest = years[years.length - 1]!;
	const narrowing = latest.gapChange;
	const projection = narrowing
		? parityProjection(
				latest.gap.estimate?.gap,
				latest.year,
				narrowing.fromYear,
				narrowing.estimate
			)
		: null;
	return {
		indicator,
		years,
		latest,
		yearsToParity:
			projection === null || !narrowing
				? null
				: {
						projection,
						fromYear: narrowing.fromYear,
						toYear: latest.year,
						ciLevel: narrowing.ciLevel
					},
		sources
	};
}

/**
 * The sources of several regions' answers as the query for all of them at once gives them: each
 * (indicator, source) pair once, ordered by indicator (none first) and source id.
 */
export function unionOfSources(lists: readonly SqlRow[][]): SqlRow[] {
	const byKey = new Map<string, SqlRow>();
	for (const row of lists.flat()) {
		const key = JSON.stringify([row.indicator_id ?? null, row.source_id]);
		if (!byKey.has(key)) byKey.set(key, row);
	}
	const id = (v: unknown) => (v === null || v === undefined ? null : String(v));
	const compare = (a: string | null, b: string | null) =>
		a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
	return [...byKey.values()].sort(
		(a, b) =>
			compare(id(a.indicator_id), id(b.indicator_id)) || compare(id(a.source_id), id(b.source_id))
	);
}

/**
 * Profiles of the given regions for every indicator with regional data, in the order given.
 * Codes that are not regions are left out (the caller reports them).
 */
export async function fetchRegionProfiles(
	db: Connector,
	regions: readonly Region[],
	indicators: readonly IndicatorInfo[],
	codes: readonly string[]
): Promise<RegionProfile[]> {
	const wanted = codes
		.map((c) => regions.find((r) => r.isoCode === c))
		.filter((r): r is Region => r !== undefined);
	// Region by region, so that each region's answer can be precomputed for the bundled data
	// (src/lib/data/summary.ts); the queries' rows are per region, and their sources a union.
	const perRegion = await Promise.all(
		wanted.map((r) =>
			Promise.all([
				db.query(profileValuesQuery([r.isoCode])),
				db.query(profileSourcesQuery([r.isoCode])),
				db.query(ruralHouseholdsQuery([r.isoCode]))
			])
		)
	);
	const values = perRegion.flatMap(([v]) => v);
	const households = perRegion.flatMap(([, , h]) => h);
	const sourceRows = unionOfSources(perRegion.map(([, s]) => s));
	const sourcesFor = (indicatorId: string | null) =>
		sourceRows.filter((s) => (s.indicator_id ?? null) === indicatorId).map(sourceRecord);
	return wanted.map((region) => {
		const counts = new Map(
			households
				.filter((h) => h.geo_code === region.isoCode)
				.map((h) => [Number(h.year), Number(h.households)])
		);
		return {
			region,
			populationSources: sourcesFor(null),
			indicators: indicators.map((ind) =>
				buildIndicatorProfile(
					ind,
					values.filter((v) => v.geo_code === region.isoCode && v.indicator_id === ind.id),
					counts,
					sourcesFor(ind.id),
					region.isoCode
				)
			)
		};
	});
}

/** A region as the directory lists it, read from data/regions.csv before DuckDB is up. */
export type DirectoryRegion = Pick<
	Region,
	'isoCode' | 'nbsCode' | 'nameOfficial' | 'nameEn' | 'zone'
>;

/** The 31 regions from the text of data/regions.csv, in the file's order (NBS code order). */
export function regionDirectory(csvText: string): DirectoryRegion[] {
	const parsed = Papa.parse<Record<string, string>>(csvText, {
		header: true,
		skipEmptyLines: true
	});
	return parsed.data.map((r) => ({
		isoCode: r.iso_code ?? '',
		nbsCode: r.nbs_code ?? '',
		nameOfficial: r.name_official ?? '',
		nameEn: r.name_en ?? '',
		zone: country.zones.find((z) => z === r.zone) ?? country.zones[0]
	}));
}
