import { country } from '$lib/country';
import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';
import { surveySharesQuery, type SurveyDesign } from './surveyEstimates';
import {
	FLAG_BELOW_N,
	NOTE_SUPPRESSED,
	NOTE_UNSTABLE,
	SUPPRESS_BELOW_N
} from '$lib/domain/reliability';

/**
 * `observations` is the one long table every view reads: real published rows from
 * indicators.csv, SIMs per 100 residents derived from them, survey estimates computed from the
 * bundled synthetic microdata (survey-synthetic.csv), and the rows of each uploaded dataset under
 * indicator ids of its own (`up_<key>_<n>`).
 */

export const OBSERVATION_COLUMNS = `indicator_id VARCHAR, geo_level VARCHAR, geo_code VARCHAR, area VARCHAR,
	period VARCHAR, year INTEGER, value DOUBLE, lower DOUBLE, upper DOUBLE, ci_level DOUBLE, se DOUBLE,
	unit VARCHAR, source_id VARCHAR, note VARCHAR, n BIGINT`;

export function createObservationsQuery(): BoundQuery {
	return { sql: `CREATE OR REPLACE TABLE observations (${OBSERVATION_COLUMNS})`, params: [] };
}

/** The published rows of indicators.csv, as they are. */
export function insertPublishedQuery(): BoundQuery {
	return {
		sql: `INSERT INTO observations
SELECT indicator_id, geo_level, geo_code, area, period, year, value, lower, upper, ci_level, NULL,
	unit, source_id, note, NULL
FROM indicator_values`,
		params: []
	};
}

/**
 * Active SIMs per 100 residents of the 2022 census. SIMs are counts, not people: one person may
 * hold several, so this is a derived density, labelled as such, not a share of people.
 */
export function insertSimsPer100Query(): BoundQuery {
	return {
		sql: `INSERT INTO observations
SELECT 'sims_per_100', v.geo_level, v.geo_code, v.area, v.period, v.year,
	v.value * 100.0 / p.population, NULL, NULL, NULL, NULL, 'per100', 'derived-pengo',
	'Derived: active SIMs (' || v.source_id || ') per 100 residents (2022 census population)', NULL
FROM indicator_values v
JOIN (
	SELECT iso_code AS geo_code, 'region' AS geo_level, population_2022 AS population FROM regions
	UNION ALL
	SELECT CAST(? AS VARCHAR), 'national', sum(population_2022) FROM regions
) p USING (geo_code, geo_level)
WHERE v.indicator_id = 'active_sims' AND v.area = 'total'`,
		params: [country.nationalCode]
	};
}

/**
 * Survey estimates as observations, in percent. Cells with fewer than SUPPRESS_BELOW_N cases keep
 * their row (so "suppressed" can be shown) but lose their value. The estimate over all rows is
 * called national only for a year whose rows cover every region: six regions' households are a
 * figure for those six, not for the country.
 */
export function insertSurveyEstimatesQuery(
	design: SurveyDesign,
	items: readonly { column: string; indicatorId: string }[],
	sourceId: string,
	confidence = 0.95
): BoundQuery {
	const shares = surveySharesQuery(
		design,
		items.map((i) => i.column),
		{ confidence }
	);
	const mapping = items.map(() => '(?, ?)').join(', ');
	const suppressed = `e.n < ${SUPPRESS_BELOW_N}`;
	return {
		sql: `INSERT INTO observations
WITH e AS MATERIALIZED (${shares.sql}),
	ids(item, indicator_id) AS (VALUES ${mapping})
SELECT ids.indicator_id,
	CASE WHEN e.region IS NULL THEN 'national' ELSE 'region' END,
	coalesce(e.region, CAST(? AS VARCHAR)), e.area, CAST(e.year AS VARCHAR), e.year,
	CASE WHEN ${suppressed} THEN NULL ELSE e.share * 100 END,
	CASE WHEN ${suppressed} THEN NULL ELSE e.lower * 100 END,
	CASE WHEN ${suppressed} THEN NULL ELSE e.upper * 100 END,
	?, CASE WHEN ${suppressed} THEN NULL ELSE e.se * 100 END, 'percent', ?,
	CASE WHEN ${suppressed} THEN '${NOTE_SUPPRESSED}' WHEN e.n < ${FLAG_BELOW_N} THEN '${NOTE_UNSTABLE}' END,
	e.n
FROM e JOIN ids USING (item)
WHERE e.region IS NOT NULL OR (
	SELECT count(DISTINCT c.region) FROM e c
	WHERE c.region IS NOT NULL AND c.year IS NOT DISTINCT FROM e.year
) = (SELECT count(*) FROM regions)`,
		params: [
			...shares.params,
			...items.flatMap((i) => [i.column, i.indicatorId]),
			country.nationalCode,
			confidence,
			sourceId
		]
	};
}

/** A view of survey rows with the region resolved to its ISO code and the area in lower case. */
export function surveyHouseholdsViewQuery(raw: string, view: string): BoundQuery {
	return {
		sql: `CREATE OR REPLACE VIEW ${quoteIdent(view)} AS
SELECT s.*, m.iso_code AS region_iso, lower(s.residence) AS area_code
FROM ${quoteIdent(raw)} s JOIN region_name_map m ON m.written = s.region`,
		params: []
	};
}

/** The table that records how each written region name was resolved. */
export function regionNameMapQuery(
	pairs: readonly { written: string; isoCode: string }[]
): BoundQuery {
	if (pairs.length === 0) {
		return {
			sql: 'CREATE OR REPLACE TABLE region_name_map (written VARCHAR, iso_code VARCHAR)',
			params: []
		};
	}
	return {
		sql: `CREATE OR REPLACE TABLE region_name_map AS
SELECT * FROM (VALUES ${pairs.map(() => '(?, ?)').join(', ')}) t(written, iso_code)`,
		params: pairs.flatMap((p) => [p.written, p.isoCode])
	};
}
