/**
 * Weighted shares with design-based standard errors, as one DuckDB query.
 *
 * Estimator (why: household surveys are stratified cluster samples, so a simple binomial SE would
 * be far too small):
 * - A domain d is a year × (region or nation) × (urban, rural or total). Its share is the ratio
 *   R_d = Σ w·y / Σ w = Y_d / W_d over rows in d with a non-null item value.
 * - Taylor linearisation of the ratio gives each row the score z_i = w_i (y_i − R_d) / W_d inside d
 *   and 0 outside it. Zeros outside the domain (not dropping those rows) is what makes this correct
 *   domain estimation: the number of PSUs sampled in a stratum is fixed by the design, the number
 *   falling in a domain is random. Rows with a null item value are treated as outside the domain.
 * - With-replacement PSU approximation: z_hc = Σ z_i over PSU c of stratum h, and
 *   var(R_d) = Σ_h n_h/(n_h − 1) Σ_c (z_hc − z̄_h)², where n_h counts every PSU of stratum h in
 *   the year. Σ_c (z_hc − z̄_h)² = Σ_c z_hc² − (Σ_c z_hc)² / n_h, so only PSUs holding domain members
 *   need a row; PSUs without members add z = 0 to both sums.
 * - Singleton strata (one PSU in the year) have no within-stratum spread to measure; they add 0 to
 *   the variance (as R survey's `survey.lonely.psu = "certainty"`) and are counted in
 *   `singleton_strata` so a reader can see how much of the domain this affects.
 * - PSUs are nested in strata and years: the same cluster code in two strata is two PSUs.
 * Without a cluster column every row is its own PSU; without a stratum column there is one stratum.
 *
 * Shape, for speed on a million rows: one GROUP BY pass over the table down to year × stratum ×
 * PSU × region × area (every item at once), after which everything runs on that small table.
 */
import { normalCriticalValue } from '../domain/weightedShare';
import { quoteIdent, type BoundQuery } from './quote';

export interface SurveyDesign {
	/** table or view name */
	table: string;
	/** column holding the region code (text, e.g. 'TZ-03') */
	region: string;
	/** column holding 'urban' | 'rural' (text) */
	area: string;
	/** sampling weight column (positive double) */
	weight: string;
	/** PSU column (any type); when absent each row is its own PSU */
	cluster?: string;
	/** stratum column (any type); when absent one stratum */
	stratum?: string;
	/** survey round column (integer); when absent, year is NULL in the output */
	year?: string;
}

/** The columns of each row `surveySharesQuery` returns, in order. */
export const SURVEY_SHARE_COLUMNS = [
	'item',
	'year',
	'region',
	'area',
	'n',
	'n_clusters',
	'singleton_strata',
	'weight_sum',
	'share',
	'se',
	'lower',
	'upper'
] as const;

/**
 * One row per item × year × domain: region × urban/rural/total and national (region NULL) ×
 * urban/rural/total. Items are 0/1 columns; a row with a null item value is left out for that
 * item only. The confidence interval is share ± z·se clipped to [0, 1], default 95%.
 */
