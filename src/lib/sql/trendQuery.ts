import type { BoundQuery } from '$lib/db/connector';

/**
 * Every round of one indicator, for the trend chart: one row per region (and per national
 * figure) and year, with urban, rural and total side by side, each with its interval and standard
 * error, and the round's confidence level. Rows without any value are left out; a region with
 * one round is still returned (the chart lists it rather than drawing a line).
 */

const AREAS = ['total', 'urban', 'rural'] as const;

const AREA_COLUMNS = AREAS.map((a) =>
	['value', 'lower', 'upper', 'se']
		.map((c) => `max(${c}) FILTER (WHERE area = '${a}') AS ${a}_${c}`)
		.join(',\n\t')
).join(',\n\t');

export function trendQuery(indicatorId: string): BoundQuery {
	return {
		sql: `SELECT geo_level, geo_code, year, any_value(period) AS period,
	max(ci_level) AS ci_level,
	${AREA_COLUMNS}
FROM observations
WHERE indicator_id = ? AND geo_level IN ('region', 'national') AND value IS NOT NULL
GROUP BY geo_level, geo_code, year
ORDER BY geo_level DESC, geo_code, year`,
		params: [indicatorId]
	};
}
