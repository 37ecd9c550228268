import type { SourcedEstimate } from '$lib/domain/estimate';
import Papa from 'papaparse';
import type { Connector, Row } from '$lib/db/connector';
import {
	change,
	gapWithInterval,
	parityRatio,
	peopleLeftBehind,
	seFromInterval,
	yearsToParity,
	type GapEstimate
} from '$lib/domain/gaps';
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
export type SeSource = 'published' | 'interval';

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
	leftBehind: LeftBehind | null;
}

export interface IndicatorProfile {
	indicator: IndicatorInfo;
	/** Every year the indicator has regional data, oldest first; years without a value included. */
	years: ProfileYear[];
	latest: ProfileYear;
	/** Projection: years until the gap closes at the pace seen between the last two rounds. */
	yearsToParity: { years: number; fromYear: number; toYear: number } | null;
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
	if (e.se !== null) return { se: e.se, source: 'published' };
	if (e.ciLevel === null) return null;
	const se = seFromInterval(e.lower, e.upper, normalCriticalValue(e.ciLevel));
	return se === null ? null : { se, source: 'interval' };
}

/** Gap, its interval at the estimates' confidence level, significance and parity. */
export function gapFigures(urban: SourcedEstimate, rural: SourcedEstimate): GapFigures {
	const ciLevel = urban.ciLevel ?? rural.ciLevel ?? DEFAULT_CI_LEVEL;
	const z = normalCriticalValue(ciLevel);
	const u = estimateSe(urban);
	const r = estimateSe(rural);
	return {
		estimate: gapWithInterval(urban.value, u?.se, rural.value, r?.se, z),
		seSource:
			u && r
				? u.source === 'published' && r.source === 'published'
					? 'published'
					: 'interval'
				: null,
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
	sources: SourceRecord[]
): IndicatorProfile {
	const byYear = new Map(rows.map((r) => [Number(r.year), r]));
	const years: ProfileYear[] = [];
	let previous: ProfileYear | null = null;
	for (const year of [...indicator.years].sort((a, b) => a - b)) {
		const row = byYear.get(year);
		const total = estimate(row, 'total');
		const urban = estimate(row, 'urban');
		const rural = estimate(row, 'rural');
		const households = ruralHouseholds.get(year);
		const behind =
			indicator.unit === 'percent' && rural.sourceId === SURVEY_SOURCE_ID && households
				? peopleLeftBehind(households, urban.value, rural.value)
				: null;
		const current: ProfileYear = {
			year,
			period: text(row?.period) ?? indicator.periods[year] ?? String(year),
			total,
			urban,
			rural,
			national: national(row),
			rank: num(row?.total_rank),
			rankedRegions: num(row?.ranked_regions) ?? 0,
			gap: gapFigures(urban, rural),
			changeFromPrevious: change(total.value, previous?.total.value),
			previousYear: previous?.year ?? null,
			leftBehind:
				behind === null || households === undefined
					? null
					: { households: behind, ruralHouseholds: households, year }
		};
		years.push(current);
		if (total.value !== null) previous = current;
	}
	const latest = years[years.length - 1]!;
	const before = years
		.slice(0, -1)
		.filter((y) => y.gap.estimate !== null)
		.at(-1);
	const toParity = before
		? yearsToParity(latest.gap.estimate?.gap, latest.year, before.gap.estimate?.gap, before.year)
		: null;
	return {
		indicator,
		years,
		latest,
		yearsToParity:
			toParity === null || !before
				? null
				: { years: toParity, fromYear: before.year, toYear: latest.year },
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
					sourcesFor(ind.id)
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
