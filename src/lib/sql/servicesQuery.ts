import type { BoundQuery } from '$lib/db/connector';

const ESTIMATE_COLUMNS = (alias: string) =>
	['value', 'lower', 'upper', 'se', 'n', 'note']
		.map((c) => `${alias}.${c} AS ${alias}_${c}`)
		.join(', ');

/**
 * One row per place × area (urban, rural) for the scatter of e-service use (y) against a
 * connectivity indicator (x) in one year: every region, whether or not it has values (a region with
 * no rural stratum keeps its rural row with NULLs, so the page can say so), then the national rows.
 */
export function servicesScatterQuery(
	serviceId: string,
	connectivityId: string,
	year: number
): BoundQuery {
	return {
		sql: `WITH obs AS (
	SELECT * FROM observations
	WHERE indicator_id IN (?, ?) AND year = ? AND geo_level IN ('region', 'national')
		AND area IN ('urban', 'rural')
), places AS (
	SELECT 'region' AS geo_level, iso_code AS geo_code, name_official, name_en FROM regions
	UNION ALL
	SELECT DISTINCT 'national', geo_code, NULL, NULL FROM obs WHERE geo_level = 'national'
), areas(area) AS (VALUES ('urban'), ('rural'))
SELECT p.geo_level, p.geo_code, p.name_official, p.name_en, a.area,
	${ESTIMATE_COLUMNS('x')},
	${ESTIMATE_COLUMNS('y')},
	coalesce(x.ci_level, y.ci_level) AS ci_level
FROM places p CROSS JOIN areas a
LEFT JOIN obs x ON x.indicator_id = ? AND x.geo_level = p.geo_level AND x.geo_code = p.geo_code
	AND x.area = a.area
LEFT JOIN obs y ON y.indicator_id = ? AND y.geo_level = p.geo_level AND y.geo_code = p.geo_code
	AND y.area = a.area
ORDER BY p.geo_level DESC, p.geo_code, a.area DESC`,
		params: [serviceId, connectivityId, year, connectivityId, serviceId]
	};
}

/** The source records behind both indicators in that year, and the ones their definitions cite. */
export function servicesSourcesQuery(
	serviceId: string,
	connectivityId: string,
	year: number
): BoundQuery {
	return {
		sql: `SELECT s.source_id, s.title, s.publisher, s.year, s.licence, s.note, s.title_sw, s.licence_sw
FROM sources s
WHERE s.source_id IN (
	SELECT source_id FROM observations WHERE indicator_id IN (?, ?) AND year = ?
	UNION
	SELECT unnest(string_split(source_ids, '|')) FROM indicator_definitions
	WHERE indicator_id IN (?, ?)
)
ORDER BY s.source_id`,
		params: [serviceId, connectivityId, year, serviceId, connectivityId]
	};
}
