import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';

/**
 * Queries behind the region profile and the region comparison. Each takes the ISO codes of the
 * regions asked for (bound, one placeholder each) and reads the long `observations` table.
 */

/** The census report that gives every region's 2022 population. */
export const POPULATION_SOURCE_ID = 'nbs-census-2022-admin';

const AREAS = ['total', 'urban', 'rural'] as const;

/** Per area: value, interval, standard error, cases, note, confidence level and source. */
const AREA_COLUMNS = AREAS.map((a) =>
	['value', 'lower', 'upper', 'se', 'n', 'note', 'ci_level', 'source_id']
		.map((c) => `max(${c}) FILTER (WHERE area = '${a}') AS ${a}_${c}`)
		.join(',\n\t\t')
).join(',\n\t\t');

const NATIONAL_COLUMNS = AREAS.map((a) =>
	['value', 'lower', 'upper']
		.map((c) => `max(${c}) FILTER (WHERE area = '${a}') AS national_${a}_${c}`)
		.join(',\n\t\t')
).join(',\n\t\t');

function codeList(codes: readonly string[]): string {
	return codes.length === 0 ? 'NULL' : codes.map(() => '?').join(', ');
}

/**
 * One row per region × indicator × year the regions have rows for: urban, rural and total with
 * their intervals, the national figure of the same indicator and year, and the rank of the
 * region's total among all regions with a value (1 = highest; ties share a rank).
 */
export function profileValuesQuery(codes: readonly string[]): BoundQuery {
	return {
		sql: `WITH cells AS (
	SELECT indicator_id, geo_code, year, any_value(period) AS period,
		${AREA_COLUMNS}
	FROM observations
	WHERE geo_level = 'region'
	GROUP BY indicator_id, geo_code, year
), ranked AS (
	SELECT *,
		CASE WHEN total_value IS NULL THEN NULL
			ELSE rank() OVER (PARTITION BY indicator_id, year ORDER BY total_value DESC NULLS LAST)
		END AS total_rank,
		count(total_value) OVER (PARTITION BY indicator_id, year) AS ranked_regions
	FROM cells
), national AS (
	SELECT indicator_id, year,
		${NATIONAL_COLUMNS}
	FROM observations
	WHERE geo_level = 'national'
	GROUP BY indicator_id, year
)
SELECT r.*,
	${AREAS.map((a) => ['value', 'lower', 'upper'].map((c) => `n.national_${a}_${c}`).join(', ')).join(',\n\t')}
FROM ranked r
LEFT JOIN national n USING (indicator_id, year)
WHERE r.geo_code IN (${codeList(codes)})
ORDER BY r.indicator_id, r.geo_code, r.year`,
		params: [...codes]
	};
}

/**
 * The sources behind each indicator as the regions see it (their rows, the national rows and the
 * indicator's own definition), and the census population source with indicator_id NULL.
 */
export function profileSourcesQuery(codes: readonly string[]): BoundQuery {
	return {
		sql: `WITH used AS (
	SELECT indicator_id, source_id FROM observations
	WHERE geo_level = 'national' OR (geo_level = 'region' AND geo_code IN (${codeList(codes)}))
	UNION
	SELECT indicator_id, unnest(string_split(source_ids, '|')) FROM indicator_definitions
	UNION
	SELECT NULL, ?
)
SELECT u.indicator_id, s.source_id, s.title, s.publisher, s.year, s.licence, s.note, s.title_sw, s.licence_sw
FROM used u JOIN sources s USING (source_id)
ORDER BY u.indicator_id NULLS FIRST, s.source_id`,
		params: [...codes, POPULATION_SOURCE_ID]
	};
}

/**
 * Weighted number of rural households per region and survey round: the sum of household weights
 * of the rural rows. It is the only rural population the survey gives; the census figures bundled
 * here are not split by residence.
 */
export function ruralHouseholdsQuery(
	codes: readonly string[],
	surveyView = 'survey_households'
): BoundQuery {
	return {
		sql: `SELECT region_iso AS geo_code, year, sum(weight) AS households, count(*) AS respondents
FROM ${quoteIdent(surveyView)}
WHERE area_code = 'rural' AND region_iso IN (${codeList(codes)})
GROUP BY region_iso, year
ORDER BY region_iso, year`,
		params: [...codes]
	};
}