export function surveySharesQuery(
	design: SurveyDesign,
	items: readonly string[],
	options: { confidence?: number } = {}
): BoundQuery {
	if (items.length === 0) throw new Error('surveySharesQuery needs at least one item column.');
	const duplicate = items.find((item, i) => items.indexOf(item) !== i);
	if (duplicate !== undefined) throw new Error(`The item column "${duplicate}" is listed twice.`);
	const z = normalCriticalValue(options.confidence ?? 0.95);

	const year = design.year ? `CAST(${quoteIdent(design.year)} AS INTEGER)` : 'CAST(NULL AS INTEGER)';
	const stratum = design.stratum ? quoteIdent(design.stratum) : '1';
	const psu = design.cluster ? quoteIdent(design.cluster) : 'row_number() OVER ()';
	const slots = items.map((item, i) => ({ item, y: `y${i}`, n: `n${i}`, w: `w${i}`, wy: `wy${i}` }));

	const sql = `WITH settings AS (SELECT CAST(? AS DOUBLE) AS z),
base AS (
	SELECT ${year} AS year,
		CAST(${quoteIdent(design.region)} AS VARCHAR) AS region,
		CAST(${quoteIdent(design.area)} AS VARCHAR) AS area,
		CAST(${quoteIdent(design.weight)} AS DOUBLE) AS w,
		${stratum} AS stratum,
		${psu} AS psu,
		${slots.map((s) => `CAST(${quoteIdent(s.item)} AS DOUBLE) AS ${s.y}`).join(',\n\t\t')}
	FROM ${quoteIdent(design.table)}
),
-- Pass 1, the only one over the full table: per PSU × region × area, sums for every item at once.
cell AS (
	SELECT year, stratum, psu, region, area,
		${slots
			.map(
				(s) =>
					`COUNT(${s.y}) AS ${s.n}, SUM(w) FILTER (WHERE ${s.y} IS NOT NULL) AS ${s.w}, SUM(w * ${s.y}) AS ${s.wy}`
			)
			.join(',\n\t\t')}
	FROM base
	GROUP BY year, stratum, psu, region, area
),
-- n_h: every PSU of the stratum in the year, answered or not.
strata AS (
	SELECT year, stratum, COUNT(DISTINCT psu) AS n_h FROM cell GROUP BY year, stratum
),
cell_item AS (
	${slots
		.map(
			(s) =>
				`SELECT CAST(? AS VARCHAR) AS item, year, stratum, psu, region, area, ${s.n} AS n, ${s.w} AS sw, ${s.wy} AS swy FROM cell WHERE ${s.n} > 0`
		)
		.join('\n\tUNION ALL\n\t')}
),
-- PSU totals within each domain; lvl = GROUPING(region, area): 0 region × area, 1 region total,
-- 2 national × area, 3 national total.
psu_domain AS (
	SELECT item, year, stratum, psu, region, area, GROUPING(region, area) AS lvl,
		SUM(n) AS n, SUM(sw) AS sw, SUM(swy) AS swy
	FROM cell_item
	GROUP BY GROUPING SETS (
		(item, year, stratum, psu, region, area), (item, year, stratum, psu, region),
		(item, year, stratum, psu, area), (item, year, stratum, psu)
	)
),
psu_score AS (
	SELECT *, (swy - share * sw) / weight_sum AS z_psu
	FROM (
		SELECT *, SUM(sw) OVER d AS weight_sum, SUM(swy) OVER d / SUM(sw) OVER d AS share
		FROM psu_domain
		WINDOW d AS (PARTITION BY item, year, lvl, region, area)
	)
),
stratum_domain AS (
	SELECT p.item, p.year, p.lvl, p.region, p.area, s.n_h,
		SUM(p.n) AS n, COUNT(*) AS n_clusters, SUM(p.z_psu) AS sum_z, SUM(p.z_psu * p.z_psu) AS sum_z2,
		ANY_VALUE(p.weight_sum) AS weight_sum, ANY_VALUE(p.share) AS share
	FROM psu_score p
	JOIN strata s ON s.year IS NOT DISTINCT FROM p.year AND s.stratum IS NOT DISTINCT FROM p.stratum
	GROUP BY p.item, p.year, p.lvl, p.region, p.area, p.stratum, s.n_h
),
domain AS (
	SELECT item, year, lvl, region, area,
		CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(n_clusters) AS BIGINT) AS n_clusters,
		CAST(COUNT(*) FILTER (WHERE n_h = 1) AS BIGINT) AS singleton_strata,
		ANY_VALUE(weight_sum) AS weight_sum, ANY_VALUE(share) AS share,
		SQRT(GREATEST(SUM(CASE WHEN n_h > 1 THEN n_h / (n_h - 1) * (sum_z2 - sum_z * sum_z / n_h) ELSE 0 END), 0)) AS se
	FROM stratum_domain
	GROUP BY item, year, lvl, region, area
)
SELECT item, year,
	CASE WHEN lvl >= 2 THEN NULL ELSE region END AS region,
	CASE WHEN lvl % 2 = 1 THEN 'total' ELSE area END AS area,
	n, n_clusters, singleton_strata, weight_sum, share, se,
	GREATEST(share - settings.z * se, 0) AS lower,
	LEAST(share + settings.z * se, 1) AS upper
FROM domain, settings
WHERE (lvl >= 2 OR region IS NOT NULL) AND (lvl % 2 = 1 OR area IN ('urban', 'rural'))
ORDER BY item, year, region NULLS LAST, area`;

	return { sql, params: [z, ...items] };
}
