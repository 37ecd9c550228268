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
 * - PSUs are nested in strata and years: the same cluster code in two strata is two PSUs. A NULL
 *   cluster or stratum code is one PSU or stratum like any other code.
 * Without a cluster column every row is its own PSU; without a stratum column there is one stratum.
 *
 * Shape, for speed on a million rows: one GROUP BY pass over the table down to year × stratum ×
 * PSU × region × area (every item at once, as columns), after which everything runs on that small
 * table. Without clusters a PSU is a row, so rows are summarised per year × stratum × region ×
 * area instead, keeping Σ w² and Σ w² (y − m)² about the cell mean m, which gives each cell's
 * Σ z_i² = (Σ w² (y − m)² + Σ w² · (m − R_d)²) / W_d² without a row per household and domain.
 */
import { normalCriticalValue } from '../domain/weightedShare';
import { quoteIdent } from '$lib/db/quote';
import type { BoundQuery } from '$lib/db/connector';

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

/** The SQL pieces that differ between a clustered design and one where every row is a PSU. */
interface PsuPlan {
	/** CTEs ending in `cell`: sums per year × stratum × [PSU] × region × area, each item k. */
	cells: string;
	/** n_h per year × stratum, from `cell` */
	strata: string;
	/** `cell` rows copied or summed to the four domain levels, with lvl */
	psuDomain: string;
	/** Σ z² of one psu_domain row for item k, given r{k} and tw{k} of its domain */
	zSquared: (k: number) => string;
	/** the PSUs with domain members that one psu_domain row stands for */
	clusters: (k: number) => string;
}

type Each = (column: (k: number) => string, separator?: string) => string;

const sums = (k: number) =>
	`SUM(w) FILTER (WHERE y${k} IS NOT NULL) AS w${k}, SUM(w * y${k}) AS wy${k}`;

function clusteredPlan(each: Each): PsuPlan {
	return {
		cells: `cell AS (
	SELECT year, stratum, psu, region, area,
		${each((k) => `COUNT(y${k}) AS n${k}, ${sums(k)}`)}
	FROM base
	GROUP BY year, stratum, psu, region, area
)`,
		// COUNT(DISTINCT) would skip a NULL PSU code, which GROUP BY keeps as one PSU.
		strata: `SELECT year, stratum, COUNT(*) AS n_h
	FROM (SELECT DISTINCT year, stratum, psu FROM cell)
	GROUP BY year, stratum`,
		psuDomain: `SELECT year, stratum, psu, region, area, GROUPING(region, area) AS lvl,
		${each((k) => `SUM(n${k}) AS n${k}, SUM(w${k}) AS w${k}, SUM(wy${k}) AS wy${k}`)}
	FROM cell
	GROUP BY GROUPING SETS (
		(year, stratum, psu, region, area), (year, stratum, psu, region),
		(year, stratum, psu, area), (year, stratum, psu)
	)`,
		zSquared: (k) => `POW((p.wy${k} - d.r${k} * p.w${k}) / d.tw${k}, 2)`,
		clusters: (k) => `CASE WHEN p.n${k} > 0 THEN 1 ELSE 0 END`
	};
}

function rowPlan(each: Each): PsuPlan {
	const cellKeys = ['year', 'stratum', 'region', 'area'];
	const squares = (k: number) => `SUM(w * w) FILTER (WHERE y${k} IS NOT NULL)`;
	const carried = each((k) => `n${k}, w${k}, wy${k}, s${k}, q${k}, m${k}`, ', ');
	return {
		cells: `cell_mean AS (
	SELECT year, stratum, region, area,
		${each((k) => `SUM(w * w * y${k}) / ${squares(k)} AS m${k}`)}
	FROM base
	GROUP BY year, stratum, region, area
),
cell AS (
	SELECT b.year, b.stratum, b.region, b.area, COUNT(*) AS households,
		${each(
			(k) =>
				`COUNT(b.y${k}) AS n${k}, ${sums(k)}, ${squares(k)} AS s${k}, ` +
				`SUM(w * w * POW(b.y${k} - m.m${k}, 2)) AS q${k}, ANY_VALUE(m.m${k}) AS m${k}`
		)}
	FROM base b JOIN cell_mean m ON ${cellKeys.map((key) => `b.${key} IS NOT DISTINCT FROM m.${key}`).join(' AND ')}
	GROUP BY b.year, b.stratum, b.region, b.area
)`,
		strata: 'SELECT year, stratum, SUM(households) AS n_h FROM cell GROUP BY year, stratum',
		psuDomain: [
			['region', 'area'],
			['region', 'NULL'],
			['NULL', 'area'],
			['NULL', 'NULL']
		]
			.map(
				([region, area], lvl) =>
					`SELECT year, stratum, CAST(${region} AS VARCHAR) AS region, ` +
					`CAST(${area} AS VARCHAR) AS area, ${lvl} AS lvl, ${carried} FROM cell`
			)
			.join('\n\tUNION ALL\n\t'),
		zSquared: (k) => `(p.q${k} + p.s${k} * POW(p.m${k} - d.r${k}, 2)) / POW(d.tw${k}, 2)`,
		clusters: (k) => `p.n${k}`
	};
}

