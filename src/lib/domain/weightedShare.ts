/**
 * Weighted shares and their design-based standard errors, in plain TypeScript.
 *
 * This is the independent reference for `src/lib/sql/surveyEstimates.ts`: it reaches the same
 * Taylor-linearised variance by a different route (explicit loops over strata and every PSU of the
 * stratum, with the stratum mean z̄_h computed directly) so the SQL can be checked against it.
 */

export type Area = 'urban' | 'rural';
export type DomainArea = Area | 'total';

/** One respondent: design variables plus a 0/1 (or null = not asked / missing) value per item. */
export interface SurveyRow {
	region: string;
	area: Area;
	weight: number;
	/** PSU; when undefined the row is its own PSU. PSUs are nested in strata and years. */
	cluster?: string | number | null;
	/** Stratum; when undefined all rows of a year share one stratum. */
	stratum?: string | number | null;
	year?: number | null;
	values: Readonly<Record<string, number | null>>;
}

export interface ShareEstimate {
	item: string;
	year: number | null;
	/** null for the national domain */
	region: string | null;
	area: DomainArea;
	n: number;
	n_clusters: number;
	singleton_strata: number;
	weight_sum: number;
	share: number;
	se: number;
	lower: number;
	upper: number;
}

function assertFinite(value: number, what: string): void {
	if (!Number.isFinite(value)) throw new Error(`${what} must be a finite number, got ${value}.`);
}

/** Σ w·v / Σ w. */
export function weightedShare(values: readonly number[], weights: readonly number[]): number {
	if (values.length !== weights.length) {
		throw new Error(
			`weightedShare needs one weight per value: got ${values.length} values and ${weights.length} weights.`
		);
	}
	let weightSum = 0;
	let weightedSum = 0;
	values.forEach((value, i) => {
		const weight = weights[i] as number;
		assertFinite(value, `Value ${i}`);
		assertFinite(weight, `Weight ${i}`);
		weightSum += weight;
		weightedSum += weight * value;
	});
	if (!(weightSum > 0)) {
		throw new Error(`weightedShare needs a positive sum of weights, got ${weightSum}.`);
	}
	return weightedSum / weightSum;
}

/** Standard normal CDF by its Taylor series Φ(x) = ½ + φ(x) Σ x^(2k+1) / (2k+1)!!; |x| ≤ 8. */
function normalCdf(x: number): number {
	let term = x;
	let sum = x;
	for (let k = 1; k < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
		term *= (x * x) / (2 * k + 1);
		sum += term;
	}
	return 0.5 + (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)) * sum;
}

/**
 * The two-sided normal critical value for a confidence level, e.g. 0.95 → 1.959963984540054.
 * Newton's method on Φ from 0: Φ is concave above 0, so the iterates rise monotonically to the root.
 */
export function normalCriticalValue(confidence: number): number {
	if (!(confidence > 0 && confidence < 0.999999)) {
		throw new Error(`A confidence level must lie between 0 and 0.999999, got ${confidence}.`);
	}
	const p = 0.5 + confidence / 2;
	let x = 0;
	for (let i = 0; i < 100; i++) {
		const step = (normalCdf(x) - p) / (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
		x -= step;
		if (Math.abs(step) < 1e-15) break;
	}
	return x;
}

interface Domain {
	region: string | null;
	area: DomainArea;
}

function inDomain(row: SurveyRow, domain: Domain): boolean {
	return (
		(domain.region === null || row.region === domain.region) &&
		(domain.area === 'total' || row.area === domain.area)
	);
}

/** Keys that keep 1 and '1' apart, so a PSU or stratum code never merges with another type. */
function keyOf(value: string | number | null | undefined): string {
	return JSON.stringify(value ?? null);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/**
 * Share, standard error and confidence interval of each item for every year × domain (region ×
 * urban/rural/total and national × urban/rural/total) that has at least one non-null value.
 * Rows with a null item value are outside every domain for that item but still count as design
 * PSUs. A stratum with a single PSU in the year adds nothing to the variance and is counted in
 * `singleton_strata`.
 */
export function linearisedShareEstimates(
	rows: readonly SurveyRow[],
	options: { items: readonly string[]; confidence?: number }
): ShareEstimate[] {
	const z = normalCriticalValue(options.confidence ?? 0.95);
	rows.forEach((row, i) => {
		assertFinite(row.weight, `Row ${i} weight`);
		if (!(row.weight > 0)) throw new Error(`Row ${i} has a non-positive weight ${row.weight}.`);
	});
	const rowNumber = new Map(rows.map((row, i) => [row, i]));
	const psuKey = (row: SurveyRow): string =>
		row.cluster === undefined ? `row:${rowNumber.get(row)}` : keyOf(row.cluster);
	const estimates: ShareEstimate[] = [];
	const regions = [...new Set(rows.map((row) => row.region))];
	const domains: Domain[] = [...regions, null].flatMap((region) =>
		(['urban', 'rural', 'total'] as const).map((area) => ({ region, area }))
	);

	for (const item of options.items) {
		for (const [, yearRows] of groupBy(rows, (row) => keyOf(row.year))) {
			const year = yearRows[0]?.year ?? null;
			// Stratum → PSU → rows, over every row of the year, answered or not.
			const strata = [...groupBy(yearRows, (row) => keyOf(row.stratum)).values()].map((s) => [
				...groupBy(s, psuKey).values()
			]);
			for (const domain of domains) {
				const member = (row: SurveyRow): boolean =>
					inDomain(row, domain) && row.values[item] != null;
				const members = yearRows.filter(member);
				if (members.length === 0) continue;
				const weights = members.map((row) => row.weight);
				const share = weightedShare(
					members.map((row) => row.values[item] as number),
					weights
				);
				const weightSum = weights.reduce((a, b) => a + b, 0);

				let variance = 0;
				let singletons = 0;
				let clusters = 0;
				for (const psus of strata) {
					const scores = psus.map((psuRows) =>
						psuRows
							.filter(member)
							.reduce(
								(sum, row) =>
									sum + (row.weight * ((row.values[item] as number) - share)) / weightSum,
								0
							)
					);
					const touched = psus.filter((psuRows) => psuRows.some(member)).length;
					clusters += touched;
					if (psus.length < 2) {
						if (touched > 0) singletons += 1;
						continue;
					}
					const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
					const spread = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0);
					variance += (psus.length / (psus.length - 1)) * spread;
				}
				const se = Math.sqrt(variance);
				estimates.push({
					item,
					year,
					region: domain.region,
					area: domain.area,
					n: members.length,
					n_clusters: clusters,
					singleton_strata: singletons,
					weight_sum: weightSum,
					share,
					se,
					lower: Math.max(0, share - z * se),
					upper: Math.min(1, share + z * se)
				});
			}
		}
	}
	return estimates;
}
