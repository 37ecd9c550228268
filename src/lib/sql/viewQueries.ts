import type { BoundQuery } from '$lib/db/connector';

/** Indicators that have at least one value, with their years and whether any row is synthetic. */
export function catalogQuery(): BoundQuery {
	return {
		sql: `SELECT d.indicator_id, d.label_en, d.label_sw, d.unit, d.definition_en, d.definition_sw,
	d.has_urban_rural,
	list(DISTINCT o.year ORDER BY o.year) FILTER (WHERE o.geo_level = 'region') AS region_years,
	list(DISTINCT o.year || '=' || o.period) FILTER (WHERE o.geo_level = 'region') AS region_periods,
	bool_or(o.source_id = 'synthetic-demo') AS synthetic,
	bool_or(starts_with(o.source_id, 'upload-')) AS uploaded,
	min(o.source_id) AS first_source,
	count(DISTINCT o.geo_code) FILTER (WHERE o.geo_level = 'region' AND o.value IS NOT NULL) AS region_rows
FROM indicator_definitions d
JOIN observations o USING (indicator_id)
GROUP BY ALL
ORDER BY d.indicator_id`,
		params: []
	};
}

const AREA_COLUMNS = ['total', 'urban', 'rural']
	.map(
		(a) => `max(o.value) FILTER (WHERE o.area = '${a}') AS ${a},
	max(o.lower) FILTER (WHERE o.area = '${a}') AS ${a}_lower,
	max(o.upper) FILTER (WHERE o.area = '${a}') AS ${a}_upper,
	max(o.se) FILTER (WHERE o.area = '${a}') AS ${a}_se,
	max(o.n) FILTER (WHERE o.area = '${a}') AS ${a}_n,
	max(o.note) FILTER (WHERE o.area = '${a}') AS ${a}_note`
	)
	.join(',\n\t');

/** The same estimates of the closest earlier round, as previous_total, previous_urban_se, … */
const PREVIOUS_COLUMNS = ['total', 'urban', 'rural']
	.map((a) =>
		['value', 'lower', 'upper', 'se']
			.map(
				(c) =>
					`max(p.${c}) FILTER (WHERE p.area = '${a}') AS previous_${a}${c === 'value' ? '' : `_${c}`}`
			)
			.join(',\n\t')
	)
	.join(',\n\t');

/**
 * One row per region (all 31, with NULLs where the indicator has no value) for an indicator and
 * year, with the estimates of the closest earlier round for the change measures.
 */
export function regionValuesQuery(indicatorId: string, year: number): BoundQuery {
	return {
		sql: `WITH cur AS (
	SELECT * FROM observations WHERE indicator_id = ? AND year = ? AND geo_level = 'region'
), prev_year AS (
	SELECT max(year) AS year FROM observations
	WHERE indicator_id = ? AND year < ? AND geo_level = 'region'
), prev AS (
	SELECT o.* FROM observations o JOIN prev_year USING (year)
	WHERE o.indicator_id = ? AND o.geo_level = 'region'
)
SELECT r.iso_code, r.nbs_code, r.name_official, r.name_en, r.zone, r.population_2022,
	${AREA_COLUMNS},
	max(o.ci_level) AS ci_level,
	any_value(p.year) AS previous_year,
	max(p.ci_level) AS previous_ci_level,
	${PREVIOUS_COLUMNS}
FROM regions r
LEFT JOIN cur o ON o.geo_code = r.iso_code
LEFT JOIN prev p ON p.geo_code = r.iso_code
GROUP BY r.iso_code, r.nbs_code, r.name_official, r.name_en, r.zone, r.population_2022
ORDER BY r.iso_code`,
		params: [indicatorId, year, indicatorId, year, indicatorId]
	};
}

/** The national (or mainland) figure for the same indicator and year, when one exists. */
export function nationalValuesQuery(indicatorId: string, year: number): BoundQuery {
	return {
		sql: `SELECT ${AREA_COLUMNS}
FROM observations o
WHERE o.indicator_id = ? AND o.year = ? AND o.geo_level = 'national'`,
		params: [indicatorId, year]
	};
}

/** Non-region rows (island totals and the like) that a view must mention but never map. */
export function otherGeographiesQuery(indicatorId: string, year: number): BoundQuery {
	return {
		sql: `SELECT geo_level, geo_code, area, value, unit, source_id, note FROM observations
WHERE indicator_id = ? AND year = ? AND geo_level = 'island'
ORDER BY geo_code`,
		params: [indicatorId, year]
	};
}

/** The sources behind a view, as their records say. */
export function viewSourcesQuery(indicatorId: string, year: number): BoundQuery {
	return {
		sql: `SELECT s.source_id, s.title, s.publisher, s.year, s.licence, s.note, s.title_sw, s.licence_sw
FROM sources s
WHERE s.source_id IN (
	SELECT o.source_id FROM observations o
	WHERE o.indicator_id = ? AND (o.year = ? OR o.year = (
		SELECT max(year) FROM observations WHERE indicator_id = ? AND year < ? AND geo_level = 'region'))
	UNION
	SELECT unnest(string_split(source_ids, '|')) FROM indicator_definitions WHERE indicator_id = ?
)
ORDER BY s.source_id`,
		params: [indicatorId, year, indicatorId, year, indicatorId]
	};
}