/**
 * One row per item × year × domain: region × urban/rural/total and national (region NULL) ×
 * urban/rural/total, ordered by item, year, region (national last), area. Items are 0/1 columns;
 * a row with a null item value is left out for that item only, and a row whose area is neither
 * 'urban' nor 'rural' counts only in the totals. The confidence interval is share ± z·se clipped
 * to [0, 1], default 95%, with z bound as the first parameter.
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

	const year = design.year
		? `CAST(${quoteIdent(design.year)} AS INTEGER)`
		: 'CAST(NULL AS INTEGER)';
	const stratum = design.stratum ? quoteIdent(design.stratum) : '1';
	const psuColumn = design.cluster ? `\n\t\t${quoteIdent(design.cluster)} AS psu,` : '';
	// Items stay side by side as columns (y0, y1, …) until the last step, so every pass below
	// groups one row per PSU or domain rather than one per item as well.
	const each: Each = (column, separator = ',\n\t\t') =>
		items.map((_, k) => column(k)).join(separator);
	const sameDomain = (a: string, b: string) =>
		['year', 'lvl', 'region', 'area']
			.map((key) => `${a}.${key} IS NOT DISTINCT FROM ${b}.${key}`)
			.join(' AND ');
	const plan = design.cluster ? clusteredPlan(each) : rowPlan(each);

	// lvl = GROUPING(region, area): 0 region × area, 1 region total, 2 national × area, 3 national.
	const sql = `WITH settings AS (SELECT CAST(? AS DOUBLE) AS z),
base AS (
	SELECT ${year} AS year,
		CAST(${quoteIdent(design.region)} AS VARCHAR) AS region,
		CAST(${quoteIdent(design.area)} AS VARCHAR) AS area,
		CAST(${quoteIdent(design.weight)} AS DOUBLE) AS w,
		${stratum} AS stratum,${psuColumn}
		${each((k) => `CAST(${quoteIdent(items[k] as string)} AS DOUBLE) AS y${k}`)}
	FROM ${quoteIdent(design.table)}
),
${plan.cells},
-- n_h: every PSU of the stratum in the year, whether or not it answered an item.
strata AS (
	${plan.strata}
),
psu_domain AS (
	${plan.psuDomain}
),
domain_total AS (
	SELECT year, lvl, region, area,
		${each((k) => `SUM(w${k}) AS tw${k}, SUM(wy${k}) / SUM(w${k}) AS r${k}`)}
	FROM psu_domain
	GROUP BY year, lvl, region, area
),
-- z_hc = Σ w (y − R_d) / W_d over the PSU's members of the domain; NULL when it has none.
psu_score AS (
	SELECT p.year, p.lvl, p.region, p.area, p.stratum,
		${each(
			(k) =>
				`p.n${k}, ${plan.clusters(k)} AS c${k}, (p.wy${k} - d.r${k} * p.w${k}) / d.tw${k} AS z${k}, ` +
				`${plan.zSquared(k)} AS zz${k}`
		)}
	FROM psu_domain p JOIN domain_total d ON ${sameDomain('p', 'd')}
),
stratum_domain AS (
	SELECT p.year, p.lvl, p.region, p.area, ANY_VALUE(s.n_h) AS n_h,
		${each((k) => `SUM(p.n${k}) AS n${k}, SUM(p.c${k}) AS c${k}, SUM(p.z${k}) AS z${k}, SUM(p.zz${k}) AS zz${k}`)}
	FROM psu_score p
	JOIN strata s ON s.year IS NOT DISTINCT FROM p.year AND s.stratum IS NOT DISTINCT FROM p.stratum
	GROUP BY p.year, p.lvl, p.region, p.area, p.stratum
),
domain AS (
	SELECT t.year, t.lvl, t.region, t.area,
		${each(
			(k) =>
				`ANY_VALUE(t.tw${k}) AS tw${k}, ANY_VALUE(t.r${k}) AS r${k}, SUM(s.n${k}) AS n${k}, SUM(s.c${k}) AS c${k}, ` +
				`COUNT(*) FILTER (WHERE s.n_h = 1 AND s.n${k} > 0) AS singles${k}, ` +
				`SUM(CASE WHEN s.n_h > 1 THEN s.n_h / (s.n_h - 1) * (s.zz${k} - s.z${k} * s.z${k} / s.n_h) END) AS v${k}`
		)}
	FROM stratum_domain s JOIN domain_total t ON ${sameDomain('s', 't')}
	GROUP BY t.year, t.lvl, t.region, t.area
),
estimate AS (
	${each(
		(k) =>
			`SELECT CAST(? AS VARCHAR) AS item, year, lvl, region, area, n${k} AS n, c${k} AS n_clusters, ` +
			`singles${k} AS singleton_strata, tw${k} AS weight_sum, r${k} AS share, ` +
			`SQRT(GREATEST(COALESCE(v${k}, 0), 0)) AS se FROM domain WHERE n${k} > 0`,
		'\n\tUNION ALL\n\t'
	)}
)
SELECT item, year,
	CASE WHEN lvl >= 2 THEN NULL ELSE region END AS region,
	CASE WHEN lvl % 2 = 1 THEN 'total' ELSE area END AS area,
	CAST(n AS BIGINT) AS n, CAST(n_clusters AS BIGINT) AS n_clusters,
	CAST(singleton_strata AS BIGINT) AS singleton_strata, weight_sum, share, se,
	GREATEST(share - settings.z * se, 0) AS lower,
	LEAST(share + settings.z * se, 1) AS upper
FROM estimate, settings
WHERE (lvl >= 2 OR region IS NOT NULL) AND (lvl % 2 = 1 OR area IN ('urban', 'rural'))
ORDER BY item, year, region NULLS LAST, area`;

	return { sql, params: [z, ...items] };
}
